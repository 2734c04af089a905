//! Push: the all-member push of Chat (`all_member_push`, doc 1047/37165-37175) and the Push
//! service (`timpush`, docs 1047/60561-60571, 67553; error codes 1047/74196).
//!
//! Each service has its own targeting data ([`Targets`]): up to ten named attributes (numbered
//! 0-9, so renaming one keeps every user's value) with per-user values, and per-user tags. A push
//! reaches every imported account, or those whose tags or attributes match its `Condition`, and
//! is recorded as a [`Task`] under its TaskId: `revoke` works on it, and `Emulator::inspect`
//! shows it, because a push has no REST-readable state of its own.
//!
//! The handlers live in `push/targets.rs` (attribute names, attributes, tags) and `push/send.rs`
//! (im_push, push, batch, revoke). What is simplified is listed in docs/EMULATOR.md.

mod send;
mod targets;

use super::ctx::field_msg;
use super::routes::{Handler, Route};
use super::snapshot::Persist;
use super::{ApiError, Ctx, Outcome};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

// The codes both services document (1047/37166 and 1047/74196).
/// The JSON is not what the command reads (a missing or mistyped field without its own code).
const BAD: i64 = 90001;
/// More accounts in one request than the command takes (100; batch: 500).
const TOO_MANY: i64 = 90018;
/// A tag over 50 bytes.
const TAG_TOO_LONG: i64 = 90020;
/// The same tag in TagsOr and TagsAnd.
const TAG_TWICE: i64 = 90022;
/// More than 10 tags in a condition list or per user in an add-tag request.
const TOO_MANY_TAGS: i64 = 90032;
/// An attribute name that is not one of the app's, or a bad attribute value.
const BAD_ATTR: i64 = 90033;
/// Tag and attribute conditions together.
const TAGS_AND_ATTRS: i64 = 90039;
/// An empty tag.
const EMPTY_TAG: i64 = 90040;
/// Per account in the Push service's `ErrorList`: no such account (doc 1047/60567's example).
const NO_SUCH_ACCOUNT: i64 = 70107;

/// Push attributes per app (numbered 0-9).
const MAX_ATTRS: u8 = 10;
/// Attribute names, attribute values and tags are at most 50 bytes.
const MAX_LABEL: usize = 50;
/// Tags one user may hold (doc 1047/37173).
const MAX_USER_TAGS: usize = 100;
/// Distinct tags per app in the Push service (doc 1047/60568).
const MAX_APP_TAGS: usize = 1000;
/// Tasks kept for revoke and inspection; older ones are forgotten.
const MAX_TASKS: usize = 1000;
/// Recipients kept per task (`recipientCount` has the full number).
const MAX_KEPT_RECIPIENTS: usize = 1000;

/// Which service a request is for: each has its own attributes and tags, and its own ID rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Svc {
    /// `all_member_push`: IM accounts (UserIDs).
    AllMember,
    /// `timpush`: UserIDs or RegistrationIDs, attribute account types, TagsNot.
    TimPush,
}

impl Svc {
    const fn service(self) -> &'static str {
        match self {
            Svc::AllMember => "all_member_push",
            Svc::TimPush => "timpush",
        }
    }

    /// Longest account ID taken: a UserID (32 bytes), or for the Push service also a
    /// RegistrationID (whose length Tencent does not document; 128 bytes chosen).
    fn max_id(self) -> usize {
        match self {
            Svc::AllMember => crate::usersig::MAX_USER_ID_BYTES,
            Svc::TimPush => 128,
        }
    }
}

/// In a snapshot: `{"AllMemberPush": targets, "TimPush": targets, "Tasks": [...], "Serial": n}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Push {
    #[serde(rename = "AllMemberPush", default)]
    all_member: Targets,
    #[serde(rename = "TimPush", default)]
    timpush: Targets,
    /// Oldest first, at most [`MAX_TASKS`].
    #[serde(rename = "Tasks", default)]
    tasks: Vec<Task>,
    /// Tasks created so far: makes every TaskId unique.
    #[serde(rename = "Serial", default)]
    serial: u64,
}

