//! Message extensions (`openim_msg_ext_http_svc`): key/value pairs attached to a stored
//! one-to-one message (found by `From_Account`, `To_Account`, `MsgKey`) or group message
//! (`GroupId`, `MsgSeq`). Docs: the set/get pages of 1047 (one-to-one and group) and the
//! `C2C.CallbackAfterC2CMsgExtension` / `Group.CallbackAfterGroupMsgExtension` callback pages.
//!
//! Sequences, as the callback examples show them: each message has one counter. Every write
//! that changes something takes the next value; each key it sets or deletes gets that value as
//! its `Seq`, and the counter is the message's `LatestSeq`. Clearing all keys takes the next
//! value too and records it as `ClearSeq`. A key's `Seq` in a write is a compare-and-set: when
//! given, it must equal the key's current `Seq` (0 for a key that is not set), or that key fails
//! with 23001 and the answer shows the key as it is. The docs skip the check for admin callers,
//! and every REST call is an admin call: the emulator checks whenever `Seq` is given, so a
//! test can exercise the conflict, and writes unconditionally when it is left out.

use super::ctx::field_msg;
use super::routes::{Handler, Route};
use super::snapshot::Persist;
use super::{ApiError, Ctx, Outcome};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};

/// The pages' "invalid parameter".
const BAD: i64 = 10004;
/// The key changed since the `Seq` the caller gave.
const CONFLICT: i64 = 23001;
/// No such message.
const NO_MESSAGE: i64 = 23004;
const MAX_PER_REQUEST: usize = 20;
const MAX_PER_MESSAGE: usize = 300;
const MAX_KEY_BYTES: usize = 100;
const MAX_VALUE_BYTES: usize = 1000;
/// Keys per get answer ("up to 200 ... pulled in batches based on StartSeq").
const PAGE: usize = 200;

/// In a snapshot: `{message: {LatestSeq, ClearSeq, Keys: {Key: {Value, Seq}}}}`, where the
/// message is named by the JSON text `["C2C", a, b, MsgKey]` (a, b the two accounts, sorted) or
/// `["Group", GroupId, MsgSeq]`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct MsgExt {
    by_msg: BTreeMap<String, Ext>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
