//! Groups: create, destroy, info, members, messages and history, app group list, joined groups,
//! owner change, member mute.
//!
//! This file holds the model and the route table; the handlers live in `groups/`:
//! `manage.rs` (the group itself), `members.rs` (membership, roles, mute) and `messages.rs`
//! (send, history, recall). What is simplified against Tencent is listed in docs/EMULATOR.md.
//!
//! The later endpoints (`MORE_ROUTES`) keep their state in `extra.rs` and have one file per
//! concept: `imports.rs`, `unread.rs`, `bans.rs`, `live.rs`, `history.rs` (delete by sender,
//! modify, clear, broadcast), `receipts.rs`, `attributes.rs`, `counters.rs`, `topics.rs` and
//! `permissions.rs`.

mod attributes;
mod bans;
mod counters;
mod extra;
mod history;
mod imports;
pub(super) mod live;
mod manage;
mod members;
mod messages;
mod permissions;
mod queries;
mod receipts;
mod topics;
mod unread;

use super::ctx::field_msg;
use super::routes::{Handler, Route};
use super::snapshot::Persist;
use super::{ApiError, Ctx};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// The group family's "invalid parameter" code.
const BAD: i64 = 10004;
/// Not allowed: AVChatRoom membership changes, a sender outside the group, removing the owner.
const DENIED: i64 = 10007;
/// The group does not exist, or did and was destroyed.
const NO_GROUP: i64 = 10010;
/// An account named in the request was never imported.
const NO_ACCOUNT: i64 = 10019;

/// In a snapshot: `{"serial": n, "groups": {GroupId: {...}}}`, with Tencent's field names where
/// there is one.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Groups {
    #[serde(rename = "groups")]
    by_id: BTreeMap<String, Group>,
    /// Groups created so far: orders the app group list and seeds generated IDs.
    serial: u64,
    #[serde(default, skip_serializing_if = "extra::GroupsExt::is_empty")]
    ext: extra::GroupsExt,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Kind {
    Private,
    Public,
    ChatRoom,
    AVChatRoom,
    Community,
}

impl Kind {
    const ALL: [Kind; 5] = [
        Kind::Private,
        Kind::Public,
        Kind::ChatRoom,
        Kind::AVChatRoom,
        Kind::Community,
    ];