/// One service's attribute names and the users' attributes and tags.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Targets {
    /// Attribute number (0-9) -> name.
    #[serde(rename = "AttrNames", default)]
    names: BTreeMap<u8, String>,
    /// Attribute number -> account type (0 UserID, 1 RegistrationID; Push service only).
    #[serde(rename = "AttrTypes", default)]
    types: BTreeMap<u8, u8>,
    /// Account -> attribute number -> value.
    #[serde(rename = "UserAttrs", default)]
    attrs: BTreeMap<String, BTreeMap<u8, String>>,
    /// Account -> tags, in the order they were added.
    #[serde(rename = "UserTags", default)]
    tags: BTreeMap<String, Vec<String>>,
}

impl Targets {
    fn index_of(&self, name: &str) -> Option<u8> {
        self.names.iter().find(|(_, n)| *n == name).map(|(i, _)| *i)
    }
}

/// A recorded push. Its serde form is also what `Emulator::inspect` shows under `pushes`:
/// `{TaskId, service, command, body, time, recipients, recipientCount, revoked}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Task {
    #[serde(rename = "TaskId")]
    id: String,
    service: String,
    command: String,
    /// The request body as it was received.
    body: Value,
    /// Unix seconds.
    time: u64,
    /// Who it reached (at most [`MAX_KEPT_RECIPIENTS`], in UserID order for condition pushes,
    /// in request order for batch).
    recipients: Vec<String>,
    recipient_count: u64,
    revoked: Option<Revoked>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Revoked {
    time: u64,
    #[serde(rename = "OfflinePushInfo")]
    offline_push_info: Value,
}

impl Push {
    pub fn is_empty(&self) -> bool {
        *self == Push::default()
    }

    fn targets(&self, svc: Svc) -> &Targets {
        match svc {
            Svc::AllMember => &self.all_member,
            Svc::TimPush => &self.timpush,
        }
    }

    fn targets_mut(&mut self, svc: Svc) -> &mut Targets {
        match svc {
            Svc::AllMember => &mut self.all_member,
            Svc::TimPush => &mut self.timpush,
        }
    }

    /// The recorded pushes, oldest first, for `Emulator::inspect`.
    pub fn inspect(&self) -> Value {
        serde_json::to_value(&self.tasks).unwrap_or(Value::Null)
    }
}

pub const ROUTES: &[Route] = &[
    route(Svc::AllMember, "im_push", |c| send::push(c, Svc::AllMember)),
    route(Svc::AllMember, "im_set_attr_name", |c| {
        targets::set_names(c, Svc::AllMember)
    }),
    route(Svc::AllMember, "im_get_attr_name", |c| {
        targets::get_names(c, Svc::AllMember)
    }),
    route(Svc::AllMember, "im_get_attr", |c| {
        targets::get_attrs(c, Svc::AllMember)
    }),
    route(Svc::AllMember, "im_set_attr", |c| {
        targets::set_attrs(c, Svc::AllMember)
    }),
    route(Svc::AllMember, "im_remove_attr", |c| {
        targets::remove_attrs(c, Svc::AllMember)
    }),
    route(Svc::AllMember, "im_get_tag", |c| {
        targets::get_tags(c, Svc::AllMember)
    }),
    route(Svc::AllMember, "im_add_tag", |c| {
        targets::add_tags(c, Svc::AllMember)
    }),
    route(Svc::AllMember, "im_remove_tag", |c| {
        targets::remove_tags(c, Svc::AllMember)
    }),
    route(Svc::AllMember, "im_remove_all_tags", |c| {
        targets::clear_tags(c, Svc::AllMember)
    }),
    route(Svc::TimPush, "push", |c| {
        send::with_empty_task_id(send::push(c, Svc::TimPush))
    }),
    route(Svc::TimPush, "batch", |c| {
        send::with_empty_task_id(send::batch(c))
    }),
    route(Svc::TimPush, "revoke", send::revoke),
    route(Svc::TimPush, "set_attr_name", |c| {
        targets::set_names(c, Svc::TimPush)
    }),
    route(Svc::TimPush, "get_attr_name", |c| {
        targets::get_names(c, Svc::TimPush)
    }),
    route(Svc::TimPush, "set_attr", |c| {
        targets::set_attrs(c, Svc::TimPush)
    }),
    route(Svc::TimPush, "get_attr", |c| {
        targets::get_attrs(c, Svc::TimPush)
    }),
    route(Svc::TimPush, "remove_attr", |c| {
        targets::remove_attrs(c, Svc::TimPush)
    }),
    // get_tag and remove_tag: the Push service's pages 1047/60567 and 60569 (issue 13 adds them
    // to the catalog).
    route(Svc::TimPush, "get_tag", |c| {
        targets::get_tags(c, Svc::TimPush)
    }),
    route(Svc::TimPush, "add_tag", |c| {
        targets::add_tags(c, Svc::TimPush)
    }),
    route(Svc::TimPush, "remove_tag", |c| {
        targets::remove_tags(c, Svc::TimPush)
    }),
    route(Svc::TimPush, "clear_all_tags", |c| {
        targets::clear_tags(c, Svc::TimPush)
    }),
];

