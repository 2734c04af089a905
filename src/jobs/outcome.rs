//! What an attempt's result means for each item of the request, and what a runner that finds a
//! chunk begun but not finished (it crashed, or was evicted) must do first.
//!
//! | result | items |
//! |---|---|
//! | `ActionStatus: OK` | done, except those listed as failed in the answer (`ErrorList`, `FailAccounts`, `MemberList` Result 0) |
//! | refused before sending (`bad-input`) | failed |
//! | known not processed, retryable (rate limits, 503, connection refused) | retry after a backoff (longer after rate limits), up to `maxAttempts`; then failed, marked retryable |
//! | known not processed, permanent (20003 no such account, ...) | failed with Tencent's code |
//! | maybe processed (timeout, reset, 5xx, internal error), or any failure after an attempt that maybe was | repeatable kinds: retry; keyed sends inside Tencent's dedup window: retry with the same keys; otherwise **verify** (check Tencent's state after `settleMs`); where no check exists: **unknown** |
//!
//! Every failure keeps Tencent's `ErrorCode` (0 when there was no API answer) and the error kind.

use super::spec::Job;
use crate::error::{classify, CodeClass};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The fields of a `TimError` (the JS object) that decide.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CallError {
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub code: i64,
    #[serde(default)]
    pub info: String,
    #[serde(default)]
    pub retryable: bool,
    /// Absent counts as false: an error we cannot read may have been processed.
    #[serde(default)]
    pub outcome_known: bool,
    #[serde(default)]
    pub http_status: u16,
}

pub enum Result<'a> {
    Answer(&'a Value),
    Error(&'a CallError),
}

/// Which attempt this was (1 = the first), when the item was first attempted and now (ms), and
/// whether an earlier attempt at these items may have been processed.
#[derive(Debug, Clone, Copy)]
pub struct Attempt {
    pub number: u32,
    pub first_ms: u64,
    pub now_ms: u64,
    /// Once an attempt may have been processed, a later answer that says "not processed" only
    /// speaks for itself: the earlier one may still have delivered (as the SDK's outcomeKnown).
    pub maybe_before: bool,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Failure {
    pub id: String,
    pub code: i64,
    pub info: String,
    pub kind: String,
    pub retryable: bool,
}

#[derive(Debug, Default, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Verdict {
    pub done: Vec<String>,
    pub failed: Vec<Failure>,
    /// Send again (the same request, the same keys) after `retry_in_ms`.
    pub retry: Vec<String>,
    pub retry_in_ms: u64,
    /// Tencent said "too frequent": the runner also slows the shared limiter down.
    pub rate_limited: bool,
    /// Maybe processed: check Tencent's state (after `settleMs`) before sending again.
    pub verify: Vec<String>,
    /// Maybe processed, and nothing can tell.
    pub unknown: Vec<Failure>,
}

/// What a runner does first with a chunk that was begun at `started_ms` and never finished.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Rerun {
    /// Send everything again: harmless, or Tencent drops the repeats (same keys, in the window).
    Resend,
    /// Check every item first; send the absent ones.
    Verify,
    /// Report every item as unknown.
    Unknown,
}

pub fn rerun(job: &Job, started_ms: u64, now_ms: u64) -> Rerun {
    let in_window = job
        .kind
        .resend_span_ms()
        .is_some_and(|span| now_ms.saturating_sub(started_ms) < span);
    if job.kind.repeatable || in_window {
        Rerun::Resend
    } else if job.verifiable {
        Rerun::Verify
    } else {
        Rerun::Unknown
    }
}

fn backoff_ms(attempt: u32, rate_limited: bool) -> u64 {
    let n = attempt.saturating_sub(1).min(16);
    if rate_limited {
        (1_000u64 << n).min(10_000)
    } else {
        (200u64 << n).min(5_000)
    }
}

