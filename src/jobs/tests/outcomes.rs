use super::{job, send_spec};
use crate::jobs::check::{self, CheckRequest};
use crate::jobs::outcome::{judge, rerun, Attempt, CallError, Rerun, Result as R, Verdict};
use crate::jobs::Job;
use serde_json::{json, Value};

fn err(v: Value) -> CallError {
    serde_json::from_value(v).unwrap()
}

fn ids(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("u{i}")).collect()
}

fn specs() -> Vec<(&'static str, Job)> {
    let msg = json!([{ "MsgType": "TIMTextElem", "MsgContent": { "Text": "hi" } }]);
    vec![
        ("sendmsg", job(&send_spec())),
        (
            "batchsendmsg",
            job(
                &json!({ "id": "b", "endpoint": "openim/batchsendmsg", "body": { "From_Account": "news", "MsgBody": msg } }),
            ),
        ),
        (
            "send_group_msg",
            job(
                &json!({ "id": "g", "endpoint": "group_open_http_svc/send_group_msg", "body": { "MsgBody": msg } }),
            ),
        ),
        (
            "multiaccount_import",
            job(&json!({ "id": "i", "endpoint": "im_open_login_svc/multiaccount_import" })),
        ),
        (
            "add_group_member",
            job(
                &json!({ "id": "a", "endpoint": "group_open_http_svc/add_group_member", "body": { "GroupId": "club" } }),
            ),
        ),
        (
            "push",
            job(
                &json!({ "id": "p", "endpoint": "timpush/batch", "body": { "From_Account": "news", "OfflinePushInfo": { "Title": "t" } } }),
            ),
        ),
        (
            "sendmsg online-only",
            job(
                &json!({ "id": "o", "endpoint": "openim/sendmsg", "body": { "From_Account": "news", "MsgBody": msg, "MsgLifeTime": 0 } }),
            ),
        ),
    ]
}

/// The category every item of a one-item request lands in.
fn category(v: &Verdict) -> &'static str {
    match () {
        _ if !v.done.is_empty() => "done",
        _ if !v.failed.is_empty() => "failed",
        _ if !v.retry.is_empty() && v.rate_limited => "retry-slow",
        _ if !v.retry.is_empty() => "retry",
        _ if !v.verify.is_empty() => "verify",
        _ if !v.unknown.is_empty() => "unknown",
        _ => "nothing",
    }
}

#[test]
fn each_error_lands_where_the_table_says() {
    let maybe = json!({ "kind": "timeout", "retryable": true, "outcomeKnown": false });
    let early = Attempt {
        number: 1,
        first_ms: 0,
        now_ms: 30_000,
        maybe_before: false,
    };
    let late = Attempt {
        number: 1,
        first_ms: 0,
        now_ms: 200_000,
        maybe_before: false,
    };
    let last = Attempt {
        number: 6,
        first_ms: 0,
        now_ms: 1_000,
        maybe_before: false,
    };
    // (error, attempt, expected per job kind in specs() order)
    #[rustfmt::skip]
    let table: Vec<(Value, Attempt, [&str; 7])> = vec![
        (json!({ "kind": "bad-input", "outcomeKnown": true }), early, ["failed"; 7]),
        (json!({ "kind": "api", "code": 20003, "outcomeKnown": true }), early, ["failed"; 7]),
        (json!({ "kind": "api", "code": 60018, "retryable": true, "outcomeKnown": true }), early, ["retry-slow"; 7]),
        (json!({ "kind": "bad-response", "httpStatus": 429, "retryable": true, "outcomeKnown": true }), early, ["retry-slow"; 7]),
        (json!({ "kind": "bad-response", "httpStatus": 503, "retryable": true, "outcomeKnown": true }), early, ["retry"; 7]),
        (json!({ "kind": "bad-response", "httpStatus": 503, "retryable": true, "outcomeKnown": true }), last, ["failed"; 7]),
        // Maybe processed, 30 s after the first attempt: keyed sends resend inside their window.
        (maybe.clone(), early, ["retry", "verify", "retry", "retry", "retry", "unknown", "retry"]),
        // 200 s after: sendmsg's 120 s window is over, send_group_msg's 5 min is not.
        (maybe.clone(), late, ["verify", "verify", "retry", "retry", "retry", "unknown", "unknown"]),
        (maybe.clone(), last, ["verify", "verify", "verify", "verify", "verify", "unknown", "unknown"]),
        (json!({ "kind": "api", "code": 20004, "retryable": true, "outcomeKnown": false }), late, ["verify", "verify", "retry", "retry", "retry", "unknown", "unknown"]),
        (json!({ "kind": "aborted" }), late, ["verify", "verify", "retry", "retry", "retry", "unknown", "unknown"]),
        // An error object we cannot read counts as maybe processed.
        (json!({}), last, ["verify", "verify", "verify", "verify", "verify", "unknown", "unknown"]),
    ];
    for (e, at, want) in table {
        let e = err(e);
        for ((name, j), want) in specs().iter().zip(want) {
            let v = judge(j, &ids(1), R::Error(&e), at);
            assert_eq!(category(&v), want, "{name}: {e:?} at {at:?}: {v:?}");
            if want == "failed" {
                assert_eq!(v.failed[0].code, e.code);
                assert_eq!(v.failed[0].kind, e.kind);
            }
        }
    }
}

