//! The state the later group endpoints keep, apart from the first model in `groups.rs`: per group
//! ([`GroupExt`]: attributes, counters, live members, bans and admins, topics, permission groups),
//! per message ([`MsgExt`]: read receipts, cleared) and app-wide ([`GroupsExt`]: ID counter,
//! broadcasts). Every member defaults and empty ones are left out of a snapshot, so snapshots
//! written before these existed restore, and write back, unchanged.
//!
//! Also the small readers and checks the new endpoint files share.

use super::super::{ApiError, Ctx};
use super::{attributes, bad, live, member_account, permissions, topics, Group, Kind, BAD, DENIED};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GroupExt {
    /// create_group / import_group `SupportTopic: 1` (Community groups only).
    #[serde(rename = "SupportTopic", default, skip_serializing_if = "is_false")]
    pub(super) support_topic: bool,
    /// In the order keys were first set.
    #[serde(rename = "GroupAttr", default, skip_serializing_if = "Vec::is_empty")]
    pub(super) attrs: Vec<attributes::Attr>,
    #[serde(
        rename = "GroupCounter",
        default,
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    pub(super) counters: BTreeMap<String, i64>,
    /// Live groups: UserID -> banned until (Unix seconds).
    #[serde(
        rename = "BannedUntil",
        default,
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    pub(super) banned: BTreeMap<String, u64>,
    /// Live groups: who is in the room now, in join order.
    #[serde(rename = "Online", default, skip_serializing_if = "Vec::is_empty")]
    pub(super) online: Vec<live::Online>,
    /// Live groups: joins so far (orders `online`, pages get_members).
    #[serde(rename = "JoinSerial", default, skip_serializing_if = "is_zero")]
    pub(super) join_serial: u64,
    /// Live groups: admins (modify_admin), in the order they were set.
    #[serde(rename = "Admins", default, skip_serializing_if = "Vec::is_empty")]
    pub(super) admins: Vec<String>,
    /// Community groups: topics in creation order.
    #[serde(rename = "Topics", default, skip_serializing_if = "Vec::is_empty")]
    pub(super) topics: Vec<topics::Topic>,
    /// Community groups: permission groups in creation order.
    #[serde(
        rename = "PermissionGroups",
        default,
        skip_serializing_if = "Vec::is_empty"
    )]
    pub(super) permission_groups: Vec<permissions::PermissionGroup>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MsgExt {
    /// Sent with `NeedReadReceipt: 1`.
    #[serde(rename = "NeedReadReceipt", default, skip_serializing_if = "is_false")]
    pub(super) need_receipt: bool,
    /// Who sent a read receipt for it (group_msg_receipt), in that order.
    #[serde(rename = "ReadBy", default, skip_serializing_if = "Vec::is_empty")]
    pub(super) read_by: Vec<String>,
    /// clear_group_msg marked it (clients no longer pull it; the admin still reads it).
    #[serde(rename = "Cleared", default, skip_serializing_if = "is_false")]
    pub(super) cleared: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GroupsExt {
    /// Generated topic and permission group IDs so far.
    #[serde(rename = "IdSerial", default, skip_serializing_if = "is_zero")]
    pub(super) id_serial: u64,
    /// send_broadcast_msg: the last MsgSeq answered.
    #[serde(rename = "BroadcastSeq", default, skip_serializing_if = "is_zero")]
    pub(super) broadcast_seq: u64,
    /// The recent broadcasts (dedup window), oldest first, at most [`MAX_BROADCASTS`].
    #[serde(rename = "Broadcasts", default, skip_serializing_if = "Vec::is_empty")]
    pub(super) broadcasts: Vec<Broadcast>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Broadcast {
    #[serde(rename = "MsgSeq")]
    pub(super) seq: u64,
    #[serde(rename = "Random")]
    pub(super) random: u64,
    #[serde(rename = "MsgTime")]
    pub(super) time: u64,
    #[serde(rename = "From_Account")]
    pub(super) from: String,
    #[serde(rename = "MsgBody")]
    pub(super) body: Value,
}

/// send_broadcast_msg remembers this many recent broadcasts for its dedup.
pub(super) const MAX_BROADCASTS: usize = 100;

fn is_false(b: &bool) -> bool {
    !*b
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

impl GroupExt {
    pub(super) fn is_empty(&self) -> bool {
        *self == GroupExt::default()
    }

    /// What serde's types cannot check in a snapshot: bounds and unique IDs.
    pub(super) fn check(&self) -> Result<(), String> {
        let bounded = self.attrs.len() <= attributes::MAX_KEYS
            && self.counters.len() <= super::counters::MAX_KEYS
            && self.online.len() <= live::MAX_ONLINE
            && self.admins.len() <= live::MAX_ADMINS
            && self.topics.len() <= topics::MAX_TOPICS
            && self.permission_groups.len() <= permissions::MAX_GROUPS;
        if !bounded {
            return Err("holds more attributes, counters, live members, admins, topics or permission groups than the emulator allows".into());
        }
        fn unique<'a>(ids: impl Iterator<Item = &'a str>) -> bool {
            let mut seen = BTreeSet::new();
            ids.into_iter().all(|id| seen.insert(id))
        }
        let ok = unique(self.attrs.iter().map(|a| a.key.as_str()))
            && unique(self.online.iter().map(|m| m.id.as_str()))
            && unique(self.admins.iter().map(String::as_str))
            && unique(self.topics.iter().map(|t| t.id.as_str()))
            && unique(self.permission_groups.iter().map(|p| p.id.as_str()));
        if !ok {
            return Err(
                "lists an attribute key, live member, admin, topic or permission group twice"
                    .into(),
            );
        }
        if self.online.iter().any(|m| m.serial > self.join_serial) {
            return Err("has a live member joined after JoinSerial".into());
        }
        Ok(())
    }
}

impl MsgExt {
    pub(super) fn is_empty(&self) -> bool {
        *self == MsgExt::default()
    }
}

impl GroupsExt {
    pub(super) fn is_empty(&self) -> bool {
        *self == GroupsExt::default()
    }
}

// ---- shared by the endpoint files

/// 10007 unless the group is a Community group.
pub(super) fn community_only(g: &Group) -> Result<(), ApiError> {
    only_kind(g, Kind::Community, "Community groups")
}

/// 10007 unless the group is a live (AVChatRoom) group.
pub(super) fn live_only(g: &Group) -> Result<(), ApiError> {
    only_kind(g, Kind::AVChatRoom, "live (AVChatRoom) groups")
}

fn only_kind(g: &Group, kind: Kind, what: &str) -> Result<(), ApiError> {
    if g.kind == kind {
        return Ok(());
    }
    let mut info = String::from("this call is for ");
    info.push_str(what);
    info.push_str(" only");
    Err(ApiError::new(DENIED, info))
}

/// A required array of 1..=`max` non-empty strings of at most `max_len` bytes (IDs that are not
/// UserIDs: topic and permission group IDs, attribute and counter keys).
pub(super) fn strings<'a>(
    ctx: &Ctx<'a>,
    key: &str,
    max: usize,
    max_len: usize,
) -> Result<Vec<&'a str>, ApiError> {
    let items = ctx.items(key, max, BAD)?;
    items
        .iter()
        .map(|v| match v.as_str() {
            Some(s) if !s.is_empty() && s.len() <= max_len => Ok(s),
            _ => Err(bad(
                key,
                &counted("items must be strings of 1-", max_len as u64, " bytes"),
            )),
        })
        .collect()
}

