//! One-to-one messages: send (with Tencent's dedup keys), batch send, import, roaming history,
//! withdraw, modify, per-side delete, read state and unread counts.
//!
//! The state is the message history of each conversation, kept in Tencent's history order
//! (time, then MsgSeq within a second, then arrival), plus the recent sendmsg dedup keys.
//! The handlers live in `c2c/send.rs` (sendmsg, batchsendmsg, importmsg), `c2c/history.rs`
//! (admin_getroammsg, admin_msgwithdraw, modify_c2c_msg, delete_c2c_msg_ramble) and
//! `c2c/unread.rs` (admin_set_msg_read, get_c2c_unread_msg_num).

mod history;
mod send;
mod unread;

use super::ctx::{field_msg, s};
use super::routes::Route;
use super::snapshot::Persist;
use super::{ApiError, Ctx, Outcome};
use crate::json::{Object, Value};
use std::collections::BTreeMap;

/// The message family's code for a mistyped or missing field that has no code of its own
/// (Tencent's sample error answer: 90001 "Fail to Parse json data of body").
const BAD: i64 = 90001;

/// sendmsg's dedup window (spec/rest-reliability-facts.md B2: "valid 120 s").
pub const DEDUP_WINDOW_S: u64 = 120;

/// Messages kept per conversation: bounds the emulator's memory (Tencent instead drops roaming
/// messages after the app's retention time, 7 days by default).
const MAX_PER_CONVERSATION: usize = 10_000;

/// One stored message.
#[derive(Debug, Clone, PartialEq)]
pub struct Msg {
    pub from: String,
    pub to: String,
    pub seq: u32,
    pub random: u32,
    pub time: u64,
    pub key: String,
    pub body: Vec<Value>,
    pub cloud: Option<String>,
    pub withdrawn: bool,
    /// The recipient has not read it (and it counts toward the unread number).
    pub unread: bool,
    /// Accounts whose roaming lacks it (the sender with SyncOtherMachine 2, a side that deleted it).
    pub hidden: Vec<String>,
}

impl Msg {
    pub fn visible_to(&self, id: &str) -> bool {
        !self.hidden.iter().any(|h| h == id)
    }
}

/// A sendmsg that succeeded recently: the dedup key (sender, MsgSeq, MsgRandom, content) and
/// what the first send answered.
#[derive(Debug, Clone, PartialEq)]
struct Sent {
    from: String,
    seq: u32,
    random: u32,
    /// The request's MsgBody as JSON text (Tencent uses a CRC32 of the content; exact text
    /// equality is the same test without collisions).
    content: String,
    time: u64,
    key: String,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct C2c {
    /// Conversation (the two UserIDs in sorted order) -> its messages in history order.
    convs: BTreeMap<(String, String), Vec<Msg>>,
    recent: Vec<Sent>,
    /// The last MsgSeq filled in for a request without one (Tencent fills a random number; a
    /// counter keeps the emulator deterministic).
    last_seq: u32,
}

impl C2c {
    fn conv_key(a: &str, b: &str) -> (String, String) {
        if a <= b {
            (a.to_owned(), b.to_owned())
        } else {
            (b.to_owned(), a.to_owned())
        }
    }

