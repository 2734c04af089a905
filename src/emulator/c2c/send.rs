//! sendmsg, batchsendmsg and importmsg: the three ways a one-to-one message gets stored.

use super::{msg_key, opt_time, opt_u32, Msg, Sent, BAD};
use crate::emulator::ctx::{field_msg, MSG_ELEM_TYPES};
use crate::emulator::{ApiError, Before, Ctx, Outcome};
use serde_json::{json, Value};

/// A message body over this many bytes of JSON is 93000 (current send pages say 12 KB; the
/// 93000 text in the Web SDK's table still says 8 KB).
const MAX_BODY_BYTES: usize = 12 * 1024;

/// MsgLifeTime's upper bound: 7 days (90026 "at most 7 days").
const MAX_LIFE_S: i64 = 604_800;

/// The send options sendmsg and batchsendmsg share.
struct Options {
    /// SyncOtherMachine 2: the sender's roaming does not get the message.
    hide_from_sender: bool,
    /// MsgLifeTime 0: an online-only message, neither stored nor counted as unread.
    online_only: bool,
    /// SendMsgControl "NoUnread".
    no_unread: bool,
    /// SendMsgControl "NoLastMsg": the conversation list does not move.
    no_last_msg: bool,
    forbid_before: bool,
    forbid_after: bool,
}

impl Options {
    fn read(ctx: &Ctx<'_>) -> Result<Options, ApiError> {
        let sync = ctx.opt_int("SyncOtherMachine", 90031)?;
        if !matches!(sync, None | Some(1) | Some(2)) {
            return Err(ApiError::new(90031, "SyncOtherMachine must be 1 or 2"));
        }
        let life = ctx.opt_int("MsgLifeTime", 90044)?;
        if matches!(life, Some(n) if !(0..=MAX_LIFE_S).contains(&n)) {
            return Err(ApiError::new(
                90026,
                "MsgLifeTime must be 0 to 604800 seconds",
            ));
        }
        let control = words(ctx, "SendMsgControl")?;
        let forbid = words(ctx, "ForbidCallbackControl")?;
        Ok(Options {
            hide_from_sender: sync == Some(2),
            online_only: life == Some(0),
            no_unread: control.contains(&"NoUnread"),
            no_last_msg: control.contains(&"NoLastMsg"),
            forbid_before: forbid.contains(&"ForbidBeforeSendMsgCallback"),
            forbid_after: forbid.contains(&"ForbidAfterSendMsgCallback"),
        })
    }

    fn counts_unread(&self) -> bool {
        !self.online_only && !self.no_unread
    }
}

/// An optional array of strings (`SendMsgControl`, `ForbidCallbackControl`).
fn words<'a>(ctx: &Ctx<'a>, key: &str) -> Result<Vec<&'a str>, ApiError> {
    match ctx.body.get(key) {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(items)) => items
            .iter()
            .map(|v| {
                v.as_str()
                    .ok_or_else(|| ApiError::new(BAD, field_msg(key, "items must be strings")))
            })
            .collect(),
        Some(_) => Err(ApiError::new(BAD, field_msg(key, "must be an array"))),
    }
}

/// `MsgBody`: a non-empty array of `{MsgType, MsgContent}` with known types.
pub(crate) fn msg_body(v: Option<&Value>) -> Result<Vec<Value>, ApiError> {
    let Some(Value::Array(items)) = v else {
        return Err(ApiError::new(90007, "MsgBody must be an array"));
    };
    if items.is_empty() {
        return Err(ApiError::new(90002, "MsgBody is empty"));
    }
    for item in items {
        let ty = item.get("MsgType").and_then(Value::as_str).unwrap_or("");
        if !MSG_ELEM_TYPES.contains(&ty) {
            return Err(ApiError::new(
                90002,
                "each MsgBody element needs a known MsgType (TIMTextElem, TIMCustomElem, ...)",
            ));
        }
        let Some(content) = item.get("MsgContent").and_then(Value::as_object) else {
            return Err(ApiError::new(
                90002,
                "each MsgBody element needs a MsgContent object",
            ));
        };
        if ty == "TIMTextElem" && !content.get("Text").is_some_and(Value::is_string) {
            return Err(ApiError::new(90002, "a TIMTextElem needs a Text string"));
        }
    }
    if Value::Array(items.clone()).to_string().len() > MAX_BODY_BYTES {
        return Err(ApiError::new(93000, "MsgBody is over 12 KB"));
    }
    Ok(items.clone())
}

/// `From_Account`, or the admin when it is absent (sendmsg / batchsendmsg).
fn sender<'a>(ctx: &Ctx<'a>) -> Result<&'a str, ApiError> {
    if ctx.body.get("From_Account").is_none_or(Value::is_null) {
        return Ok(ctx.admin);
    }
    ctx.imported("From_Account", 90008, 20003)
}

