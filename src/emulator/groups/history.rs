//! Changes to stored group messages: delete_group_msg_by_sender (a silent recall),
//! openim/modify_group_msg, clear_group_msg, and send_broadcast_msg (one message to every live
//! group of the app).

use super::super::{ApiError, Ctx, Outcome};
use super::extra::{Broadcast, MAX_BROADCASTS};
use super::messages::{check_body, random_and_body};
use super::*;
use serde_json::json;

/// delete_group_msg_by_sender looks at the latest 1000 messages (doc).
const RECENT: usize = 1000;
/// send_broadcast_msg: the same Random and content within five minutes is a repeat (doc).
const DEDUP_WINDOW_S: u64 = 300;

fn no_topic(ctx: &Ctx<'_>, code: i64) -> Result<(), ApiError> {
    match ctx.opt_str("TopicId", code)? {
        Some(_) => Err(ApiError::new(
            code,
            "TopicId: topic messages are not emulated",
        )),
        None => Ok(()),
    }
}

/// Marks the sender's messages among the latest 1000 recalled (history shows them as with
/// group_msg_recall). Live groups keep no history: success, nothing changes (doc). No callback:
/// the doc calls it a silent recall.
pub fn delete_by_sender(ctx: &mut Ctx<'_>) -> Outcome {
    let id = ctx.str("GroupId", BAD)?;
    let sender = ctx.user_id("Sender_Account", BAD)?;
    no_topic(ctx, BAD)?;
    let g = ctx.state.groups.get_mut(id)?;
    for m in g.msgs.iter_mut().rev().take(RECENT) {
        if m.from == sender {
            m.recalled = true;
        }
    }
    Ok(json!({}))
}

/// Replaces MsgBody and/or CloudCustomData of one stored message. Served under `openim`, so its
/// codes are the message family's: 90001 bad JSON fields, 90007 MsgBody not an array, 90002 a
/// malformed MsgBody; the doc names none for a missing group or message: 10010 and 20026 (the
/// catalog's "message does not exist"); live groups 20029 (doc: not supported).
pub fn modify(ctx: &mut Ctx<'_>) -> Outcome {
    const JSON: i64 = 90001;
    let id = ctx.str("GroupId", JSON)?;
    let seq = u64::try_from(ctx.int("MsgSeq", JSON)?)
        .map_err(|_| ApiError::new(JSON, "MsgSeq must not be negative"))?;
    let body = match ctx.body.get("MsgBody") {
        None | Some(Value::Null) => None,
        Some(Value::Array(b)) => {
            check_body(b).map_err(|e| ApiError::new(90002, e.info))?;
            Some(b)
        }
        Some(_) => return Err(ApiError::new(90007, "MsgBody must be an array")),
    };
    let cloud = ctx.opt_str("CloudCustomData", JSON)?;
    no_topic(ctx, JSON)?;
    if body.is_none() && cloud.is_none() {
        return Err(ApiError::new(JSON, "give MsgBody, CloudCustomData or both"));
    }
    let g = ctx.state.groups.get_mut(id)?;
    if g.kind == Kind::AVChatRoom {
        return Err(ApiError::new(
            20029,
            "live (AVChatRoom) group messages cannot be modified",
        ));
    }
    let m = g
        .msgs
        .iter_mut()
        .find(|m| m.seq == seq && !m.recalled)
        .ok_or_else(|| ApiError::new(20026, "no such message in the group"))?;
    if let Some(b) = body {
        m.body = Value::Array(b.clone());
    }
    if let Some(c) = cloud {
        m.cloud_data = Some(c.to_owned());
    }
    Ok(json!({}))
}

/// Marks messages with MsgSeq <= the given one (all without it) cleared: clients no longer pull
/// them, the admin still does (doc), so group_msg_get_simple is unchanged. Not for Community
/// groups (10007, the doc's type table).
pub fn clear(ctx: &mut Ctx<'_>) -> Outcome {
    let id = ctx.str("GroupId", BAD)?;
    let upto = opt_count(ctx, "MsgSeq")?.unwrap_or(u64::MAX);
    let g = ctx.state.groups.get_mut(id)?;
    if g.kind == Kind::Community {
        return Err(ApiError::new(
            DENIED,
            "clear_group_msg does not support Community groups",
        ));
    }
    for m in g.msgs.iter_mut().filter(|m| m.seq <= upto) {
        m.ext.cleared = true;
    }
    Ok(json!({}))
}

/// One message to every live group of the app. MsgSeq counts broadcasts (1, 2, 3...); the same
/// Random and MsgBody within five minutes answers the first broadcast's MsgSeq (doc: "discarded
/// as a repeated message"). The emulator keeps the last 100 broadcasts (they are in snapshots);
/// live groups keep no history, so nothing else changes.
pub fn broadcast(ctx: &mut Ctx<'_>) -> Outcome {
    let (random, body) = random_and_body(ctx)?;
    if Value::Array(body.to_vec()).to_string().len() > 12_000 {
        return Err(bad("MsgBody", "is over 12000 bytes"));
    }
    let from = match ctx.opt_str("From_Account", BAD)? {
        None => ctx.admin,
        Some(_) => ctx.user_id("From_Account", BAD)?,
    };
    if !ctx.exists(from) {
        return Err(ApiError::new(NO_ACCOUNT, "From_Account is not imported"));
    }
    ctx.opt_str("CloudCustomData", BAD)?;
    let now = ctx.now_s;
    let ext = &mut ctx.state.groups.ext;
    let body = Value::Array(body.to_vec());
    let repeat = ext.broadcasts.iter().rev().find(|b| {
        b.random == random && b.body == body && b.time.saturating_add(DEDUP_WINDOW_S) > now
    });
    if let Some(b) = repeat {
        return Ok(json!({ "MsgSeq": b.seq }));
    }
    ext.broadcast_seq += 1;
    let seq = ext.broadcast_seq;
    ext.broadcasts.push(Broadcast {
        seq,
        random,
        time: now,
        from: from.to_owned(),
        body,
    });
    if ext.broadcasts.len() > MAX_BROADCASTS {
        ext.broadcasts.remove(0);
    }
    Ok(json!({ "MsgSeq": seq }))
}
