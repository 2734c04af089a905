//! Roaming history (admin_getroammsg) and what changes it afterwards: withdraw, modify and
//! deleting messages from one side's roaming.

use super::{opt_time, Msg, BAD};
use crate::emulator::ctx::field_msg;
use crate::emulator::{ApiError, Ctx, Outcome};
use serde_json::{json, Value};

/// Tencent cuts a history page at about 13 KB of messages (doc 1047/35478: "应答包体大小限制
/// (目前为13K)") and then answers `Complete: 0`.
const PAGE_BYTES: usize = 13 * 1024;

/// MsgFlagBits of a recalled message (0 normal, 1 deleted, 2 recalled).
const FLAG_WITHDRAWN: i64 = 2;

/// The history of a conversation from `Operator_Account`'s side, newest page first: a page holds
/// the newest messages of [MinTime, MaxTime] (at most MaxCnt, at most ~13 KB), oldest first;
/// `LastMsgTime`/`LastMsgKey` name its oldest message, and the next page is asked for with
/// `MaxTime = LastMsgTime` plus `LastMsgKey` (the documented continuation).
pub(super) fn get_roam_msg(ctx: &mut Ctx<'_>) -> Outcome {
    let op = ctx.imported("Operator_Account", BAD, 90048)?;
    let peer = ctx.imported("Peer_Account", BAD, 90048)?;
    let max_cnt = ctx.int("MaxCnt", BAD)?;
    if max_cnt < 1 {
        return Err(ApiError::new(BAD, "MaxCnt must be at least 1"));
    }
    let min_time =
        opt_time(ctx, "MinTime", BAD)?.ok_or_else(|| ApiError::new(BAD, "MinTime is required"))?;
    let max_time =
        opt_time(ctx, "MaxTime", BAD)?.ok_or_else(|| ApiError::new(BAD, "MaxTime is required"))?;
    let last_key = ctx.opt_str("LastMsgKey", BAD)?.filter(|k| !k.is_empty());

    let in_range: Vec<&Msg> = ctx
        .state
        .c2c
        .conversation(op, peer)
        .iter()
        .filter(|m| m.visible_to(op) && (min_time..=max_time).contains(&m.time))
        .collect();
    // Everything older than the previous page's oldest message. A key that is gone (deleted
    // meanwhile) falls back to the time alone, so paging always moves on.
    let remaining = match last_key {
        None => &in_range[..],
        Some(k) => match in_range.iter().position(|m| m.key == k) {
            Some(at) => &in_range[..at],
            None => {
                let end = in_range.partition_point(|m| m.time < max_time);
                &in_range[..end]
            }
        },
    };

    let mut page: Vec<Value> = Vec::new();
    let mut bytes = 0;
    for m in remaining.iter().rev() {
        let item = history_item(m);
        let len = item.to_string().len();
        if page.len() as i64 >= max_cnt || (!page.is_empty() && bytes + len > PAGE_BYTES) {
            break;
        }
        bytes += len;
        page.push(item);
    }
    page.reverse();
    let complete = page.len() == remaining.len();
    let oldest = remaining
        .len()
        .checked_sub(page.len())
        .and_then(|i| remaining.get(i));
    let (last_time, last_key) = match (page.is_empty(), oldest) {
        (false, Some(m)) => (m.time, m.key.as_str()),
        _ => (0, ""),
    };
    Ok(json!({
        "Complete": u8::from(complete),
        "MsgCnt": page.len(),
        "LastMsgTime": last_time,
        "LastMsgKey": last_key,
        "MsgList": page,
    }))
}

fn history_item(m: &Msg) -> Value {
    let mut o = json!({
        "From_Account": m.from,
        "To_Account": m.to,
        "MsgSeq": m.seq,
        "MsgRandom": m.random,
        "MsgTimeStamp": m.time,
        "MsgFlagBits": if m.withdrawn { FLAG_WITHDRAWN } else { 0 },
        // Read receipts come from client SDKs only, which never talk to the emulator.
        "IsPeerRead": 0,
        "MsgKey": m.key,
        // A recalled message keeps its place in history, but not its content.
        "MsgBody": if m.withdrawn { &[][..] } else { &m.body[..] },
    });
    if let (Some(c), false) = (&m.cloud, m.withdrawn) {
        o["CloudCustomData"] = c.as_str().into();
    }
    o
}