fn random(ctx: &Ctx<'_>) -> Result<u32, ApiError> {
    opt_u32(ctx, "MsgRandom", 90005)?.ok_or_else(|| ApiError::new(90005, "MsgRandom is required"))
}

fn send_reply(time: u64, key: &str) -> Value {
    json!({ "MsgTime": time, "MsgKey": key })
}

pub(super) fn sendmsg(ctx: &mut Ctx<'_>) -> Outcome {
    let from = sender(ctx)?;
    let to = ctx.imported("To_Account", 90003, 20003)?;
    let random = random(ctx)?;
    let given_seq = opt_u32(ctx, "MsgSeq", BAD)?;
    let body = msg_body(ctx.body.get("MsgBody"))?;
    let cloud = ctx.opt_str("CloudCustomData", BAD)?;
    let opts = Options::read(ctx)?;
    let content = Value::Array(body.clone()).to_string();
    let now = ctx.now_s;

    // Tencent's dedup: without a MsgSeq the backend picks a random one, so only a request that
    // names its MsgSeq can repeat a key.
    if let Some(seq) = given_seq {
        if let Some(first) = ctx.state.c2c.duplicate(from, seq, random, &content, now) {
            return Ok(send_reply(first.time, &first.key));
        }
    }
    // A muted sender is refused before the before-callback (doc 1047/34923).
    if ctx.state.mute.c2c_muted(from, now) {
        return Err(ApiError::new(
            20012,
            "the sender is muted for one-to-one messages",
        ));
    }

    let seq = given_seq.unwrap_or_else(|| ctx.state.c2c.peek_seq());
    let key = msg_key(seq, random, now);
    let mut cb = json!({
        "From_Account": from,
        "To_Account": to,
        "MsgSeq": seq,
        "MsgRandom": random,
        "MsgTime": now,
        "MsgKey": key,
        "OnlineOnlyFlag": u8::from(opts.online_only),
        "MsgBody": body,
        "EventTime": now * 1000,
    });
    if let Some(c) = cloud {
        cb["CloudCustomData"] = c.into();
    }

    let (mut body, mut cloud) = (body, cloud.map(str::to_owned));
    if !opts.forbid_before {
        match ctx.before("C2C.CallbackBeforeSendMsg", cb.clone()) {
            Before::Pending => return Err(ApiError::new(0, "")),
            Before::Reject { custom } => {
                return Err(custom.unwrap_or_else(|| {
                    ApiError::new(
                        20006,
                        "the app's C2C.CallbackBeforeSendMsg refused the message",
                    )
                }))
            }
            Before::Drop => {
                // Reported as sent, stored nowhere; the filled-in MsgSeq is used up all the same.
                if given_seq.is_none() {
                    ctx.state.c2c.take_seq();
                }
                return Ok(send_reply(now, &key));
            }
            Before::AllowModified(reply) => {
                // A modified body replaces the message only when it is itself a valid body.
                if let Ok(b) = msg_body(reply.get("MsgBody")) {
                    body = b;
                }
                if let Some(c) = reply.get("CloudCustomData").and_then(Value::as_str) {
                    cloud = Some(c.to_owned());
                }
            }
            Before::Allow => {}
        }
    }

    let c2c = &mut ctx.state.c2c;
    if given_seq.is_none() {
        c2c.take_seq();
    }
    c2c.remember(
        Sent {
            from: from.to_owned(),
            seq,
            random,
            content,
            time: now,
            key: key.clone(),
        },
        now,
    );
    if !opts.online_only {
        c2c.insert(Msg {
            from: from.to_owned(),
            to: to.to_owned(),
            seq,
            random,
            time: now,
            key: key.clone(),
            body: body.clone(),
            cloud: cloud.clone(),
            withdrawn: false,
            unread: opts.counts_unread(),
            hidden: hidden_for(from, opts.hide_from_sender),
        });
        if !opts.no_last_msg {
            ctx.state.recent.c2c_message(from, to, now);
        }
    }
    if !opts.forbid_after {
        // The after-callback sees the message as stored (modified by the before-callback).
        cb["MsgBody"] = body.into();
        if let Some(c) = cloud {
            cb["CloudCustomData"] = c.into();
        }
        cb["SendMsgResult"] = 0.into();
        cb["ErrorInfo"] = "".into();
        cb["UnreadMsgNum"] = ctx.state.c2c.unread(to, from).into();
        ctx.after("C2C.CallbackAfterSendMsg", cb);
    }
    Ok(send_reply(now, &key))
}

fn hidden_for(sender: &str, hide: bool) -> Vec<String> {
    if hide {
        vec![sender.to_owned()]
    } else {
        Vec::new()
    }
}