#[test]
fn backoff_grows_and_is_longer_after_rate_limits() {
    let j = job(&send_spec());
    let at = |n| Attempt {
        number: n,
        first_ms: 0,
        now_ms: 0,
        maybe_before: false,
    };
    let busy =
        err(json!({ "kind": "api", "code": 60007, "retryable": true, "outcomeKnown": true }));
    let down = err(json!({ "kind": "network", "retryable": true, "outcomeKnown": true }));
    let waits = |e: &CallError| {
        (1..6)
            .map(|n| judge(&j, &ids(1), R::Error(e), at(n)).retry_in_ms)
            .collect::<Vec<_>>()
    };
    assert_eq!(waits(&busy), [1000, 2000, 4000, 8000, 10_000]);
    assert_eq!(waits(&down), [200, 400, 800, 1600, 3200]);
}

#[test]
fn ok_answers_name_the_items_that_failed() {
    let [_, batch, _, import, add, push, _]: [(&str, Job); 7] = specs().try_into().ok().unwrap();
    let at = Attempt {
        number: 1,
        first_ms: 0,
        now_ms: 0,
        maybe_before: false,
    };
    let answer = json!({ "ActionStatus": "OK", "ErrorCode": 0, "ErrorList": [{ "To_Account": "u1", "ErrorCode": 90012 }] });
    for j in [&batch.1, &push.1] {
        let v = judge(j, &ids(3), R::Answer(&answer), at);
        assert_eq!(v.done, ["u0", "u2"]);
        assert_eq!((v.failed[0].id.as_str(), v.failed[0].code), ("u1", 90012));
    }
    let v = judge(
        &import.1,
        &ids(3),
        R::Answer(&json!({ "FailAccounts": ["u2"] })),
        at,
    );
    assert_eq!((v.done.len(), v.failed[0].id.as_str()), (2, "u2"));
    let members = json!({ "MemberList": [
        { "Member_Account": "u0", "Result": 1 }, { "Member_Account": "u1", "Result": 2 }, { "Member_Account": "u2", "Result": 0 } ] });
    let v = judge(&add.1, &ids(4), R::Answer(&members), at);
    assert_eq!(v.done, ["u0", "u1"]);
    assert_eq!(v.failed[0].info, "add_group_member Result 0");
    assert_eq!(
        v.verify,
        ["u3"],
        "an item the answer does not mention is checked, not assumed"
    );
}