    /// The messages between `a` and `b`, oldest first.
    pub fn conversation(&self, a: &str, b: &str) -> &[Msg] {
        self.convs
            .get(&Self::conv_key(a, b))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    fn conversation_mut(&mut self, a: &str, b: &str) -> Option<&mut Vec<Msg>> {
        self.convs.get_mut(&Self::conv_key(a, b))
    }

    /// Stores `m` after every message that sorts before or with it (time, then MsgSeq); past
    /// [`MAX_PER_CONVERSATION`] the oldest message goes.
    fn insert(&mut self, m: Msg) {
        let list = self
            .convs
            .entry(Self::conv_key(&m.from, &m.to))
            .or_default();
        let at = list.partition_point(|x| (x.time, x.seq) <= (m.time, m.seq));
        list.insert(at, m);
        if list.len() > MAX_PER_CONVERSATION {
            list.remove(0);
        }
    }

    /// The MsgSeq the next request without one gets (read before a before-callback, taken after).
    fn peek_seq(&self) -> u32 {
        self.last_seq.wrapping_add(1)
    }

    fn take_seq(&mut self) -> u32 {
        self.last_seq = self.peek_seq();
        self.last_seq
    }

    /// The answer of an earlier sendmsg with the same dedup key inside the window.
    fn duplicate(
        &self,
        from: &str,
        seq: u32,
        random: u32,
        content: &str,
        now: u64,
    ) -> Option<&Sent> {
        self.recent.iter().find(|e| {
            e.from == from
                && e.seq == seq
                && e.random == random
                && e.content == content
                && now.saturating_sub(e.time) < DEDUP_WINDOW_S
        })
    }

    fn remember(&mut self, e: Sent, now: u64) {
        self.recent
            .retain(|x| now.saturating_sub(x.time) < DEDUP_WINDOW_S);
        self.recent.push(e);
    }

    /// Unread messages `peer` sent to `owner`.
    pub fn unread(&self, owner: &str, peer: &str) -> usize {
        self.conversation(owner, peer)
            .iter()
            .filter(|m| m.unread && !m.withdrawn && m.to == owner && m.from == peer)
            .count()
    }

    /// Unread messages of all `owner`'s conversations.
    pub fn unread_total(&self, owner: &str) -> usize {
        self.convs
            .iter()
            .filter(|((a, b), _)| a == owner || b == owner)
            .flat_map(|(_, list)| list)
            .filter(|m| m.unread && !m.withdrawn && m.to == owner)
            .count()
    }
}

/// `<MsgSeq>_<MsgRandom>_<MsgTime>`, the documented MsgKey form (e.g. "48374_2837546_1557481126").
pub fn msg_key(seq: u32, random: u32, time: u64) -> String {
    format!("{seq}_{random}_{time}")
}

pub const ROUTES: &[Route] = &[
    route("sendmsg", send::sendmsg),
    route("batchsendmsg", send::batchsendmsg),
    route("importmsg", send::importmsg),
    route("admin_getroammsg", history::get_roam_msg),
    route("admin_msgwithdraw", history::withdraw),
    route("modify_c2c_msg", history::modify),
    route("delete_c2c_msg_ramble", history::delete_ramble),
    route("admin_set_msg_read", unread::set_read),
    route("get_c2c_unread_msg_num", unread::unread_num),
];

const fn route(command: &'static str, handler: fn(&mut Ctx<'_>) -> Outcome) -> Route {
    Route {
        service: "openim",
        command,
        handler,
    }
}

/// An account field that must name an imported account (or the admin): `missing` when it is
/// absent or not a 1-32 byte string, `unknown` when nobody has that ID.
fn account<'a>(ctx: &Ctx<'a>, key: &str, missing: i64, unknown: i64) -> Result<&'a str, ApiError> {
    let id = ctx.user_id(key, missing)?;
    if !ctx.exists(id) {
        return Err(ApiError::new(
            unknown,
            field_msg(key, "is not an imported account"),
        ));
    }
    Ok(id)
}

/// An optional integer field that must fit Tencent's 32-bit unsigned fields.
fn opt_u32(ctx: &Ctx<'_>, key: &str, code: i64) -> Result<Option<u32>, ApiError> {
    match ctx.opt_int(key, code)? {
        None => Ok(None),
        Some(n) => u32::try_from(n)
            .map(Some)
            .map_err(|_| ApiError::new(code, field_msg(key, "must be 0 to 4294967295"))),
    }
}

/// A non-negative time in seconds.
fn opt_time(ctx: &Ctx<'_>, key: &str, code: i64) -> Result<Option<u64>, ApiError> {
    match ctx.opt_int(key, code)? {
        None => Ok(None),
        Some(n) => u64::try_from(n)
            .map(Some)
            .map_err(|_| ApiError::new(code, field_msg(key, "must not be negative"))),
    }
}

/// A message in the shape Tencent's history and callbacks use.
fn msg_fields(m: &Msg) -> Object {
    let mut o = Object::new();
    o.insert("From_Account", s(&m.from));
    o.insert("To_Account", s(&m.to));
    o.insert("MsgSeq", Value::from(m.seq as i64));
    o.insert("MsgRandom", Value::from(m.random as i64));
    o.insert("MsgTimeStamp", Value::from(m.time as i64));
    o
}

