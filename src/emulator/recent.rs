//! Conversations (`recentcontact`): each account's conversation list, kept up to date by
//! one-to-one sends (`sendmsg`, `batchsendmsg`) and group sends (`send_group_msg`, for every
//! tracked member), read with `get_list` and removed with `delete`; plus conversation groups and
//! marks (`recent/contacts.rs`), which Tencent keeps apart from the list ("conversation group mark
//! data is independent of recent contacts"). Docs: the conversation pages of 1047 (43087, 43088,
//! 53437-53442). Codes: 50001 account not imported, 50002 invalid parameter, 51xxx as listed on
//! the conversation-group pages.

mod contacts;

use super::ctx::field_msg;
use super::routes::{Handler, Route};
use super::snapshot::Persist;
use super::{ApiError, Ctx, Outcome};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use std::collections::BTreeMap;

const NO_ACCOUNT: i64 = 50001;
const BAD: i64 = 50002;
/// Conversations kept per account; past it the oldest goes (an emulator bound: Tencent's is not
/// in our docs).
const MAX_SESSIONS: usize = 1000;
/// Conversations per get_list page (Tencent's page size is not documented).
const PAGE: usize = 100;

/// A conversation as its owner sees it: `1:<UserID>` (one-to-one) or `2:<GroupId>` (group).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Conv(String);

impl Conv {
    fn c2c(peer: &str) -> Conv {
        Conv(format!("1:{peer}"))
    }

    fn group(id: &str) -> Conv {
        Conv(format!("2:{id}"))
    }

    /// `Type`: 1 one-to-one, 2 group.
    fn kind(&self) -> u8 {
        if self.0.starts_with("1:") {
            1
        } else {
            2
        }
    }

    fn id(&self) -> &str {
        self.0.get(2..).unwrap_or("")
    }

    fn is_valid(&self) -> bool {
        (self.0.starts_with("1:") || self.0.starts_with("2:")) && !self.id().is_empty()
    }

    /// `{Type, To_Account}` or `{Type, <group_field>: GroupId}` (get_list says `GroupId`, the
    /// conversation-group pages `ToGroupId`).
    fn item(&self, group_field: &str) -> Value {
        if self.kind() == 1 {
            json!({ "Type": 1, "To_Account": self.id() })
        } else {
            let mut o = json!({ "Type": 2 });
            o[group_field] = self.id().into();
            o
        }
    }
}

/// In a snapshot: `{Sessions: {UserID: {conversation: last message time}}, Contacts: {UserID:
/// {...}}}` (contacts: see `recent/contacts.rs`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Recent {
    #[serde(rename = "Sessions", default)]
    sessions: BTreeMap<String, BTreeMap<Conv, u64>>,
    #[serde(rename = "Contacts", default)]
    contacts: BTreeMap<String, contacts::Contacts>,
}

impl Recent {
    pub fn is_empty(&self) -> bool {
        self.sessions.is_empty() && self.contacts.is_empty()
    }

    /// A one-to-one message between `from` and `to` at `time`: both sides' conversation moves up.
    pub fn c2c_message(&mut self, from: &str, to: &str, time: u64) {
        self.touch(from, Conv::c2c(to), time);
        self.touch(to, Conv::c2c(from), time);
    }

    /// A message in group `id`: every member's conversation with the group moves up.
    pub fn group_message<'a>(
        &mut self,
        id: &str,
        members: impl Iterator<Item = &'a str>,
        time: u64,
    ) {
        let conv = Conv::group(id);
        for m in members {
            self.touch(m, conv.clone(), time);
        }
    }

    fn touch(&mut self, owner: &str, conv: Conv, time: u64) {
        let list = self.sessions.entry(owner.to_owned()).or_default();
        let t = list.entry(conv).or_insert(time);
        *t = (*t).max(time);
        if list.len() > MAX_SESSIONS {
            if let Some(oldest) = list.iter().min_by_key(|(_, t)| **t).map(|(c, _)| c.clone()) {
                list.remove(&oldest);
            }
        }
    }
}

impl Persist for Recent {
    fn check(&self) -> Result<(), String> {
        for list in self.sessions.values() {
            if list.len() > MAX_SESSIONS || !list.keys().all(Conv::is_valid) {
                return Err("conversations must be 1:<UserID> or 2:<GroupId>, at most 1000".into());
            }
        }
        self.contacts
            .values()
            .try_for_each(contacts::Contacts::check)
    }
}

