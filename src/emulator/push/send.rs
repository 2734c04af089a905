//! Sending pushes: `all_member_push/im_push` and `timpush/push` (everyone, or by `Condition`),
//! `timpush/batch` (a list of accounts) and `timpush/revoke`. Each push is recorded as a
//! [`Task`]; Push-service pushes also report their delivery through `Push.AllMemberPush`.

use super::*;
use crate::emulator::c2c::msg_body;
use serde_json::json;

/// MsgRandom missing, not an integer, or not 32-bit unsigned.
const NO_RANDOM: i64 = 90005;
/// MsgLifeTime not 0-604800 seconds.
const BAD_LIFETIME: i64 = 90026;
/// No push with that TaskId.
const NO_TASK: i64 = 90049;
/// The push was already revoked.
const REVOKED_ALREADY: i64 = 90050;
/// The push is over 24 hours old.
const REVOKE_TOO_LATE: i64 = 90052;

const MAX_LIFETIME_S: i64 = 604_800;
const REVOKE_WINDOW_S: u64 = 86_400;
/// batch takes 1-500 accounts.
const MAX_BATCH: usize = 500;
/// DataId is at most 64 bytes.
const MAX_DATA_ID: usize = 64;
/// "MsgRandom ... used by the backend to deduplicate within a second" (both services' docs).
const DEDUP_WINDOW_S: u64 = 1;
/// Push.AllMemberPush carries 1-100 events (doc 1047/67551); the emulator sends at most this
/// many callbacks per push.
const EVENTS_PER_CALLBACK: usize = 100;
const MAX_CALLBACKS: usize = 10;

/// A checked `Condition`. Attributes are held by number.
#[derive(Default)]
struct Condition<'a> {
    tags_and: Vec<&'a str>,
    tags_or: Vec<&'a str>,
    tags_not: Vec<&'a str>,
    attrs_and: Vec<(u8, &'a str)>,
    attrs_or: Vec<(u8, &'a str)>,
    by_attrs: bool,
}

impl Condition<'_> {
    /// TagsAnd: all of them; TagsOr: any of them; TagsNot: not all of them (the doc's example
    /// reads `"TagsOr": [A, B], "TagsNot": [C, D]` as "(A or B) and not (C and D)").
    fn matches_tags(&self, held: &[String]) -> bool {
        let has = |t: &&str| held.iter().any(|h| h == t);
        self.tags_and.iter().all(has)
            && (self.tags_or.is_empty() || self.tags_or.iter().any(has))
            && (self.tags_not.is_empty() || !self.tags_not.iter().all(has))
    }

    fn matches_attrs(&self, attrs: &BTreeMap<u8, String>) -> bool {
        let is = |(i, v): &(u8, &str)| attrs.get(i).is_some_and(|x| x == v);
        self.attrs_and.iter().all(is) && (self.attrs_or.is_empty() || self.attrs_or.iter().any(is))
    }
}

