//! Group messages: send (with Tencent's Random dedup and the send webhooks), system
//! notifications, history (group_msg_get_simple) and recall.

use super::super::{ApiError, Before, Ctx, Outcome};
use super::*;
use crate::emulator::ctx::MSG_ELEM_TYPES;
use serde_json::json;

/// send_group_msg: "the same Random within five minutes is the same message"
/// (rest-reliability-facts.md, B2).
const DEDUP_WINDOW_S: u64 = 300;
/// group_msg_get_simple returns at most 20 messages per call.
const MAX_HISTORY_PAGE: u64 = 20;
/// group_msg_recall takes at most 10 sequences per call.
const MAX_RECALL: usize = 10;
const PRIORITIES: [&str; 4] = ["High", "Normal", "Low", "Lowest"];

/// A MsgBody: a non-empty array of `{MsgType, MsgContent}` with a known element type.
pub(super) fn check_body(body: &[Value]) -> Result<(), ApiError> {
    if body.is_empty() {
        return Err(bad("MsgBody", "is empty"));
    }
    for el in body {
        let known = el
            .get("MsgType")
            .and_then(Value::as_str)
            .is_some_and(|t| MSG_ELEM_TYPES.contains(&t));
        if !known {
            return Err(bad("MsgBody", "items need a known MsgType"));
        }
        if !el.get("MsgContent").is_some_and(Value::is_object) {
            return Err(bad("MsgBody", "items need a MsgContent object"));
        }
    }
    Ok(())
}

fn no_topics(ctx: &Ctx<'_>) -> Result<(), ApiError> {
    match ctx.opt_str("TopicId", BAD)? {
        Some(_) => Err(bad("TopicId", "topic messages are not emulated")),
        None => Ok(()),
    }
}

/// A sent message's `Random` (32-bit unsigned, the dedup key) and its checked `MsgBody`.
pub(super) fn random_and_body<'a>(ctx: &Ctx<'a>) -> Result<(u64, &'a [Value]), ApiError> {
    let random = u64::try_from(ctx.int("Random", BAD)?)
        .ok()
        .filter(|&r| r <= u64::from(u32::MAX))
        .ok_or_else(|| bad("Random", "must be a 32-bit unsigned integer"))?;
    let body = ctx.array("MsgBody", BAD)?;
    check_body(body)?;
    Ok((random, body))
}

fn sent(time: u64, seq: u64) -> Value {
    json!({ "MsgTime": time, "MsgSeq": seq })
}

