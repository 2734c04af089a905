//! The endpoint catalog for JS: the table, pre-send validation, the next page of a paged list,
//! and batch split/merge. Request bodies cross as the JSON text `call` sends anyway; answers,
//! already parsed by `JSON.parse`, cross as structured values. All decisions are the pure
//! functions in [`crate::api`].

use super::convert::to_js;
use super::error::js;
use crate::api::{self, batch, paging};
use crate::body;
use crate::error::TimError;
use serde_json::Value;
use wasm_bindgen::prelude::*;

fn read(text: &str, what: &str) -> Result<Value, TimError> {
    body::read(text).map_err(|_| TimError::bad_input(format!("{what} is not JSON")))
}

/// An answer object as a JSON value (answers came from JSON.parse, so they convert whole).
fn answer(v: JsValue, what: &str) -> Result<Value, TimError> {
    serde_wasm_bindgen::from_value(v)
        .map_err(|e| TimError::bad_input(format!("{what} is not a JSON value: {e}")))
}

fn endpoint(service: &str, command: &str) -> Result<&'static api::Endpoint, TimError> {
    api::find(service, command)
        .ok_or_else(|| TimError::bad_input("not a catalog endpoint").at(service, command))
}

/// The catalog as JSON text: `[{ namespace, method, servicename, command, retry, batchLimit, ... }]`.
#[wasm_bindgen(js_name = endpointTable)]
pub fn endpoint_table() -> String {
    api::table()
}

/// Throws a bad-input TimError when `body` breaks a documented rule of the endpoint. Endpoints
/// outside the catalog (legacy paths sent through `call`) have no rules here.
#[wasm_bindgen(js_name = validateBody)]
pub fn validate_body(service: &str, command: &str, body: Option<String>) -> Result<(), JsValue> {
    let Some(ep) = api::find(service, command) else {
        return Ok(());
    };
    let body = match body {
        Some(text) => read(&text, "body").map_err(|e| js(e.at(service, command)))?,
        None => Value::Null,
    };
    api::validate(ep, &body).map_err(js)
}

/// The next request body (JSON text) after `answer`, or undefined when `answer` was the last page.
#[wasm_bindgen(js_name = nextPage)]
pub fn next_page(
    service: &str,
    command: &str,
    request: &str,
    answer_value: JsValue,
) -> Result<Option<String>, JsValue> {
    let run = || -> Result<Option<String>, TimError> {
        let ep = endpoint(service, command)?;
        let rule = paging::paging(&ep.path()).ok_or_else(|| {
            TimError::bad_input("this endpoint is not a paged list").at(service, command)
        })?;
        let next = paging::next_page(
            rule,
            &read(request, "request")?,
            &answer(answer_value, "answer")?,
        )?;
        // to_string, not Display: Display carries a pretty printer too, and this is the
        // writer webhook replies already use (same compact text).
        Ok(next.map(|v| serde_json::to_string(&v).unwrap_or_default()))
    };
    run().map_err(js)
}

/// The bodies to send for one batched call: an array of JSON texts, each the caller's own text
/// of every member (see `api::batch::split`).
#[wasm_bindgen(js_name = splitBatch)]
pub fn split_batch(service: &str, command: &str, body: &str) -> Result<JsValue, JsValue> {
    let run = || -> Result<JsValue, TimError> {
        let ep = endpoint(service, command)?;
        let parts = batch::split(ep, body).map_err(|_| TimError::bad_input("body is not JSON"))?;
        Ok(to_js(&parts))
    };
    run().map_err(js)
}

/// One answer from the answers of the calls that succeeded (in order).
#[wasm_bindgen(js_name = mergeBatch)]
pub fn merge_batch(answers: JsValue) -> Result<JsValue, JsValue> {
    let list: Vec<Value> = serde_wasm_bindgen::from_value(answers).map_err(|e| {
        js(TimError::bad_input(format!(
            "answers must be an array: {e}"
        )))
    })?;
    Ok(to_js(&batch::merge(&list)))
}
