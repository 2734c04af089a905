//! Official accounts (`official_account_open_http_svc`, docs 1047/60755-60763 and 60810-60812):
//! the accounts, their subscribers and their broadcast messages (send, recall, history), with
//! the service's webhooks (`OfficialAccount.*`).
//!
//! This file holds the model, the route table and the shared readers; the handlers live in
//! `official/accounts.rs` (create, destroy, modify, info), `official/subscribers.rs` (add,
//! delete, modify, the two lists) and `official/messages.rs` (send, recall, history). What is
//! simplified is listed in docs/EMULATOR.md.

mod accounts;
mod messages;
mod subscribers;

use super::ctx::field_msg;
use super::routes::{Handler, Route};
use super::snapshot::Persist;
use super::{ApiError, Ctx, Outcome};
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

// The codes of the service's pages (e.g. 1047/60756, 60761).
/// "The request parameter is invalid": a missing, mistyped or out-of-range field.
const BAD: i64 = 6017;
/// "The official account does not exist, or existed and has been destroyed".
const NO_ACCOUNT: i64 = 130_004;
/// "The official account ID is wrong".
const BAD_ID: i64 = 130_007;
/// "The official account ID is already in use".
const ID_TAKEN: i64 = 130_008;
/// The app's before-webhook refused the operation (the code Tencent gives webhook refusals).
const REFUSED: i64 = 10_016;

/// IDs are `@TOA#_` + at most 42 more bytes (the client SDK docs: at most 48 bytes).
const ID_PREFIX: &str = "@TOA#_";
const MAX_ID: usize = 48;
/// Messages kept per account; older ones are forgotten (Tencent expires history too).
const MAX_HISTORY: usize = 10_000;

/// In a snapshot: `{"Accounts": {ID: {...}}, "Serial": n}`, with Tencent's field names.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Official {
    #[serde(rename = "Accounts", default)]
    by_id: BTreeMap<String, Account>,
    /// Accounts created so far: orders lists and seeds generated IDs.
    #[serde(rename = "Serial", default)]
    serial: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Account {
    #[serde(rename = "serial")]
    serial: u64,
    #[serde(rename = "Owner_Account")]
    owner: String,
    name: String,
    introduction: String,
    face_url: String,
    #[serde(rename = "MaxSubscriberNum")]
    max_subscribers: u64,
    organization: String,
    custom_string: String,
    create_time: u64,
    info_seq: u64,
    last_info_time: u64,
    last_msg_time: u64,
    #[serde(rename = "NextMsgSeq")]
    next_seq: u64,
    /// Subscriber UserID -> subscription.
    #[serde(rename = "Subscribers")]
    subscribers: BTreeMap<String, Subscriber>,
    /// Ascending MsgSeq; at most [`MAX_HISTORY`].
    #[serde(rename = "Messages")]
    msgs: Vec<Msg>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Subscriber {
    subscribe_time: u64,
    custom_string: String,
    msg_flag: String,
    last_send_msg_time: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Msg {
    msg_seq: u64,
    msg_random: u32,
    msg_time_stamp: u64,
    msg_body: Value,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    cloud_custom_data: Option<String>,
    recalled: bool,
}

impl Msg {
    /// `Seq_1_ServerTime`, the documented form (e.g. "71_1_1698741698").
    fn key(&self) -> String {
        msg_key(self.msg_seq, self.msg_time_stamp)
    }
}

fn msg_key(seq: u64, time: u64) -> String {
    format!("{seq}_1_{time}")
}

impl Official {
    pub fn is_empty(&self) -> bool {
        *self == Official::default()
    }

    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    fn get(&self, id: &str) -> Result<&Account, ApiError> {
        self.by_id.get(id).ok_or_else(no_account)
    }

    fn get_mut(&mut self, id: &str) -> Result<&mut Account, ApiError> {
        self.by_id.get_mut(id).ok_or_else(no_account)
    }
}

impl Account {
    /// The base-info fields by Tencent's names, for get_official_account_info and the
    /// subscribed list (narrowed by `OfficialAccountBaseInfoFilter`).
    fn info(&self, id: &str, filter: Option<&[&str]>) -> Value {
        let mut o = Map::new();
        let fields: [(&str, Value); 13] = [
            ("Name", self.name.as_str().into()),
            ("Owner_Account", self.owner.as_str().into()),
            ("CreateTime", self.create_time.into()),
            ("InfoSeq", self.info_seq.into()),
            ("LastInfoTime", self.last_info_time.into()),
            ("LastMsgTime", self.last_msg_time.into()),
            ("NextMsgSeq", self.next_seq.into()),
            ("SubscriberNum", (self.subscribers.len() as u64).into()),
            ("Introduction", self.introduction.as_str().into()),
            ("FaceUrl", self.face_url.as_str().into()),
            ("MaxSubscriberNum", self.max_subscribers.into()),
            ("Organization", self.organization.as_str().into()),
            ("CustomString", self.custom_string.as_str().into()),
        ];
        for (k, v) in fields {
            if filter.is_none_or(|f| f.contains(&k)) {
                o.insert(k.into(), v);
            }
        }
        o.insert("Official_Account".into(), id.into());
        Value::Object(o)
    }

    fn touch_info(&mut self, now_s: u64) {
        self.info_seq += 1;
        self.last_info_time = now_s;
    }
}

pub const ROUTES: &[Route] = &[
    route("create_official_account", accounts::create),
    route("destroy_official_account", accounts::destroy),
    route("modify_official_account_base_info", accounts::modify),
    route("get_official_account_info", accounts::info),
    route("send_official_account_msg", messages::send),
    route("official_account_msg_recall", messages::recall),
    route("official_account_msg_get_simple", messages::history),
    route("add_subscriber", subscribers::add),
    route("delete_subscriber", subscribers::delete),
    route("modify_subscriber_info", subscribers::modify),
    route("get_subscriber_info", subscribers::list),
    route(
        "get_subscribed_official_account_list",
        subscribers::subscribed,
    ),
];

const fn route(command: &'static str, handler: Handler) -> Route {
    Route::new("official_account_open_http_svc", command, handler)
}

// ---- readers shared by the handler files

fn no_account() -> ApiError {
    ApiError::new(
        NO_ACCOUNT,
        "the official account does not exist or has been destroyed",
    )
}

fn bad(key: &str, what: &str) -> ApiError {
    ApiError::new(BAD, field_msg(key, what))
}

/// `Official_Account`: the ID of an existing account.
fn account_id<'a>(ctx: &Ctx<'a>) -> Result<&'a str, ApiError> {
    let id = ctx.str("Official_Account", BAD)?;
    ctx.state.official.get(id)?;
    Ok(id)
}

