//! The job kinds: one row per bulk endpoint, and everything a runner needs to know about it.
//!
//! | endpoint | items per call | dedup keys (facts B2) | maybe-processed is resolved by |
//! |---|---|---|---|
//! | `openim/sendmsg` | 1 recipient | MsgRandom + MsgSeq per recipient; Tencent drops a repeat within 120 s | resend inside the window; after it, the recipient's history (`admin_getroammsg`) |
//! | `openim/batchsendmsg` | 500 | none documented: MsgRandom + MsgSeq per call only make the message findable | each recipient's history |
//! | `group_open_http_svc/send_group_msg` | 1 group | Random per group; repeats dropped within 5 min | resend inside the window; after it, the group's history (`group_msg_get_simple`) |
//! | `im_open_login_svc/multiaccount_import` | 100 | none needed: re-importing is harmless | `account_check` |
//! | `group_open_http_svc/add_group_member` | 300 | none needed: a member is added once (Result 2) | `get_role_in_group` |
//! | `timpush/batch` | 500 | MsgRandom, deduplicated for one second only | nothing can tell: reported as unknown |
//!
//! Quotas (facts B3; paid packs raise them, so every one can be overridden per job):
//! sendmsg, send_group_msg and add_group_member 200 requests/s; batchsendmsg 200 requests/s and
//! 12,000 messages/min counted per recipient; multiaccount_import 100/s; timpush/batch 10/s (the
//! free edition's figure, trtc.io/document/67553; 30/s standard, 40/s premium). The checks'
//! read endpoints have no figure in our facts: 100/s is our conservative default.

use super::pacing::Quota;
use crate::retry::RESEND_MARGIN_MS;

/// Where a request's items go in its body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Items {
    /// One id as a string field (`To_Account`, `GroupId`).
    One,
    /// An array of id strings.
    Strings,
    /// An array of objects; the id is the named field, and a bare string becomes `{field: id}`.
    Objects(&'static str),
}

/// What an item's id is, for validation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdKind {
    User,
    Group,
}

/// How dedup keys are derived.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keys {
    None,
    /// From the job id and the item's id (one item per request).
    PerItem,
    /// From the job id and the request's place in the job (many items share them).
    PerRequest,
}

/// How Tencent's state tells whether a maybe-processed item was processed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    /// Nothing can tell: such items are reported as unknown.
    None,
    /// `openim/admin_getroammsg` from the recipient's side, looking for MsgRandom + MsgSeq.
    RoamHistory,
    /// `group_open_http_svc/group_msg_get_simple`, looking for the Random.
    GroupHistory,
    /// `im_open_login_svc/account_check`: Imported or not.
    AccountCheck,
    /// `group_open_http_svc/get_role_in_group`: a role or NotMember.
    GroupRole,
}

impl Check {
    /// The read endpoint the check calls, and how many items one call checks.
    pub fn endpoint(self) -> Option<(&'static str, &'static str, usize)> {
        match self {
            Check::None => None,
            Check::RoamHistory => Some(("openim", "admin_getroammsg", 1)),
            Check::GroupHistory => Some(("group_open_http_svc", "group_msg_get_simple", 1)),
            Check::AccountCheck => Some(("im_open_login_svc", "account_check", 100)),
            Check::GroupRole => Some(("group_open_http_svc", "get_role_in_group", 500)),
        }
    }
}

/// Default quota of the checks' read endpoints (not in our facts; conservative).
pub const CHECK_QUOTA: &[Quota] = &[Quota::requests(100, 1000)];

pub struct JobKind {
    pub service: &'static str,
    pub command: &'static str,
    /// The body field the items go into.
    pub field: &'static str,
    pub items: Items,
    pub ids: IdKind,
    /// Tencent's per-call limit.
    pub per_request: usize,
    pub default_chunk: usize,
    pub keys: Keys,
    /// The body fields the keys fill: [random, seq] or [random].
    pub key_fields: &'static [&'static str],
    /// Sending again is harmless whatever happened (re-import, re-add), so a maybe-processed
    /// call is simply repeated.
    pub repeatable: bool,
    pub check: Check,
    pub quotas: &'static [Quota],
    /// Body fields the job must give (the checks need the sender; Tencent needs the rest).
    pub required: &'static [&'static str],
}

impl JobKind {
    pub fn path(&self) -> String {
        format!("{}/{}", self.service, self.command)
    }

    /// How long after a first attempt a resend with the same keys is still dropped by Tencent
    /// as a repeat: its dedup window (the SDK's retry table) less the SDK's resend margin.
    pub fn resend_span_ms(&self) -> Option<u64> {
        let window = crate::retry::dedup_window_ms(self.service, self.command)?;
        Some(u64::from(window.saturating_sub(RESEND_MARGIN_MS)))
    }
}

#[rustfmt::skip]
pub const KINDS: &[JobKind] = &[
    JobKind { service: "openim", command: "sendmsg", field: "To_Account", items: Items::One, ids: IdKind::User, per_request: 1, default_chunk: 100, keys: Keys::PerItem, key_fields: &["MsgRandom", "MsgSeq"], repeatable: false, check: Check::RoamHistory, quotas: &[Quota::requests(200, 1000)], required: &["From_Account", "MsgBody"] },
    JobKind { service: "openim", command: "batchsendmsg", field: "To_Account", items: Items::Strings, ids: IdKind::User, per_request: 500, default_chunk: 500, keys: Keys::PerRequest, key_fields: &["MsgRandom", "MsgSeq"], repeatable: false, check: Check::RoamHistory, quotas: &[Quota::requests(200, 1000), Quota::items(12_000, 60_000)], required: &["From_Account", "MsgBody"] },
    JobKind { service: "group_open_http_svc", command: "send_group_msg", field: "GroupId", items: Items::One, ids: IdKind::Group, per_request: 1, default_chunk: 100, keys: Keys::PerItem, key_fields: &["Random"], repeatable: false, check: Check::GroupHistory, quotas: &[Quota::requests(200, 1000)], required: &["MsgBody"] },
    JobKind { service: "im_open_login_svc", command: "multiaccount_import", field: "AccountList", items: Items::Objects("UserID"), ids: IdKind::User, per_request: 100, default_chunk: 500, keys: Keys::None, key_fields: &[], repeatable: true, check: Check::AccountCheck, quotas: &[Quota::requests(100, 1000)], required: &[] },
    JobKind { service: "group_open_http_svc", command: "add_group_member", field: "MemberList", items: Items::Objects("Member_Account"), ids: IdKind::User, per_request: 300, default_chunk: 300, keys: Keys::None, key_fields: &[], repeatable: true, check: Check::GroupRole, quotas: &[Quota::requests(200, 1000)], required: &["GroupId"] },
    JobKind { service: "timpush", command: "batch", field: "To_Account", items: Items::Strings, ids: IdKind::User, per_request: 500, default_chunk: 500, keys: Keys::PerRequest, key_fields: &["MsgRandom"], repeatable: false, check: Check::None, quotas: &[Quota::requests(10, 1000)], required: &["From_Account", "OfflinePushInfo"] },
];

pub fn find(endpoint: &str) -> Option<&'static JobKind> {
    let (service, command) = endpoint.split_once('/')?;
    KINDS
        .iter()
        .find(|k| k.service == service && k.command == command)
}
