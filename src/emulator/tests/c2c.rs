//! One-to-one messages end to end through signed requests. Expected values come from Tencent's
//! docs (MsgKey form, codes, paging continuation), not from the emulator.

use super::support::*;
use crate::emulator::Handled;
use serde_json::{json, Value};

const SVC: &str = "openim";

/// A rig with alice, bob and carol imported.
fn rig() -> Rig {
    Rig::with_accounts(&["alice", "bob", "carol"])
}

fn text(t: &str) -> Value {
    json!([{ "MsgType": "TIMTextElem", "MsgContent": { "Text": t } }])
}

fn ok(r: &mut Rig, cmd: &str, body: Value) -> Value {
    r.ok(SVC, cmd, &body.to_string())
}

fn fails(r: &mut Rig, cmd: &str, body: Value, code: i64) -> Value {
    r.fails(SVC, cmd, &body.to_string(), code)
}

fn send(r: &mut Rig, from: &str, to: &str, seq: u32, random: u32, t: &str) -> Value {
    ok(
        r,
        "sendmsg",
        json!({ "From_Account": from, "To_Account": to, "MsgSeq": seq, "MsgRandom": random, "MsgBody": text(t) }),
    )
}

/// The whole history between two accounts, seen from `op`, in one page.
fn history(r: &mut Rig, op: &str, peer: &str) -> Vec<Value> {
    let v = ok(
        r,
        "admin_getroammsg",
        json!({ "Operator_Account": op, "Peer_Account": peer, "MaxCnt": 100, "MinTime": 0, "MaxTime": 4_000_000_000u64 }),
    );
    assert_eq!(v["Complete"], 1);
    v["MsgList"].as_array().unwrap().clone()
}

fn texts(list: &[Value]) -> Vec<String> {
    list.iter()
        .map(|m| {
            m["MsgBody"][0]["MsgContent"]["Text"]
                .as_str()
                .unwrap_or("")
                .to_owned()
        })
        .collect()
}

fn unread(r: &mut Rig, owner: &str, peer: &str) -> i64 {
    let v = ok(
        r,
        "get_c2c_unread_msg_num",
        json!({ "To_Account": owner, "Peer_Account": [peer] }),
    );
    v["C2CUnreadMsgNumList"][0]["C2CUnreadMsgNum"]
        .as_i64()
        .unwrap()
}

#[test]
fn sendmsg_answers_the_documented_key_and_stores_the_message() {
    let mut r = rig();
    let v = send(&mut r, "alice", "bob", 48374, 2837546, "hi");
    assert_eq!(v["MsgTime"], NOW);
    // The doc's form: "48374_2837546_1557481126" = MsgSeq_MsgRandom_MsgTime.
    assert_eq!(v["MsgKey"], format!("48374_2837546_{NOW}"));
    let h = history(&mut r, "bob", "alice");
    assert_eq!(h.len(), 1);
    let m = &h[0];
    assert_eq!(m["From_Account"], "alice");
    assert_eq!(m["To_Account"], "bob");
    assert_eq!(m["MsgSeq"], 48374);
    assert_eq!(m["MsgRandom"], 2837546);
    assert_eq!(m["MsgTimeStamp"], NOW);
    assert_eq!(m["MsgFlagBits"], 0);
    assert_eq!(m["MsgKey"], v["MsgKey"]);
    assert_eq!(m["MsgBody"], text("hi"));

    // Without From_Account the admin sends; without MsgSeq one is filled in.
    let v = ok(
        &mut r,
        "sendmsg",
        json!({ "To_Account": "bob", "MsgRandom": 5, "MsgBody": text("from admin") }),
    );
    let key = v["MsgKey"].as_str().unwrap();
    assert!(key.ends_with(&format!("_5_{NOW}")), "{key}");
    let h = history(&mut r, "bob", ADMIN);
    assert_eq!(h[0]["From_Account"], ADMIN);
    assert_eq!(h[0]["MsgKey"], key);
}