/// An optional string of at most `max` bytes.
fn opt_text<'a>(ctx: &Ctx<'a>, key: &str, max: usize) -> Result<Option<&'a str>, ApiError> {
    let v = ctx.opt_str(key, BAD)?;
    if v.is_some_and(|s| s.len() > max) {
        return Err(bad(key, &format!("is over {max} bytes")));
    }
    Ok(v)
}

/// An optional integer in `[min, max]`.
fn opt_range(ctx: &Ctx<'_>, key: &str, min: u64, max: u64) -> Result<Option<u64>, ApiError> {
    match ctx.opt_int(key, BAD)? {
        None => Ok(None),
        Some(n) => u64::try_from(n)
            .ok()
            .filter(|n| (min..=max).contains(n))
            .map(Some)
            .ok_or_else(|| bad(key, &format!("must be {min}-{max}"))),
    }
}

/// An imported account named by `key` (the admin counts as one).
fn user<'a>(ctx: &Ctx<'a>, key: &str) -> Result<&'a str, ApiError> {
    ctx.imported(key, BAD, BAD)
}

/// `ResponseFilter.OfficialAccountBaseInfoFilter`: the field names, or `None` for all.
fn base_info_filter<'a>(ctx: &Ctx<'a>) -> Result<Option<Vec<&'a str>>, ApiError> {
    let Some(f) = ctx.body.get("ResponseFilter").filter(|v| !v.is_null()) else {
        return Ok(None);
    };
    let f = f
        .as_object()
        .ok_or_else(|| bad("ResponseFilter", "must be an object"))?;
    for key in ["OfficialAccountBaseInfoFilter", "SelfInfoFilter"] {
        if let Some(v) = f.get(key) {
            let ok = v.as_array().is_some_and(|a| a.iter().all(Value::is_string));
            if !ok {
                return Err(bad(key, "must be an array of field names"));
            }
        }
    }
    Ok(f.get("OfficialAccountBaseInfoFilter")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).collect()))
}

/// The event fields every `OfficialAccount.*` webhook carries.
fn event(ctx: &Ctx<'_>, id: &str) -> Value {
    json!({
        "Official_Account": id,
        "Operator_Account": ctx.admin,
        "EventTime": ctx.now_s * 1000,
    })
}

// ---- snapshot: what serde's types cannot check.

impl Persist for Official {
    fn check(&self) -> Result<(), String> {
        for (id, a) in &self.by_id {
            check_account(a, self.serial).map_err(|e| field_msg(id, &e))?;
        }
        Ok(())
    }
}

fn check_account(a: &Account, serial: u64) -> Result<(), String> {
    if a.serial > serial {
        return Err("has a serial above the snapshot's".into());
    }
    let ascending = a.msgs.windows(2).all(|w| w[0].msg_seq < w[1].msg_seq);
    if !ascending || a.msgs.last().is_some_and(|m| m.msg_seq >= a.next_seq) {
        return Err("message sequences must ascend below NextMsgSeq".into());
    }
    if a.msgs.len() > MAX_HISTORY || !a.msgs.iter().all(|m| m.msg_body.is_array()) {
        return Err("holds too many messages or a MsgBody that is not an array".into());
    }
    if a.max_subscribers == 0 || a.subscribers.len() as u64 > a.max_subscribers {
        return Err("holds more subscribers than MaxSubscriberNum".into());
    }
    Ok(())
}
