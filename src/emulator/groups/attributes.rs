//! Group custom attributes: get_group_attr (served under `group_open_attr_http_svc`),
//! modify_group_attr, set_group_attr, clear_group_attr, and `Group.CallbackAfterGroupAttrChanged`.
//! Items are `{key, value}` in lower case, as Tencent spells them.

use super::super::{ApiError, Ctx, Outcome};
use super::*;
use serde_json::json;

/// The doc's limits and their codes: 16 keys (10047), a key of 32 bytes (10045), a value of 4000
/// bytes (10046), 16000 bytes of values in all (10048).
pub(super) const MAX_KEYS: usize = 16;
const MAX_KEY: usize = 32;
const MAX_VALUE: usize = 4000;
const MAX_TOTAL: usize = 16_000;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attr {
    pub(super) key: String,
    pub(super) value: String,
}

fn items(attrs: &[Attr]) -> Value {
    attrs
        .iter()
        .map(|a| json!({ "key": a.key, "value": a.value }))
        .collect()
}

/// `GroupAttr`: an array of `{key, value}` strings within the per-item limits, keys distinct.
fn read<'a>(ctx: &Ctx<'a>, allow_empty: bool) -> Result<Vec<(&'a str, &'a str)>, ApiError> {
    let list = ctx.array("GroupAttr", BAD)?;
    if list.is_empty() && !allow_empty {
        return Err(bad("GroupAttr", "is empty"));
    }
    let mut out: Vec<(&str, &str)> = Vec::with_capacity(list.len());
    for it in list {
        let field = |k: &str| it.get(k).and_then(Value::as_str);
        let (Some(key), Some(value)) = (field("key"), field("value")) else {
            return Err(bad("GroupAttr", "items need string key and value"));
        };
        if key.is_empty() {
            return Err(bad("GroupAttr", "holds an empty key"));
        }
        if key.len() > MAX_KEY {
            return Err(ApiError::new(10045, "a GroupAttr key is over 32 bytes"));
        }
        if value.len() > MAX_VALUE {
            return Err(ApiError::new(10046, "a GroupAttr value is over 4000 bytes"));
        }
        if out.iter().any(|(k, _)| *k == key) {
            return Err(bad("GroupAttr", "holds a key twice"));
        }
        if out.len() == MAX_KEYS {
            return Err(ApiError::new(10047, "GroupAttr holds over 16 keys"));
        }
        out.push((key, value));
    }
    Ok(out)
}

/// The whole set after a change, checked against the group-wide limits.
fn check_totals(attrs: &[Attr]) -> Result<(), ApiError> {
    if attrs.len() > MAX_KEYS {
        return Err(ApiError::new(
            10047,
            "the group would have over 16 attributes",
        ));
    }
    if attrs.iter().map(|a| a.value.len()).sum::<usize>() > MAX_TOTAL {
        return Err(ApiError::new(
            10048,
            "the group's attribute values would exceed 16000 bytes",
        ));
    }
    Ok(())
}

fn changed(ctx: &mut Ctx<'_>, id: &str, kind: Kind, option: &str, attrs: Value) {
    ctx.after(
        "Group.CallbackAfterGroupAttrChanged",
        json!({
            "GroupId": id,
            "Type": kind.name(),
            "Operator_Account": ctx.admin,
            "OptionType": option,
            "GroupAttr": attrs,
            "EventTime": ctx.now_s * 1000,
        }),
    );
}

pub fn get(ctx: &mut Ctx<'_>) -> Outcome {
    let id = ctx.str("GroupId", BAD)?;
    let g = ctx.state.groups.get(id)?;
    Ok(json!({ "GroupAttrAry": items(&g.ext.attrs) }))
}

/// Adds or replaces the given keys; the others stay.
pub fn modify(ctx: &mut Ctx<'_>) -> Outcome {
    let id = ctx.str("GroupId", BAD)?;
    let given = read(ctx, false)?;
    let g = ctx.state.groups.get_mut(id)?;
    let mut next = g.ext.attrs.clone();
    for (key, value) in &given {
        match next.iter_mut().find(|a| a.key == *key) {
            Some(a) => a.value = (*value).to_owned(),
            None => next.push(Attr {
                key: (*key).to_owned(),
                value: (*value).to_owned(),
            }),
        }
    }
    check_totals(&next)?;
    g.ext.attrs = next;
    let kind = g.kind;
    let list = given
        .iter()
        .map(|(k, v)| json!({ "key": k, "value": v }))
        .collect();
    changed(ctx, id, kind, "modify", list);
    Ok(json!({}))
}

/// Replaces the whole set (an empty GroupAttr leaves none).
pub fn set(ctx: &mut Ctx<'_>) -> Outcome {
    let id = ctx.str("GroupId", BAD)?;
    let given = read(ctx, true)?;
    let next: Vec<Attr> = given
        .iter()
        .map(|(k, v)| Attr {
            key: (*k).to_owned(),
            value: (*v).to_owned(),
        })
        .collect();
    check_totals(&next)?;
    let g = ctx.state.groups.get_mut(id)?;
    g.ext.attrs = next;
    let (kind, list) = (g.kind, items(&g.ext.attrs));
    changed(ctx, id, kind, "set", list);
    Ok(json!({}))
}

/// Not for Community groups (the doc's type table).
pub fn clear(ctx: &mut Ctx<'_>) -> Outcome {
    let id = ctx.str("GroupId", BAD)?;
    let g = ctx.state.groups.get_mut(id)?;
    if g.kind == Kind::Community {
        return Err(ApiError::new(
            DENIED,
            "clear_group_attr does not support Community groups",
        ));
    }
    g.ext.attrs.clear();
    let kind = g.kind;
    changed(ctx, id, kind, "clear", json!([]));
    Ok(json!({}))
}