fn condition<'a>(ctx: &Ctx<'a>, svc: Svc) -> Result<Option<Condition<'a>>, ApiError> {
    let o = match ctx.body.get("Condition") {
        None | Some(Value::Null) => return Ok(None),
        // No condition at all: everyone (the docs' rule).
        Some(Value::Object(o)) if o.is_empty() => return Ok(None),
        Some(Value::Object(o)) => o,
        Some(_) => return Err(bad("Condition", "must be an object")),
    };
    let tag_keys: &[&str] = match svc {
        Svc::AllMember => &["TagsAnd", "TagsOr"],
        Svc::TimPush => &["TagsAnd", "TagsOr", "TagsNot"],
    };
    let attr_keys = ["AttrsAnd", "AttrsOr"];
    // An ignored member would widen the push: refuse what this service does not read.
    if let Some(k) = o
        .keys()
        .find(|k| !tag_keys.contains(&k.as_str()) && !attr_keys.contains(&k.as_str()))
    {
        return Err(bad(
            "Condition",
            &field_msg(k, "is not a condition of this service"),
        ));
    }
    let by_tags = tag_keys.iter().any(|k| o.contains_key(*k));
    let by_attrs = attr_keys.iter().any(|k| o.contains_key(*k));
    if by_tags && by_attrs {
        return Err(ApiError::new(
            TAGS_AND_ATTRS,
            "Condition takes tags or attributes, not both",
        ));
    }
    // An empty list would read as "no condition" and widen the push: refused.
    let tags = |k: &str| match o.get(k) {
        None => Ok(Vec::new()),
        Some(v) if v.as_array().is_some_and(Vec::is_empty) => Err(bad(k, "is empty")),
        Some(v) => tag_list(v, k),
    };
    let t = ctx.state.push.targets(svc);
    let attrs = |k: &str| -> Result<Vec<(u8, &'a str)>, ApiError> {
        let Some(v) = o.get(k) else {
            return Ok(Vec::new());
        };
        let m = v.as_object().ok_or_else(|| bad(k, "must be an object"))?;
        if m.is_empty() {
            return Err(bad(k, "is empty"));
        }
        m.iter()
            .map(|(name, v)| {
                let i = t.index_of(name).ok_or_else(|| {
                    attr_error("a condition names an attribute the app has not named")
                })?;
                let v = v.as_str().filter(|v| v.len() <= MAX_LABEL).ok_or_else(|| {
                    attr_error("attribute values are strings of at most 50 bytes")
                })?;
                Ok((i, v))
            })
            .collect()
    };
    let c = Condition {
        tags_and: tags("TagsAnd")?,
        tags_or: tags("TagsOr")?,
        tags_not: tags("TagsNot")?,
        attrs_and: attrs("AttrsAnd")?,
        attrs_or: attrs("AttrsOr")?,
        by_attrs,
    };
    if c.tags_or.iter().any(|t| c.tags_and.contains(t)) {
        return Err(ApiError::new(
            TAG_TWICE,
            "a tag is in both TagsOr and TagsAnd",
        ));
    }
    Ok(Some(c))
}

/// The accounts a push reaches: every imported account without a condition, else the holders
/// of matching tags or attributes. The first [`MAX_KEPT_RECIPIENTS`] and the count.
fn recipients(ctx: &Ctx<'_>, svc: Svc, cond: Option<&Condition<'_>>) -> (Vec<String>, u64) {
    let t = ctx.state.push.targets(svc);
    let reached: Box<dyn Iterator<Item = &str>> = match cond {
        None => Box::new(ctx.state.accounts.ids()),
        Some(c) if c.by_attrs => Box::new(
            t.attrs
                .iter()
                .filter(|(_, a)| c.matches_attrs(a))
                .map(|(id, _)| id.as_str()),
        ),
        Some(c) => Box::new(
            t.tags
                .iter()
                .filter(|(_, held)| c.matches_tags(held))
                .map(|(id, _)| id.as_str()),
        ),
    };
    keep(reached)
}

fn keep<'a>(ids: impl Iterator<Item = &'a str>) -> (Vec<String>, u64) {
    let mut kept = Vec::new();
    let mut count = 0u64;
    for id in ids {
        if kept.len() < MAX_KEPT_RECIPIENTS {
            kept.push(id.to_owned());
        }
        count += 1;
    }
    (kept, count)
}

fn random(ctx: &Ctx<'_>) -> Result<u32, ApiError> {
    ctx.opt_int("MsgRandom", NO_RANDOM)?
        .and_then(|n| u32::try_from(n).ok())
        .ok_or_else(|| ApiError::new(NO_RANDOM, "MsgRandom must be an integer 0-4294967295"))
}

fn opt_object(ctx: &Ctx<'_>, key: &str) -> Result<Option<()>, ApiError> {
    match ctx.body.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Object(_)) => Ok(Some(())),
        Some(_) => Err(bad(key, "must be an object")),
    }
}

fn data_id(ctx: &Ctx<'_>) -> Result<(), ApiError> {
    match ctx.opt_str("DataId", BAD)? {
        Some(d) if d.len() > MAX_DATA_ID => Err(bad("DataId", "is over 64 bytes")),
        _ => Ok(()),
    }
}

