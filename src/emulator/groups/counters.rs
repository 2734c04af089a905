//! Group counters: get_group_counter, update_group_counter (Mode Set / Increase / Decrease) and
//! delete_group_counter. Items are `{Key, Value}` (capitalised, unlike attributes), Value a
//! 64-bit signed integer. Not for Community groups (the doc's type table: 10007).

use super::super::{ApiError, Ctx, Outcome};
use super::extra::{opt_strings, strings};
use super::*;
use serde_json::json;

/// At most 20 keys per group (10063) of at most 128 bytes.
pub(super) const MAX_KEYS: usize = 20;
const MAX_KEY: usize = 128;

fn not_community(g: &Group) -> Result<(), ApiError> {
    if g.kind == Kind::Community {
        return Err(ApiError::new(
            DENIED,
            "group counters do not support Community groups",
        ));
    }
    Ok(())
}

fn item(key: &str, value: i64) -> Value {
    json!({ "Key": key, "Value": value })
}

/// The named counters that exist (all when GroupCounterKeys is absent), in key order.
pub fn get(ctx: &mut Ctx<'_>) -> Outcome {
    let id = ctx.str("GroupId", BAD)?;
    let keys = opt_strings(ctx, "GroupCounterKeys", MAX_KEYS, MAX_KEY)?;
    let g = ctx.state.groups.get(id)?;
    not_community(g)?;
    let counters = &g.ext.counters;
    let list: Vec<Value> = match keys {
        None => counters.iter().map(|(k, v)| item(k, *v)).collect(),
        Some(keys) => keys
            .iter()
            .filter_map(|k| counters.get(*k).map(|v| item(k, *v)))
            .collect(),
    };
    Ok(json!({ "GroupCounter": list }))
}

#[derive(Clone, Copy)]
enum Mode {
    Set,
    Increase,
    Decrease,
}

/// Answers the counters after the update, in request order. A missing key starts at 0 (doc);
/// a result outside i64 is refused (10004) and nothing changes.
pub fn update(ctx: &mut Ctx<'_>) -> Outcome {
    let id = ctx.str("GroupId", BAD)?;
    let mode = match ctx.opt_str("Mode", BAD)? {
        None | Some("Set") => Mode::Set,
        Some("Increase") => Mode::Increase,
        Some("Decrease") => Mode::Decrease,
        Some(_) => return Err(bad("Mode", "must be Set, Increase or Decrease")),
    };
    let list = ctx.array("GroupCounter", BAD)?;
    if list.is_empty() {
        return Err(bad("GroupCounter", "is empty"));
    }
    if list.len() > MAX_KEYS {
        return Err(ApiError::new(10063, "GroupCounter holds over 20 keys"));
    }
    let mut given: Vec<(&str, i64)> = Vec::with_capacity(list.len());
    for it in list {
        let key = it
            .get("Key")
            .and_then(Value::as_str)
            .filter(|k| !k.is_empty() && k.len() <= MAX_KEY)
            .ok_or_else(|| bad("GroupCounter", "items need a Key of 1-128 bytes"))?;
        let value = it.get("Value").and_then(Value::as_i64).ok_or_else(|| {
            bad(
                "GroupCounter",
                "items need an integer Value (64-bit signed)",
            )
        })?;
        if given.iter().any(|(k, _)| *k == key) {
            return Err(bad("GroupCounter", "holds a Key twice"));
        }
        given.push((key, value));
    }
    let g = ctx.state.groups.get_mut(id)?;
    not_community(g)?;
    let mut next = g.ext.counters.clone();
    let mut out = Vec::with_capacity(given.len());
    for (key, value) in given {
        let old = next.get(key).copied().unwrap_or(0);
        let new = match mode {
            Mode::Set => Some(value),
            Mode::Increase => old.checked_add(value),
            Mode::Decrease => old.checked_sub(value),
        }
        .ok_or_else(|| bad("GroupCounter", "would take a counter outside 64-bit signed"))?;
        next.insert(key.to_owned(), new);
        out.push(item(key, new));
    }
    if next.len() > MAX_KEYS {
        return Err(ApiError::new(
            10063,
            "the group would have over 20 counters",
        ));
    }
    g.ext.counters = next;
    Ok(json!({ "GroupCounter": out }))
}

/// Removes the named counters (all when GroupCounterKeys is absent); unknown keys are ignored.
pub fn delete(ctx: &mut Ctx<'_>) -> Outcome {
    let id = ctx.str("GroupId", BAD)?;
    let keys = match ctx.body.get("GroupCounterKeys") {
        None | Some(Value::Null) => None,
        Some(_) => Some(strings(ctx, "GroupCounterKeys", MAX_KEYS, MAX_KEY)?),
    };
    let g = ctx.state.groups.get_mut(id)?;
    not_community(g)?;
    match keys {
        None => g.ext.counters.clear(),
        Some(keys) => g.ext.counters.retain(|k, _| !keys.contains(&k.as_str())),
    }
    Ok(json!({}))
}