/// One message to up to 500 accounts. Tencent documents no dedup, no callbacks and no mute or
/// relationship checks for it (doc 269/1612); unknown recipients are listed in `ErrorList`.
pub(super) fn batchsendmsg(ctx: &mut Ctx<'_>) -> Outcome {
    let from = sender(ctx)?;
    let items = match ctx.body.get("To_Account") {
        Some(Value::Array(a)) if !a.is_empty() => a,
        _ => return Err(ApiError::new(90003, "To_Account must be a non-empty array")),
    };
    if items.len() > 500 {
        return Err(ApiError::new(
            90011,
            "To_Account has more than 500 accounts",
        ));
    }
    let random = random(ctx)?;
    let given_seq = opt_u32(ctx, "MsgSeq", BAD)?;
    let body = msg_body(ctx.body.get("MsgBody"))?;
    let cloud = ctx.opt_str("CloudCustomData", BAD)?;
    let opts = Options::read(ctx)?;
    let mut targets: Vec<&str> = Vec::with_capacity(items.len());
    for v in items {
        let id = v
            .as_str()
            .ok_or_else(|| ApiError::new(90003, "To_Account items must be strings"))?;
        if !targets.contains(&id) {
            targets.push(id);
        }
    }

    let now = ctx.now_s;
    let seq = given_seq.unwrap_or_else(|| ctx.state.c2c.take_seq());
    let key = msg_key(seq, random, now);
    let wanted = targets.len();
    let mut errors = Vec::new();
    for to in targets {
        if to.is_empty() || to.len() > crate::usersig::MAX_USER_ID_BYTES || !ctx.exists(to) {
            errors.push(json!({ "To_Account": to, "ErrorCode": 90012 }));
            continue;
        }
        if opts.online_only {
            continue;
        }
        ctx.state.c2c.insert(Msg {
            from: from.to_owned(),
            to: to.to_owned(),
            seq,
            random,
            time: now,
            key: key.clone(),
            body: body.clone(),
            cloud: cloud.map(str::to_owned),
            withdrawn: false,
            unread: opts.counts_unread(),
            hidden: hidden_for(from, opts.hide_from_sender),
        });
        if !opts.no_last_msg {
            ctx.state.recent.c2c_message(from, to, now);
        }
    }
    let all_failed = errors.len() == wanted;
    let mut out = json!({ "MsgKey": key });
    if !errors.is_empty() {
        out["ErrorList"] = errors.into();
    }
    if all_failed {
        out["ErrorCode"] = 90012.into();
        out["ErrorInfo"] = "no To_Account is an imported account".into();
    }
    Ok(out)
}

/// Imports a historical message. Dedup is on MsgSeq + MsgRandom + MsgTimeStamp within the
/// conversation, either direction, content ignored; the first import wins (doc 269/2568).
/// SyncFromOldSystem 5 (the current pages; 1 on the 2020/2021 pages) counts the message as
/// unread, 2 does not. No callbacks.
pub(super) fn importmsg(ctx: &mut Ctx<'_>) -> Outcome {
    let sync = ctx.opt_int("SyncFromOldSystem", 90030)?;
    let counts_unread = match sync {
        Some(1 | 5) => true,
        Some(2) => false,
        _ => return Err(ApiError::new(90030, "SyncFromOldSystem must be 2 or 5")),
    };
    let from = ctx.imported("From_Account", 90008, 20003)?;
    let to = ctx.imported("To_Account", 90003, 20003)?;
    let random = random(ctx)?;
    let given_seq = opt_u32(ctx, "MsgSeq", BAD)?;
    let time = opt_time(ctx, "MsgTimeStamp", 90006)?
        .ok_or_else(|| ApiError::new(90006, "MsgTimeStamp is required"))?;
    let body = msg_body(ctx.body.get("MsgBody"))?;
    let cloud = ctx.opt_str("CloudCustomData", BAD)?;

    if let Some(seq) = given_seq {
        // History is sorted by time: only that second's messages can match.
        let list = ctx.state.c2c.conversation(from, to);
        let first = list.partition_point(|m| m.time < time);
        let dup = list
            .get(first..)
            .unwrap_or(&[])
            .iter()
            .take_while(|m| m.time == time)
            .any(|m| m.seq == seq && m.random == random);
        if dup {
            return Ok(json!({}));
        }
    }
    let seq = given_seq.unwrap_or_else(|| ctx.state.c2c.take_seq());
    ctx.state.c2c.insert(Msg {
        from: from.to_owned(),
        to: to.to_owned(),
        seq,
        random,
        time,
        key: msg_key(seq, random, time),
        body,
        cloud: cloud.map(str::to_owned),
        withdrawn: false,
        unread: counts_unread,
        hidden: Vec::new(),
    });
    Ok(json!({}))
}