pub fn send(ctx: &mut Ctx<'_>) -> Outcome {
    let id = ctx.str("GroupId", BAD)?;
    let (random, body) = random_and_body(ctx)?;
    let from = match ctx.opt_str("From_Account", BAD)? {
        None => None,
        Some(_) => Some(ctx.user_id("From_Account", BAD)?),
    };
    let online_only = match ctx.opt_int("OnlineOnlyFlag", BAD)? {
        None | Some(0) => false,
        Some(1) => true,
        Some(_) => return Err(bad("OnlineOnlyFlag", "must be 0 or 1")),
    };
    let priority = ctx.opt_str("MsgPriority", BAD)?;
    if priority.is_some_and(|p| !PRIORITIES.contains(&p)) {
        return Err(bad("MsgPriority", "must be High, Normal, Low or Lowest"));
    }
    let cloud = ctx.opt_str("CloudCustomData", BAD)?;
    let forbid = opt_strings(ctx, "ForbidCallbackControl")?.unwrap_or_default();
    let need_receipt = super::extra::opt_flag(ctx, "NeedReadReceipt")?;
    no_topics(ctx)?;
    let sender = from.unwrap_or(ctx.admin);
    if from.is_some() && !ctx.exists(sender) {
        return Err(ApiError::new(NO_ACCOUNT, "From_Account is not imported"));
    }
    let now = ctx.now_s;
    let g = ctx.state.groups.get(id)?;
    // The admin may speak in any group; others must be members (live groups track none).
    let member = g.member(sender);
    if sender != ctx.admin && g.kind != Kind::AVChatRoom && member.is_none() {
        return Err(ApiError::new(
            DENIED,
            "From_Account is not a member of the group",
        ));
    }
    // A repeat inside the window is the message already stored: same answer, nothing new
    // (checked before the mute, so a resend of an accepted message keeps its answer).
    let dup = g
        .msgs
        .iter()
        .rev()
        .take_while(|m| m.time.saturating_add(DEDUP_WINDOW_S) > now)
        .find(|m| m.random == random);
    if let Some(m) = dup {
        return Ok(sent(m.time, m.seq));
    }
    // Muted here (forbid_send_msg), by MuteAllMember (plain members), or app-wide for group
    // messages (setnospeaking's GroupmsgNospeakingTime).
    let all_muted = g.mute_all && member.is_some_and(|m| m.role == Role::Member);
    if g.muted_until(sender, now) > 0 || all_muted || ctx.state.mute.group_muted(sender, now) {
        return Err(ApiError::new(10017, "From_Account is muted in this group"));
    }

    let kind = g.kind;
    let mut event = json!({
        "GroupId": id,
        "Type": kind.name(),
        "From_Account": sender,
        "Operator_Account": ctx.admin,
        "Random": random,
        "OnlineOnlyFlag": u8::from(online_only),
        "MsgBody": body,
        "EventTime": now * 1000,
    });
    if let Some(c) = cloud {
        event["CloudCustomData"] = c.into();
    }
    if !forbid.contains(&"ForbidBeforeSendMsgCallback") {
        match ctx.before("Group.CallbackBeforeSendMsg", event.clone()) {
            Before::Pending => return Err(ApiError::new(0, "")),
            Before::Reject { custom } => {
                return Err(custom.unwrap_or(ApiError::new(
                    10016,
                    "the app's Group.CallbackBeforeSendMsg rejected the message",
                )))
            }
            // Reported as sent; nothing is stored, so no sequence is used (MsgSeq 0).
            Before::Drop => return Ok(sent(now, 0)),
            Before::AllowModified(reply) => {
                if let Some(Value::Array(b)) = reply.get("MsgBody") {
                    // A malformed replacement is ignored rather than stored.
                    if check_body(b).is_ok() {
                        event["MsgBody"] = b.clone().into();
                    }
                }
                if let Some(Value::String(c)) = reply.get("CloudCustomData") {
                    event["CloudCustomData"] = c.as_str().into();
                }
            }
            Before::Allow => {}
        }
    }

    let g = ctx.state.groups.get_mut(id)?;
    // Online-only messages are delivered, never stored, and take no sequence.
    let seq = if online_only {
        0
    } else {
        let seq = g.next_seq;
        g.next_seq += 1;
        g.msgs.push(Msg {
            seq,
            random,
            time: now,
            from: sender.to_owned(),
            body: event.get("MsgBody").cloned().unwrap_or(Value::Null),
            cloud_data: event
                .get("CloudCustomData")
                .and_then(Value::as_str)
                .map(str::to_owned),
            priority: priority.map(str::to_owned),
            recalled: false,
            ext: super::extra::MsgExt {
                need_receipt,
                ..Default::default()
            },
        });
        if g.msgs.len() > MAX_HISTORY {
            g.msgs.remove(0);
        }
        g.last_msg_time = now;
        let members = g.members.iter().map(|m| m.id.as_str());
        ctx.state.recent.group_message(id, members, now);
        seq
    };
    if let Some(m) = g.member_mut(sender) {
        m.last_send = now;
    }
    if !forbid.contains(&"ForbidAfterSendMsgCallback") {
        event["MsgSeq"] = seq.into();
        event["MsgTime"] = now.into();
        ctx.after("Group.CallbackAfterSendMsg", event);
    }
    Ok(sent(now, seq))
}

/// Checked and accepted; system notifications are not part of the history.
pub fn notify(ctx: &mut Ctx<'_>) -> Outcome {
    let id = ctx.str("GroupId", BAD)?;
    let content = ctx.str("Content", BAD)?;
    if content.is_empty() {
        return Err(bad("Content", "is empty"));
    }
    if ctx.body.contains_key("ToMembers_Account") {
        ctx.user_ids("ToMembers_Account", 500, BAD)?;
    }
    no_topics(ctx)?;
    ctx.state.groups.get(id)?;
    Ok(json!({}))
}