    fn name(self) -> &'static str {
        match self {
            Kind::Private => "Private",
            Kind::Public => "Public",
            Kind::ChatRoom => "ChatRoom",
            Kind::AVChatRoom => "AVChatRoom",
            Kind::Community => "Community",
        }
    }

    fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == s)
    }

    /// Default MaxMemberNum (Tencent's SDK docs: Work 200, Public 2000, Meeting 10000, Community
    /// 100000, live groups unlimited).
    fn default_max(self) -> u64 {
        match self {
            Kind::Private => 200,
            Kind::Public => 2000,
            Kind::ChatRoom => 10_000,
            Kind::Community => 100_000,
            Kind::AVChatRoom => u32::MAX as u64,
        }
    }

    /// The character after `@TGS#` in generated IDs, shaped like Tencent's.
    fn id_tag(self) -> char {
        match self {
            Kind::Private => '1',
            Kind::Public => '2',
            Kind::ChatRoom => '3',
            Kind::AVChatRoom => 'a',
            Kind::Community => '_',
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Role {
    Owner,
    Admin,
    Member,
}

impl Role {
    fn name(self) -> &'static str {
        match self {
            Role::Owner => "Owner",
            Role::Admin => "Admin",
            Role::Member => "Member",
        }
    }

    fn parse(s: &str) -> Option<Role> {
        [Role::Owner, Role::Admin, Role::Member]
            .into_iter()
            .find(|r| r.name() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Group {
    #[serde(rename = "serial")]
    serial: u64,
    #[serde(rename = "Type")]
    kind: Kind,
    name: String,
    introduction: String,
    notification: String,
    face_url: String,
    #[serde(rename = "Owner_Account")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    owner: Option<String>,
    create_time: u64,
    #[serde(rename = "MaxMemberNum")]
    max_members: u64,
    #[serde(rename = "ApplyJoinOption")]
    apply_join: String,
    #[serde(rename = "MuteAllMember")]
    mute_all: bool,
    /// `[{Key, Value}]` items, as given.
    #[serde(rename = "AppDefinedData")]
    app_data: Vec<Value>,
    info_seq: u64,
    last_info_time: u64,
    /// In join order. AVChatRoom groups keep none (members join through the client SDK).
    #[serde(rename = "MemberList")]
    members: Vec<Member>,
    /// UserID -> muted until (Unix seconds). Kept apart from `members` because live groups mute
    /// accounts that are not tracked as members.
    muted: BTreeMap<String, u64>,
    /// Ascending MsgSeq; at most [`MAX_HISTORY`].
    #[serde(rename = "Messages")]
    msgs: Vec<Msg>,
    #[serde(rename = "NextMsgSeq")]
    next_seq: u64,
    last_msg_time: u64,
    #[serde(
        rename = "Ext",
        default,
        skip_serializing_if = "extra::GroupExt::is_empty"
    )]
    ext: extra::GroupExt,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Member {
    #[serde(rename = "Member_Account")]
    id: String,
    role: Role,
    join_time: u64,
    msg_flag: String,
    name_card: String,
    #[serde(rename = "LastSendMsgTime")]
    last_send: u64,
    #[serde(rename = "AppMemberDefinedData")]
    app_data: Vec<Value>,
    /// set_unread_msg_num / import_group_member (sends do not change it: no client reads).
    #[serde(rename = "UnreadMsgNum", default, skip_serializing_if = "is_zero")]
    unread: u64,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Msg {
    #[serde(rename = "MsgSeq")]
    seq: u64,
    #[serde(rename = "Random")]
    random: u64,
    #[serde(rename = "MsgTime")]
    time: u64,
    #[serde(rename = "From_Account")]
    from: String,
    #[serde(rename = "MsgBody")]
    body: Value,
    #[serde(rename = "CloudCustomData")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    cloud_data: Option<String>,
    #[serde(rename = "MsgPriority")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    priority: Option<String>,
    #[serde(rename = "Recalled")]
    recalled: bool,
    #[serde(
        rename = "Ext",
        default,
        skip_serializing_if = "extra::MsgExt::is_empty"
    )]
    ext: extra::MsgExt,
}

/// Stored messages per group; older ones are forgotten (Tencent expires history too).
const MAX_HISTORY: usize = 10_000;

impl Groups {
    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
    }

    pub fn contains(&self, id: &str) -> bool {
        self.by_id.contains_key(id)
    }

    /// Whether `user` is a tracked member of group `id`.
    pub fn is_member(&self, id: &str, user: &str) -> bool {
        self.by_id.get(id).is_some_and(|g| g.member(user).is_some())
    }

    /// Whether group `id` holds message `seq`, not recalled (message extensions); 10010 when
    /// there is no such group.
    pub fn has_msg(&self, id: &str, seq: u64) -> Result<bool, ApiError> {
        let g = self.get(id)?;
        let at = g.msgs.binary_search_by_key(&seq, |m| m.seq);
        Ok(at.is_ok_and(|i| !g.msgs[i].recalled))
    }

    fn get(&self, id: &str) -> Result<&Group, ApiError> {
        self.by_id.get(id).ok_or_else(no_group)
    }

    fn get_mut(&mut self, id: &str) -> Result<&mut Group, ApiError> {
        self.by_id.get_mut(id).ok_or_else(no_group)
    }
}

impl Group {
    fn member(&self, id: &str) -> Option<&Member> {
        self.members.iter().find(|m| m.id == id)
    }

    fn member_mut(&mut self, id: &str) -> Option<&mut Member> {
        self.members.iter_mut().find(|m| m.id == id)
    }

    fn muted_until(&self, id: &str, now_s: u64) -> u64 {
        self.muted
            .get(id)
            .copied()
            .filter(|&t| t > now_s)
            .unwrap_or(0)
    }

    fn touch_info(&mut self, now_s: u64) {
        self.info_seq += 1;
        self.last_info_time = now_s;
    }
}

impl Member {
    fn new(id: &str, role: Role, now_s: u64) -> Member {
        Member {
            id: id.to_owned(),
            role,
            join_time: now_s,
            msg_flag: "AcceptAndNotify".into(),
            name_card: String::new(),
            last_send: 0,
            app_data: Vec::new(),
            unread: 0,
        }
    }
}

pub const ROUTES: &[Route] = &[
    route("create_group", manage::create),
    route("destroy_group", manage::destroy),
    route("get_group_info", queries::info),
    route("modify_group_base_info", manage::modify),
    route("get_appid_group_list", queries::app_list),
    route("get_joined_group_list", queries::joined),
    route("change_group_owner", manage::change_owner),
    route("add_group_member", members::add),
    route("delete_group_member", members::delete),
    route("modify_group_member_info", members::modify),
    route("get_group_member_info", members::list),
    route("get_specified_group_member_info", members::specified),
    route("get_role_in_group", members::roles),
    route("forbid_send_msg", members::forbid),
    route("get_group_muted_account", members::muted),
    route("send_group_msg", messages::send),
    route("send_group_system_notification", messages::notify),
    route("group_msg_get_simple", messages::history),
    route("group_msg_recall", messages::recall),
];

const fn route(command: &'static str, handler: Handler) -> Route {
    Route::new("group_open_http_svc", command, handler)
}

const ATTR_SVC: &str = "group_open_attr_http_svc";
const LIVE_SVC: &str = "group_open_avchatroom_http_svc";
const TOPIC_SVC: &str = "million_group_open_http_svc";

/// The later group endpoints, in catalog order (live groups, topics and permission groups too).
pub const MORE_ROUTES: &[Route] = &[
    route("import_group", imports::group),
    route("import_group_member", imports::members),
    route("set_unread_msg_num", unread::set),
    route("get_online_member_num", live::online_num),
    route("get_group_ban_member", bans::list),
    route("ban_group_member", bans::ban),
    route("unban_group_member", bans::unban),
    route("import_group_msg", imports::messages),
    route("delete_group_msg_by_sender", history::delete_by_sender),
    Route::new("openim", "modify_group_msg", history::modify),
    route("send_broadcast_msg", history::broadcast),
    route("clear_group_msg", history::clear),
    route("get_group_msg_receipt", receipts::counts),
    route("get_group_msg_receipt_detail", receipts::detail),
    route("group_msg_receipt", receipts::mark_read),
    Route::new(ATTR_SVC, "get_group_attr", attributes::get),
    route("modify_group_attr", attributes::modify),
    route("clear_group_attr", attributes::clear),
    route("set_group_attr", attributes::set),
    route("get_group_counter", counters::get),
    route("update_group_counter", counters::update),
    route("delete_group_counter", counters::delete),
    Route::new(LIVE_SVC, "get_members", live::members),
    Route::new(LIVE_SVC, "modify_user_info", live::marks),
    Route::new(LIVE_SVC, "check_members", live::check),
    Route::new(LIVE_SVC, "get_admin_list", live::admins),
    Route::new(LIVE_SVC, "modify_admin", live::modify_admins),
    Route::new(TOPIC_SVC, "create_topic", topics::create),
    Route::new(TOPIC_SVC, "get_topic", topics::get),
    Route::new(TOPIC_SVC, "modify_topic", topics::modify),
    Route::new(TOPIC_SVC, "destroy_topic", topics::destroy),
    route("import_topic", topics::import),
    Route::new(TOPIC_SVC, "get_online_member_num", topics::online_num),
    route("create_permission_group", permissions::create),
    route("destroy_permission_group", permissions::destroy),
    route("modify_permission_group", permissions::modify),
    route("get_permission_group", permissions::get),
    route("add_topic_permission_group", permissions::add_topics),
    route("set_topic_permission_group", permissions::set_topics),
    route("delete_topic_permission_group", permissions::delete_topics),
    route("get_topic_permission_group", permissions::get_topics),
    route("add_permission_group_member", permissions::add_members),
    route(
        "delete_permission_group_member",
        permissions::delete_members,
    ),
    route("get_permission_group_member_list", permissions::members),
];

// ---- small shared helpers

fn no_group() -> ApiError {
    ApiError::new(NO_GROUP, "group does not exist or has been destroyed")
}

fn bad(key: &str, what: &str) -> ApiError {
    ApiError::new(BAD, field_msg(key, what))
}

/// An item's `Member_Account` (the item is in the list `list`): a UserID of 1-32 bytes.
fn member_account<'a>(item: &'a Value, list: &str) -> Result<&'a str, ApiError> {
    item.get("Member_Account")
        .and_then(Value::as_str)
        .filter(|id| !id.is_empty() && id.len() <= crate::usersig::MAX_USER_ID_BYTES)
        .ok_or_else(|| bad(list, "items need a Member_Account of 1-32 bytes"))
}

