//! Batching: split a body whose list is longer than one call takes into several bodies, and
//! merge the answers of those calls back into one. Pure; the JS layer runs the calls with
//! bounded concurrency and records the chunks that failed.

use super::rules::batch_list;
use super::Endpoint;
use crate::json::{Object, Value};

/// The bodies to send, in order. One body (unchanged) when nothing needs splitting.
pub fn split(ep: &Endpoint, body: &Value) -> Vec<Value> {
    let limit = ep.batch_limit as usize;
    let Some(list) = batch_list(&ep.path()).filter(|l| l.splittable && limit > 0) else {
        return vec![body.clone()];
    };
    let Some(obj) = body.as_object() else {
        return vec![body.clone()];
    };
    let Some((field, items)) = list
        .fields
        .iter()
        .find_map(|f| obj.get(f).and_then(Value::as_array).map(|a| (*f, a)))
    else {
        return vec![body.clone()];
    };
    if items.len() <= limit {
        return vec![body.clone()];
    }
    items
        .chunks(limit)
        .map(|chunk| {
            let mut part = obj.clone();
            part.insert(field, Value::Array(chunk.to_vec()));
            Value::Object(part)
        })
        .collect()
}

/// One answer from several: arrays (per-item results and errors such as `ResultItem`,
/// `FailAccounts`, `ErrorList`, `MemberList`) are concatenated in call order; every other field
/// is the first answer's. (A key repeated inside one answer counts once per occurrence; Tencent's
/// answers do not repeat keys.)
pub fn merge(answers: &[Value]) -> Value {
    let mut out = Object::new();
    for answer in answers {
        let Some(obj) = answer.as_object() else {
            continue;
        };
        for (k, v) in obj.iter() {
            match (out.get_mut(k), v) {
                (Some(Value::Array(acc)), Value::Array(more)) => acc.extend(more.iter().cloned()),
                (Some(_), _) => {}
                (None, v) => out.insert(k, v.clone()),
            }
        }
    }
    Value::Object(out)
}