#[test]
fn a_begun_chunk_is_resent_only_where_that_is_safe() {
    let want = |t: u64| -> Vec<Rerun> { specs().iter().map(|(_, j)| rerun(j, 0, t)).collect() };
    use Rerun::*;
    assert_eq!(
        want(10_000),
        [Resend, Verify, Resend, Resend, Resend, Unknown, Resend]
    );
    // sendmsg's window (120 s less the 10 s margin) is over at 110 s.
    assert_eq!(
        want(110_000),
        [Verify, Verify, Resend, Resend, Resend, Unknown, Unknown]
    );
    assert_eq!(
        want(290_000),
        [Verify, Verify, Verify, Resend, Resend, Unknown, Unknown]
    );
}

fn read(j: &Job, c: &CheckRequest, answer: Value) -> check::CheckRead {
    check::read(j, c, &answer)
}

#[test]
fn history_checks_find_the_jobs_own_message_only() {
    let j = job(&send_spec());
    let r = j.chunk(0, &[json!("alice")]).unwrap().remove(0);
    let checks = check::requests(&j, 0, 0, &r.ids, 1_767_225_600_000, 1_767_225_700_000);
    assert_eq!(checks.len(), 1);
    let body: Value = serde_json::from_str(&checks[0].body).unwrap();
    assert_eq!(
        body,
        json!({ "Operator_Account": "alice", "Peer_Account": "news", "MaxCnt": 100,
        "MinTime": 1_767_225_300u64, "MaxTime": 1_767_226_000u64 })
    );
    let (random, seq) = (r.keys[0], r.keys[1]);
    let msg = |from: &str, random: u32, seq: u32| json!({ "From_Account": from, "MsgRandom": random, "MsgSeq": seq });
    let c = &checks[0];
    assert_eq!(
        read(
            &j,
            c,
            json!({ "Complete": 1, "MsgList": [msg("news", random, seq)] })
        )
        .found,
        ["alice"]
    );
    // Same keys from someone else, or another seq: not ours.
    let other = json!({ "Complete": 1, "MsgList": [msg("eve", random, seq), msg("news", random, seq + 1)] });
    assert_eq!(read(&j, c, other).absent, ["alice"]);
    // An incomplete page without ours: read the next one.
    let page = read(
        &j,
        c,
        json!({ "Complete": 0, "LastMsgKey": "k1", "LastMsgTime": 1_767_225_650u64, "MsgList": [msg("news", 1, 1)] }),
    );
    let next = page.next.unwrap();
    let nb: Value = serde_json::from_str(&next.body).unwrap();
    assert_eq!(
        (nb["LastMsgKey"].as_str(), nb["MaxTime"].as_u64(), next.page),
        (Some("k1"), Some(1_767_225_650), 1)
    );
    // Pages older than the first attempt, or no list at all.
    let old = json!({ "Complete": 0, "LastMsgKey": "k", "LastMsgTime": 1_000, "MsgList": [msg("news", 1, 1)] });
    assert_eq!(read(&j, c, old).absent, ["alice"]);
    assert_eq!(
        read(&j, c, json!({ "ActionStatus": "OK" })).unresolved,
        ["alice"]
    );
    // Too many pages: unresolved, never absent.
    let deep = CheckRequest {
        page: check::MAX_PAGES - 1,
        ..c.clone()
    };
    let more = json!({ "Complete": 0, "LastMsgKey": "k", "LastMsgTime": 1_767_225_650u64, "MsgList": [msg("news", 1, 1)] });
    assert_eq!(read(&j, &deep, more).unresolved, ["alice"]);
    // Online-only messages leave no history: no check is possible.
    let (_, online) = specs().remove(6);
    assert!(check::requests(&online, 0, 0, &r.ids, 0, 0).is_empty());
}