/// Tencent reports priority as a number; the emulator numbers them High 1 .. Lowest 4.
fn priority_number(p: Option<&str>) -> u64 {
    let p = p.unwrap_or("Normal");
    PRIORITIES
        .iter()
        .position(|&x| x == p)
        .map_or(2, |i| i as u64 + 1)
}

/// Newest first, at most ReqMsgNumber messages with MsgSeq <= ReqMsgSeq. Recalled messages are
/// left out unless WithRecalledMsg is 1, then they are placeholders (IsPlaceMsg 1, no body).
pub fn history(ctx: &mut Ctx<'_>) -> Outcome {
    let id = ctx.str("GroupId", BAD)?;
    let n = match ctx.int("ReqMsgNumber", BAD)? {
        n @ 1.. if n as u64 <= MAX_HISTORY_PAGE => n as usize,
        _ => return Err(bad("ReqMsgNumber", "must be 1-20")),
    };
    let upper = opt_count(ctx, "ReqMsgSeq")?.unwrap_or(u64::MAX);
    let with_recalled = match ctx.opt_int("WithRecalledMsg", BAD)? {
        None | Some(0) => false,
        Some(1) => true,
        Some(_) => return Err(bad("WithRecalledMsg", "must be 0 or 1")),
    };
    no_topics(ctx)?;
    let g = ctx.state.groups.get(id)?;
    if g.kind == Kind::AVChatRoom {
        return Err(ApiError::new(
            DENIED,
            "AVChatRoom groups keep no message history",
        ));
    }
    let mut eligible = g
        .msgs
        .iter()
        .rev()
        .filter(|m| m.seq <= upper && (with_recalled || !m.recalled));
    let mut list = Vec::new();
    for m in eligible.by_ref().take(n) {
        let mut o = json!({
            "From_Account": m.from,
            "IsPlaceMsg": u8::from(m.recalled),
            "MsgBody": if m.recalled { json!([]) } else { m.body.clone() },
            "MsgPriority": priority_number(m.priority.as_deref()),
            "MsgRandom": m.random,
            "MsgSeq": m.seq,
            "MsgTimeStamp": m.time,
        });
        if let (Some(c), false) = (&m.cloud_data, m.recalled) {
            o["CloudCustomData"] = c.as_str().into();
        }
        list.push(o);
    }
    let finished = eligible.next().is_none();
    Ok(json!({ "GroupId": id, "IsFinished": u8::from(finished), "RspMsgList": list }))
}

/// RetCode per sequence: 0 recalled (again: still 0), 10030 no such message.
pub fn recall(ctx: &mut Ctx<'_>) -> Outcome {
    let id = ctx.str("GroupId", BAD)?;
    let items = ctx.items("MsgSeqList", MAX_RECALL, BAD)?;
    let seqs = items
        .iter()
        .map(|it| {
            it.get("MsgSeq")
                .and_then(Value::as_u64)
                .ok_or_else(|| bad("MsgSeqList", "items need a MsgSeq"))
        })
        .collect::<Result<Vec<_>, _>>()?;
    opt_text(ctx, "Reason", 1024)?;
    no_topics(ctx)?;
    let g = ctx.state.groups.get_mut(id)?;
    let mut out = Vec::with_capacity(seqs.len());
    let mut done = Vec::new();
    for seq in seqs {
        let code = match g.msgs.iter_mut().find(|m| m.seq == seq) {
            Some(m) => {
                m.recalled = true;
                done.push(json!({ "MsgSeq": seq }));
                0
            }
            None => 10030,
        };
        out.push(json!({ "MsgSeq": seq, "RetCode": code }));
    }
    let kind = g.kind;
    if !done.is_empty() {
        ctx.after(
            "Group.CallbackAfterRecallMsg",
            json!({
                "Operator_Account": ctx.admin,
                "Type": kind.name(),
                "GroupId": id,
                "MsgSeqList": done,
                "EventTime": ctx.now_s * 1000,
            }),
        );
    }
    Ok(json!({ "RecallRetList": out }))
}