const fn route(svc: Svc, command: &'static str, handler: Handler) -> Route {
    Route::new(svc.service(), command, handler)
}

// ---- readers shared by both handler files

fn bad(key: &str, what: &str) -> ApiError {
    ApiError::new(BAD, field_msg(key, what))
}

/// An account ID of this service: a non-empty string of at most `svc.max_id()` bytes.
fn account_id<'a>(v: &'a Value, key: &str, svc: Svc) -> Result<&'a str, ApiError> {
    match v.as_str() {
        Some(s) if !s.is_empty() && s.len() <= svc.max_id() => Ok(s),
        Some(_) => Err(bad(key, "holds an empty or too long account ID")),
        None => Err(bad(key, "must hold strings")),
    }
}

/// `To_Account`-style lists: 1 to `max` account IDs (90018 past `max`).
fn account_list<'a>(
    ctx: &Ctx<'a>,
    key: &str,
    max: usize,
    svc: Svc,
) -> Result<Vec<&'a str>, ApiError> {
    let items = ctx.array(key, BAD)?;
    if items.is_empty() {
        return Err(bad(key, "is empty"));
    }
    if items.len() > max {
        return Err(ApiError::new(
            TOO_MANY,
            field_msg(key, "has too many accounts"),
        ));
    }
    items.iter().map(|v| account_id(v, key, svc)).collect()
}

/// One `{To_Account, ...}` item: the account and the whole item.
type UserItem<'a> = (&'a str, &'a serde_json::Map<String, Value>);

/// `UserAttrs` / `UserTags` lists: 1 to 100 objects, each with a `To_Account`.
fn user_items<'a>(ctx: &Ctx<'a>, key: &str, svc: Svc) -> Result<Vec<UserItem<'a>>, ApiError> {
    let items = ctx.array(key, BAD)?;
    if items.is_empty() {
        return Err(bad(key, "is empty"));
    }
    if items.len() > 100 {
        return Err(ApiError::new(
            TOO_MANY,
            field_msg(key, "has over 100 accounts"),
        ));
    }
    items
        .iter()
        .map(|it| {
            let o = it
                .as_object()
                .ok_or_else(|| bad(key, "items must be objects"))?;
            let id = o
                .get("To_Account")
                .ok_or_else(|| bad(key, "items need a To_Account"))?;
            Ok((account_id(id, "To_Account", svc)?, o))
        })
        .collect()
}

fn attr_error(what: &str) -> ApiError {
    ApiError::new(BAD_ATTR, what)
}

/// A tag: 1-50 bytes (90040 empty, 90020 longer).
fn tag<'a>(v: &'a Value, key: &str) -> Result<&'a str, ApiError> {
    match v.as_str() {
        Some("") => Err(ApiError::new(
            EMPTY_TAG,
            field_msg(key, "holds an empty tag"),
        )),
        Some(t) if t.len() > MAX_LABEL => Err(ApiError::new(
            TAG_TOO_LONG,
            field_msg(key, "holds a tag over 50 bytes"),
        )),
        Some(t) => Ok(t),
        None => Err(bad(key, "must hold strings")),
    }
}