fn failure(id: &str, e: &CallError, retryable: bool) -> Failure {
    Failure {
        id: id.to_owned(),
        code: e.code,
        info: e.info.clone(),
        kind: e.kind.clone(),
        retryable,
    }
}

pub fn judge(job: &Job, ids: &[String], result: Result<'_>, at: Attempt) -> Verdict {
    let mut v = Verdict::default();
    let e = match result {
        Result::Answer(answer) => {
            answer_items(job, ids, answer, &mut v);
            return v;
        }
        Result::Error(e) => e,
    };
    let all = || ids.to_vec();
    let more = at.number < job.max_attempts;
    if e.kind == "bad-input" && !at.maybe_before {
        v.failed = ids.iter().map(|id| failure(id, e, false)).collect();
    } else if e.outcome_known && !at.maybe_before {
        if e.retryable && more {
            v.rate_limited = e.http_status == 429 || classify(e.code) == CodeClass::RateLimited;
            v.retry = all();
            v.retry_in_ms = backoff_ms(at.number, v.rate_limited);
        } else {
            v.failed = ids.iter().map(|id| failure(id, e, e.retryable)).collect();
        }
    } else {
        let in_window = job
            .kind
            .resend_span_ms()
            .is_some_and(|span| at.now_ms.saturating_sub(at.first_ms) < span);
        if more && (job.kind.repeatable || in_window) {
            v.retry = all();
            v.retry_in_ms = backoff_ms(at.number, false);
        } else if job.verifiable {
            v.verify = all();
        } else {
            v.unknown = ids.iter().map(|id| failure(id, e, false)).collect();
        }
    }
    v
}

/// An OK answer: every item done except those the answer lists as failed.
fn answer_items(job: &Job, ids: &[String], answer: &Value, v: &mut Verdict) {
    let fail = |id: &str, code: i64, info: String| Failure {
        id: id.to_owned(),
        code,
        info,
        kind: "api".into(),
        retryable: false,
    };
    let list = |k: &str| answer.get(k).and_then(Value::as_array);
    let mut failed: Vec<Failure> = Vec::new();
    let mut unlisted: Vec<String> = Vec::new();
    match job.kind.command {
        "batchsendmsg" | "batch" => {
            for row in list("ErrorList").into_iter().flatten() {
                if let Some(id) = row.get("To_Account").and_then(Value::as_str) {
                    let code = row.get("ErrorCode").and_then(Value::as_i64).unwrap_or(0);
                    let info = row.get("ErrorInfo").and_then(Value::as_str).unwrap_or("");
                    failed.push(fail(id, code, info.to_owned()));
                }
            }
        }
        "multiaccount_import" => {
            for id in list("FailAccounts")
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
            {
                failed.push(fail(
                    id,
                    0,
                    "listed in FailAccounts (Tencent gives no code)".into(),
                ));
            }
        }
        "add_group_member" => {
            let rows = list("MemberList");
            for id in ids {
                let result = rows
                    .and_then(|r| {
                        r.iter()
                            .find(|m| m.get("Member_Account").and_then(Value::as_str) == Some(id))
                    })
                    .and_then(|m| m.get("Result").and_then(Value::as_i64));
                match result {
                    Some(1 | 2) => {}
                    Some(r) => failed.push(fail(id, 0, format!("add_group_member Result {r}"))),
                    None => unlisted.push(id.clone()),
                }
            }
        }
        _ => {}
    }
    for id in ids {
        if unlisted.contains(id) {
            continue;
        }
        match failed.iter().position(|f| &f.id == id) {
            Some(i) => v.failed.push(failed.swap_remove(i)),
            None => v.done.push(id.clone()),
        }
    }
    // An OK answer that does not mention an item: ask Tencent's state rather than assume.
    if job.verifiable {
        v.verify = unlisted;
    } else {
        v.unknown = unlisted
            .into_iter()
            .map(|id| fail(&id, 0, "not in the answer".into()))
            .collect();
    }
}