#[test]
fn sendmsg_rejects_what_tencent_rejects_and_stores_nothing() {
    let mut r = rig();
    let big = "x".repeat(13 * 1024);
    let base = json!({ "From_Account": "alice", "To_Account": "bob", "MsgRandom": 1, "MsgBody": text("hi") });
    let with = |k: &str, v: Value| {
        let mut b = base.clone();
        b[k] = v;
        b
    };
    let without = |k: &str| {
        let mut b = base.clone();
        b.as_object_mut().unwrap().remove(k);
        b
    };
    let cases = [
        (without("To_Account"), 90003),
        (with("To_Account", json!(7)), 90003),
        (with("To_Account", json!("ghost")), 20003),
        (with("From_Account", json!("ghost")), 20003),
        (with("From_Account", json!(5)), 90008),
        (without("MsgRandom"), 90005),
        (with("MsgRandom", json!("1")), 90005),
        (with("MsgRandom", json!(-1)), 90005),
        (with("MsgRandom", json!(4_294_967_296u64)), 90005),
        (without("MsgBody"), 90007),
        (with("MsgBody", json!({ "MsgType": "TIMTextElem" })), 90007),
        (with("MsgBody", json!([])), 90002),
        (
            with(
                "MsgBody",
                json!([{ "MsgType": "TIMNopeElem", "MsgContent": {} }]),
            ),
            90002,
        ),
        (
            with("MsgBody", json!([{ "MsgType": "TIMTextElem" }])),
            90002,
        ),
        (
            with(
                "MsgBody",
                json!([{ "MsgType": "TIMTextElem", "MsgContent": { "Text": 1 } }]),
            ),
            90002,
        ),
        (with("MsgBody", text(&big)), 93000),
        (with("MsgLifeTime", json!("60")), 90044),
        (with("MsgLifeTime", json!(604_801)), 90026),
        (with("SyncOtherMachine", json!(3)), 90031),
        (with("SyncOtherMachine", json!("1")), 90031),
        (with("SendMsgControl", json!("NoUnread")), 90001),
    ];
    for (body, code) in cases {
        let v = fails(&mut r, "sendmsg", body.clone(), code);
        assert!(!v["ErrorInfo"].as_str().unwrap().is_empty(), "{body}");
    }
    assert!(history(&mut r, "bob", "alice").is_empty());
    assert_eq!(unread(&mut r, "bob", "alice"), 0);
}

#[test]
fn a_repeated_sendmsg_inside_120_s_is_the_same_message() {
    let mut r = rig();
    let first = send(&mut r, "alice", "bob", 9, 77, "once");
    r.now += 119;
    let again = send(&mut r, "alice", "bob", 9, 77, "once");
    assert_eq!(again, first, "the original MsgTime and MsgKey");
    assert_eq!(history(&mut r, "bob", "alice").len(), 1);
    assert_eq!(unread(&mut r, "bob", "alice"), 1);

    // Any part of the key differing is a new message: content, MsgRandom, MsgSeq, sender.
    for (from, seq, random, t) in [
        ("alice", 9, 77, "twice"),
        ("alice", 9, 78, "once"),
        ("alice", 10, 77, "once"),
        ("carol", 9, 77, "once"),
    ] {
        let v = send(&mut r, from, "bob", seq, random, t);
        assert_eq!(v["MsgTime"], NOW + 119);
    }
    assert_eq!(history(&mut r, "bob", "alice").len(), 4);

    // At 120 s the key has expired.
    r.now = NOW + 120;
    let later = send(&mut r, "alice", "bob", 9, 77, "once");
    assert_eq!(later["MsgKey"], format!("9_77_{}", NOW + 120));
    assert_eq!(history(&mut r, "bob", "alice").len(), 5);

    // Without MsgSeq the backend picks a new one per attempt: no dedup.
    let body = json!({ "From_Account": "alice", "To_Account": "carol", "MsgRandom": 1, "MsgBody": text("x") });
    let a = ok(&mut r, "sendmsg", body.clone());
    let b = ok(&mut r, "sendmsg", body);
    assert_ne!(a["MsgKey"], b["MsgKey"]);
    assert_eq!(history(&mut r, "carol", "alice").len(), 2);
}

#[test]
fn send_options_sync_lifetime_and_no_unread() {
    let mut r = rig();
    let opt = |k: &str, v: Value, t: &str| {
        let mut b = json!({ "From_Account": "alice", "To_Account": "bob", "MsgRandom": 1, "MsgBody": text(t) });
        b[k] = v;
        b
    };
    ok(
        &mut r,
        "sendmsg",
        opt("SyncOtherMachine", json!(2), "not synced"),
    );
    ok(
        &mut r,
        "sendmsg",
        opt("MsgLifeTime", json!(0), "online only"),
    );
    ok(
        &mut r,
        "sendmsg",
        opt("SendMsgControl", json!(["NoUnread"]), "no unread"),
    );
    ok(
        &mut r,
        "sendmsg",
        opt("SyncOtherMachine", json!(1), "synced"),
    );
    // The receiver sees all stored messages; the sender lacks the unsynced one; the
    // online-only message is in nobody's history.
    assert_eq!(
        texts(&history(&mut r, "bob", "alice")),
        ["not synced", "no unread", "synced"]
    );
    assert_eq!(
        texts(&history(&mut r, "alice", "bob")),
        ["no unread", "synced"]
    );
    assert_eq!(unread(&mut r, "bob", "alice"), 2);
}