/// `strings` for an optional field.
pub(super) fn opt_strings<'a>(
    ctx: &Ctx<'a>,
    key: &str,
    max: usize,
    max_len: usize,
) -> Result<Option<Vec<&'a str>>, ApiError> {
    match ctx.body.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(_) => strings(ctx, key, max, max_len).map(Some),
    }
}

/// `[{Member_Account}]` items (1..=`max`), each a UserID.
pub(super) fn account_items<'a>(
    ctx: &Ctx<'a>,
    key: &str,
    max: usize,
) -> Result<Vec<&'a str>, ApiError> {
    let items = ctx.items(key, max, BAD)?;
    items.iter().map(|it| member_account(it, key)).collect()
}

/// An optional 0/1 flag.
pub(super) fn opt_flag(ctx: &Ctx<'_>, key: &str) -> Result<bool, ApiError> {
    match ctx.opt_int(key, BAD)? {
        None | Some(0) => Ok(false),
        Some(1) => Ok(true),
        Some(_) => Err(bad(key, "must be 0 or 1")),
    }
}

/// An optional `On`/`Off` switch.
pub(super) fn opt_on_off(ctx: &Ctx<'_>, key: &str) -> Result<Option<bool>, ApiError> {
    match ctx.opt_str(key, BAD)? {
        None => Ok(None),
        Some("On") => Ok(Some(true)),
        Some("Off") => Ok(Some(false)),
        Some(_) => Err(bad(key, "must be On or Off")),
    }
}

/// A required non-negative integer no larger than `max`.
pub(super) fn count(ctx: &Ctx<'_>, key: &str, max: u64) -> Result<u64, ApiError> {
    let n = ctx.int(key, BAD)?;
    u64::try_from(n)
        .ok()
        .filter(|&n| n <= max)
        .ok_or_else(|| bad(key, &counted("must be 0-", max, "")))
}

/// Offset paging cursors are the offset as a decimal string; "" starts.
pub(super) fn cursor(ctx: &Ctx<'_>, key: &str) -> Result<usize, ApiError> {
    match ctx.opt_str(key, BAD)? {
        None | Some("") => Ok(0),
        Some(s) => s
            .parse::<usize>()
            .map_err(|_| bad(key, "is not a cursor this endpoint returned")),
    }
}

/// 10 base-32 characters from `serial`, scrambled by an odd multiplier (a bijection mod 2^50, so
/// distinct serials give distinct strings): the variable part of generated IDs.
pub(super) fn scrambled(serial: u64) -> String {
    const DIGITS: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let mut v = serial.wrapping_mul(0x9E37_79B9_7F4A_7C15) & ((1 << 50) - 1);
    let mut s = String::with_capacity(10);
    for _ in 0..10 {
        s.push(char::from(DIGITS[(v & 31) as usize]));
        v >>= 5;
    }
    s
}

/// `"<a><n><b>"` without `format!`.
fn counted(a: &str, n: u64, b: &str) -> String {
    let mut s = String::from(a);
    s.push_str(&n.to_string());
    s.push_str(b);
    s
}

/// Printable ASCII without spaces, as custom IDs must be.
pub(super) fn printable(s: &str) -> bool {
    s.bytes().all(|b| (0x21..=0x7e).contains(&b))
}
