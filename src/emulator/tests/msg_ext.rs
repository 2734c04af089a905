//! Message extensions end to end. Oracles: the documented requests and answers of the four
//! pages (1047, "Setting/Pulling One-to-One/Group Message Extensions") and the callback examples
//! of `C2C.CallbackAfterC2CMsgExtension` / `Group.CallbackAfterGroupMsgExtension`.

use super::calls::*;
use super::support::*;
use serde_json::{json, Value};

const SVC: &str = "openim_msg_ext_http_svc";

/// The doc's accounts, and a message between them.
fn rig() -> (Rig, String) {
    let mut r = Rig::new();
    r.import(&["62768", "116400"]);
    let key = send_c2c(&mut r, "62768", "116400", 12, "hello");
    (r, key)
}

/// A documented request with the doc's MsgKey replaced by a real one.
fn doc(body: Value, key: &str) -> String {
    let mut b = body;
    b["MsgKey"] = key.into();
    b.to_string()
}

#[test]
fn the_documented_one_to_one_flow_reaches_the_documented_answer() {
    let (mut r, key) = rig();
    // set_key_values, sample request 1: three new keys with Seq 0.
    let set = json!({"From_Account":"62768","To_Account":"116400","MsgKey":"44739199_12_1665388280","OperateType":1,
        "ExtensionList":[{"Key":"k1","Value":"v1","Seq":0},{"Key":"k2","Value":"v2","Seq":0},{"Key":"k3","Value":"v3","Seq":0}]});
    let v = r.ok(SVC, "set_key_values", &doc(set, &key));
    assert_eq!(
        v["ExtensionList"],
        json!([
            {"ErrorCode":0,"Extension":{"Key":"k1","Value":"v1","Seq":1}},
            {"ErrorCode":0,"Extension":{"Key":"k2","Value":"v2","Seq":1}},
            {"ErrorCode":0,"Extension":{"Key":"k3","Value":"v3","Seq":1}},
        ])
    );
    // k3 written again with its current Seq: it takes the message's next Seq.
    let again = json!({"From_Account":"62768","To_Account":"116400","OperateType":1,"ExtensionList":[{"Key":"k3","Value":"v3","Seq":1}]});
    r.ok(SVC, "set_key_values", &doc(again, &key));
    // get_key_values, sample request 1, answers exactly the documented sample answer.
    let get =
        json!({"From_Account":"62768","To_Account":"116400","MsgKey":"44739199_12_1665388280"});
    let v = r.ok(SVC, "get_key_values", &doc(get, &key));
    let documented = json!({"ErrorCode":0,"ErrorInfo":"","ActionStatus":"OK","CompleteFlag":1,"LatestSeq":2,"ClearSeq":0,
        "ExtensionList":[{"Key":"k1","Value":"v1","Seq":1},{"Key":"k2","Value":"v2","Seq":1},{"Key":"k3","Value":"v3","Seq":2}]});
    assert_eq!(v, documented);
    // Sample request 2: only keys whose Seq >= 2.
    let from2 = json!({"From_Account":"62768","To_Account":"116400","StartSeq":2});
    let v = r.ok(SVC, "get_key_values", &doc(from2, &key));
    assert_eq!(
        v["ExtensionList"],
        json!([{"Key":"k3","Value":"v3","Seq":2}])
    );
    assert_eq!(v["LatestSeq"], 2);
}