/// An optional string of at most `max` bytes.
fn opt_text<'a>(ctx: &Ctx<'a>, key: &str, max: usize) -> Result<Option<&'a str>, ApiError> {
    let v = ctx.opt_str(key, BAD)?;
    if v.is_some_and(|s| s.len() > max) {
        return Err(bad(key, "is too long"));
    }
    Ok(v)
}

/// An optional non-negative integer.
fn opt_count(ctx: &Ctx<'_>, key: &str) -> Result<Option<u64>, ApiError> {
    match ctx.opt_int(key, BAD)? {
        None => Ok(None),
        Some(n) => u64::try_from(n)
            .map(Some)
            .map_err(|_| bad(key, "must not be negative")),
    }
}

/// An optional array of strings (filters).
fn opt_strings<'a>(ctx: &Ctx<'a>, key: &str) -> Result<Option<Vec<&'a str>>, ApiError> {
    strings_at(ctx.body.get(key), key)
}

/// `v` (the member `key` of something) as an optional array of strings.
fn strings_at<'a>(v: Option<&'a Value>, key: &str) -> Result<Option<Vec<&'a str>>, ApiError> {
    match v {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Array(items)) => items
            .iter()
            .map(|v| v.as_str().ok_or_else(|| bad(key, "items must be strings")))
            .collect::<Result<Vec<_>, _>>()
            .map(Some),
        Some(_) => Err(bad(key, "must be an array")),
    }
}

