use super::{job, send_spec, users};
use crate::jobs::keys::derive;
use crate::jobs::Job;
use serde_json::{json, Value};
use std::collections::HashSet;

#[test]
fn keys_match_pythons_hmac() {
    // python3: hmac.new(job, (path + "\n" + label), sha256).digest()[0:4], [4:8] big-endian.
    let vectors = [
        (
            "announce-1",
            "openim/sendmsg",
            "alice",
            [1734463177, 2016051667],
        ),
        (
            "announce-1",
            "openim/batchsendmsg",
            "#3.1",
            [2020622133, 3896508959],
        ),
        (
            "j",
            "group_open_http_svc/send_group_msg",
            "@TGS#1",
            [3280380176, 2108618997],
        ),
    ];
    for (id, path, label, want) in vectors {
        assert_eq!(derive(id, path, label), want, "{id} {path} {label}");
    }
}

/// A spec change that must be refused, and a word the error must contain.
#[test]
fn bad_specs_are_refused_with_a_reason() {
    let with = |patch: Value| {
        let mut s = send_spec();
        for (k, v) in patch.as_object().unwrap() {
            if v.is_null() {
                s.as_object_mut().unwrap().remove(k);
            } else {
                s[k] = v.clone();
            }
        }
        s
    };
    let body = |extra: Value| {
        let mut b = send_spec()["body"].clone();
        for (k, v) in extra.as_object().unwrap() {
            if v.is_null() {
                b.as_object_mut().unwrap().remove(k);
            } else {
                b[k] = v.clone();
            }
        }
        with(json!({ "body": b }))
    };
    let cases = [
        (with(json!({ "id": "" })), "job id"),
        (with(json!({ "id": "x".repeat(129) })), "job id"),
        (with(json!({ "id": null })), "id"),
        (
            with(json!({ "endpoint": "openim/admin_getroammsg" })),
            "not a bulk job endpoint",
        ),
        (
            with(json!({ "endpoint": "sendmsg" })),
            "not a bulk job endpoint",
        ),
        (with(json!({ "chunkSize": 0 })), "chunkSize"),
        (with(json!({ "chunkSize": 10_001 })), "chunkSize"),
        (with(json!({ "maxAttempts": 0 })), "maxAttempts"),
        (with(json!({ "guardMs": 10_001 })), "guardMs"),
        (with(json!({ "surprise": 1 })), "unknown field"),
        (
            with(
                json!({ "quotas": { "openim/batchsendmsg": [{ "limit": 1, "windowMs": 1000 }] } }),
            ),
            "does not call",
        ),
        (
            with(json!({ "quotas": { "openim/sendmsg": [] } })),
            "at least one",
        ),
        (
            with(json!({ "quotas": { "openim/sendmsg": [{ "limit": 0, "windowMs": 1000 }] } })),
            "limit",
        ),
        (
            with(json!({ "quotas": { "openim/sendmsg": [{ "limit": 5, "windowMs": 0 }] } })),
            "windowMs",
        ),
        (
            body(json!({ "To_Account": "x" })),
            "To_Account must not be set",
        ),
        (body(json!({ "MsgRandom": 7 })), "MsgRandom must not be set"),
        (body(json!({ "MsgSeq": 7 })), "MsgSeq must not be set"),
        (
            body(json!({ "From_Account": null })),
            "From_Account is required",
        ),
        (
            body(json!({ "From_Account": 5 })),
            "From_Account must be a string",
        ),
        (body(json!({ "From_Account": "x".repeat(33) })), "33 bytes"),
        (body(json!({ "MsgBody": [] })), "MsgBody"),
        (
            json!({ "id": "g", "endpoint": "group_open_http_svc/add_group_member", "body": {} }),
            "GroupId is required",
        ),
        (
            json!({ "id": "g", "endpoint": "group_open_http_svc/send_group_msg", "body": { "MsgBody": [{}], "Random": 1 } }),
            "Random must not be set",
        ),
        (
            json!({ "id": "p", "endpoint": "timpush/batch", "body": { "From_Account": "a" } }),
            "OfflinePushInfo is required",
        ),
    ];
    for (spec, word) in cases {
        match Job::from_value(&spec) {
            Ok(_) => panic!("accepted {spec}"),
            Err(e) => {
                assert_eq!(e.kind.as_str(), "bad-input");
                assert!(e.info.contains(word), "{spec}: {} lacks {word:?}", e.info);
            }
        }
    }
    assert!(Job::parse("not json").is_err());
    assert!(Job::parse("[]").is_err());
}