#[test]
fn a_stale_seq_fails_that_key_only_and_shows_it_as_stored() {
    let (mut r, key) = rig();
    let set = |kvs: Value| {
        doc(
            json!({"From_Account":"62768","To_Account":"116400","OperateType":1,"ExtensionList":kvs}),
            &key,
        )
    };
    r.ok(
        SVC,
        "set_key_values",
        &set(json!([{"Key":"k1","Value":"v1","Seq":0},{"Key":"k2","Value":"v1234","Seq":0}])),
    );
    r.ok(
        SVC,
        "set_key_values",
        &set(json!([{"Key":"k2","Value":"v1234","Seq":1}])),
    );
    // The documented answer's shape: k1 written with its current Seq, k2 stale (it is at 2).
    let v = r.ok(
        SVC,
        "set_key_values",
        &set(json!([{"Key":"k1","Value":"v1","Seq":1},{"Key":"k2","Value":"zzz","Seq":1}])),
    );
    assert_eq!(
        v["ExtensionList"],
        json!([
            {"ErrorCode":0,"Extension":{"Key":"k1","Value":"v1","Seq":3}},
            {"ErrorCode":23001,"Extension":{"Key":"k2","Value":"v1234","Seq":2}},
        ])
    );
    assert_eq!(
        v["ErrorCode"], 0,
        "per-key failures leave the answer's ErrorCode 0"
    );
    // A new key given a non-zero Seq conflicts too; with no Seq at all the write is unconditional.
    let v = r.ok(
        SVC,
        "set_key_values",
        &set(json!([{"Key":"k9","Value":"x","Seq":5}])),
    );
    assert_eq!(
        v["ExtensionList"][0],
        json!({"ErrorCode":23001,"Extension":{"Key":"k9","Value":"","Seq":0}})
    );
    let v = r.ok(
        SVC,
        "set_key_values",
        &set(json!([{"Key":"k2","Value":"forced"}])),
    );
    assert_eq!(
        v["ExtensionList"][0]["Extension"],
        json!({"Key":"k2","Value":"forced","Seq":4})
    );
    // Only changing writes moved the counter: 1, 2, 3, (conflict), 4.
    let v = r.ok(
        SVC,
        "get_key_values",
        &doc(json!({"From_Account":"62768","To_Account":"116400"}), &key),
    );
    assert_eq!(v["LatestSeq"], 4);
}

#[test]
fn delete_and_clear_follow_the_documented_requests() {
    let (mut r, key) = rig();
    let set = json!({"From_Account":"62768","To_Account":"116400","OperateType":1,
        "ExtensionList":[{"Key":"key1","Value":"a","Seq":0},{"Key":"key2","Value":"b","Seq":0}]});
    r.ok(SVC, "set_key_values", &doc(set, &key));
    // Sample request 2 (delete key1 at Seq 1).
    let del = json!({"From_Account":"62768","To_Account":"116400","OperateType":2,"ExtensionList":[{"Key":"key1","Value":"","Seq":1}]});
    let v = r.ok(SVC, "set_key_values", &doc(del, &key));
    assert_eq!(
        v["ExtensionList"],
        json!([{"ErrorCode":0,"Extension":{"Key":"key1","Value":"","Seq":2}}])
    );
    let get = doc(json!({"From_Account":"62768","To_Account":"116400"}), &key);
    let v = r.ok(SVC, "get_key_values", &get);
    assert_eq!(
        v["ExtensionList"],
        json!([{"Key":"key2","Value":"b","Seq":1}])
    );
    // Sample request 3 (clear all): the clear takes Seq 3 and becomes ClearSeq.
    let clear = json!({"From_Account":"62768","To_Account":"116400","OperateType":3});
    let v = r.ok(SVC, "set_key_values", &doc(clear, &key));
    assert_eq!(v["ExtensionList"], json!([]));
    assert!(v.get("ClearAllSeq").is_none(), "not on Tencent's pages");
    assert_eq!(r.ok(SVC, "get_key_values", &get)["ClearSeq"], 3);
    let v = r.ok(SVC, "get_key_values", &get);
    assert_eq!(
        (
            v["LatestSeq"].clone(),
            v["ClearSeq"].clone(),
            v["ExtensionList"].clone()
        ),
        (json!(3), json!(3), json!([]))
    );
    // Keys set after the clear have Seq above ClearSeq.
    let after = json!({"From_Account":"62768","To_Account":"116400","OperateType":1,"ExtensionList":[{"Key":"n","Value":"1","Seq":0}]});
    let v = r.ok(SVC, "set_key_values", &doc(after, &key));
    assert_eq!(v["ExtensionList"][0]["Extension"]["Seq"], 4);
}