#[test]
fn group_history_pages_back_to_the_first_attempt() {
    let (_, j) = specs().remove(2);
    let r = j.chunk(0, &[json!("club")]).unwrap().remove(0);
    let c = check::requests(&j, 0, 0, &r.ids, 1_000_000_000, 1_000_100_000).remove(0);
    assert_eq!(
        serde_json::from_str::<Value>(&c.body).unwrap(),
        json!({ "GroupId": "club", "ReqMsgNumber": 20, "WithRecalledMsg": 1 })
    );
    let m = |seq: u64, random: u32, t: u64| json!({ "MsgSeq": seq, "MsgRandom": random, "MsgTimeStamp": t });
    assert_eq!(
        read(
            &j,
            &c,
            json!({ "RspMsgList": [m(9, r.keys[0], 999_999)], "IsFinished": 0 })
        )
        .found,
        ["club"]
    );
    let next = read(
        &j,
        &c,
        json!({ "RspMsgList": [m(30, 1, 1_000_050), m(29, 2, 1_000_040)], "IsFinished": 0 }),
    )
    .next
    .unwrap();
    assert_eq!(
        serde_json::from_str::<Value>(&next.body).unwrap()["ReqMsgSeq"],
        28
    );
    assert_eq!(
        read(
            &j,
            &c,
            json!({ "RspMsgList": [m(30, 1, 1_000_050)], "IsFinished": 1 })
        )
        .absent,
        ["club"]
    );
    assert_eq!(
        read(
            &j,
            &c,
            json!({ "RspMsgList": [m(30, 1, 100)], "IsFinished": 0 })
        )
        .absent,
        ["club"]
    );
}

#[test]
fn account_and_member_checks_read_each_id() {
    let [_, _, _, import, add, _, _]: [(&str, Job); 7] = specs().try_into().ok().unwrap();
    let c = check::requests(&import.1, 0, 0, &ids(150), 0, 0);
    assert_eq!(c.iter().map(|c| c.ids.len()).collect::<Vec<_>>(), [100, 50]);
    let answer = json!({ "ResultItem": [{ "UserID": "u0", "AccountStatus": "Imported" }, { "UserID": "u1", "AccountStatus": "NotImported" }] });
    let r = read(&import.1, &c[0], answer);
    assert_eq!(
        (r.found, r.absent, r.unresolved.len()),
        (vec!["u0".to_owned()], vec!["u1".to_owned()], 98)
    );
    let c = check::requests(&add.1, 0, 0, &ids(3), 0, 0).remove(0);
    assert_eq!(
        serde_json::from_str::<Value>(&c.body).unwrap(),
        json!({ "GroupId": "club", "User_Account": ["u0", "u1", "u2"] })
    );
    let answer = json!({ "UserIdList": [{ "Member_Account": "u0", "Role": "Member" }, { "Member_Account": "u1", "Role": "NotMember" }] });
    let r = read(&add.1, &c, answer);
    assert_eq!(
        (r.found, r.absent, r.unresolved),
        (
            vec!["u0".to_owned()],
            vec!["u1".to_owned()],
            vec!["u2".to_owned()]
        )
    );
}

#[test]
fn a_known_failure_after_a_maybe_processed_attempt_is_not_a_failure() {
    // Attempt 1 may have delivered (reset after sending); attempt 6 of the same keys is refused
    // with a 503. The 503 says nothing about attempt 1: check, do not report failed.
    let busy = err(
        json!({ "kind": "bad-response", "httpStatus": 503, "retryable": true, "outcomeKnown": true }),
    );
    let permanent = err(json!({ "kind": "api", "code": 20003, "outcomeKnown": true }));
    let after_maybe = |number, now_ms| Attempt {
        number,
        first_ms: 0,
        now_ms,
        maybe_before: true,
    };
    for (name, j) in specs() {
        for e in [&busy, &permanent] {
            let v = judge(&j, &ids(1), R::Error(e), after_maybe(6, 200_000));
            let want = if j.verifiable { "verify" } else { "unknown" };
            assert_eq!(category(&v), want, "{name}: {e:?}");
        }
        // Earlier, inside a dedup window, the same keys may simply go again.
        let v = judge(&j, &ids(1), R::Error(&busy), after_maybe(2, 1_000));
        let resend = j.kind.repeatable || j.kind.resend_span_ms().is_some();
        assert_eq!(
            category(&v),
            if resend {
                "retry"
            } else if j.verifiable {
                "verify"
            } else {
                "unknown"
            },
            "{name}"
        );
    }
}