#[test]
fn items_are_checked_and_deduplicated_before_anything_is_sent() {
    let j = job(&send_spec());
    let items = json!(["a", "b", "a", "", 7, "x".repeat(33), "c\u{7}", "b", "c"]);
    let p = j.prepare(items.as_array().unwrap()).unwrap();
    assert_eq!(p.ids, ["a", "b", "c"]);
    assert_eq!(p.duplicates, ["a", "b"]);
    let bad: Vec<usize> = p.invalid.iter().map(|i| i.index).collect();
    assert_eq!(bad, [3, 4, 5, 6]);
    assert!(p.invalid[1].reason.contains("string"));
    assert_eq!(p.plan.items, 3);
}

#[test]
fn import_items_become_tencent_objects() {
    let j = job(&json!({ "id": "imp", "endpoint": "im_open_login_svc/multiaccount_import" }));
    let items = json!(["u1", { "UserID": "u2", "Nick": "Two" }, { "Nick": "no id" }, ["u3"]]);
    let p = j.prepare(items.as_array().unwrap()).unwrap();
    assert_eq!(
        p.items,
        [
            json!({ "UserID": "u1" }),
            json!({ "UserID": "u2", "Nick": "Two" })
        ]
    );
    assert_eq!(p.invalid.len(), 2);
    let reqs = j.chunk(0, &p.items).unwrap();
    let body: Value = serde_json::from_str(&reqs[0].body).unwrap();
    assert_eq!(
        body,
        json!({ "AccountList": [{ "UserID": "u1" }, { "UserID": "u2", "Nick": "Two" }] })
    );
    assert!(reqs[0].keys.is_empty());
}

#[test]
fn the_fingerprint_pins_spec_and_items() {
    let j = job(&send_spec());
    let a = j.prepare(&users(10)).unwrap().fingerprint;
    assert_eq!(a, j.prepare(&users(10)).unwrap().fingerprint);
    assert_ne!(a, j.prepare(&users(11)).unwrap().fingerprint);
    let mut other = send_spec();
    other["body"]["MsgBody"][0]["MsgContent"]["Text"] = json!("Summer sale");
    assert_ne!(a, job(&other).prepare(&users(10)).unwrap().fingerprint);
    let mut chunked = send_spec();
    chunked["chunkSize"] = json!(7);
    assert_ne!(a, job(&chunked).prepare(&users(10)).unwrap().fingerprint);
}

#[test]
fn sendmsg_requests_carry_per_recipient_keys_that_never_change() {
    let j = job(&send_spec());
    let p = j.prepare(&users(250)).unwrap();
    assert_eq!((p.plan.chunks, p.plan.requests), (3, 250));
    let mut seen = HashSet::new();
    for c in 0..p.plan.chunks {
        let items = &p.items[c * 100..(c * 100 + 100).min(250)];
        let reqs = j.chunk(c, items).unwrap();
        let again = j.chunk(c, items).unwrap();
        for (r, r2) in reqs.iter().zip(&again) {
            assert_eq!(r.body, r2.body, "rebuilt requests are byte-identical");
            let body: Value = serde_json::from_str(&r.body).unwrap();
            let to = body["To_Account"].as_str().unwrap();
            assert_eq!(r.ids, [to]);
            let want = derive("announce-1", "openim/sendmsg", to);
            assert_eq!(r.keys, want);
            assert_eq!(body["MsgRandom"], want[0]);
            assert_eq!(body["MsgSeq"], want[1]);
            assert_eq!(body["From_Account"], "news");
            assert_eq!(body["MsgBody"], send_spec()["body"]["MsgBody"]);
            assert!(seen.insert((want[0], want[1])), "keys repeat for {to}");
            assert_eq!(r.costs.len(), 1);
            assert_eq!(
                (r.costs[0].bucket.as_str(), r.costs[0].units),
                ("openim/sendmsg#0", 1)
            );
        }
    }
    assert_eq!(seen.len(), 250);
    // Another job id: other keys for the same recipient.
    let mut s2 = send_spec();
    s2["id"] = json!("announce-2");
    let r2 = job(&s2).chunk(0, &p.items[..1]).unwrap();
    let r1 = j.chunk(0, &p.items[..1]).unwrap();
    assert_ne!(r1[0].keys, r2[0].keys);
}