struct Ext {
    #[serde(rename = "LatestSeq")]
    latest: u64,
    #[serde(rename = "ClearSeq")]
    clear: u64,
    #[serde(rename = "Keys")]
    keys: BTreeMap<String, Kv>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Kv {
    #[serde(rename = "Value")]
    value: String,
    #[serde(rename = "Seq")]
    seq: u64,
}

impl MsgExt {
    pub fn is_empty(&self) -> bool {
        self.by_msg.is_empty()
    }
}

impl Persist for MsgExt {
    fn check(&self) -> Result<(), String> {
        for ext in self.by_msg.values() {
            let ok = ext.keys.len() <= MAX_PER_MESSAGE
                && ext.clear <= ext.latest
                && ext
                    .keys
                    .values()
                    .all(|kv| kv.seq > ext.clear && kv.seq <= ext.latest);
            if !ok {
                return Err("message extension sequences are out of order".into());
            }
        }
        Ok(())
    }
}

pub const ROUTES: &[Route] = &[
    route("get_key_values", get_c2c),
    route("set_key_values", set_c2c),
    route("group_get_key_values", get_group),
    route("group_set_key_values", set_group),
];

const fn route(command: &'static str, handler: Handler) -> Route {
    Route::new("openim_msg_ext_http_svc", command, handler)
}

/// The message a request names: its key in [`MsgExt`], the fields the callback repeats, and the
/// callback's command.
struct Target {
    key: String,
    event: Value,
    callback: &'static str,
}

/// `From_Account` (the admin when absent), `To_Account` and `MsgKey` of a stored message.
fn c2c_target(ctx: &Ctx<'_>) -> Result<Target, ApiError> {
    let from = match ctx.opt_str("From_Account", BAD)? {
        None => ctx.admin,
        Some(_) => ctx.user_id("From_Account", BAD)?,
    };
    let to = ctx.user_id("To_Account", BAD)?;
    let msg_key = ctx.str("MsgKey", BAD)?;
    let found = ctx
        .state
        .c2c
        .conversation(from, to)
        .iter()
        .any(|m| m.key == msg_key && m.from == from && m.to == to && !m.withdrawn);
    if !found {
        return Err(ApiError::new(
            NO_MESSAGE,
            "no such one-to-one message (From_Account, To_Account, MsgKey)",
        ));
    }
    let (a, b) = if from <= to { (from, to) } else { (to, from) };
    Ok(Target {
        key: json!(["C2C", a, b, msg_key]).to_string(),
        event: json!({ "From_Account": from, "To_Account": to, "MsgKey": msg_key }),
        callback: "C2C.CallbackAfterC2CMsgExtension",
    })
}

/// `GroupId` (10010 when there is no such group) and `MsgSeq` of a stored group message.
fn group_target(ctx: &Ctx<'_>) -> Result<Target, ApiError> {
    let id = ctx.str("GroupId", BAD)?;
    let seq = u64::try_from(ctx.int("MsgSeq", BAD)?)
        .map_err(|_| ApiError::new(BAD, "MsgSeq must not be negative"))?;
    if !ctx.state.groups.has_msg(id, seq)? {
        return Err(ApiError::new(
            NO_MESSAGE,
            "no such group message (GroupId, MsgSeq)",
        ));
    }
    Ok(Target {
        key: json!(["Group", id, seq]).to_string(),
        event: json!({ "GroupId": id, "MsgSeq": seq }),
        callback: "Group.CallbackAfterGroupMsgExtension",
    })
}

fn get_c2c(ctx: &mut Ctx<'_>) -> Outcome {
    let t = c2c_target(ctx)?;
    get(ctx, &t)
}

fn get_group(ctx: &mut Ctx<'_>) -> Outcome {
    let t = group_target(ctx)?;
    get(ctx, &t)
}

fn set_c2c(ctx: &mut Ctx<'_>) -> Outcome {
    let t = c2c_target(ctx)?;
    set(ctx, t)
}

fn set_group(ctx: &mut Ctx<'_>) -> Outcome {
    let t = group_target(ctx)?;
    set(ctx, t)
}

/// Keys with `Seq >= StartSeq`, in `Seq` order (then by key), at most [`PAGE`]. A page ends
/// between two sequences, so the next one is asked for with `StartSeq` = the last `Seq` + 1.
fn get(ctx: &Ctx<'_>, t: &Target) -> Outcome {
    let start = match ctx.opt_int("StartSeq", BAD)? {
        None => 0,
        Some(n) => {
            u64::try_from(n).map_err(|_| ApiError::new(BAD, "StartSeq must not be negative"))?
        }
    };
    let empty = Ext::default();
    let ext = ctx.state.msg_ext.by_msg.get(&t.key).unwrap_or(&empty);
    let mut due: Vec<(&String, &Kv)> = ext.keys.iter().filter(|(_, kv)| kv.seq >= start).collect();
    due.sort_by_key(|(k, kv)| (kv.seq, *k));
    let mut n = due.len().min(PAGE);
    if n < due.len() {
        // Back off to the start of the sequence the page would split (one write sets at most 20
        // keys, so this keeps most of the page).
        let cut = due[n].1.seq;
        let whole = due[..n]
            .iter()
            .rposition(|(_, kv)| kv.seq != cut)
            .map_or(0, |i| i + 1);
        if whole > 0 {
            n = whole;
        }
    }
    let list: Vec<Value> = due[..n]
        .iter()
        .map(|(k, kv)| json!({ "Key": k, "Value": kv.value, "Seq": kv.seq }))
        .collect();
    Ok(json!({
        "ExtensionList": list,
        "CompleteFlag": u8::from(n == due.len()),
        "LatestSeq": ext.latest,
        "ClearSeq": ext.clear,
    }))
}

/// One `ExtensionList` item of a write.
struct Item<'a> {
    key: &'a str,
    value: &'a str,
    seq: Option<u64>,
}