#[test]
fn batchsendmsg_lists_unknown_recipients() {
    let mut r = rig();
    let v = ok(
        &mut r,
        "batchsendmsg",
        json!({ "From_Account": "alice", "To_Account": ["bob", "ghost", "carol", "bob"], "MsgSeq": 3, "MsgRandom": 4, "MsgBody": text("all") }),
    );
    assert_eq!(v["MsgKey"], format!("3_4_{NOW}"));
    assert_eq!(
        v["ErrorList"],
        json!([{ "To_Account": "ghost", "ErrorCode": 90012 }])
    );
    for to in ["bob", "carol"] {
        assert_eq!(texts(&history(&mut r, to, "alice")), ["all"]);
        assert_eq!(unread(&mut r, to, "alice"), 1);
    }

    // Not muted-checked (doc 269/1612): a muted sender still reaches everyone.
    ok_mute(&mut r, "alice", 600);
    r.now += 1;
    ok(
        &mut r,
        "batchsendmsg",
        json!({ "From_Account": "alice", "To_Account": ["bob"], "MsgRandom": 4, "MsgBody": text("still") }),
    );
    assert_eq!(texts(&history(&mut r, "bob", "alice")), ["all", "still"]);

    let v = fails(
        &mut r,
        "batchsendmsg",
        json!({ "To_Account": ["ghost", "nobody"], "MsgRandom": 4, "MsgBody": text("x") }),
        90012,
    );
    assert_eq!(v["ErrorList"].as_array().unwrap().len(), 2);
    let many: Vec<String> = (0..501).map(|i| format!("u{i}")).collect();
    fails(
        &mut r,
        "batchsendmsg",
        json!({ "To_Account": many, "MsgRandom": 4, "MsgBody": text("x") }),
        90011,
    );
    fails(
        &mut r,
        "batchsendmsg",
        json!({ "To_Account": "bob", "MsgRandom": 4, "MsgBody": text("x") }),
        90003,
    );
}

fn ok_mute(r: &mut Rig, id: &str, secs: u64) {
    r.ok(
        "openconfigsvr",
        "setnospeaking",
        &json!({ "Set_Account": id, "C2CmsgNospeakingTime": secs }).to_string(),
    );
}

#[test]
fn importmsg_keeps_the_given_time_and_the_first_import() {
    let mut r = rig();
    let imp = |sync: i64, seq: u32, t: u64, from: &str, to: &str, txt: &str| json!({ "SyncFromOldSystem": sync, "From_Account": from, "To_Account": to, "MsgSeq": seq, "MsgRandom": 1, "MsgTimeStamp": t, "MsgBody": text(txt) });
    send(&mut r, "alice", "bob", 1, 1, "now");
    ok(
        &mut r,
        "importmsg",
        imp(2, 5, NOW - 100, "alice", "bob", "old"),
    );
    ok(
        &mut r,
        "importmsg",
        imp(1, 6, NOW - 50, "bob", "alice", "realtime"),
    );
    // Same MsgSeq + MsgRandom + MsgTimeStamp, other content or direction: a duplicate.
    ok(
        &mut r,
        "importmsg",
        imp(2, 5, NOW - 100, "alice", "bob", "changed"),
    );
    ok(
        &mut r,
        "importmsg",
        imp(2, 5, NOW - 100, "bob", "alice", "swapped"),
    );
    let h = history(&mut r, "alice", "bob");
    assert_eq!(texts(&h), ["old", "realtime", "now"]);
    assert_eq!(h[0]["MsgTimeStamp"], NOW - 100);
    assert_eq!(h[0]["MsgKey"], format!("5_1_{}", NOW - 100));
    // SyncFromOldSystem 1 counts unread, 2 does not.
    assert_eq!(unread(&mut r, "alice", "bob"), 1);
    assert_eq!(unread(&mut r, "bob", "alice"), 1);
    // 5 is the current pages' value for a real-time import (1 the 2020/2021 pages'): unread too.
    ok(
        &mut r,
        "importmsg",
        imp(5, 7, NOW - 40, "bob", "alice", "realtime 2"),
    );
    assert_eq!(unread(&mut r, "alice", "bob"), 2);

    let base = imp(2, 5, NOW, "alice", "bob", "x");
    let without = |k: &str| {
        let mut b = base.clone();
        b.as_object_mut().unwrap().remove(k);
        b
    };
    let with = |k: &str, v: Value| {
        let mut b = base.clone();
        b[k] = v;
        b
    };
    for (body, code) in [
        (without("SyncFromOldSystem"), 90030),
        (with("SyncFromOldSystem", json!(3)), 90030),
        (without("MsgTimeStamp"), 90006),
        (with("MsgTimeStamp", json!("1")), 90006),
        (without("MsgRandom"), 90005),
        (without("From_Account"), 90008),
        (without("To_Account"), 90003),
        (with("To_Account", json!("ghost")), 20003),
        (with("MsgBody", json!([])), 90002),
    ] {
        fails(&mut r, "importmsg", body, code);
    }
}