// ---- snapshot

impl Persist for C2c {
    fn save(&self) -> Value {
        let messages = self
            .convs
            .values()
            .flatten()
            .map(|m| {
                let mut o = msg_fields(m);
                o.insert("MsgKey", s(&m.key));
                o.insert("MsgBody", Value::Array(m.body.clone()));
                if let Some(c) = &m.cloud {
                    o.insert("CloudCustomData", s(c));
                }
                o.insert("Withdrawn", Value::Bool(m.withdrawn));
                o.insert("Unread", Value::Bool(m.unread));
                o.insert(
                    "Hidden",
                    Value::Array(m.hidden.iter().map(|h| s(h)).collect()),
                );
                Value::Object(o)
            })
            .collect();
        let recent = self
            .recent
            .iter()
            .map(|e| {
                let mut o = Object::new();
                o.insert("From_Account", s(&e.from));
                o.insert("MsgSeq", Value::from(e.seq as i64));
                o.insert("MsgRandom", Value::from(e.random as i64));
                o.insert("Content", s(&e.content));
                o.insert("MsgTime", Value::from(e.time as i64));
                o.insert("MsgKey", s(&e.key));
                Value::Object(o)
            })
            .collect();
        let mut o = Object::new();
        o.insert("LastSeq", Value::from(self.last_seq as i64));
        o.insert("Messages", Value::Array(messages));
        o.insert("Recent", Value::Array(recent));
        Value::Object(o)
    }

    fn load(v: &Value) -> Result<Self, String> {
        let mut c = C2c {
            last_seq: num(v, "LastSeq")?,
            ..C2c::default()
        };
        for m in list(v, "Messages")? {
            let hidden = list(m, "Hidden")?
                .iter()
                .map(|h| {
                    h.as_str()
                        .map(str::to_owned)
                        .ok_or("Hidden items must be strings")
                })
                .collect::<Result<_, _>>()?;
            let cloud = match m.get("CloudCustomData") {
                None => None,
                Some(_) => Some(text(m, "CloudCustomData")?),
            };
            c.insert(Msg {
                from: text(m, "From_Account")?,
                to: text(m, "To_Account")?,
                seq: num(m, "MsgSeq")?,
                random: num(m, "MsgRandom")?,
                time: num(m, "MsgTimeStamp")?,
                key: text(m, "MsgKey")?,
                body: list(m, "MsgBody")?.clone(),
                cloud,
                withdrawn: flag(m, "Withdrawn")?,
                unread: flag(m, "Unread")?,
                hidden,
            });
        }
        for e in list(v, "Recent")? {
            c.recent.push(Sent {
                from: text(e, "From_Account")?,
                seq: num(e, "MsgSeq")?,
                random: num(e, "MsgRandom")?,
                content: text(e, "Content")?,
                time: num(e, "MsgTime")?,
                key: text(e, "MsgKey")?,
            });
        }
        Ok(c)
    }
}

fn missing(key: &str, what: &str) -> String {
    field_msg(key, what)
}

fn text(v: &Value, key: &str) -> Result<String, String> {
    v.get(key)
        .and_then(Value::as_str)
        .map(str::to_owned)
        .ok_or_else(|| missing(key, "must be a string"))
}

fn num<T: TryFrom<u64>>(v: &Value, key: &str) -> Result<T, String> {
    v.get(key)
        .and_then(Value::as_u64)
        .and_then(|n| T::try_from(n).ok())
        .ok_or_else(|| missing(key, "must be a whole number in range"))
}

fn flag(v: &Value, key: &str) -> Result<bool, String> {
    match v.get(key) {
        Some(Value::Bool(b)) => Ok(*b),
        _ => Err(missing(key, "must be true or false")),
    }
}

fn list<'v>(v: &'v Value, key: &str) -> Result<&'v Vec<Value>, String> {
    v.get(key)
        .and_then(Value::as_array)
        .ok_or_else(|| missing(key, "must be an array"))
}