fn items<'a>(ctx: &Ctx<'a>, setting: bool) -> Result<Vec<Item<'a>>, ApiError> {
    let list = ctx.array("ExtensionList", BAD)?;
    if list.is_empty() || list.len() > MAX_PER_REQUEST {
        return Err(ApiError::new(BAD, "ExtensionList must hold 1-20 keys"));
    }
    let mut seen = BTreeSet::new();
    list.iter()
        .map(|it| {
            let key = it.get("Key").and_then(Value::as_str).unwrap_or("");
            if key.is_empty() || key.len() > MAX_KEY_BYTES {
                return Err(ApiError::new(
                    BAD,
                    "each Key must be a string of 1-100 bytes",
                ));
            }
            if !seen.insert(key) {
                return Err(ApiError::new(BAD, field_msg(key, "is listed twice")));
            }
            let value = match it.get("Value") {
                Some(Value::String(v)) if v.len() <= MAX_VALUE_BYTES => v.as_str(),
                None if !setting => "",
                _ => {
                    return Err(ApiError::new(
                        BAD,
                        "each Value must be a string of at most 1000 bytes",
                    ))
                }
            };
            let seq = match it.get("Seq") {
                None | Some(Value::Null) => None,
                Some(v) => Some(
                    v.as_u64()
                        .ok_or_else(|| ApiError::new(BAD, "Seq must be a non-negative integer"))?,
                ),
            };
            Ok(Item { key, value, seq })
        })
        .collect()
}

/// OperateType 1 sets, 2 deletes, 3 clears; nothing changes unless the whole request is valid.
fn set(ctx: &mut Ctx<'_>, t: Target) -> Outcome {
    let op = ctx.int("OperateType", BAD)?;
    if !(1..=3).contains(&op) {
        return Err(ApiError::new(
            BAD,
            "OperateType must be 1 (set), 2 (delete) or 3 (clear)",
        ));
    }
    let list = if op == 3 {
        Vec::new()
    } else {
        items(ctx, op == 1)?
    };
    let mut ext = ctx
        .state
        .msg_ext
        .by_msg
        .get(&t.key)
        .cloned()
        .unwrap_or_default();
    let seq = ext.latest + 1;
    let mut answer = json!({});
    let mut changed = Vec::new();
    if op == 3 {
        ext.keys.clear();
        ext.clear = seq;
        // Tencent's pages answer only ExtensionList; the clear's Seq shows as get's ClearSeq.
        answer["ExtensionList"] = json!([]);
    } else {
        let mut results = Vec::with_capacity(list.len());
        for it in &list {
            let current = ext.keys.get(it.key);
            let now_seq = current.map_or(0, |kv| kv.seq);
            if it.seq.is_some_and(|s| s != now_seq) {
                let value = current.map_or("", |kv| kv.value.as_str());
                results.push(json!({
                    "ErrorCode": CONFLICT,
                    "Extension": { "Key": it.key, "Value": value, "Seq": now_seq },
                }));
                continue;
            }
            let value = if op == 1 {
                ext.keys.insert(
                    it.key.to_owned(),
                    Kv {
                        value: it.value.to_owned(),
                        seq,
                    },
                );
                it.value
            } else {
                ext.keys.remove(it.key);
                ""
            };
            let kv = json!({ "Key": it.key, "Value": value, "Seq": seq });
            results.push(json!({ "ErrorCode": 0, "Extension": kv }));
            changed.push(kv);
        }
        if ext.keys.len() > MAX_PER_MESSAGE {
            return Err(ApiError::new(BAD, "a message holds at most 300 keys"));
        }
        answer["ExtensionList"] = results.into();
    }
    if op == 3 || !changed.is_empty() {
        ext.latest = seq;
        ctx.state.msg_ext.by_msg.insert(t.key, ext);
        let mut event = t.event;
        event["OperateType"] = op.into();
        event["ExtensionList"] = changed.into();
        event["Seq"] = seq.into();
        event["EventTime"] = (ctx.now_s * 1000).into();
        ctx.after(t.callback, event);
    }
    Ok(answer)
}