#[test]
fn history_pages_newest_first_with_the_documented_continuation() {
    let mut r = rig();
    // Five messages at five times, two in the same second ordered by MsgSeq.
    for (dt, seq, t) in [
        (0, 1, "m1"),
        (10, 1, "m2"),
        (20, 9, "m4"),
        (20, 3, "m3"),
        (30, 1, "m5"),
    ] {
        r.now = NOW + dt;
        send(&mut r, "alice", "bob", seq, 1, t);
    }
    assert_eq!(
        texts(&history(&mut r, "alice", "bob")),
        ["m1", "m2", "m3", "m4", "m5"]
    );

    let mut req = json!({ "Operator_Account": "alice", "Peer_Account": "bob", "MaxCnt": 2, "MinTime": NOW, "MaxTime": NOW + 30 });
    let mut pages = Vec::new();
    for _ in 0..5 {
        let v = ok(&mut r, "admin_getroammsg", req.clone());
        let list = v["MsgList"].as_array().unwrap().clone();
        assert_eq!(v["MsgCnt"], list.len());
        if !list.is_empty() {
            // LastMsgKey / LastMsgTime name the page's oldest message.
            assert_eq!(v["LastMsgKey"], list[0]["MsgKey"]);
            assert_eq!(v["LastMsgTime"], list[0]["MsgTimeStamp"]);
        }
        pages.push(texts(&list));
        if v["Complete"] == 1 {
            break;
        }
        req["MaxTime"] = v["LastMsgTime"].clone();
        req["LastMsgKey"] = v["LastMsgKey"].clone();
    }
    assert_eq!(pages, [vec!["m4", "m5"], vec!["m2", "m3"], vec!["m1"]]);

    // The time range bounds the result.
    let v = ok(
        &mut r,
        "admin_getroammsg",
        json!({ "Operator_Account": "bob", "Peer_Account": "alice", "MaxCnt": 100, "MinTime": NOW + 10, "MaxTime": NOW + 20 }),
    );
    assert_eq!(texts(v["MsgList"].as_array().unwrap()), ["m2", "m3", "m4"]);
    assert_eq!(v["Complete"], 1);

    for (body, code) in [
        (
            json!({ "Operator_Account": "ghost", "Peer_Account": "bob", "MaxCnt": 1, "MinTime": 0, "MaxTime": 1 }),
            90048,
        ),
        (
            json!({ "Operator_Account": "alice", "Peer_Account": "bob", "MaxCnt": 0, "MinTime": 0, "MaxTime": 1 }),
            90001,
        ),
        (
            json!({ "Operator_Account": "alice", "Peer_Account": "bob", "MaxCnt": 1, "MaxTime": 1 }),
            90001,
        ),
        (
            json!({ "Peer_Account": "bob", "MaxCnt": 1, "MinTime": 0, "MaxTime": 1 }),
            90001,
        ),
    ] {
        fails(&mut r, "admin_getroammsg", body, code);
    }
}

#[test]
fn a_history_page_stops_near_13_kb() {
    let mut r = rig();
    let chunk = "y".repeat(4000);
    for i in 0..6 {
        send(&mut r, "alice", "bob", i, 1, &chunk);
    }
    let v = ok(
        &mut r,
        "admin_getroammsg",
        json!({ "Operator_Account": "alice", "Peer_Account": "bob", "MaxCnt": 100, "MinTime": 0, "MaxTime": NOW }),
    );
    assert_eq!(v["Complete"], 0);
    assert_eq!(v["MsgCnt"], 3);
    assert_eq!(v["MsgList"][0]["MsgSeq"], 3, "the newest three");
}

