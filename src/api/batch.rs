//! Batching: split a body whose list is longer than one call takes into several bodies, and
//! merge the answers of those calls back into one. Pure; the JS layer runs the calls with
//! bounded concurrency and records the chunks that failed.

use super::rules::batch_list;
use super::Endpoint;
use crate::body::NotJson;
use serde_json::value::RawValue;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// The bodies to send, in order: the caller's text, split along the endpoint's list when it is
/// longer than one call takes (one body, unchanged, otherwise). Every member of every part is the
/// caller's own text (module `crate::body`): nothing is decoded and written again.
pub fn split(ep: &Endpoint, body: &str) -> Result<Vec<String>, NotJson> {
    let whole = || Ok(vec![body.to_owned()]);
    let limit = ep.batch_limit as usize;
    let Some(list) = batch_list(&ep.path()).filter(|l| l.splittable && limit > 0) else {
        return whole();
    };
    let Ok(members) = serde_json::from_str::<BTreeMap<String, &RawValue>>(body) else {
        // Not an object: refused as such by validation, never split here.
        return match serde_json::from_str::<&RawValue>(body) {
            Ok(_) => whole(),
            Err(_) => Err(NotJson),
        };
    };
    let Some((field, items)) = list.fields.iter().find_map(|f| {
        let raw = members.get(*f)?;
        let items: Vec<&RawValue> = serde_json::from_str(raw.get()).ok()?;
        Some((*f, items))
    }) else {
        return whole();
    };
    if items.len() <= limit {
        return whole();
    }
    let lists = items
        .chunks(limit)
        .map(|chunk| {
            let list = serde_json::to_string(chunk).map_err(|_| NotJson)?;
            RawValue::from_string(list).map_err(|_| NotJson)
        })
        .collect::<Result<Vec<_>, _>>()?;
    // Each part is the caller's object with the list swapped for one chunk: the same map, the
    // same key order, one value replaced (no second map type to link into the wasm).
    let mut part = members;
    let mut parts = Vec::with_capacity(lists.len());
    for list in &lists {
        if let Some(slot) = part.get_mut(field) {
            *slot = list;
        }
        parts.push(serde_json::to_string(&part).map_err(|_| NotJson)?);
    }
    Ok(parts)
}

/// One answer from several: arrays (per-item results and errors such as `ResultItem`,
/// `FailAccounts`, `ErrorList`, `MemberList`) are concatenated in call order; every other field
/// is the first answer's.
pub fn merge(answers: &[Value]) -> Value {
    let mut out = Map::new();
    for answer in answers {
        let Some(obj) = answer.as_object() else {
            continue;
        };
        for (k, v) in obj {
            match (out.get_mut(k), v) {
                (Some(Value::Array(acc)), Value::Array(more)) => acc.extend(more.iter().cloned()),
                (Some(_), _) => {}
                (None, v) => {
                    out.insert(k.clone(), v.clone());
                }
            }
        }
    }
    Value::Object(out)
}
