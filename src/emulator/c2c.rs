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

/// The MsgBody check, shared with the push and official-account domains.
pub(crate) use send::msg_body;

use super::ctx::field_msg;
use super::routes::{Handler, Route};
use super::snapshot::Persist;
use super::{ApiError, Ctx};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;
use std::collections::BTreeMap;

/// The message family's code for a mistyped or missing field that has no code of its own
/// (Tencent's sample error answer: 90001 "Fail to Parse json data of body").
const BAD: i64 = 90001;

/// sendmsg's dedup window (spec/rest-reliability-facts.md B2: "valid 120 s").
pub const DEDUP_WINDOW_S: u64 = 120;

/// Messages kept per conversation: bounds the emulator's memory (Tencent instead drops roaming
/// messages after the app's retention time, 7 days by default).
const MAX_PER_CONVERSATION: usize = 10_000;

/// One stored message (in a snapshot: Tencent's field names where there is one).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Msg {
    #[serde(rename = "From_Account")]
    pub from: String,
    #[serde(rename = "To_Account")]
    pub to: String,
    #[serde(rename = "MsgSeq")]
    pub seq: u32,
    #[serde(rename = "MsgRandom")]
    pub random: u32,
    #[serde(rename = "MsgTimeStamp")]
    pub time: u64,
    #[serde(rename = "MsgKey")]
    pub key: String,
    #[serde(rename = "MsgBody")]
    pub body: Vec<Value>,
    #[serde(rename = "CloudCustomData")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Sent {
    #[serde(rename = "From_Account")]
    from: String,
    #[serde(rename = "MsgSeq")]
    seq: u32,
    #[serde(rename = "MsgRandom")]
    random: u32,
    /// The request's MsgBody as JSON text (Tencent uses a CRC32 of the content; exact text
    /// equality is the same test without collisions; keys are in serde_json's sorted order).
    #[serde(rename = "Content")]
    content: String,
    #[serde(rename = "MsgTime")]
    time: u64,
    #[serde(rename = "MsgKey")]
    key: String,
}

/// Conversation (the two UserIDs in sorted order) -> its messages in history order.
type Convs = BTreeMap<(String, String), Vec<Msg>>;

/// In a snapshot: `{LastSeq, Messages: [every message], Recent: [dedup keys]}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct C2c {
    #[serde(rename = "Messages", serialize_with = "save_msgs")]
    #[serde(deserialize_with = "load_msgs")]
    convs: Convs,
    #[serde(rename = "Recent")]
    recent: Vec<Sent>,
    /// The last MsgSeq filled in for a request without one (Tencent fills a random number; a
    /// counter keeps the emulator deterministic).
    #[serde(rename = "LastSeq")]
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

    /// Removes the whole conversation from `owner`'s roaming history (recentcontact/delete with
    /// ClearRamble 1).
    pub fn hide_all(&mut self, owner: &str, peer: &str) {
        for m in self.conversation_mut(owner, peer).into_iter().flatten() {
            if m.visible_to(owner) {
                m.hidden.push(owner.to_owned());
            }
        }
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

const fn route(command: &'static str, handler: Handler) -> Route {
    Route::new("openim", command, handler)
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

// ---- snapshot: the conversations as one list of messages, each stored again the way a send
// stores it (so a snapshot's order and size limits cannot break the history's invariants).

fn save_msgs<S: Serializer>(convs: &Convs, s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(convs.values().flatten())
}

fn load_msgs<'de, D: Deserializer<'de>>(d: D) -> Result<Convs, D::Error> {
    let mut c = C2c::default();
    for m in Vec::<Msg>::deserialize(d)? {
        c.insert(m);
    }
    Ok(c.convs)
}

impl Persist for C2c {}
