//! Changes to stored group messages and read receipts: delete_group_msg_by_sender,
//! openim/modify_group_msg, clear_group_msg, send_broadcast_msg, the receipt calls and
//! set_unread_msg_num, against Tencent's pages (their examples where they have one).

use super::groups_kit::*;
use super::support::*;
use serde_json::{json, Value};

fn history(r: &mut Rig, gid: &str, extra: &str) -> Value {
    r.ok(
        SVC,
        "group_msg_get_simple",
        &format!(r#"{{"GroupId":"{gid}","ReqMsgNumber":20{extra}}}"#),
    )
}

/// (MsgSeq, From_Account, IsPlaceMsg) of a history page.
fn rows(v: &Value) -> Vec<(u64, String, u64)> {
    v["RspMsgList"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["MsgSeq"].as_u64().unwrap(),
                m["From_Account"].as_str().unwrap().to_owned(),
                m["IsPlaceMsg"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn delete_by_sender_recalls_only_that_senders_messages() {
    let mut r = rig();
    let gid = public(&mut r);
    send(&mut r, &gid, "bob", "");
    send(&mut r, &gid, "carol", "");
    send(&mut r, &gid, "bob", "");
    r.ok(
        SVC,
        "delete_group_msg_by_sender",
        &format!(r#"{{"GroupId":"{gid}","Sender_Account":"bob"}}"#),
    );
    let v = history(&mut r, &gid, "");
    assert_eq!(rows(&v), [(2, "carol".to_owned(), 0)]);
    // With WithRecalledMsg they are placeholders, as after group_msg_recall.
    let v = history(&mut r, &gid, r#","WithRecalledMsg":1"#);
    let placeholders: Vec<u64> = rows(&v).iter().filter(|m| m.2 == 1).map(|m| m.0).collect();
    assert_eq!(placeholders, [3, 1]);
    // A live group keeps no history: success, nothing to do (doc).
    let stage = live(&mut r);
    r.ok(
        SVC,
        "delete_group_msg_by_sender",
        &format!(r#"{{"GroupId":"{stage}","Sender_Account":"bob"}}"#),
    );
    for (body, code) in [
        (
            r#"{"GroupId":"@TGS#none","Sender_Account":"bob"}"#.to_owned(),
            10010,
        ),
        (format!(r#"{{"GroupId":"{gid}"}}"#), 10004),
        (
            format!(r#"{{"GroupId":"{gid}","Sender_Account":"bob","TopicId":"t"}}"#),
            10004,
        ),
    ] {
        r.fails(SVC, "delete_group_msg_by_sender", &body, code);
    }
}

#[test]
fn modify_group_msg_replaces_body_and_custom_data_with_openim_codes() {
    let mut r = rig();
    let gid = public(&mut r);
    let seq = send(&mut r, &gid, "bob", "");
    // The doc's three examples: MsgBody only, CloudCustomData only, both.
    let text = r#"[{"MsgType":"TIMTextElem","MsgContent":{"Text":"hello"}}]"#;
    r.ok(
        "openim",
        "modify_group_msg",
        &format!(r#"{{"GroupId":"{gid}","MsgSeq":{seq},"MsgBody":{text}}}"#),
    );
    r.ok(
        "openim",
        "modify_group_msg",
        &format!(
            r#"{{"GroupId":"{gid}","MsgSeq":{seq},"CloudCustomData":"your cloud custom data"}}"#
        ),
    );
    let m = &history(&mut r, &gid, "")["RspMsgList"][0];
    assert_eq!(m["MsgBody"][0]["MsgContent"]["Text"], "hello");
    assert_eq!(m["CloudCustomData"], "your cloud custom data");
    r.ok(
        "openim",
        "modify_group_msg",
        &format!(r#"{{"GroupId":"{gid}","MsgSeq":{seq},"MsgBody":{text},"CloudCustomData":"c2"}}"#),
    );
    assert_eq!(
        history(&mut r, &gid, "")["RspMsgList"][0]["CloudCustomData"],
        "c2"
    );
    let stage = live(&mut r);
    for (body, code) in [
        (format!(r#"{{"GroupId":"{gid}","MsgSeq":{seq}}}"#), 90001),
        (
            format!(r#"{{"GroupId":"{gid}","MsgSeq":{seq},"MsgBody":{{}}}}"#),
            90007,
        ),
        (
            format!(
                r#"{{"GroupId":"{gid}","MsgSeq":{seq},"MsgBody":[{{"MsgType":"TIMNope","MsgContent":{{}}}}]}}"#
            ),
            90002,
        ),
        (
            format!(r#"{{"GroupId":"{gid}","MsgSeq":99,"CloudCustomData":"x"}}"#),
            20026,
        ),
        (
            format!(r#"{{"GroupId":"{gid}","CloudCustomData":"x"}}"#),
            90001,
        ),
        (
            format!(r#"{{"GroupId":"{gid}","MsgSeq":{seq},"CloudCustomData":5}}"#),
            90001,
        ),
        (
            r#"{"GroupId":"@TGS#none","MsgSeq":1,"CloudCustomData":"x"}"#.to_owned(),
            10010,
        ),
        (
            format!(r#"{{"GroupId":"{stage}","MsgSeq":1,"CloudCustomData":"x"}}"#),
            20029,
        ),
    ] {
        r.fails("openim", "modify_group_msg", &body, code);
    }
    // A recalled message cannot be modified.
    r.ok(
        SVC,
        "group_msg_recall",
        &format!(r#"{{"GroupId":"{gid}","MsgSeqList":[{{"MsgSeq":{seq}}}]}}"#),
    );
    r.fails(
        "openim",
        "modify_group_msg",
        &format!(r#"{{"GroupId":"{gid}","MsgSeq":{seq},"CloudCustomData":"x"}}"#),
        20026,
    );
}

#[test]
fn clear_group_msg_marks_up_to_a_sequence_and_the_admin_still_reads_them() {
    let mut r = rig();
    let gid = public(&mut r);
    for _ in 0..3 {
        send(&mut r, &gid, "bob", "");
    }
    // The doc's "clear <= MsgSeq" example, with a sequence of this group.
    r.ok(
        SVC,
        "clear_group_msg",
        &format!(r#"{{"GroupId":"{gid}","MsgSeq":2}}"#),
    );
    let snap: Value = serde_json::from_str(&r.emu.snapshot().unwrap()).unwrap();
    let cleared: Vec<bool> = snap["groups"]["groups"][&gid]["Messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["Ext"]["Cleared"] == json!(true))
        .collect();
    assert_eq!(cleared, [true, true, false]);
    // "The admin can still pull cleared messages": group_msg_get_simple is the admin's.
    assert_eq!(
        history(&mut r, &gid, "")["RspMsgList"]
            .as_array()
            .unwrap()
            .len(),
        3
    );
    // Without MsgSeq: all.
    r.ok(SVC, "clear_group_msg", &format!(r#"{{"GroupId":"{gid}"}}"#));
    let snap: Value = serde_json::from_str(&r.emu.snapshot().unwrap()).unwrap();
    assert!(snap["groups"]["groups"][&gid]["Messages"][2]["Ext"]["Cleared"] == json!(true));
    let club = community(&mut r);
    r.fails(
        SVC,
        "clear_group_msg",
        &format!(r#"{{"GroupId":"{club}"}}"#),
        10007,
    );
    r.fails(SVC, "clear_group_msg", r#"{"GroupId":"@TGS#none"}"#, 10010);
    r.fails(
        SVC,
        "clear_group_msg",
        &format!(r#"{{"GroupId":"{gid}","MsgSeq":-1}}"#),
        10004,
    );
}

#[test]
fn broadcasts_count_their_sequence_and_dedup_for_five_minutes() {
    let mut r = rig();
    live(&mut r);
    // The doc's example (From_Account "test" replaced by an imported account).
    let doc = r#"{"From_Account":"alice","Random":8912345,"MsgBody":[{"MsgType":"TIMCustomElem","MsgContent":{"Data":"{ \"type\":1, \"content\":\"hello world\"}"}}],"CloudCustomData":"your cloud custom data"}"#;
    let first = r.ok(SVC, "send_broadcast_msg", doc);
    assert_eq!(first["MsgSeq"], 1);
    // The same Random and content inside five minutes is the same broadcast.
    r.now += 299;
    assert_eq!(r.ok(SVC, "send_broadcast_msg", doc)["MsgSeq"], 1);
    // Another content, or the window passed: a new one.
    let other = doc.replace("hello world", "bye");
    assert_eq!(r.ok(SVC, "send_broadcast_msg", &other)["MsgSeq"], 2);
    r.now += 1;
    assert_eq!(r.ok(SVC, "send_broadcast_msg", doc)["MsgSeq"], 3);
    // Without From_Account the admin sends.
    let admin = r#"{"Random":1,"MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"x"}}]}"#;
    assert_eq!(r.ok(SVC, "send_broadcast_msg", admin)["MsgSeq"], 4);
    for (body, code) in [
        (doc.replace("alice", "ghost"), 10019),
        (
            r#"{"MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"x"}}]}"#.to_owned(),
            10004,
        ),
        (
            r#"{"Random":-1,"MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"x"}}]}"#
                .to_owned(),
            10004,
        ),
        (r#"{"Random":1,"MsgBody":[]}"#.to_owned(), 10004),
        (
            format!(
                r#"{{"Random":1,"MsgBody":[{{"MsgType":"TIMTextElem","MsgContent":{{"Text":"{}"}}}}]}}"#,
                "x".repeat(12_000)
            ),
            10004,
        ),
    ] {
        r.fails(SVC, "send_broadcast_msg", &body, code);
    }
}

fn receipt_counts(r: &mut Rig, gid: &str, seqs: &[u64]) -> Vec<(i64, u64, u64, u64)> {
    let list: Vec<String> = seqs
        .iter()
        .map(|s| format!(r#"{{"MsgSeq":{s}}}"#))
        .collect();
    let v = r.ok(
        SVC,
        "get_group_msg_receipt",
        &format!(r#"{{"GroupId":"{gid}","MsgSeqList":[{}]}}"#, list.join(",")),
    );
    v["GroupMsgReceiptList"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            let n = |k: &str| i[k].as_u64().unwrap();
            (
                i["Code"].as_i64().unwrap(),
                n("MsgSeq"),
                n("ReadNum"),
                n("UnreadNum"),
            )
        })
        .collect()
}

#[test]
fn read_receipts_count_and_list_readers() {
    let mut r = rig();
    let gid = create(
        &mut r,
        r#"{"Type":"Public","Name":"t","Owner_Account":"alice","MemberList":[{"Member_Account":"bob"},{"Member_Account":"carol"},{"Member_Account":"dave"},{"Member_Account":"erin"}]}"#,
    );
    let asked = send(&mut r, &gid, "alice", r#","NeedReadReceipt":1"#);
    let plain = send(&mut r, &gid, "alice", "");
    // Before anyone reads: 0 read, 4 unread (the sender is not counted); no receipt: 10062.
    assert_eq!(
        receipt_counts(&mut r, &gid, &[asked, plain, 99]),
        [(0, 1, 0, 4), (10062, 2, 0, 0), (10062, 99, 0, 0)]
    );
    let read = |r: &mut Rig, who: &str, seqs: &str| {
        r.call(
            SVC,
            "group_msg_receipt",
            &format!(r#"{{"GroupId":"{gid}","From_Account":"{who}","MsgSeqList":[{seqs}]}}"#),
        )
    };
    assert_eq!(code(&read(&mut r, "carol", r#"{"MsgSeq":1}"#)), 0);
    assert_eq!(code(&read(&mut r, "bob", r#"{"MsgSeq":1}"#)), 0);
    // Again, and the sender's own read, change nothing.
    assert_eq!(code(&read(&mut r, "bob", r#"{"MsgSeq":1}"#)), 0);
    assert_eq!(code(&read(&mut r, "alice", r#"{"MsgSeq":1}"#)), 0);
    assert_eq!(receipt_counts(&mut r, &gid, &[asked]), [(0, 1, 2, 2)]);
    // A message without receipts, a non-member, an unknown account: nothing changes.
    assert_eq!(
        code(&read(&mut r, "dave", r#"{"MsgSeq":1},{"MsgSeq":2}"#)),
        10062
    );
    r.ok("im_open_login_svc", "account_import", r#"{"UserID":"zed"}"#);
    assert_eq!(code(&read(&mut r, "zed", r#"{"MsgSeq":1}"#)), 10007);
    assert_eq!(code(&read(&mut r, "ghost", r#"{"MsgSeq":1}"#)), 10019);
    assert_eq!(receipt_counts(&mut r, &gid, &[asked]), [(0, 1, 2, 2)]);

    // Details: readers in the order they read, non-readers in join order, paged by Cursor.
    let detail = |r: &mut Rig, filter: u8, cursor: &str, count: u32| {
        r.ok(
            SVC,
            "get_group_msg_receipt_detail",
            &format!(r#"{{"GroupId":"{gid}","MsgSeq":{asked},"Filter":{filter},"Cursor":"{cursor}","Count":{count}}}"#),
        )
    };
    let v = detail(&mut r, 0, "", 5);
    assert_eq!(column(&v, "ReadList", "Read_Account"), ["carol", "bob"]);
    // The doc's last page: Cursor "0" and IsFinish 1 (IsFinished too, its field table's name).
    assert_eq!(
        (
            v["Cursor"].as_str(),
            v["IsFinish"].as_u64(),
            v["IsFinished"].as_u64()
        ),
        (Some("0"), Some(1), Some(1))
    );
    assert_eq!(v["MsgSeq"], asked);
    assert!(v.get("UnreadList").is_none());
    let v = detail(&mut r, 1, "", 1);
    assert_eq!(column(&v, "UnreadList", "Unread_Account"), ["dave"]);
    assert_eq!(v["IsFinish"], 0);
    let next = v["Cursor"].as_str().unwrap().to_owned();
    assert_ne!(next, "0");
    let v = detail(&mut r, 1, &next, 1);
    assert_eq!(column(&v, "UnreadList", "Unread_Account"), ["erin"]);
    assert_eq!(
        (v["Cursor"].as_str(), v["IsFinish"].as_u64()),
        (Some("0"), Some(1))
    );
    for body in [
        format!(r#"{{"GroupId":"{gid}","MsgSeq":{asked},"Filter":2,"Cursor":"","Count":5}}"#),
        format!(r#"{{"GroupId":"{gid}","MsgSeq":{asked},"Filter":0,"Cursor":"","Count":201}}"#),
        format!(r#"{{"GroupId":"{gid}","MsgSeq":{asked},"Filter":0,"Cursor":"","Count":0}}"#),
        format!(r#"{{"GroupId":"{gid}","MsgSeq":{asked},"Filter":0,"Cursor":"x","Count":5}}"#),
        format!(r#"{{"GroupId":"{gid}","MsgSeq":{asked},"Filter":0,"Count":5}}"#),
    ] {
        r.fails(SVC, "get_group_msg_receipt_detail", &body, 10004);
    }
    r.fails(
        SVC,
        "get_group_msg_receipt_detail",
        &format!(r#"{{"GroupId":"{gid}","MsgSeq":{plain},"Filter":0,"Cursor":"","Count":5}}"#),
        10062,
    );
    // Live and Community groups have no receipts (the type tables).
    for other in [live(&mut r), community(&mut r)] {
        r.fails(
            SVC,
            "get_group_msg_receipt",
            &format!(r#"{{"GroupId":"{other}","MsgSeqList":[{{"MsgSeq":1}}]}}"#),
            10007,
        );
    }
}

#[test]
fn a_read_receipt_sends_the_documented_callback() {
    let mut r = rig();
    let gid = public(&mut r);
    let seq = send(&mut r, &gid, "alice", r#","NeedReadReceipt":1"#);
    let body =
        format!(r#"{{"GroupId":"{gid}","From_Account":"bob","MsgSeqList":[{{"MsgSeq":{seq}}}]}}"#);
    let (v, after) = r.with_callbacks(SVC, "group_msg_receipt", &body);
    assert_eq!(code(&v), 0);
    assert_eq!(after.len(), 1);
    assert_eq!(after[0].command, "Group.CallbackAfterReadReceipt");
    let b = &after[0].body;
    assert_eq!(b["GroupId"], gid.as_str());
    assert_eq!(b["Type"], "Public");
    assert_eq!(
        b["GroupMsgReceiptList"],
        json!([{"MsgSeq": seq, "ReadNum": 1, "UnreadNum": 1, "ReadReceiptMembers": [{"Member_Account": "bob"}]}])
    );
}

#[test]
fn unread_counts_show_in_the_joined_group_list() {
    let mut r = rig();
    let gid = public(&mut r);
    for _ in 0..3 {
        send(&mut r, &gid, "alice", "");
    }
    let unread = |r: &mut Rig| {
        let v = r.ok(
            SVC,
            "get_joined_group_list",
            r#"{"Member_Account":"bob","ResponseFilter":{"SelfInfoFilter":["UnreadMsgNum"]}}"#,
        );
        v["GroupIdList"][0]["SelfInfo"]["UnreadMsgNum"]
            .as_u64()
            .unwrap()
    };
    assert_eq!(unread(&mut r), 0);
    // The doc's example body (its member "bob").
    r.ok(
        SVC,
        "set_unread_msg_num",
        &format!(r#"{{"GroupId":"{gid}","Member_Account":"bob","UnreadMsgNum":2}}"#),
    );
    assert_eq!(unread(&mut r), 2);
    // More than the group's messages: the group's message count (doc).
    r.ok(
        SVC,
        "set_unread_msg_num",
        &format!(r#"{{"GroupId":"{gid}","Member_Account":"bob","UnreadMsgNum":50}}"#),
    );
    assert_eq!(unread(&mut r), 3);
    // ChatRoom and live groups keep none: success without an effect (doc).
    let room = create(
        &mut r,
        r#"{"Type":"ChatRoom","Name":"r","Owner_Account":"alice"}"#,
    );
    r.ok(
        SVC,
        "set_unread_msg_num",
        &format!(r#"{{"GroupId":"{room}","Member_Account":"alice","UnreadMsgNum":1}}"#),
    );
    for (body, code) in [
        (
            format!(r#"{{"GroupId":"{gid}","Member_Account":"dave","UnreadMsgNum":1}}"#),
            10007,
        ),
        (
            format!(r#"{{"GroupId":"{gid}","Member_Account":"bob","UnreadMsgNum":-1}}"#),
            10004,
        ),
        (
            format!(r#"{{"GroupId":"{gid}","Member_Account":"bob"}}"#),
            10004,
        ),
        (
            r#"{"GroupId":"@TGS#none","Member_Account":"bob","UnreadMsgNum":1}"#.to_owned(),
            10010,
        ),
    ] {
        r.fails(SVC, "set_unread_msg_num", &body, code);
    }
}