/// A list of 1-10 distinct-or-not tags (90032 past 10).
fn tag_list<'a>(v: &'a Value, key: &str) -> Result<Vec<&'a str>, ApiError> {
    let items = v.as_array().ok_or_else(|| bad(key, "must be an array"))?;
    if items.len() > 10 {
        return Err(ApiError::new(
            TOO_MANY_TAGS,
            field_msg(key, "holds more than 10 tags"),
        ));
    }
    items.iter().map(|t| tag(t, key)).collect()
}

/// The Push service answers accounts it does not know per account, in `ErrorList` with 70107
/// (doc 1047/60567's example), and goes on with the rest. The emulator knows imported UserIDs
/// (RegistrationIDs come from devices, which it has none of). All-member push takes any UserID
/// (its doc's example reads an unknown one as `Attrs: {}`). Returns what to go on with and the
/// unknown accounts, each once.
fn split_known<'a, T>(
    ctx: &Ctx<'_>,
    svc: Svc,
    items: Vec<(&'a str, T)>,
) -> (Vec<(&'a str, T)>, Vec<&'a str>) {
    if svc == Svc::AllMember {
        return (items, Vec::new());
    }
    let mut seen = std::collections::BTreeSet::new();
    let mut unknown = Vec::new();
    let known = items
        .into_iter()
        .filter(|(id, _)| {
            let known = ctx.exists(id);
            if !known && seen.insert(*id) {
                unknown.push(*id);
            }
            known
        })
        .collect();
    (known, unknown)
}

/// `fields` with `ErrorList` for the `unknown` accounts, when there are any.
fn with_errors(mut fields: Value, unknown: &[&str]) -> Value {
    if !unknown.is_empty() {
        let list: Vec<Value> = unknown
            .iter()
            .map(|id| {
                serde_json::json!({
                    "To_Account": id,
                    "ErrorCode": NO_SUCH_ACCOUNT,
                    "ErrorInfo": "account not imported",
                })
            })
            .collect();
        fields["ErrorList"] = list.into();
    }
    fields
}

// ---- snapshot: what serde's types cannot check.

impl Persist for Push {
    fn check(&self) -> Result<(), String> {
        for (svc, t) in [
            ("AllMemberPush", &self.all_member),
            ("TimPush", &self.timpush),
        ] {
            check_targets(t).map_err(|e| field_msg(svc, &e))?;
        }
        if self.tasks.len() > MAX_TASKS {
            return Err("holds more tasks than the emulator keeps".into());
        }
        let mut ids = std::collections::BTreeSet::new();
        if let Some(t) = self.tasks.iter().find(|t| !ids.insert(t.id.as_str())) {
            return Err(field_msg(&t.id, "is listed twice"));
        }
        if !self.tasks.iter().all(|t| t.body.is_object()) {
            return Err("a task body must be a JSON object".into());
        }
        Ok(())
    }
}

fn check_targets(t: &Targets) -> Result<(), String> {
    let labels_ok = |s: &String| !s.is_empty() && s.len() <= MAX_LABEL;
    if !t.names.keys().all(|&i| i < MAX_ATTRS) || !t.names.values().all(labels_ok) {
        return Err("attribute names need numbers 0-9 and 1-50 bytes".into());
    }
    if !t
        .types
        .iter()
        .all(|(i, ty)| *ty <= 1 && t.names.contains_key(i))
    {
        return Err("attribute types must be 0 or 1, for named attributes".into());
    }
    let values = t.attrs.values().flat_map(|a| a.iter());
    if !values
        .into_iter()
        .all(|(i, v)| t.names.contains_key(i) && v.len() <= MAX_LABEL)
    {
        return Err("user attributes must be named attributes of at most 50 bytes".into());
    }
    if !t
        .tags
        .values()
        .all(|ts| ts.len() <= MAX_USER_TAGS && ts.iter().all(labels_ok))
    {
        return Err("users hold at most 100 tags of 1-50 bytes".into());
    }
    Ok(())
}