#[test]
fn withdraw_marks_the_message_and_a_second_withdraw_is_20023() {
    let mut r = rig();
    let key = send(&mut r, "alice", "bob", 1, 2, "oops")["MsgKey"].clone();
    send(&mut r, "alice", "bob", 2, 2, "fine");
    assert_eq!(unread(&mut r, "bob", "alice"), 2);
    let w = json!({ "From_Account": "alice", "To_Account": "bob", "MsgKey": key });
    ok(&mut r, "admin_msgwithdraw", w.clone());
    let h = history(&mut r, "bob", "alice");
    assert_eq!(h.len(), 2);
    assert_eq!(h[0]["MsgFlagBits"], 2);
    assert_eq!(h[0]["MsgBody"], json!([]));
    assert_eq!(h[1]["MsgFlagBits"], 0);
    assert_eq!(unread(&mut r, "bob", "alice"), 1);
    fails(&mut r, "admin_msgwithdraw", w, 20023);

    for (body, code) in [
        (
            json!({ "From_Account": "bob", "To_Account": "alice", "MsgKey": key }),
            20022,
        ),
        (
            json!({ "From_Account": "alice", "To_Account": "bob", "MsgKey": "1_2_3" }),
            20022,
        ),
        (
            json!({ "From_Account": "alice", "To_Account": "bob", "MsgKey": "junk" }),
            90054,
        ),
        (
            json!({ "From_Account": "alice", "To_Account": "bob" }),
            90054,
        ),
        (
            json!({ "From_Account": "ghost", "To_Account": "bob", "MsgKey": key }),
            90008,
        ),
        (json!({ "From_Account": "alice", "MsgKey": key }), 90003),
    ] {
        fails(&mut r, "admin_msgwithdraw", body, code);
    }
}

#[test]
fn unread_counts_and_set_msg_read() {
    let mut r = rig();
    for (i, from) in ["alice", "alice", "carol"].iter().enumerate() {
        r.now = NOW + i as u64 * 10;
        send(&mut r, from, "bob", i as u32, 1, "m");
    }
    let v = ok(
        &mut r,
        "get_c2c_unread_msg_num",
        json!({ "To_Account": "bob" }),
    );
    assert_eq!(
        v,
        json!({ "ActionStatus": "OK", "ErrorCode": 0, "ErrorInfo": "", "AllC2CUnreadMsgNum": 3 })
    );
    let v = ok(
        &mut r,
        "get_c2c_unread_msg_num",
        json!({ "To_Account": "bob", "Peer_Account": ["alice", "carol", "ghost"] }),
    );
    assert_eq!(
        v["C2CUnreadMsgNumList"],
        json!([{ "Peer_Account": "alice", "C2CUnreadMsgNum": 2 }, { "Peer_Account": "carol", "C2CUnreadMsgNum": 1 }])
    );
    assert_eq!(v["ErrorList"][0]["Peer_Account"], "ghost");
    // The sender's own messages are not unread for the sender.
    assert_eq!(unread(&mut r, "alice", "bob"), 0);

    // Read up to the first message's time: one of alice's two stays unread.
    ok(
        &mut r,
        "admin_set_msg_read",
        json!({ "Report_Account": "bob", "Peer_Account": "alice", "MsgReadTime": NOW }),
    );
    assert_eq!(unread(&mut r, "bob", "alice"), 1);
    ok(
        &mut r,
        "admin_set_msg_read",
        json!({ "Report_Account": "bob", "Peer_Account": "alice" }),
    );
    assert_eq!(unread(&mut r, "bob", "alice"), 0);
    assert_eq!(unread(&mut r, "bob", "carol"), 1);

    let eleven: Vec<String> = (0..11).map(|i| format!("p{i}")).collect();
    for (cmd, body, code) in [
        (
            "get_c2c_unread_msg_num",
            json!({ "To_Account": "bob", "Peer_Account": eleven }),
            90001,
        ),
        (
            "get_c2c_unread_msg_num",
            json!({ "To_Account": "ghost" }),
            90048,
        ),
        ("get_c2c_unread_msg_num", json!({}), 90001),
        (
            "admin_set_msg_read",
            json!({ "Report_Account": "bob" }),
            90001,
        ),
        (
            "admin_set_msg_read",
            json!({ "Report_Account": "bob", "Peer_Account": "ghost" }),
            90048,
        ),
    ] {
        fails(&mut r, cmd, body, code);
    }
}

