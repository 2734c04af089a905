//! Official account messages: send to all subscribers (with the content dedup and the send
//! webhooks), recall by MsgKey, history by LastMsgKey.

use super::super::Before;
use super::*;
use crate::emulator::c2c::msg_body;

/// "If the content of two messages is identical within 5 minutes, the latter is discarded as a
/// duplicate" (doc 1047/60810; rest-reliability-facts.md).
const DEDUP_WINDOW_S: u64 = 300;
/// official_account_msg_recall takes at most 10 keys.
const MAX_RECALL: usize = 10;
/// official_account_msg_get_simple answers at most 20 messages (more asked: cut, IsFinished 0).
const MAX_PAGE: usize = 20;
/// RetCode of a key that names no message of the account (the group service's "no such
/// message"; the official-account pages list no code of their own).
const NO_MSG: i64 = 10_030;
const CALLBACK_CONTROLS: [&str; 2] = ["ForbidBeforeSendMsgCallback", "ForbidAfterSendMsgCallback"];

fn sent(time: u64, key: &str) -> Value {
    json!({ "MsgTime": time, "MsgKey": key })
}

/// An optional array of strings drawn from `allowed`.
fn words<'a>(ctx: &Ctx<'a>, key: &str, allowed: &[&str]) -> Result<Vec<&'a str>, ApiError> {
    match ctx.body.get(key) {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(items)) => items
            .iter()
            .map(|v| {
                v.as_str()
                    .filter(|w| allowed.contains(w))
                    .ok_or_else(|| bad(key, &format!("items must be one of {allowed:?}")))
            })
            .collect(),
        Some(_) => Err(bad(key, "must be an array")),
    }
}

pub fn send(ctx: &mut Ctx<'_>) -> Outcome {
    let id = account_id(ctx)?;
    let random = ctx
        .opt_int("Random", BAD)?
        .and_then(|n| u32::try_from(n).ok())
        .ok_or_else(|| bad("Random", "must be an integer 0-4294967295"))?;
    // The message checks of the other send commands, with this service's code.
    let body = msg_body(ctx.body.get("MsgBody")).map_err(|e| ApiError::new(BAD, e.info))?;
    let online_only = match ctx.opt_int("OnlineOnlyFlag", BAD)? {
        None | Some(0) => false,
        Some(1) => true,
        Some(_) => return Err(bad("OnlineOnlyFlag", "must be 0 or 1")),
    };
    let cloud = ctx.opt_str("CloudCustomData", BAD)?;
    if !matches!(
        ctx.body.get("OfflinePushInfo"),
        None | Some(Value::Null | Value::Object(_))
    ) {
        return Err(bad("OfflinePushInfo", "must be an object"));
    }
    words(ctx, "SendMsgControl", &["NoLastMsg"])?;
    let forbid = words(ctx, "ForbidCallbackControl", &CALLBACK_CONTROLS)?;
    let now = ctx.now_s;
    let content = Value::Array(body.clone());
    let a = ctx.state.official.get(id)?;
    // A repeat of stored content inside the window is the message already sent: same answer,
    // nothing new, no webhooks.
    let dup = a
        .msgs
        .iter()
        .rev()
        .take_while(|m| m.msg_time_stamp.saturating_add(DEDUP_WINDOW_S) > now)
        .find(|m| !m.recalled && m.msg_body == content);
    if let Some(m) = dup {
        return Ok(sent(m.msg_time_stamp, &m.key()));
    }

    let mut event = event(ctx, id);
    event["OnlineOnlyFlag"] = u8::from(online_only).into();
    event["MsgBody"] = body.into();
    if let Some(c) = cloud {
        event["CloudCustomData"] = c.into();
    }
    if !forbid.contains(&"ForbidBeforeSendMsgCallback") {
        match ctx.before("OfficialAccount.CallbackBeforeSendMsg", event.clone()) {
            Before::Pending => return Err(ApiError::new(0, "")),
            Before::Reject { custom } => {
                return Err(custom.unwrap_or(ApiError::new(
                    REFUSED,
                    "the app's OfficialAccount.CallbackBeforeSendMsg rejected the message",
                )))
            }
            // Reported as sent; nothing is stored, so no sequence is used.
            Before::Drop => return Ok(sent(now, &msg_key(0, now))),
            Before::AllowModified(reply) => {
                // A malformed replacement is ignored rather than stored.
                if let Ok(b) = msg_body(reply.get("MsgBody")) {
                    event["MsgBody"] = b.into();
                }
                if let Some(Value::String(c)) = reply.get("CloudCustomData") {
                    event["CloudCustomData"] = c.as_str().into();
                }
            }
            Before::Allow => {}
        }
    }

    let a = ctx.state.official.get_mut(id)?;
    // Online-only messages are delivered, never stored, and take no sequence.
    let seq = if online_only {
        0
    } else {
        let seq = a.next_seq;
        a.next_seq += 1;
        a.msgs.push(Msg {
            msg_seq: seq,
            msg_random: random,
            msg_time_stamp: now,
            msg_body: event.get("MsgBody").cloned().unwrap_or(Value::Null),
            cloud_custom_data: event
                .get("CloudCustomData")
                .and_then(Value::as_str)
                .map(str::to_owned),
            recalled: false,
        });
        if a.msgs.len() > MAX_HISTORY {
            a.msgs.remove(0);
        }
        a.last_msg_time = now;
        seq
    };
    let key = msg_key(seq, now);
    if !forbid.contains(&"ForbidAfterSendMsgCallback") {
        event["MsgSeq"] = seq.into();
        event["MsgTime"] = now.into();
        event["MsgKey"] = key.as_str().into();
        ctx.after("OfficialAccount.CallbackAfterSendMsg", event);
    }
    Ok(sent(now, &key))
}

