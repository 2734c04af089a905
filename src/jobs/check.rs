//! Checks: asking Tencent's state whether a maybe-processed item was processed, before anything
//! is sent again.
//!
//! - Messages (`sendmsg`, `batchsendmsg`): the recipient's history with the sender
//!   (`admin_getroammsg`, read from the recipient's side so `SyncOtherMachine: 2` does not hide
//!   it), looking for the sender's message with the job's MsgRandom and MsgSeq; recalled
//!   messages stay in the history with their keys. Pages back until the history is complete
//!   or older than the first attempt.
//! - Group messages: the group's history (`group_msg_get_simple`, recalled ones included),
//!   looking for the job's Random, back to the first attempt.
//! - Imports: `account_check` (Imported / NotImported).
//! - Member adds: `get_role_in_group` (a role / NotMember).
//!
//! Times: the history is searched from five minutes before the first attempt to five minutes
//! after now, so clocks that disagree by less than that cannot hide a message. An answer that
//! does not say (an id missing from it, too many pages) leaves the item unresolved: reported as
//! unknown, never resent.

use super::kinds::Check;
use super::pacing::Cost;
use super::spec::{bucket_costs, Job};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

const SLACK_S: u64 = 300;
/// Pages of history one check reads at most (100 messages each for one-to-one history).
pub const MAX_PAGES: u32 = 50;
const ROAM_PAGE: u64 = 100;
const GROUP_PAGE: u64 = 20;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct CheckRequest {
    pub service: String,
    pub command: String,
    pub body: String,
    pub ids: Vec<String>,
    /// The keys to look for (history checks).
    pub keys: Vec<u32>,
    /// Unix seconds: the history is searched back to here.
    pub since_s: u64,
    pub page: u32,
    pub costs: Vec<Cost>,
}

#[derive(Debug, Default, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct CheckRead {
    pub found: Vec<String>,
    pub absent: Vec<String>,
    pub unresolved: Vec<String>,
    /// The next page to read before `ids` can be answered.
    pub next: Option<CheckRequest>,
}

/// The checks for `ids` of request `request` in chunk `chunk`, first attempted at or after
/// `first_ms`. Empty when the job has no check.
pub fn requests(
    job: &Job,
    chunk: usize,
    request: usize,
    ids: &[String],
    first_ms: u64,
    now_ms: u64,
) -> Vec<CheckRequest> {
    let Some((service, command, per_call)) = job.kind.check.endpoint() else {
        return Vec::new();
    };
    if ids.is_empty() || !job.verifiable {
        return Vec::new();
    }
    let since_s = (first_ms / 1000).saturating_sub(SLACK_S);
    let until_s = now_ms / 1000 + SLACK_S;
    let sender = job.body.get("From_Account").cloned().unwrap_or(Value::Null);
    let group = job.body.get("GroupId").cloned().unwrap_or(Value::Null);
    let path = format!("{service}/{command}");
    ids.chunks(per_call)
        .map(|part| {
            let body = match job.kind.check {
                Check::RoamHistory => json!({
                    "Operator_Account": part[0], "Peer_Account": sender,
                    "MaxCnt": ROAM_PAGE, "MinTime": since_s, "MaxTime": until_s,
                }),
                Check::GroupHistory => json!({
                    "GroupId": part[0], "ReqMsgNumber": GROUP_PAGE, "WithRecalledMsg": 1,
                }),
                Check::AccountCheck => json!({
                    "CheckItem": part.iter().map(|u| json!({ "UserID": u })).collect::<Vec<_>>(),
                }),
                Check::GroupRole => json!({ "GroupId": group, "User_Account": part }),
                Check::None => Value::Null,
            };
            CheckRequest {
                service: service.to_owned(),
                command: command.to_owned(),
                body: body.to_string(),
                ids: part.to_vec(),
                keys: job.keys(chunk, request, &part[0]),
                since_s,
                page: 0,
                costs: bucket_costs(&path, &job.check_quotas, part.len()),
            }
        })
        .collect()
}

/// What the answer to `check` says about its ids.
pub fn read(job: &Job, check: &CheckRequest, answer: &Value) -> CheckRead {
    let mut out = CheckRead::default();
    match job.kind.check {
        Check::RoamHistory => read_roam(job, check, answer, &mut out),
        Check::GroupHistory => read_group(check, answer, &mut out),
        Check::AccountCheck => {
            read_list(check, answer, "ResultItem", "UserID", &mut out, |r| match r
                .get("AccountStatus")
                .and_then(Value::as_str)
            {
                Some("Imported") => Some(true),
                Some("NotImported") => Some(false),
                _ => None,
            })
        }
        Check::GroupRole => read_list(
            check,
            answer,
            "UserIdList",
            "Member_Account",
            &mut out,
            |r| match r.get("Role").and_then(Value::as_str) {
                Some("NotMember") => Some(false),
                Some(_) => Some(true),
                None => None,
            },
        ),
        Check::None => out.unresolved = check.ids.clone(),
    }
    out
}