#[test]
fn modify_and_delete_from_one_side() {
    let mut r = rig();
    let k1 = send(&mut r, "alice", "bob", 1, 1, "first")["MsgKey"].clone();
    let k2 = send(&mut r, "alice", "bob", 2, 1, "second")["MsgKey"].clone();
    ok(
        &mut r,
        "modify_c2c_msg",
        json!({ "From_Account": "alice", "To_Account": "bob", "MsgKey": k1, "MsgBody": text("edited"), "CloudCustomData": "c" }),
    );
    let h = history(&mut r, "bob", "alice");
    assert_eq!(texts(&h), ["edited", "second"]);
    assert_eq!(h[0]["CloudCustomData"], "c");
    fails(
        &mut r,
        "modify_c2c_msg",
        json!({ "From_Account": "alice", "To_Account": "bob", "MsgKey": "9_9_9", "MsgBody": text("x") }),
        20026,
    );
    fails(
        &mut r,
        "modify_c2c_msg",
        json!({ "From_Account": "alice", "To_Account": "bob", "MsgKey": k1 }),
        90001,
    );

    let v = ok(
        &mut r,
        "delete_c2c_msg_ramble",
        json!({ "Operator_Account": "alice", "Peer_Account": "bob", "MsgKeyList": [k2, "7_7_7"] }),
    );
    assert_eq!(v["InvalidMsgKeyList"], json!(["7_7_7"]));
    assert_eq!(texts(&history(&mut r, "alice", "bob")), ["edited"]);
    let many: Vec<String> = (0..101).map(|i| format!("{i}_1_1")).collect();
    for keys in [json!([]), json!(many), json!("1_1_1")] {
        fails(
            &mut r,
            "delete_c2c_msg_ramble",
            json!({ "Operator_Account": "alice", "Peer_Account": "bob", "MsgKeyList": keys }),
            90001,
        );
    }
    assert_eq!(
        texts(&history(&mut r, "bob", "alice")),
        ["edited", "second"]
    );
}

// ---- webhooks

/// One pass of sendmsg with callbacks on (`Rig::call` refuses before-callbacks).
fn pass(r: &mut Rig, body: &Value, before: Option<&Value>) -> Handled {
    r.handle(SVC, "sendmsg", &body.to_string(), before)
}

/// Both passes: the before-callback must be asked for, then `answer` decides.
fn with_answer(r: &mut Rig, body: &Value, answer: Value) -> (Value, Vec<(String, Value)>) {
    match pass(r, body, None) {
        Handled::NeedsBefore(cb) => {
            assert_eq!(cb.command, "C2C.CallbackBeforeSendMsg");
        }
        other => panic!("expected a before-callback, got {other:?}"),
    }
    reply_of(pass(r, body, Some(&answer)))
}

fn reply_of(h: Handled) -> (Value, Vec<(String, Value)>) {
    match h {
        Handled::Reply {
            status,
            body,
            after,
        } => {
            assert_eq!(status, 200);
            let after = after
                .into_iter()
                .map(|c| (c.command.to_owned(), c.body))
                .collect();
            (serde_json::from_str(&body).unwrap(), after)
        }
        other => panic!("expected a reply, got {other:?}"),
    }
}

fn msg(t: &str) -> Value {
    json!({ "From_Account": "alice", "To_Account": "bob", "MsgSeq": 1, "MsgRandom": 2, "MsgBody": text(t), "CloudCustomData": "cd" })
}

#[test]
fn the_before_callback_sees_the_message_and_nothing_is_stored_yet() {
    let mut r = rig();
    r.emu.set_callbacks(true);
    let Handled::NeedsBefore(cb) = pass(&mut r, &msg("hi"), None) else {
        panic!("no before-callback");
    };
    let b = cb.body;
    assert_eq!(b["CallbackCommand"], "C2C.CallbackBeforeSendMsg");
    assert_eq!(b["From_Account"], "alice");
    assert_eq!(b["To_Account"], "bob");
    assert_eq!(b["MsgSeq"], 1);
    assert_eq!(b["MsgRandom"], 2);
    assert_eq!(b["MsgTime"], NOW);
    assert_eq!(b["MsgKey"], format!("1_2_{NOW}"));
    assert_eq!(b["OnlineOnlyFlag"], 0);
    assert_eq!(b["MsgBody"], text("hi"));
    assert_eq!(b["CloudCustomData"], "cd");
    assert_eq!(b["EventTime"], NOW * 1000);
    assert!(r.emu.state().c2c.conversation("alice", "bob").is_empty());
}