/// `im_push` (MsgBody, MsgLifeTime, optional From_Account) and the Push service's `push`
/// (From_Account, OfflinePushInfo and/or MsgBody, DataId), to everyone or by Condition.
pub fn push(ctx: &mut Ctx<'_>, svc: Svc) -> Outcome {
    let random = random(ctx)?;
    match svc {
        Svc::AllMember => {
            if let Some(v) = ctx.body.get("From_Account").filter(|v| !v.is_null()) {
                account_id(v, "From_Account", svc)?;
            }
            msg_body(ctx.body.get("MsgBody"))?;
            match ctx.opt_int("MsgLifeTime", BAD_LIFETIME)? {
                None | Some(0..=MAX_LIFETIME_S) => {}
                Some(_) => {
                    return Err(ApiError::new(
                        BAD_LIFETIME,
                        "MsgLifeTime must be 0-604800 seconds",
                    ))
                }
            }
            opt_object(ctx, "OfflinePushInfo")?;
        }
        Svc::TimPush => {
            sender(ctx)?;
            let offline = opt_object(ctx, "OfflinePushInfo")?;
            if ctx.body.contains_key("MsgBody") {
                msg_body(ctx.body.get("MsgBody"))?;
                match ctx.opt_int("OnlineOnlyFlag", BAD)? {
                    None | Some(0 | 1) => {}
                    Some(_) => return Err(bad("OnlineOnlyFlag", "must be 0 or 1")),
                }
            } else if offline.is_none() {
                return Err(bad("OfflinePushInfo", "is required (or a MsgBody)"));
            } else if ctx.body.contains_key("OnlineOnlyFlag") {
                return Err(bad("OnlineOnlyFlag", "goes with a MsgBody"));
            }
            data_id(ctx)?;
        }
    }
    let cond = condition(ctx, svc)?;
    if let Some(id) = duplicate(ctx, svc, "push", random) {
        return Ok(json!({ "TaskId": id }));
    }
    let (reached, count) = recipients(ctx, svc, cond.as_ref());
    let id = record(ctx, svc, "push", random, reached, count);
    if svc == Svc::TimPush {
        report(ctx, &id);
    }
    Ok(json!({ "TaskId": id }))
}

/// The Push service's sender: a UserID or RegistrationID (required).
fn sender<'a>(ctx: &Ctx<'a>) -> Result<&'a str, ApiError> {
    let v = ctx
        .body
        .get("From_Account")
        .ok_or_else(|| bad("From_Account", "is required"))?;
    account_id(v, "From_Account", Svc::TimPush)
}

/// `timpush/batch`: 1-500 accounts; a repeated one is pushed once, an unknown one is listed in
/// `ErrorList` (70107).
pub fn batch(ctx: &mut Ctx<'_>) -> Outcome {
    sender(ctx)?;
    let to = account_list(ctx, "To_Account", MAX_BATCH, Svc::TimPush)?;
    let random = random(ctx)?;
    if opt_object(ctx, "OfflinePushInfo")?.is_none() {
        return Err(bad("OfflinePushInfo", "is required"));
    }
    data_id(ctx)?;
    if let Some(id) = duplicate(ctx, Svc::TimPush, "batch", random) {
        return Ok(json!({ "TaskId": id }));
    }
    let (to, unknown) = split_known(
        ctx,
        Svc::TimPush,
        to.into_iter().map(|id| (id, ())).collect(),
    );
    let mut seen = std::collections::BTreeSet::new();
    let (reached, count) = keep(
        to.into_iter()
            .map(|(id, ())| id)
            .filter(|id| seen.insert(*id)),
    );
    let id = record(ctx, Svc::TimPush, "batch", random, reached, count);
    report(ctx, &id);
    Ok(with_errors(json!({ "TaskId": id }), &unknown))
}

/// A failed Push-service send still names a TaskId: `""` (the doc's failure example).
pub fn with_empty_task_id(outcome: Outcome) -> Outcome {
    outcome.or_else(|e| Ok(json!({ "ErrorCode": e.code, "ErrorInfo": e.info, "TaskId": "" })))
}