#[test]
fn the_message_must_exist() {
    let (mut r, key) = rig();
    let base = json!({"From_Account":"62768","To_Account":"116400","OperateType":1,"ExtensionList":[{"Key":"k","Value":"v"}]});
    // Unknown key, wrong direction, unknown accounts: 23004.
    r.fails(SVC, "set_key_values", &doc(base.clone(), "1_2_3"), 23004);
    let mut reversed = base.clone();
    reversed["From_Account"] = "116400".into();
    reversed["To_Account"] = "62768".into();
    r.fails(SVC, "set_key_values", &doc(reversed, &key), 23004);
    let mut stranger = base.clone();
    stranger["From_Account"] = "nobody".into();
    r.fails(SVC, "get_key_values", &doc(stranger, &key), 23004);
    // Without From_Account the message is one the admin sent.
    let admin_key = {
        let v = r.ok("openim", "sendmsg", r#"{"To_Account":"116400","MsgRandom":5,"MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"x"}}]}"#);
        v["MsgKey"].as_str().unwrap().to_owned()
    };
    let mut no_from = base.clone();
    no_from.as_object_mut().unwrap().remove("From_Account");
    r.ok(SVC, "set_key_values", &doc(no_from, &admin_key));
    // A recalled message has no extensions.
    r.ok(
        "openim",
        "admin_msgwithdraw",
        &format!(r#"{{"From_Account":"62768","To_Account":"116400","MsgKey":"{key}"}}"#),
    );
    r.fails(SVC, "get_key_values", &doc(base, &key), 23004);
    assert!(r.emu.snapshot().unwrap().contains("msg_ext"));
}

#[test]
fn bad_writes_change_nothing() {
    let (mut r, key) = rig();
    let with = |op: i64, kvs: Value| {
        doc(
            json!({"From_Account":"62768","To_Account":"116400","OperateType":op,"ExtensionList":kvs}),
            &key,
        )
    };
    let twenty_one: Vec<Value> = (0..21)
        .map(|i| json!({"Key": format!("k{i}"), "Value": "v"}))
        .collect();
    for body in [
        with(0, json!([{"Key":"k","Value":"v"}])),
        with(4, json!([{"Key":"k","Value":"v"}])),
        with(1, json!([])),
        with(1, Value::Array(twenty_one)),
        with(1, json!([{"Key":"","Value":"v"}])),
        with(1, json!([{"Key":"k".repeat(101),"Value":"v"}])),
        with(1, json!([{"Key":"k","Value":"v".repeat(1001)}])),
        with(1, json!([{"Key":"k"}])),
        with(1, json!([{"Key":"k","Value":"v"},{"Key":"k","Value":"w"}])),
        with(1, json!([{"Key":"k","Value":"v","Seq":-1}])),
        with(1, json!(["k"])),
        doc(
            json!({"From_Account":"62768","To_Account":"116400","OperateType":1}),
            &key,
        ),
    ] {
        r.fails(SVC, "set_key_values", &body, 10004);
    }
    assert!(r.emu.state().msg_ext.is_empty());
    // Key 100 bytes and Value 1000 bytes are fine; a delete needs no Value.
    r.ok(
        SVC,
        "set_key_values",
        &with(1, json!([{"Key":"k".repeat(100),"Value":"v".repeat(1000)}])),
    );
    r.ok(
        SVC,
        "set_key_values",
        &with(2, json!([{"Key":"k".repeat(100)}])),
    );
    each_field_mistyped(
        &mut r,
        SVC,
        "set_key_values",
        &with(1, json!([{"Key":"k","Value":"v"}])),
        &[
            "From_Account",
            "To_Account",
            "MsgKey",
            "OperateType",
            "ExtensionList",
        ],
        10004,
        |_, _| false,
    );
}

#[test]
fn a_message_holds_at_most_300_keys_and_pages_200_at_a_time() {
    let (mut r, key) = rig();
    // 43 writes of 7 keys (the last of 6): 300 keys, Seq 1..43.
    for w in 0..43 {
        let n = if w == 42 { 6 } else { 7 };
        let kvs: Vec<Value> = (0..n)
            .map(|i| json!({"Key": format!("w{w:02}k{i}"), "Value": "v"}))
            .collect();
        r.ok(SVC, "set_key_values", &doc(json!({"From_Account":"62768","To_Account":"116400","OperateType":1,"ExtensionList":kvs}), &key));
    }
    let one_more = doc(
        json!({"From_Account":"62768","To_Account":"116400","OperateType":1,"ExtensionList":[{"Key":"x","Value":"v"}]}),
        &key,
    );
    r.fails(SVC, "set_key_values", &one_more, 10004);
    // Overwriting an existing key is still fine at 300.
    r.ok(SVC, "set_key_values", &doc(json!({"From_Account":"62768","To_Account":"116400","OperateType":1,"ExtensionList":[{"Key":"w00k0","Value":"again"}]}), &key));
    // Page 1: Seq 1 now has 6 keys and Seqs 2-28 have 189, so 200 keys would split Seq 29
    // (keys 196-202): the page ends after Seq 28, with 195 keys.
    let get = |start: u64| {
        doc(
            json!({"From_Account":"62768","To_Account":"116400","StartSeq":start}),
            &key,
        )
    };
    let v = r.ok(SVC, "get_key_values", &get(0));
    let page = v["ExtensionList"].as_array().unwrap();
    assert_eq!((page.len(), v["CompleteFlag"].clone()), (195, json!(0)));
    let seqs: Vec<u64> = page.iter().map(|e| e["Seq"].as_u64().unwrap()).collect();
    assert!(seqs.windows(2).all(|w| w[0] <= w[1]));
    assert_eq!((seqs[0], seqs[194]), (1, 28), "w00k0 moved to Seq 44");
    let v = r.ok(SVC, "get_key_values", &get(seqs[194] + 1));
    let rest = v["ExtensionList"].as_array().unwrap();
    assert_eq!(
        (
            rest.len(),
            v["CompleteFlag"].clone(),
            v["LatestSeq"].clone()
        ),
        (105, json!(1), json!(44))
    );
}

#[test]
fn group_messages_have_extensions_too() {
    let mut r = Rig::new();
    r.import(&["alice", "bob"]);
    r.ok(
        "group_open_http_svc",
        "create_group",
        r#"{"Type":"Public","Name":"g","GroupId":"lobby","Owner_Account":"alice"}"#,
    );
    let seq = send_group(&mut r, "lobby", "alice", 1);
    // group_set_key_values, sample request 1, with a real MsgSeq.
    let set = json!({"GroupId":"lobby","MsgSeq":seq,"OperateType":1,
        "ExtensionList":[{"Key":"key1","Value":"value1","Seq":0},{"Key":"key2","Value":"value2","Seq":0}]});
    let (v, after) = r.with_callbacks(SVC, "group_set_key_values", &set.to_string());
    assert_eq!(
        v["ExtensionList"][1],
        json!({"ErrorCode":0,"Extension":{"Key":"key2","Value":"value2","Seq":1}})
    );
    // The callback has the documented members (Group.CallbackAfterGroupMsgExtension, example 1).
    let [cb] = after.as_slice() else {
        panic!("{after:?}")
    };
    assert_eq!(cb.command, "Group.CallbackAfterGroupMsgExtension");
    let documented = json!({"CallbackCommand":"Group.CallbackAfterGroupMsgExtension","GroupId":"test","MsgSeq":10,"OperateType":1,
        "ExtensionList":[{"Key":"key2","Value":"value2","Seq":56}],"Seq":56,"EventTime":1764688294360u64});
    let keys = |v: &Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
    assert_eq!(keys(&cb.body), keys(&documented));
    assert_eq!(cb.body["Seq"], 1);
    assert_eq!(cb.body["EventTime"], r.now * 1000);
    // group_get_key_values, sample request 1.
    let v = r.ok(
        SVC,
        "group_get_key_values",
        &json!({"GroupId":"lobby","MsgSeq":seq}).to_string(),
    );
    assert_eq!(
        v["ExtensionList"],
        json!([{"Key":"key1","Value":"value1","Seq":1},{"Key":"key2","Value":"value2","Seq":1}])
    );
    // Sample request 3 (clear) and its callback (example 3: an empty ExtensionList).
    let (v, after) = r.with_callbacks(
        SVC,
        "group_set_key_values",
        &json!({"GroupId":"lobby","MsgSeq":seq,"OperateType":3}).to_string(),
    );
    assert_eq!(v["ExtensionList"], json!([]));
    assert_eq!(
        (
            after[0].body["OperateType"].clone(),
            after[0].body["ExtensionList"].clone()
        ),
        (json!(3), json!([]))
    );
    // No such group 10010; no such message 23004; a recalled one 23004.
    r.fails(
        SVC,
        "group_get_key_values",
        r#"{"GroupId":"nope","MsgSeq":1}"#,
        10010,
    );
    r.fails(
        SVC,
        "group_get_key_values",
        &json!({"GroupId":"lobby","MsgSeq":seq + 1}).to_string(),
        23004,
    );
    r.ok(
        "group_open_http_svc",
        "group_msg_recall",
        &json!({"GroupId":"lobby","MsgSeqList":[{"MsgSeq":seq}]}).to_string(),
    );
    r.fails(
        SVC,
        "group_get_key_values",
        &json!({"GroupId":"lobby","MsgSeq":seq}).to_string(),
        23004,
    );
}

#[test]
fn one_to_one_writes_send_the_documented_callback() {
    let (mut r, key) = rig();
    let set = json!({"From_Account":"62768","To_Account":"116400","OperateType":1,"ExtensionList":[{"Key":"k1","Value":"v1","Seq":0}]});
    let (_, after) = r.with_callbacks(SVC, "set_key_values", &doc(set, &key));
    // C2C.CallbackAfterC2CMsgExtension, example 1.
    let documented = json!({"CallbackCommand":"C2C.CallbackAfterC2CMsgExtension","From_Account":"user1","To_Account":"user2",
        "MsgKey":"93847636_1287657_1764688415","OperateType":1,"ExtensionList":[{"Key":"k1","Value":"v1","Seq":1}],"Seq":1,"EventTime":1764688540182u64});
    let body = &after[0].body;
    let keys = |v: &Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
    assert_eq!(keys(body), keys(&documented));
    assert_eq!(body["ExtensionList"], documented["ExtensionList"]);
    assert_eq!(
        (body["MsgKey"].as_str(), body["From_Account"].as_str()),
        (Some(key.as_str()), Some("62768"))
    );
    // A write where every key conflicts changes nothing and sends nothing.
    let stale = json!({"From_Account":"62768","To_Account":"116400","OperateType":1,"ExtensionList":[{"Key":"k1","Value":"x","Seq":0}]});
    let (v, after) = r.with_callbacks(SVC, "set_key_values", &doc(stale, &key));
    assert_eq!(v["ExtensionList"][0]["ErrorCode"], 23001);
    assert!(after.is_empty());
}

#[test]
fn extensions_survive_a_snapshot() {
    let (mut r, key) = rig();
    let set = json!({"From_Account":"62768","To_Account":"116400","OperateType":1,"ExtensionList":[{"Key":"k1","Value":"v1"}]});
    r.ok(SVC, "set_key_values", &doc(set, &key));
    let (snap, mut other) = r.snapshot_round_trip();
    // A hand-edited snapshot whose key is above LatestSeq is refused.
    let bad = snap.replace(r#""LatestSeq":1"#, r#""LatestSeq":0"#);
    assert_ne!(bad, snap);
    assert!(other.emu.restore(&bad).is_err());
}