/// `MsgKeyList` (1-10): RetCode 0 recalled (again: still 0), 10030 no such message. Each
/// recalled message gets `OfficialAccount.CallbackAfterMsgWithDraw`.
pub fn recall(ctx: &mut Ctx<'_>) -> Outcome {
    let id = account_id(ctx)?;
    let items = ctx.array("MsgKeyList", BAD)?;
    if items.is_empty() || items.len() > MAX_RECALL {
        return Err(bad("MsgKeyList", "must hold 1-10 keys"));
    }
    let keys = items
        .iter()
        .map(|k| {
            k.as_str()
                .ok_or_else(|| bad("MsgKeyList", "items must be strings"))
        })
        .collect::<Result<Vec<_>, _>>()?;
    opt_text(ctx, "Reason", 1024)?;
    let a = ctx.state.official.get_mut(id)?;
    let mut out = Vec::with_capacity(keys.len());
    let mut done = Vec::new();
    for key in keys {
        let found = parse_key(key).and_then(|(seq, _)| {
            a.msgs
                .iter_mut()
                .find(|m| m.msg_seq == seq && m.key() == key)
        });
        let code = match found {
            Some(m) => {
                m.recalled = true;
                done.push(key);
                0
            }
            None => NO_MSG,
        };
        out.push(json!({ "MsgKey": key, "RetCode": code }));
    }
    for key in done {
        let mut after = event(ctx, id);
        after["MsgKey"] = key.into();
        ctx.after("OfficialAccount.CallbackAfterMsgWithDraw", after);
    }
    Ok(json!({ "RecallRetList": out }))
}

/// `Seq_1_Time` -> (Seq, Time).
fn parse_key(key: &str) -> Option<(u64, u64)> {
    let mut parts = key.split('_');
    let seq = parts.next()?.parse().ok()?;
    let one = parts.next()?;
    let time = parts.next()?.parse().ok()?;
    (one == "1" && parts.next().is_none()).then_some((seq, time))
}

/// Newest first: the latest `ReqMsgNumber` messages, or those older than `LastMsgKey`; at most
/// 20 (more asked: IsFinished 0). Recalled messages are left out unless `WithRecalledMsg` is 1,
/// then they are placeholders (IsPlaceMsg 1, no body). `LastMsgKey` in the answer names the
/// oldest message returned.
pub fn history(ctx: &mut Ctx<'_>) -> Outcome {
    let id = account_id(ctx)?;
    let asked = match ctx.int("ReqMsgNumber", BAD)? {
        n @ 1.. => usize::try_from(n).unwrap_or(usize::MAX),
        _ => return Err(bad("ReqMsgNumber", "must be at least 1")),
    };
    let before = match ctx.opt_str("LastMsgKey", BAD)? {
        None | Some("") => u64::MAX,
        Some(k) => {
            parse_key(k)
                .ok_or_else(|| bad("LastMsgKey", "is not a key this account returned"))?
                .0
        }
    };
    let with_recalled = match ctx.opt_int("WithRecalledMsg", BAD)? {
        None | Some(0) => false,
        Some(1) => true,
        Some(_) => return Err(bad("WithRecalledMsg", "must be 0 or 1")),
    };
    let a = ctx.state.official.get(id)?;
    let mut eligible = a
        .msgs
        .iter()
        .rev()
        .filter(|m| m.msg_seq < before && (with_recalled || !m.recalled));
    let mut list = Vec::new();
    let mut last = None;
    for m in eligible.by_ref().take(asked.min(MAX_PAGE)) {
        let mut o = json!({
            "MsgKey": m.key(),
            "MsgSeq": m.msg_seq,
            "MsgRandom": m.msg_random,
            "MsgTimeStamp": m.msg_time_stamp,
            "MsgBody": if m.recalled { json!([]) } else { m.msg_body.clone() },
            "IsPlaceMsg": u8::from(m.recalled),
        });
        if let (Some(c), false) = (&m.cloud_custom_data, m.recalled) {
            o["CloudCustomData"] = c.as_str().into();
        }
        list.push(o);
        last = Some(m.key());
    }
    let cut = asked > MAX_PAGE && eligible.next().is_some();
    let mut out = json!({
        "Official_Account": id,
        "IsFinished": u8::from(!cut),
        "RspMsgList": list,
    });
    if let Some(k) = last {
        out["LastMsgKey"] = k.into();
    }
    Ok(out)
}