/// The TaskId of the same command with the same MsgRandom inside the dedup window.
fn duplicate(ctx: &Ctx<'_>, svc: Svc, command: &str, random: u32) -> Option<String> {
    let now = ctx.now_s;
    ctx.state
        .push
        .tasks
        .iter()
        .rev()
        .take_while(|t| now.saturating_sub(t.time) < DEDUP_WINDOW_S)
        .find(|t| {
            t.service == svc.service()
                && t.command == command
                && t.body.get("MsgRandom").and_then(Value::as_u64) == Some(u64::from(random))
        })
        .map(|t| t.id.clone())
}

/// Stores the task and returns its TaskId, shaped like Tencent's: all-member pushes
/// `<SDKAppID>_<n>_<time>_<MsgRandom>`, Push-service ones `<time>_<SDKAppID>_<n>_<MsgRandom>` in
/// hex (batch: prefixed `batch_`), `n` counting tasks so that every TaskId is new.
fn record(
    ctx: &mut Ctx<'_>,
    svc: Svc,
    command: &str,
    random: u32,
    recipients: Vec<String>,
    count: u64,
) -> String {
    let (app, now) = (ctx.sdk_app_id, ctx.now_s);
    let p = &mut ctx.state.push;
    p.serial += 1;
    let n = p.serial;
    let id = match (svc, command) {
        (Svc::AllMember, _) => format!("{app}_{n}_{now}_{random}"),
        (Svc::TimPush, "batch") => format!("batch_{now:x}_{app:x}_{n:x}_{random:x}"),
        (Svc::TimPush, _) => format!("{now:x}_{app:x}_{n:x}_{random:x}"),
    };
    p.tasks.push(Task {
        id: id.clone(),
        service: svc.service().into(),
        command: command.into(),
        body: Value::Object(ctx.body.clone()),
        time: now,
        recipients,
        recipient_count: count,
        revoked: None,
    });
    if p.tasks.len() > MAX_TASKS {
        p.tasks.remove(0);
    }
    id
}

/// `Push.AllMemberPush` (doc 1047/67551) for the task just recorded: with no devices behind it,
/// the emulator reports each recipient as an online push sent (EventType 2, PushPlatform 0,
/// PushStage 1, ErrCode 0), in callbacks of up to 100 events.
fn report(ctx: &mut Ctx<'_>, id: &str) {
    let now = ctx.now_s;
    let Some(task) = ctx.state.push.tasks.last() else {
        return;
    };
    let batches: Vec<Value> = task
        .recipients
        .chunks(EVENTS_PER_CALLBACK)
        .take(MAX_CALLBACKS)
        .map(|chunk| {
            let events: Vec<Value> = chunk
                .iter()
                .map(|to| {
                    json!({
                        "CallbackCommand": "Push.AllMemberPush",
                        "EventType": 2,
                        "TaskId": id,
                        "TaskTime": now,
                        "EventTime": now,
                        "To_Account": to,
                        "PushPlatform": 0,
                        "PushStage": 1,
                        "ErrCode": 0,
                        "ErrInfo": "OK",
                    })
                })
                .collect();
            json!({ "Events": events })
        })
        .collect();
    for body in batches {
        ctx.after("Push.AllMemberPush", body);
    }
}

/// `timpush/revoke`: a Push-service push or batch of the last 24 hours, once.
pub fn revoke(ctx: &mut Ctx<'_>) -> Outcome {
    let id = ctx.str("TaskId", BAD)?;
    let info = match ctx.body.get("OfflinePushInfo") {
        Some(v @ Value::Object(_)) => v.clone(),
        _ => return Err(bad("OfflinePushInfo", "is required and must be an object")),
    };
    let now = ctx.now_s;
    let task = ctx
        .state
        .push
        .tasks
        .iter_mut()
        .find(|t| t.id == id && t.service == Svc::TimPush.service())
        .ok_or_else(|| ApiError::new(NO_TASK, "no Push-service push has this TaskId"))?;
    if task.revoked.is_some() {
        return Err(ApiError::new(
            REVOKED_ALREADY,
            "this push was already revoked",
        ));
    }
    if now.saturating_sub(task.time) > REVOKE_WINDOW_S {
        return Err(ApiError::new(
            REVOKE_TOO_LATE,
            "a push can be revoked within 24 hours",
        ));
    }
    task.revoked = Some(Revoked {
        time: now,
        offline_push_info: info,
    });
    Ok(json!({}))
}