/// `[{Key, Value}]` custom data, each Key and Value a string.
fn key_values(v: &Value, key: &str) -> Result<Vec<Value>, ApiError> {
    let items = v.as_array().ok_or_else(|| bad(key, "must be an array"))?;
    if !items.iter().all(is_key_value) {
        return Err(bad(key, "items need string Key and Value"));
    }
    Ok(items.clone())
}

fn is_key_value(it: &Value) -> bool {
    it.get("Key").is_some_and(Value::is_string) && it.get("Value").is_some_and(Value::is_string)
}

/// `fields` (a JSON object) with only the members `want` keeps.
fn only(mut fields: Value, want: impl Fn(&str) -> bool) -> Value {
    if let Some(o) = fields.as_object_mut() {
        o.retain(|k, _| want(k));
    }
    fields
}

/// The `[{Key, Value}]` items whose Key is in `keys`.
fn pick_keys(items: &[Value], keys: &[&str]) -> Value {
    Value::Array(
        items
            .iter()
            .filter(|it| {
                it.get("Key")
                    .and_then(Value::as_str)
                    .is_some_and(|k| keys.contains(&k))
            })
            .cloned()
            .collect(),
    )
}

// ---- snapshot: what serde's types cannot check.

impl Persist for Groups {
    fn check(&self) -> Result<(), String> {
        for (id, g) in &self.by_id {
            check_group(g, self.serial).map_err(|e| field_msg(id, &e))?;
        }
        Ok(())
    }
}

fn check_group(g: &Group, serial: u64) -> Result<(), String> {
    if g.serial > serial {
        return Err("has a serial above the snapshot's".into());
    }
    let mut ids = std::collections::BTreeSet::new();
    if let Some(m) = g.members.iter().find(|m| !ids.insert(m.id.as_str())) {
        return Err(field_msg(&m.id, "is listed twice"));
    }
    let mut data = g.members.iter().map(|m| &m.app_data).chain([&g.app_data]);
    if !data.all(|items| items.iter().all(is_key_value)) {
        return Err("custom data items need string Key and Value".into());
    }
    let ascending = g.msgs.windows(2).all(|w| w[0].seq < w[1].seq);
    if !ascending || g.msgs.last().is_some_and(|m| m.seq >= g.next_seq) {
        return Err("message sequences must ascend below NextMsgSeq".into());
    }
    if !g.msgs.iter().all(|m| m.body.is_array()) {
        return Err("MsgBody must be an array".into());
    }
    if g.msgs.len() > MAX_HISTORY {
        return Err("holds more messages than the emulator keeps".into());
    }
    g.ext.check()
}