#[test]
fn before_callback_answers_allow_reject_drop_and_modify() {
    let mut r = rig();
    r.emu.set_callbacks(true);

    let (v, after) = with_answer(
        &mut r,
        &msg("a"),
        json!({ "ActionStatus": "OK", "ErrorCode": 1, "ErrorInfo": "" }),
    );
    assert_eq!(v["ErrorCode"], 20006);
    assert_eq!(v["ActionStatus"], "FAIL");
    assert!(after.is_empty());

    let (v, after) = with_answer(
        &mut r,
        &msg("b"),
        json!({ "ErrorCode": 120005, "ErrorInfo": "no links" }),
    );
    assert_eq!(v["ErrorCode"], 120005);
    assert_eq!(v["ErrorInfo"], "no links");
    assert!(after.is_empty());

    let (v, after) = with_answer(&mut r, &msg("c"), json!({ "ErrorCode": 2 }));
    assert_eq!(v["ErrorCode"], 0);
    assert_eq!(v["MsgKey"], format!("1_2_{NOW}"));
    assert!(
        after.is_empty(),
        "a dropped message triggers no after-callback"
    );
    assert!(r.emu.state().c2c.conversation("alice", "bob").is_empty());

    let (v, after) = with_answer(
        &mut r,
        &msg("d"),
        json!({ "ErrorCode": 0, "MsgBody": text("d, cleaned"), "CloudCustomData": "new" }),
    );
    assert_eq!(v["ErrorCode"], 0);
    assert_eq!(after.len(), 1);
    let (cmd, b) = &after[0];
    assert_eq!(cmd, "C2C.CallbackAfterSendMsg");
    assert_eq!(b["CallbackCommand"], "C2C.CallbackAfterSendMsg");
    assert_eq!(b["MsgBody"], text("d, cleaned"));
    assert_eq!(b["CloudCustomData"], "new");
    assert_eq!(b["SendMsgResult"], 0);
    assert_eq!(b["UnreadMsgNum"], 1);
    assert_eq!(b["MsgKey"], v["MsgKey"]);
    let stored = &r.emu.state().c2c.conversation("alice", "bob")[0];
    assert_eq!(stored.body, text("d, cleaned").as_array().unwrap().clone());

    // A plain allow (no body) keeps the message as sent.
    let (_, after) = with_answer(&mut r, &msg("e"), json!({ "ErrorCode": 0 }));
    assert_eq!(after[0].1["MsgBody"], text("e"));
    assert_eq!(r.emu.state().c2c.conversation("alice", "bob").len(), 2);
}

#[test]
fn forbid_callback_control_and_mute_skip_the_webhooks() {
    let mut r = rig();
    r.emu.set_callbacks(true);
    let mut body = msg("x");
    body["ForbidCallbackControl"] = json!(["ForbidBeforeSendMsgCallback"]);
    let (v, after) = reply_of(pass(&mut r, &body, None));
    assert_eq!(v["ErrorCode"], 0);
    assert_eq!(after.len(), 1);

    body["MsgSeq"] = json!(2);
    body["ForbidCallbackControl"] =
        json!(["ForbidBeforeSendMsgCallback", "ForbidAfterSendMsgCallback"]);
    let (v, after) = reply_of(pass(&mut r, &body, None));
    assert_eq!(v["ErrorCode"], 0);
    assert!(after.is_empty());

    body["MsgSeq"] = json!(3);
    body["ForbidCallbackControl"] = json!(["ForbidAfterSendMsgCallback"]);
    let (v, after) = with_answer(&mut r, &body, json!({ "ErrorCode": 0 }));
    assert_eq!(v["ErrorCode"], 0);
    assert!(after.is_empty());
    assert_eq!(r.emu.state().c2c.conversation("alice", "bob").len(), 3);

    // A muted sender gets 20012 at once: the before-callback is not triggered (doc 1047/34923).
    r.emu.set_callbacks(false);
    ok_mute(&mut r, "alice", 60);
    r.emu.set_callbacks(true);
    let (v, _) = reply_of(pass(&mut r, &msg("muted"), None));
    assert_eq!(v["ErrorCode"], 20012);
}