/// `From_Account`, `To_Account` and `MsgKey` of withdraw and modify, with the withdraw page's
/// codes (doc 1047/35015): 90008 / 90003 for the accounts, 90054 for a malformed key.
fn target<'a>(ctx: &Ctx<'a>) -> Result<(&'a str, &'a str, &'a str), ApiError> {
    let from = ctx.imported("From_Account", 90008, 90008)?;
    let to = ctx.imported("To_Account", 90003, 90003)?;
    let key = ctx.str("MsgKey", 90054)?;
    if !well_formed_key(key) {
        return Err(ApiError::new(
            90054,
            "MsgKey must look like <MsgSeq>_<MsgRandom>_<MsgTime>",
        ));
    }
    Ok((from, to, key))
}

fn well_formed_key(k: &str) -> bool {
    let parts: Vec<&str> = k.split('_').collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 20 && p.bytes().all(|b| b.is_ascii_digit()))
}

fn find_mut<'m>(
    list: Option<&'m mut Vec<Msg>>,
    from: &str,
    to: &str,
    key: &str,
) -> Option<&'m mut Msg> {
    list?
        .iter_mut()
        .find(|m| m.from == from && m.to == to && m.key == key)
}

/// Recalls a message: it stays in history with MsgFlagBits 2 and no content, and stops
/// counting as unread. 20022 when there is no such message, 20023 when it was recalled before.
pub(super) fn withdraw(ctx: &mut Ctx<'_>) -> Outcome {
    let (from, to, key) = target(ctx)?;
    let list = ctx.state.c2c.conversation_mut(from, to);
    let Some(m) = find_mut(list, from, to, key) else {
        return Err(ApiError::new(
            20022,
            "no message with that MsgKey between these accounts",
        ));
    };
    if m.withdrawn {
        return Err(ApiError::new(20023, "the message was already withdrawn"));
    }
    m.withdrawn = true;
    m.unread = false;
    Ok(json!({}))
}

/// Replaces a message's MsgBody and/or CloudCustomData. 20026 when there is no such message
/// (or it was recalled).
pub(super) fn modify(ctx: &mut Ctx<'_>) -> Outcome {
    let (from, to, key) = target(ctx)?;
    let body = match ctx.body.get("MsgBody") {
        None | Some(Value::Null) => None,
        v => Some(super::send::msg_body(v)?),
    };
    let cloud = ctx.opt_str("CloudCustomData", BAD)?;
    if body.is_none() && cloud.is_none() {
        return Err(ApiError::new(
            BAD,
            "give MsgBody or CloudCustomData to modify",
        ));
    }
    let list = ctx.state.c2c.conversation_mut(from, to);
    let Some(m) = find_mut(list, from, to, key).filter(|m| !m.withdrawn) else {
        return Err(ApiError::new(
            20026,
            "no message with that MsgKey between these accounts",
        ));
    };
    if let Some(b) = body {
        m.body = b;
    }
    if let Some(c) = cloud {
        m.cloud = Some(c.to_owned());
    }
    Ok(json!({}))
}

/// Removes messages from `Operator_Account`'s roaming only; the peer keeps them. Keys that
/// name no message the operator still sees come back in `InvalidMsgKeyList`.
pub(super) fn delete_ramble(ctx: &mut Ctx<'_>) -> Outcome {
    let op = ctx.imported("Operator_Account", BAD, 90048)?;
    let peer = ctx.imported("Peer_Account", BAD, 90048)?;
    let keys = ctx.array("MsgKeyList", BAD)?;
    // Tencent states no bound here; 100 keeps one request's work linear in the history.
    if keys.is_empty() || keys.len() > 100 {
        return Err(ApiError::new(BAD, "MsgKeyList must hold 1 to 100 keys"));
    }
    let keys: Vec<&str> = keys
        .iter()
        .map(|k| {
            k.as_str()
                .ok_or_else(|| ApiError::new(BAD, field_msg("MsgKeyList", "items must be strings")))
        })
        .collect::<Result<_, _>>()?;
    let mut invalid = Vec::new();
    let list = ctx.state.c2c.conversation_mut(op, peer);
    let list = list.map(|l| l.as_mut_slice()).unwrap_or(&mut []);
    for k in keys {
        match list.iter_mut().find(|m| m.key == k && m.visible_to(op)) {
            Some(m) => m.hidden.push(op.to_owned()),
            None => invalid.push(k),
        }
    }
    Ok(if invalid.is_empty() {
        json!({})
    } else {
        json!({ "InvalidMsgKeyList": invalid })
    })
}