pub const ROUTES: &[Route] = &[
    route("get_list", get_list),
    route("delete", delete),
    route("create_contact_group", contacts::create_group),
    route("del_contact_group", contacts::delete_group),
    route("update_contact_group", contacts::update_group),
    route("search_contact_group", contacts::search),
    route("mark_contact", contacts::mark),
    route("get_contact_group", contacts::get),
];

const fn route(command: &'static str, handler: Handler) -> Route {
    Route::new("recentcontact", command, handler)
}

/// `From_Account`: a UserID (50002) of an imported account (50001).
fn owner<'a>(ctx: &Ctx<'a>) -> Result<&'a str, ApiError> {
    ctx.imported("From_Account", BAD, NO_ACCOUNT)
}

/// A required non-negative integer.
fn count(ctx: &Ctx<'_>, key: &str) -> Result<u64, ApiError> {
    u64::try_from(ctx.int(key, BAD)?)
        .map_err(|_| ApiError::new(BAD, field_msg(key, "must not be negative")))
}

/// The list newest first (then in conversation order). A page continues after the request's
/// cursor: `TimeStamp` 0 starts at the newest; otherwise it starts with the conversations older
/// than `TimeStamp`, after skipping the first `StartIndex` of those at exactly `TimeStamp`. The
/// answer's `TimeStamp` is its last conversation's time and `StartIndex` how many conversations
/// with that time have been returned, so the next request continues where this page ended.
/// Nothing is pinned through REST, so every `TopFlag` is 0 and the pinned cursor stays 0.
fn get_list(ctx: &mut Ctx<'_>) -> Outcome {
    let me = owner(ctx)?;
    let ts = count(ctx, "TimeStamp")?;
    let index = count(ctx, "StartIndex")?;
    count(ctx, "TopTimeStamp")?;
    count(ctx, "TopStartIndex")?;
    count(ctx, "AssistFlags")?;
    let groups = &ctx.state.groups;
    let mut all: Vec<(u64, &Conv)> = ctx
        .state
        .recent
        .sessions
        .get(me)
        .into_iter()
        .flatten()
        // A destroyed group's conversation is gone with it.
        .filter(|(c, _)| c.kind() == 1 || groups.contains(c.id()))
        .map(|(c, t)| (*t, c))
        .collect();
    all.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    let start = if ts == 0 {
        0
    } else {
        let newer = all.partition_point(|(t, _)| *t > ts);
        let same = all[newer..].partition_point(|(t, _)| *t == ts);
        newer + (index as usize).min(same)
    };
    let end = all.len().min(start + PAGE);
    let page = &all[start..end];
    let (next_ts, next_index) = match page.last() {
        None => (ts, index),
        Some(&(t, _)) => {
            let first = all.partition_point(|(u, _)| *u > t);
            (t, (end - first) as u64)
        }
    };
    let items: Vec<Value> = page
        .iter()
        .map(|(t, c)| {
            let mut o = c.item("GroupId");
            o["MsgTime"] = (*t).into();
            o["TopFlag"] = 0.into();
            o
        })
        .collect();
    Ok(json!({
        "SessionItem": items,
        "CompleteFlag": u8::from(end == all.len()),
        "TimeStamp": next_ts,
        "StartIndex": next_index,
        "TopTimeStamp": 0,
        "TopStartIndex": 0,
    }))
}

/// Removes one conversation from From_Account's list (none there: still 0). ClearRamble 1 on a
/// one-to-one conversation also removes its messages from From_Account's roaming history.
fn delete(ctx: &mut Ctx<'_>) -> Outcome {
    let me = owner(ctx)?;
    let conv = match ctx.int("Type", BAD)? {
        1 => Conv::c2c(ctx.user_id("To_Account", BAD)?),
        2 => {
            let id = ctx.str("ToGroupid", BAD)?;
            if id.is_empty() {
                return Err(ApiError::new(BAD, "ToGroupid is empty"));
            }
            Conv::group(id)
        }
        _ => {
            return Err(ApiError::new(
                BAD,
                "Type must be 1 (one-to-one) or 2 (group)",
            ))
        }
    };
    let clear = match ctx.opt_int("ClearRamble", BAD)? {
        None | Some(0) => false,
        Some(1) => true,
        Some(_) => return Err(ApiError::new(BAD, "ClearRamble must be 0 or 1")),
    };
    if let Some(list) = ctx.state.recent.sessions.get_mut(me) {
        list.remove(&conv);
        if list.is_empty() {
            ctx.state.recent.sessions.remove(me);
        }
    }
    if clear && conv.kind() == 1 {
        ctx.state.c2c.hide_all(me, conv.id());
    }
    Ok(json!({}))
}