#[test]
fn batch_requests_share_keys_and_a_subset_keeps_them() {
    let spec = json!({ "id": "b1", "endpoint": "openim/batchsendmsg", "chunkSize": 1200,
        "body": { "From_Account": "news", "MsgBody": [{ "MsgType": "TIMTextElem", "MsgContent": { "Text": "hi" } }] } });
    let j = job(&spec);
    let p = j.prepare(&users(1300)).unwrap();
    assert_eq!((p.plan.chunks, p.plan.requests), (2, 4)); // 500 + 500 + 200, then 100
    let reqs = j.chunk(0, &p.items[..1200]).unwrap();
    assert_eq!(
        reqs.iter().map(|r| r.ids.len()).collect::<Vec<_>>(),
        [500, 500, 200]
    );
    assert_eq!(
        reqs[1].keys,
        derive("b1", "openim/batchsendmsg", "#0.1").to_vec()
    );
    assert_eq!(
        reqs[1].costs[1].units, 500,
        "the message quota counts recipients"
    );
    assert_eq!(reqs[1].costs[0].units, 1);
    let subset = j.request(0, 1, &p.items[600..610]).unwrap();
    assert_eq!(subset.keys, reqs[1].keys);
    assert_eq!(subset.ids.len(), 10);
    // An item quota below Tencent's 500 per call lowers the call size.
    let mut small = spec.clone();
    small["quotas"] = json!({ "openim/batchsendmsg": [{ "limit": 10, "windowMs": 1000 }, { "limit": 120, "windowMs": 1000, "per": "item" }] });
    let js = job(&small);
    assert_eq!(js.per_request, 120);
    assert!(js.request(0, 0, &p.items[..121]).is_err());
}

#[test]
fn group_sends_and_member_adds_build_tencent_bodies() {
    let gs = job(
        &json!({ "id": "g1", "endpoint": "group_open_http_svc/send_group_msg",
        "body": { "From_Account": "news", "MsgBody": [{ "MsgType": "TIMTextElem", "MsgContent": { "Text": "hi" } }] } }),
    );
    let r = gs.chunk(0, &[json!("@TGS#1")]).unwrap();
    let body: Value = serde_json::from_str(&r[0].body).unwrap();
    assert_eq!(body["GroupId"], "@TGS#1");
    assert_eq!(
        body["Random"],
        derive("g1", "group_open_http_svc/send_group_msg", "@TGS#1")[0]
    );
    assert!(body.get("MsgSeq").is_none());
    assert!(gs.prepare(&[json!("x".repeat(49))]).unwrap().invalid.len() == 1);

    let add = job(
        &json!({ "id": "a1", "endpoint": "group_open_http_svc/add_group_member", "body": { "GroupId": "club", "Silence": 1 } }),
    );
    let p = add.prepare(&users(301)).unwrap();
    let reqs = add.chunk(0, &p.items[..300]).unwrap();
    let body: Value = serde_json::from_str(&reqs[0].body).unwrap();
    assert_eq!(body["GroupId"], "club");
    assert_eq!(body["Silence"], 1);
    assert_eq!(
        body["MemberList"][299],
        json!({ "Member_Account": "user299" })
    );
    assert!(
        add.chunk(1, &p.items[..301]).is_err(),
        "a chunk larger than chunkSize"
    );
}

#[test]
fn the_schedule_runs_at_the_quota() {
    // sendmsg: 200/s with a 25 ms guard: 10,000 recipients take 10,000 * 1025 / 200 ms.
    let p = job(&send_spec()).prepare(&users(10_000)).unwrap().plan;
    assert_eq!(p.expected_ms, 51_250);
    assert_eq!(p.starts.len(), 100);
    assert_eq!(p.starts[1], 513); // 100 * 5.125 ms, rounded up
    assert!(p.starts.windows(2).all(|w| w[0] < w[1]));
    // batchsendmsg: the 12,000 messages/min quota binds, not the 200 calls/s.
    let mut b = send_spec();
    b["endpoint"] = json!("openim/batchsendmsg");
    b["guardMs"] = json!(0);
    let p = job(&b).prepare(&users(100_000)).unwrap().plan;
    assert_eq!(p.requests, 200);
    assert_eq!(p.expected_ms, 500_000, "100,000 messages at 12,000/min");
    // Imports: 100 calls/s of 100 accounts.
    let imp = job(
        &json!({ "id": "i", "endpoint": "im_open_login_svc/multiaccount_import", "guardMs": 0 }),
    );
    let p = imp.prepare(&users(50_000)).unwrap().plan;
    assert_eq!((p.requests, p.expected_ms), (500, 5_000));
    // An empty job.
    let p = job(&send_spec()).prepare(&[]).unwrap().plan;
    assert_eq!((p.chunks, p.requests, p.expected_ms), (0, 0, 0));
}