#[test]
fn snapshot_round_trip_keeps_messages_dedup_and_mute() {
    let mut r = rig();
    send(&mut r, "alice", "bob", 1, 1, "one");
    let k = send(&mut r, "bob", "alice", 2, 1, "two")["MsgKey"].clone();
    ok(
        &mut r,
        "admin_msgwithdraw",
        json!({ "From_Account": "bob", "To_Account": "alice", "MsgKey": k }),
    );
    ok(
        &mut r,
        "sendmsg",
        json!({ "From_Account": "carol", "To_Account": "bob", "MsgRandom": 9, "SyncOtherMachine": 2, "MsgBody": [{ "MsgType": "TIMCustomElem", "MsgContent": { "Data": "d" } }], "CloudCustomData": "x" }),
    );
    ok_mute(&mut r, "carol", 300);
    let (snap, mut other) = r.snapshot_round_trip();
    assert_eq!(other.emu.snapshot().unwrap(), snap);
    // Restored dedup keys still answer a retry with the original key.
    let again = send(&mut other, "alice", "bob", 1, 1, "one");
    assert_eq!(again["MsgKey"], format!("1_1_{NOW}"));
    assert_eq!(history(&mut other, "bob", "alice").len(), 2);
    other.fails(
        SVC,
        "sendmsg",
        &json!({ "From_Account": "carol", "To_Account": "bob", "MsgRandom": 1, "MsgBody": text("m") }).to_string(),
        20012,
    );

    for bad in [
        r#"{"version":1,"c2c":[]}"#,
        r#"{"version":1,"c2c":{"LastSeq":0,"Messages":[{"From_Account":"a"}],"Recent":[]}}"#,
        r#"{"version":1,"c2c":{"LastSeq":-1,"Messages":[],"Recent":[]}}"#,
    ] {
        let e = r.emu.restore(bad).unwrap_err();
        assert!(e.0.contains("c2c"), "{}", e.0);
    }
}

#[test]
fn a_retry_of_a_sent_message_is_answered_without_asking_the_app_again() {
    let mut r = rig();
    r.emu.set_callbacks(true);
    // Rejected first: nothing is remembered, so the retry asks again.
    let (v, _) = with_answer(&mut r, &msg("r"), json!({ "ErrorCode": 1 }));
    assert_eq!(v["ErrorCode"], 20006);
    let (first, after) = with_answer(&mut r, &msg("r"), json!({ "ErrorCode": 0 }));
    assert_eq!(after.len(), 1);
    // Sent now: the retry is a duplicate, answered at once, with no callbacks at all.
    r.now += 5;
    let (again, after) = reply_of(pass(&mut r, &msg("r"), None));
    assert_eq!(again["MsgKey"], first["MsgKey"]);
    assert_eq!(again["MsgTime"], NOW);
    assert!(after.is_empty());
    assert_eq!(r.emu.state().c2c.conversation("alice", "bob").len(), 1);
}

#[test]
fn a_conversation_keeps_its_newest_10000_messages() {
    // Loaded through a snapshot, which stores each message the way a send does.
    let messages: Vec<Value> = (0..10_001u32)
        .map(|i| {
            json!({ "From_Account": "alice", "To_Account": "bob", "MsgSeq": i, "MsgRandom": 1, "MsgTimeStamp": NOW + i as u64, "MsgKey": format!("{i}_1_{}", NOW + i as u64), "MsgBody": text("m"), "Withdrawn": false, "Unread": false, "Hidden": [] })
        })
        .collect();
    let snap = json!({ "version": 1, "c2c": { "LastSeq": 0, "Messages": messages, "Recent": [] } });
    let mut r = Rig::new();
    r.emu.restore(&snap.to_string()).unwrap();
    let c = r.emu.state().c2c.conversation("alice", "bob");
    assert_eq!(c.len(), 10_000);
    assert_eq!(c[0].seq, 1, "the oldest went");
    assert_eq!(c[9_999].seq, 10_000);
}

#[test]
fn the_sdks_own_pager_walks_the_whole_history() {
    // The SDK's paging rule for getRoamMsgPages (src/api/paging.rs), written from the doc's
    // continuation text, drives the emulator's pages to the end: every message once, no loop.
    let mut r = rig();
    for i in 0..23u32 {
        r.now = NOW + (i / 3) as u64; // three messages a second
        send(&mut r, "alice", "bob", i, 1, &format!("m{i:02}"));
    }
    let rule = crate::api::paging::paging("openim/admin_getroammsg").unwrap();
    let mut req = json!({ "Operator_Account": "bob", "Peer_Account": "alice", "MaxCnt": 4, "MinTime": NOW, "MaxTime": r.now });
    let mut seen = Vec::new();
    for _ in 0..20 {
        let resp = r.ok(SVC, "admin_getroammsg", &req.to_string());
        seen.splice(0..0, texts(resp["MsgList"].as_array().unwrap()));
        match crate::api::paging::next_page(rule, &req, &resp).unwrap() {
            Some(next) => req = next,
            None => break,
        }
    }
    let want: Vec<String> = (0..23).map(|i| format!("m{i:02}")).collect();
    assert_eq!(seen, want);
}
