//! Checks a request body against the rules tables before anything is sent: the body is a JSON
//! object, the documented required fields are there, the limited list is within `batch_limit`,
//! and documented page sizes are in range. Everything else is Tencent's to judge.

use super::rules::{batch_list, required, RANGES};
use super::{is_path, Endpoint};
use crate::error::TimError;
use serde_json::{Map, Value};

type Object = Map<String, Value>;

fn present(body: &Object, field: &str) -> bool {
    field
        .split('|')
        .any(|f| body.get(f).is_some_and(|v| !v.is_null()))
}

/// `Ok(())` or a `bad-input` error naming the endpoint and the field.
pub fn validate(ep: &Endpoint, body: &Value) -> Result<(), TimError> {
    let path = ep.path();
    let fail = |msg: String| Err(TimError::bad_input(msg).at(ep.service, ep.command));
    let empty = Object::new();
    let obj = match body {
        Value::Object(o) => o,
        Value::Null => &empty,
        _ => {
            return fail(format!(
                "the body of {}.{} must be a JSON object",
                ep.namespace, ep.method
            ))
        }
    };
    for field in required(&path) {
        if !present(obj, field) {
            let name = field.replace('|', " or ");
            return fail(format!(
                "{name} is required by {}.{}",
                ep.namespace, ep.method
            ));
        }
    }
    if let Some(list) = batch_list(&path) {
        for field in list.fields {
            match obj.get(*field) {
                None | Some(Value::Null) => {}
                Some(Value::Array(items)) => {
                    if items.is_empty() {
                        return fail(format!("{field} must not be empty"));
                    }
                    if ep.batch_limit > 0 && items.len() > ep.batch_limit as usize {
                        return fail(format!(
                            "{field} has {} items; {}.{} takes at most {} per call (use {}.{}Batched to split it)",
                            items.len(),
                            ep.namespace,
                            ep.method,
                            ep.batch_limit,
                            ep.namespace,
                            ep.method
                        ));
                    }
                }
                Some(_) => return fail(format!("{field} must be an array")),
            }
        }
    }
    for r in RANGES.iter().filter(|r| is_path(r.path, &path)) {
        match obj.get(r.field) {
            None | Some(Value::Null) => {}
            Some(v) => {
                let ok = v.as_u64().is_some_and(|n| n >= r.min && n <= r.max);
                if !ok {
                    return fail(format!(
                        "{} must be an integer from {} to {}",
                        r.field, r.min, r.max
                    ));
                }
            }
        }
    }
    Ok(())
}
