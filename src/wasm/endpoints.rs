//! The endpoint catalog for JS: the table, pre-send validation, the next page of a paged list,
//! and batch split/merge. Bodies cross as JSON text (what `call` sends anyway); all decisions
//! are the pure functions in [`crate::api`].

use super::error::js;
use crate::api::{self, batch, paging};
use crate::error::TimError;
use crate::json::{self, Value};
use wasm_bindgen::prelude::*;

fn parse(text: &str, what: &str) -> Result<Value, TimError> {
    json::parse(text).map_err(|_| TimError::bad_input(format!("{what} is not JSON")))
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
        Some(text) => parse(&text, "body").map_err(|e| js(e.at(service, command)))?,
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
    answer: &str,
) -> Result<Option<String>, JsValue> {
    let run = || -> Result<Option<String>, TimError> {
        let ep = endpoint(service, command)?;
        let rule = paging::paging(&ep.path()).ok_or_else(|| {
            TimError::bad_input("this endpoint is not a paged list").at(service, command)
        })?;
        let next = paging::next_page(rule, &parse(request, "request")?, &parse(answer, "answer")?)?;
        Ok(next.map(|v| v.to_json()))
    };
    run().map_err(js)
}

/// The bodies to send for one batched call, as JSON text of an array.
#[wasm_bindgen(js_name = splitBatch)]
pub fn split_batch(service: &str, command: &str, body: &str) -> Result<String, JsValue> {
    let run = || -> Result<String, TimError> {
        let ep = endpoint(service, command)?;
        Ok(Value::Array(batch::split(ep, &parse(body, "body")?)).to_json())
    };
    run().map_err(js)
}

/// One answer from the answers of the calls that succeeded (JSON text of an array, in order).
#[wasm_bindgen(js_name = mergeBatch)]
pub fn merge_batch(answers: &str) -> Result<String, JsValue> {
    let list = parse(answers, "answers").map_err(js)?;
    let list = list
        .as_array()
        .ok_or_else(|| js(TimError::bad_input("answers must be an array")))?;
    Ok(batch::merge(list).to_json())
}