/// What a check that failed with Tencent's `code` says: a history read refused because the
/// account does not exist (90048) means no message can be there; anything else leaves the ids
/// unresolved (a runner retries retryable errors before it gives up on them).
pub fn read_error(job: &Job, check: &CheckRequest, code: i64) -> CheckRead {
    let mut out = CheckRead::default();
    if job.kind.check == Check::RoamHistory && code == ACCOUNT_MISSING {
        out.absent = check.ids.clone();
    } else {
        out.unresolved = check.ids.clone();
    }
    out
}

/// admin_getroammsg: "the requested account does not exist" (data/error-codes.json).
const ACCOUNT_MISSING: i64 = 90048;

fn u64_of(v: &Value, k: &str) -> Option<u64> {
    v.get(k).and_then(Value::as_u64)
}

/// The same check, one page on, with `body` changed by `edit`; unresolved past MAX_PAGES.
fn next_page(check: &CheckRequest, out: &mut CheckRead, edit: impl FnOnce(&mut Value)) {
    if check.page + 1 >= MAX_PAGES {
        out.unresolved = check.ids.clone();
        return;
    }
    let Ok(mut body) = serde_json::from_str::<Value>(&check.body) else {
        out.unresolved = check.ids.clone();
        return;
    };
    edit(&mut body);
    out.next = Some(CheckRequest {
        body: body.to_string(),
        page: check.page + 1,
        ..check.clone()
    });
}

fn read_roam(job: &Job, check: &CheckRequest, answer: &Value, out: &mut CheckRead) {
    let sender = job.body.get("From_Account").and_then(Value::as_str);
    let (Some(list), &[random, seq]) = (
        answer.get("MsgList").and_then(Value::as_array),
        &check.keys[..],
    ) else {
        out.unresolved = check.ids.clone();
        return;
    };
    let ours = |m: &Value| {
        m.get("From_Account").and_then(Value::as_str) == sender
            && u64_of(m, "MsgRandom") == Some(u64::from(random))
            && u64_of(m, "MsgSeq") == Some(u64::from(seq))
    };
    if list.iter().any(ours) {
        out.found = check.ids.clone();
    } else if u64_of(answer, "Complete") == Some(1) || list.is_empty() {
        out.absent = check.ids.clone();
    } else {
        let (Some(key), Some(time)) = (
            answer.get("LastMsgKey").and_then(Value::as_str),
            u64_of(answer, "LastMsgTime"),
        ) else {
            out.unresolved = check.ids.clone();
            return;
        };
        if time < check.since_s {
            out.absent = check.ids.clone();
            return;
        }
        let key = key.to_owned();
        next_page(check, out, |b| {
            b["MaxTime"] = Value::from(time);
            b["LastMsgKey"] = Value::from(key);
        });
    }
}

fn read_group(check: &CheckRequest, answer: &Value, out: &mut CheckRead) {
    let (Some(list), Some(&random)) = (
        answer.get("RspMsgList").and_then(Value::as_array),
        check.keys.first(),
    ) else {
        out.unresolved = check.ids.clone();
        return;
    };
    if list
        .iter()
        .any(|m| u64_of(m, "MsgRandom") == Some(u64::from(random)))
    {
        out.found = check.ids.clone();
        return;
    }
    let oldest_seq = list.iter().filter_map(|m| u64_of(m, "MsgSeq")).min();
    let oldest_time = list.iter().filter_map(|m| u64_of(m, "MsgTimeStamp")).min();
    match (oldest_seq, oldest_time) {
        _ if u64_of(answer, "IsFinished") == Some(1) || list.is_empty() => {
            out.absent = check.ids.clone()
        }
        (Some(seq), Some(time)) if seq > 1 && time >= check.since_s => {
            next_page(check, out, |b| b["ReqMsgSeq"] = Value::from(seq - 1))
        }
        (Some(_), Some(_)) => out.absent = check.ids.clone(),
        _ => out.unresolved = check.ids.clone(),
    }
}

/// Per-id answers in `answer[list]`, keyed by `id_field`; `state` says present / absent.
fn read_list(
    check: &CheckRequest,
    answer: &Value,
    list: &str,
    id_field: &str,
    out: &mut CheckRead,
    state: impl Fn(&Value) -> Option<bool>,
) {
    let rows = answer.get(list).and_then(Value::as_array);
    for id in &check.ids {
        let row = rows.and_then(|r| {
            r.iter()
                .find(|x| x.get(id_field).and_then(Value::as_str) == Some(id))
        });
        match row.and_then(&state) {
            Some(true) => out.found.push(id.clone()),
            Some(false) => out.absent.push(id.clone()),
            None => out.unresolved.push(id.clone()),
        }
    }
}
