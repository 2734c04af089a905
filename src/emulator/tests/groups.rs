//! Groups end to end through signed requests. Expected codes and shapes come from Tencent's
//! group REST docs (10004 invalid parameter, 10005 too many accounts, 10007 not allowed, 10010
//! no such group, 10014 full, 10016 webhook refusal, 10017 muted, 10019 unknown account, 10021
//! ID in use, 10030 no such message).

use super::support::*;
use crate::emulator::{Emulator, Handled};
use serde_json::Value;

const SVC: &str = "group_open_http_svc";

fn rig() -> Rig {
    Rig::with_accounts(&["alice", "bob", "carol", "dave", "erin"])
}

fn create(r: &mut Rig, body: &str) -> String {
    let v = r.ok(SVC, "create_group", body);
    text(&v, "GroupId")
}

fn text(v: &Value, key: &str) -> String {
    v.get(key).and_then(Value::as_str).unwrap().to_owned()
}

fn int(v: &Value, key: &str) -> i64 {
    v.get(key).and_then(Value::as_i64).unwrap()
}

fn list<'a>(v: &'a Value, key: &str) -> &'a Vec<Value> {
    v.get(key).and_then(Value::as_array).unwrap()
}

/// The `key` string of each item of `v[list_key]`.
fn column(v: &Value, list_key: &str, key: &str) -> Vec<String> {
    list(v, list_key).iter().map(|i| text(i, key)).collect()
}

fn send(r: &mut Rig, gid: &str, from: &str, random: u32, txt: &str) -> Value {
    let from = if from.is_empty() {
        String::new()
    } else {
        format!(r#""From_Account":"{from}","#)
    };
    let body = format!(
        r#"{{"GroupId":"{gid}",{from}"Random":{random},"MsgBody":[{{"MsgType":"TIMTextElem","MsgContent":{{"Text":"{txt}"}}}}]}}"#
    );
    r.call(SVC, "send_group_msg", &body)
}

fn history(r: &mut Rig, gid: &str, extra: &str) -> Value {
    r.ok(
        SVC,
        "group_msg_get_simple",
        &format!(r#"{{"GroupId":"{gid}","ReqMsgNumber":20{extra}}}"#),
    )
}

/// The texts of a history page, in the order returned.
fn texts(v: &Value) -> Vec<String> {
    list(v, "RspMsgList")
        .iter()
        .map(|m| {
            list(m, "MsgBody")
                .first()
                .and_then(|e| e.get("MsgContent"))
                .and_then(|c| c.get("Text"))
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_owned()
        })
        .collect()
}

#[test]
fn create_then_read_the_profile_and_members() {
    let mut r = rig();
    let gid = create(
        &mut r,
        r#"{"Owner_Account":"alice","Type":"Public","Name":"Team","Introduction":"hi",
            "MemberList":[{"Member_Account":"bob","Role":"Admin"},{"Member_Account":"carol"}]}"#,
    );
    // Generated IDs look like Tencent's: @TGS# and base-32 characters.
    assert!(gid.starts_with("@TGS#"), "{gid}");
    assert_eq!(gid.len(), 15);
    let v = r.ok(
        SVC,
        "get_group_info",
        &format!(r#"{{"GroupIdList":["{gid}","@TGS#nothere"]}}"#),
    );
    let infos = list(&v, "GroupInfo");
    let g = &infos[0];
    assert_eq!(int(g, "ErrorCode"), 0);
    assert_eq!(text(g, "Type"), "Public");
    assert_eq!(text(g, "Name"), "Team");
    assert_eq!(text(g, "Introduction"), "hi");
    assert_eq!(text(g, "Owner_Account"), "alice");
    assert_eq!(int(g, "MemberNum"), 3);
    assert_eq!(int(g, "Appid"), APP as i64);
    assert_eq!(int(g, "CreateTime"), NOW as i64);
    assert_eq!(int(g, "NextMsgSeq"), 1);
    let roles: Vec<(String, String)> = list(g, "MemberList")
        .iter()
        .map(|m| (text(m, "Member_Account"), text(m, "Role")))
        .collect();
    let want = [("alice", "Owner"), ("bob", "Admin"), ("carol", "Member")];
    assert_eq!(
        roles,
        want.map(|(a, b)| (a.to_owned(), b.to_owned())).to_vec()
    );
    assert_eq!(int(&infos[1], "ErrorCode"), 10010);

    // A filter narrows the base fields.
    let v = r.ok(
        SVC,
        "get_group_info",
        &format!(
            r#"{{"GroupIdList":["{gid}"],"ResponseFilter":{{"GroupBaseInfoFilter":["Name"]}}}}"#
        ),
    );
    let g = &list(&v, "GroupInfo")[0];
    assert_eq!(text(g, "Name"), "Team");
    assert!(g.get("Type").is_none() && g.get("MemberList").is_none());

    // Two generated IDs differ; an ownerless group has no members.
    let other = create(&mut r, r#"{"Type":"Private","Name":"x"}"#);
    assert_ne!(other, gid);
    let v = r.ok(
        SVC,
        "get_group_info",
        &format!(r#"{{"GroupIdList":["{other}"]}}"#),
    );
    assert_eq!(int(&list(&v, "GroupInfo")[0], "MemberNum"), 0);
}

#[test]
fn create_rejects_what_tencent_rejects() {
    let mut r = rig();
    create(&mut r, r#"{"Type":"Public","Name":"a","GroupId":"taken"}"#);
    let many: Vec<String> = (0..101)
        .map(|i| format!(r#"{{"Member_Account":"u{i}"}}"#))
        .collect();
    let too_many = format!(
        r#"{{"Type":"Public","Name":"a","MemberList":[{}]}}"#,
        many.join(",")
    );
    let cases: &[(&str, i64)] = &[
        (r#"{"Type":"Public"}"#, 10004),
        (r#"{"Type":"Public","Name":""}"#, 10004),
        (r#"{"Type":"Club","Name":"a"}"#, 10004),
        (r#"{"Name":"a"}"#, 10004),
        (r#"{"Type":"Public","Name":5}"#, 10004),
        (r#"{"Type":"Public","Name":"a","GroupId":"taken"}"#, 10021),
        (
            r#"{"Type":"Public","Name":"a","GroupId":"@TGS#mine"}"#,
            10004,
        ),
        (
            r#"{"Type":"Public","Name":"a","GroupId":"has space"}"#,
            10004,
        ),
        (
            r#"{"Type":"Community","Name":"a","GroupId":"plain"}"#,
            10004,
        ),
        (
            r#"{"Type":"Public","Name":"a","Owner_Account":"ghost"}"#,
            10019,
        ),
        (
            r#"{"Type":"Public","Name":"a","MemberList":[{"Member_Account":"ghost"}]}"#,
            10019,
        ),
        (
            r#"{"Type":"Public","Name":"a","MemberList":[{"Member_Account":"bob","Role":"Owner"}]}"#,
            10004,
        ),
        (
            r#"{"Type":"AVChatRoom","Name":"a","MemberList":[{"Member_Account":"bob"}]}"#,
            10007,
        ),
        (
            r#"{"Type":"Public","Name":"a","MaxMemberCount":1,"Owner_Account":"alice","MemberList":[{"Member_Account":"bob"}]}"#,
            10014,
        ),
        (too_many.as_str(), 10005),
    ];
    for (body, code) in cases {
        r.fails(SVC, "create_group", body, *code);
    }
    let name = "n".repeat(101);
    r.fails(
        SVC,
        "create_group",
        &format!(r#"{{"Type":"Public","Name":"{name}"}}"#),
        10004,
    );
    let long_id = "g".repeat(49);
    r.fails(
        SVC,
        "create_group",
        &format!(r#"{{"Type":"Public","Name":"a","GroupId":"{long_id}"}}"#),
        10004,
    );
    assert_eq!(r.emu.state().groups.len(), 1);
    // The Community prefix is accepted; an AVChatRoom owner is recorded but not a member.
    create(
        &mut r,
        r#"{"Type":"Community","Name":"c","GroupId":"@TGS#_club"}"#,
    );
    let live = create(
        &mut r,
        r#"{"Type":"AVChatRoom","Name":"live","Owner_Account":"alice"}"#,
    );
    assert!(!r.emu.state().groups.is_member(&live, "alice"));
}

#[test]
fn a_destroyed_group_answers_10010_everywhere() {
    let mut r = rig();
    let gid = create(
        &mut r,
        r#"{"Type":"Public","Name":"a","Owner_Account":"alice"}"#,
    );
    r.ok(SVC, "destroy_group", &format!(r#"{{"GroupId":"{gid}"}}"#));
    let calls = [
        ("destroy_group", format!(r#"{{"GroupId":"{gid}"}}"#)),
        (
            "add_group_member",
            format!(r#"{{"GroupId":"{gid}","MemberList":[{{"Member_Account":"bob"}}]}}"#),
        ),
        (
            "delete_group_member",
            format!(r#"{{"GroupId":"{gid}","MemberToDel_Account":["bob"]}}"#),
        ),
        ("get_group_member_info", format!(r#"{{"GroupId":"{gid}"}}"#)),
        (
            "modify_group_base_info",
            format!(r#"{{"GroupId":"{gid}","Name":"b"}}"#),
        ),
        (
            "change_group_owner",
            format!(r#"{{"GroupId":"{gid}","NewOwner_Account":"bob"}}"#),
        ),
        (
            "forbid_send_msg",
            format!(r#"{{"GroupId":"{gid}","Members_Account":["alice"],"MuteTime":60}}"#),
        ),
        (
            "get_group_muted_account",
            format!(r#"{{"GroupId":"{gid}"}}"#),
        ),
        (
            "group_msg_get_simple",
            format!(r#"{{"GroupId":"{gid}","ReqMsgNumber":1}}"#),
        ),
        (
            "group_msg_recall",
            format!(r#"{{"GroupId":"{gid}","MsgSeqList":[{{"MsgSeq":1}}]}}"#),
        ),
        (
            "send_group_system_notification",
            format!(r#"{{"GroupId":"{gid}","Content":"x"}}"#),
        ),
    ];
    for (cmd, body) in &calls {
        r.fails(SVC, cmd, body, 10010);
    }
    let v = send(&mut r, &gid, "", 1, "x");
    assert_eq!(code(&v), 10010);
    assert!(r.emu.state().groups.is_empty());
}

#[test]
fn add_reports_each_member_and_respects_group_rules() {
    let mut r = rig();
    let gid = create(
        &mut r,
        r#"{"Type":"Public","Name":"a","Owner_Account":"alice","MaxMemberCount":4}"#,
    );
    let v = r.ok(
        SVC,
        "add_group_member",
        &format!(
            r#"{{"GroupId":"{gid}","Silence":1,"MemberList":[{{"Member_Account":"bob"}},{{"Member_Account":"alice"}},{{"Member_Account":"ghost"}},{{"Member_Account":"bob"}}]}}"#
        ),
    );
    let results: Vec<(String, i64)> = list(&v, "MemberList")
        .iter()
        .map(|m| (text(m, "Member_Account"), int(m, "Result")))
        .collect();
    // Tencent's Result: 0 failed, 1 added, 2 already a member.
    let want = [("bob", 1), ("alice", 2), ("ghost", 0), ("bob", 2)];
    assert_eq!(results, want.map(|(a, b)| (a.to_owned(), b)).to_vec());
    assert!(r.emu.state().groups.is_member(&gid, "bob"));

    // Full: 2 members + 3 new > 4.
    r.fails(
        SVC,
        "add_group_member",
        &format!(
            r#"{{"GroupId":"{gid}","MemberList":[{{"Member_Account":"carol"}},{{"Member_Account":"dave"}},{{"Member_Account":"erin"}}]}}"#
        ),
        10014,
    );
    assert!(!r.emu.state().groups.is_member(&gid, "carol"));

    // Live groups take no members; removing the owner is refused.
    let live = create(&mut r, r#"{"Type":"AVChatRoom","Name":"live"}"#);
    r.fails(
        SVC,
        "add_group_member",
        &format!(r#"{{"GroupId":"{live}","MemberList":[{{"Member_Account":"bob"}}]}}"#),
        10007,
    );
    r.fails(
        SVC,
        "delete_group_member",
        &format!(r#"{{"GroupId":"{gid}","MemberToDel_Account":["bob","alice"]}}"#),
        10007,
    );
    assert!(r.emu.state().groups.is_member(&gid, "bob"));
    r.ok(
        SVC,
        "delete_group_member",
        &format!(r#"{{"GroupId":"{gid}","MemberToDel_Account":["bob","nobody"]}}"#),
    );
    assert!(!r.emu.state().groups.is_member(&gid, "bob"));
    for body in [
        format!(r#"{{"GroupId":"{gid}","MemberList":[]}}"#),
        format!(r#"{{"GroupId":"{gid}","MemberList":[{{"Member_Account":""}}]}}"#),
        format!(r#"{{"GroupId":"{gid}","MemberList":[{{"Member_Account":"bob"}}],"Silence":2}}"#),
    ] {
        r.fails(SVC, "add_group_member", &body, 10004);
    }
}

#[test]
fn owner_change_and_member_changes() {
    let mut r = rig();
    let gid = create(
        &mut r,
        r#"{"Type":"Public","Name":"a","Owner_Account":"alice","MemberList":[{"Member_Account":"bob"}]}"#,
    );
    r.fails(
        SVC,
        "change_group_owner",
        &format!(r#"{{"GroupId":"{gid}","NewOwner_Account":"carol"}}"#),
        10007,
    );
    r.fails(
        SVC,
        "change_group_owner",
        &format!(r#"{{"GroupId":"{gid}","NewOwner_Account":"ghost"}}"#),
        10019,
    );
    r.ok(
        SVC,
        "change_group_owner",
        &format!(r#"{{"GroupId":"{gid}","NewOwner_Account":"bob"}}"#),
    );
    r.ok(
        SVC,
        "modify_group_member_info",
        &format!(
            r#"{{"GroupId":"{gid}","Member_Account":"alice","Role":"Admin","NameCard":"Al","MsgFlag":"AcceptNotNotify"}}"#
        ),
    );
    let v = r.ok(
        SVC,
        "get_group_member_info",
        &format!(r#"{{"GroupId":"{gid}"}}"#),
    );
    let m = list(&v, "MemberList");
    assert_eq!(
        (text(&m[0], "Member_Account"), text(&m[0], "Role")),
        ("alice".into(), "Admin".into())
    );
    assert_eq!(text(&m[0], "NameCard"), "Al");
    assert_eq!(text(&m[0], "MsgFlag"), "AcceptNotNotify");
    assert_eq!(text(&m[1], "Role"), "Owner");
    let bad = [
        (
            format!(r#"{{"GroupId":"{gid}","Member_Account":"bob","Role":"Member"}}"#),
            10007,
        ),
        (
            format!(r#"{{"GroupId":"{gid}","Member_Account":"carol","NameCard":"c"}}"#),
            10007,
        ),
        (
            format!(r#"{{"GroupId":"{gid}","Member_Account":"alice","Role":"Owner"}}"#),
            10004,
        ),
        (
            format!(
                r#"{{"GroupId":"{gid}","Member_Account":"alice","NameCard":"{}"}}"#,
                "x".repeat(51)
            ),
            10004,
        ),
    ];
    for (body, c) in &bad {
        r.fails(SVC, "modify_group_member_info", body, *c);
    }
    // The base profile changes and InfoSeq moves.
    r.ok(
        SVC,
        "modify_group_base_info",
        &format!(
            r#"{{"GroupId":"{gid}","Name":"b","Notification":"n","AppDefinedData":[{{"Key":"k","Value":"v"}}]}}"#
        ),
    );
    let v = r.ok(
        SVC,
        "get_group_info",
        &format!(
            r#"{{"GroupIdList":["{gid}"],"ResponseFilter":{{"GroupBaseInfoFilter":["Name","Notification","InfoSeq"],"AppDefinedDataFilter_Group":["k"]}}}}"#
        ),
    );
    let g = &list(&v, "GroupInfo")[0];
    assert_eq!(
        (text(g, "Name"), text(g, "Notification")),
        ("b".into(), "n".into())
    );
    assert!(int(g, "InfoSeq") >= 1);
    assert_eq!(column(g, "AppDefinedData", "Value"), ["v"]);
}

#[test]
fn send_dedups_on_random_within_five_minutes() {
    let mut r = rig();
    let gid = create(
        &mut r,
        r#"{"Type":"Public","Name":"a","Owner_Account":"alice","MemberList":[{"Member_Account":"bob"}]}"#,
    );
    let first = send(&mut r, &gid, "alice", 7, "one");
    assert_eq!(
        (int(&first, "MsgSeq"), int(&first, "MsgTime")),
        (1, NOW as i64)
    );
    r.now += 10;
    // Same Random: the original answer, nothing stored (even with another body).
    let again = send(&mut r, &gid, "alice", 7, "changed");
    assert_eq!(
        (int(&again, "MsgSeq"), int(&again, "MsgTime")),
        (1, NOW as i64)
    );
    let second = send(&mut r, &gid, "bob", 8, "two");
    assert_eq!(int(&second, "MsgSeq"), 2);
    assert_eq!(texts(&history(&mut r, &gid, "")), ["two", "one"]);
    // After the window the same Random is a new message.
    r.now = NOW + 301;
    let later = send(&mut r, &gid, "alice", 7, "three");
    assert_eq!(int(&later, "MsgSeq"), 3);
    // Without From_Account the admin sends, member or not.
    let sys = send(&mut r, &gid, "", 9, "four");
    assert_eq!(int(&sys, "MsgSeq"), 4);
    let h = history(&mut r, &gid, "");
    assert_eq!(column(&h, "RspMsgList", "From_Account")[0], ADMIN);
    let v = r.ok(
        SVC,
        "get_group_info",
        &format!(r#"{{"GroupIdList":["{gid}"]}}"#),
    );
    assert_eq!(int(&list(&v, "GroupInfo")[0], "NextMsgSeq"), 5);
}

#[test]
fn send_checks_sender_body_and_mute() {
    let mut r = rig();
    let gid = create(
        &mut r,
        r#"{"Type":"Public","Name":"a","Owner_Account":"alice","MemberList":[{"Member_Account":"bob"}]}"#,
    );
    assert_eq!(code(&send(&mut r, &gid, "carol", 1, "x")), 10007);
    assert_eq!(code(&send(&mut r, &gid, "ghost", 1, "x")), 10019);
    let bad_bodies = [
        format!(r#"{{"GroupId":"{gid}","Random":1,"MsgBody":[]}}"#),
        format!(
            r#"{{"GroupId":"{gid}","Random":1,"MsgBody":[{{"MsgType":"Nope","MsgContent":{{}}}}]}}"#
        ),
        format!(r#"{{"GroupId":"{gid}","Random":1,"MsgBody":[{{"MsgType":"TIMTextElem"}}]}}"#),
        format!(
            r#"{{"GroupId":"{gid}","MsgBody":[{{"MsgType":"TIMTextElem","MsgContent":{{}}}}]}}"#
        ),
        format!(
            r#"{{"GroupId":"{gid}","Random":-1,"MsgBody":[{{"MsgType":"TIMTextElem","MsgContent":{{}}}}]}}"#
        ),
        format!(
            r#"{{"GroupId":"{gid}","Random":4294967296,"MsgBody":[{{"MsgType":"TIMTextElem","MsgContent":{{}}}}]}}"#
        ),
    ];
    for body in &bad_bodies {
        r.fails(SVC, "send_group_msg", body, 10004);
    }

    r.ok(
        SVC,
        "forbid_send_msg",
        &format!(r#"{{"GroupId":"{gid}","Members_Account":["bob"],"MuteTime":60}}"#),
    );
    assert_eq!(code(&send(&mut r, &gid, "bob", 2, "x")), 10017);
    let v = r.ok(
        SVC,
        "get_group_muted_account",
        &format!(r#"{{"GroupId":"{gid}"}}"#),
    );
    let muted = list(&v, "MutedAccountList");
    assert_eq!(text(&muted[0], "Member_Account"), "bob");
    assert_eq!(int(&muted[0], "MutedUntil"), NOW as i64 + 60);
    let v = r.ok(
        SVC,
        "get_group_member_info",
        &format!(r#"{{"GroupId":"{gid}","MemberInfoFilter":["ShutUpUntil"]}}"#),
    );
    let shut: Vec<i64> = list(&v, "MemberList")
        .iter()
        .map(|m| int(m, "ShutUpUntil"))
        .collect();
    assert_eq!(shut, [0, NOW as i64 + 60]);
    // A mute expires by itself; MuteTime 0 lifts one early.
    r.now += 61;
    assert_eq!(code(&send(&mut r, &gid, "bob", 3, "x")), 0);
    r.ok(
        SVC,
        "forbid_send_msg",
        &format!(r#"{{"GroupId":"{gid}","Members_Account":["bob"],"MuteTime":600}}"#),
    );
    r.ok(
        SVC,
        "forbid_send_msg",
        &format!(r#"{{"GroupId":"{gid}","Members_Account":["bob"],"MuteTime":0}}"#),
    );
    assert_eq!(code(&send(&mut r, &gid, "bob", 4, "x")), 0);
    let v = r.ok(
        SVC,
        "get_group_muted_account",
        &format!(r#"{{"GroupId":"{gid}"}}"#),
    );
    assert!(list(&v, "MutedAccountList").is_empty());
    r.fails(
        SVC,
        "forbid_send_msg",
        &format!(r#"{{"GroupId":"{gid}","Members_Account":["carol"],"MuteTime":60}}"#),
        10007,
    );
    // MuteAllMember silences plain members, not the owner.
    r.ok(
        SVC,
        "modify_group_base_info",
        &format!(r#"{{"GroupId":"{gid}","MuteAllMember":"On"}}"#),
    );
    assert_eq!(code(&send(&mut r, &gid, "bob", 5, "x")), 10017);
    assert_eq!(code(&send(&mut r, &gid, "alice", 6, "x")), 0);
}

#[test]
fn history_pages_newest_first_and_shows_recalls() {
    let mut r = rig();
    let gid = create(
        &mut r,
        r#"{"Type":"Private","Name":"a","Owner_Account":"alice"}"#,
    );
    for i in 1..=5u32 {
        r.now = NOW + u64::from(i);
        assert_eq!(
            int(&send(&mut r, &gid, "alice", i, &format!("m{i}")), "MsgSeq"),
            i64::from(i)
        );
    }
    let page = r.ok(
        SVC,
        "group_msg_get_simple",
        &format!(r#"{{"GroupId":"{gid}","ReqMsgNumber":2}}"#),
    );
    assert_eq!(texts(&page), ["m5", "m4"]);
    assert_eq!(int(&page, "IsFinished"), 0);
    let first = &list(&page, "RspMsgList")[0];
    assert_eq!(
        (
            int(first, "MsgSeq"),
            int(first, "MsgTimeStamp"),
            int(first, "MsgRandom"),
            int(first, "IsPlaceMsg")
        ),
        (5, NOW as i64 + 5, 5, 0)
    );
    // Next page: the smallest returned seq minus one.
    let page = r.ok(
        SVC,
        "group_msg_get_simple",
        &format!(r#"{{"GroupId":"{gid}","ReqMsgNumber":3,"ReqMsgSeq":3}}"#),
    );
    assert_eq!(texts(&page), ["m3", "m2", "m1"]);
    assert_eq!(int(&page, "IsFinished"), 1);

    let v = r.ok(
        SVC,
        "group_msg_recall",
        &format!(r#"{{"GroupId":"{gid}","MsgSeqList":[{{"MsgSeq":4}},{{"MsgSeq":99}}]}}"#),
    );
    let codes: Vec<i64> = list(&v, "RecallRetList")
        .iter()
        .map(|i| int(i, "RetCode"))
        .collect();
    assert_eq!(codes, [0, 10030]);
    assert_eq!(texts(&history(&mut r, &gid, "")), ["m5", "m3", "m2", "m1"]);
    let with = history(&mut r, &gid, r#","WithRecalledMsg":1"#);
    let place: Vec<i64> = list(&with, "RspMsgList")
        .iter()
        .map(|m| int(m, "IsPlaceMsg"))
        .collect();
    assert_eq!(place, [0, 1, 0, 0, 0]);

    for n in ["0", "21", "-1", "\"5\""] {
        r.fails(
            SVC,
            "group_msg_get_simple",
            &format!(r#"{{"GroupId":"{gid}","ReqMsgNumber":{n}}}"#),
            10004,
        );
    }
    let live = create(&mut r, r#"{"Type":"AVChatRoom","Name":"live"}"#);
    // Live groups accept messages from any account but keep no history.
    assert_eq!(int(&send(&mut r, &live, "carol", 1, "x"), "MsgSeq"), 1);
    r.fails(
        SVC,
        "group_msg_get_simple",
        &format!(r#"{{"GroupId":"{live}","ReqMsgNumber":1}}"#),
        10007,
    );
}

#[test]
fn app_group_list_pages_with_next_and_filters_by_type() {
    let mut r = rig();
    let mut publics = Vec::new();
    for i in 0..5 {
        publics.push(create(
            &mut r,
            &format!(r#"{{"Type":"Public","Name":"p{i}"}}"#),
        ));
        create(&mut r, &format!(r#"{{"Type":"Private","Name":"w{i}"}}"#));
    }
    let mut seen = Vec::new();
    let mut next = 0;
    for _ in 0..10 {
        let v = r.ok(
            SVC,
            "get_appid_group_list",
            &format!(r#"{{"Limit":2,"Next":{next},"GroupType":"Public"}}"#),
        );
        assert_eq!(int(&v, "TotalCount"), 5);
        seen.extend(column(&v, "GroupIdList", "GroupId"));
        next = int(&v, "Next");
        if next == 0 {
            break;
        }
    }
    assert_eq!(seen, publics);
    let v = r.ok(SVC, "get_appid_group_list", "{}");
    assert_eq!(int(&v, "TotalCount"), 10);
    assert_eq!(list(&v, "GroupIdList").len(), 10);
    assert_eq!(int(&v, "Next"), 0);
    r.fails(
        SVC,
        "get_appid_group_list",
        r#"{"GroupType":"Club"}"#,
        10004,
    );
    r.fails(SVC, "get_appid_group_list", r#"{"Limit":10001}"#, 10004);
}

#[test]
fn joined_groups_and_member_lists_page_by_offset() {
    let mut r = rig();
    let mut mine = Vec::new();
    for i in 0..4 {
        mine.push(create(
            &mut r,
            &format!(r#"{{"Type":"Public","Name":"g{i}","Owner_Account":"alice","MemberList":[{{"Member_Account":"bob"}}]}}"#),
        ));
    }
    create(
        &mut r,
        r#"{"Type":"Public","Name":"not","Owner_Account":"carol"}"#,
    );
    let v = r.ok(
        SVC,
        "get_joined_group_list",
        r#"{"Member_Account":"bob","Limit":3,"Offset":2,"ResponseFilter":{"GroupBaseInfoFilter":["Name"],"SelfInfoFilter":["Role"]}}"#,
    );
    assert_eq!(int(&v, "TotalCount"), 4);
    assert_eq!(column(&v, "GroupIdList", "GroupId"), mine[2..].to_vec());
    let first = &list(&v, "GroupIdList")[0];
    assert_eq!(text(first, "Name"), "g2");
    assert_eq!(
        first.get("SelfInfo").map(|s| text(s, "Role")),
        Some("Member".into())
    );
    let v = r.ok(SVC, "get_joined_group_list", r#"{"Member_Account":"dave"}"#);
    assert_eq!(int(&v, "TotalCount"), 0);
    r.fails(
        SVC,
        "get_joined_group_list",
        r#"{"Member_Account":"ghost"}"#,
        10019,
    );

    // Member lists: Offset/Limit, role filter; MemberNum counts the whole group.
    let gid = &mine[0];
    r.ok(
        SVC,
        "add_group_member",
        &format!(r#"{{"GroupId":"{gid}","MemberList":[{{"Member_Account":"carol"}},{{"Member_Account":"dave"}}]}}"#),
    );
    let v = r.ok(
        SVC,
        "get_group_member_info",
        &format!(r#"{{"GroupId":"{gid}","Limit":2,"Offset":1}}"#),
    );
    assert_eq!(int(&v, "MemberNum"), 4);
    assert_eq!(column(&v, "MemberList", "Member_Account"), ["bob", "carol"]);
    let v = r.ok(
        SVC,
        "get_group_member_info",
        &format!(r#"{{"GroupId":"{gid}","MemberRoleFilter":["Owner"]}}"#),
    );
    assert_eq!(column(&v, "MemberList", "Member_Account"), ["alice"]);
    r.fails(
        SVC,
        "get_group_member_info",
        &format!(r#"{{"GroupId":"{gid}","Limit":6001}}"#),
        10004,
    );

    // Community groups page with a Next cursor.
    let club = create(
        &mut r,
        r#"{"Type":"Community","Name":"c","Owner_Account":"alice","MemberList":[{"Member_Account":"bob"},{"Member_Account":"carol"}]}"#,
    );
    let mut names = Vec::new();
    let mut next = String::new();
    for _ in 0..5 {
        let v = r.ok(
            SVC,
            "get_group_member_info",
            &format!(r#"{{"GroupId":"{club}","Limit":2,"Next":"{next}"}}"#),
        );
        names.extend(column(&v, "MemberList", "Member_Account"));
        next = text(&v, "Next");
        if next.is_empty() {
            break;
        }
    }
    assert_eq!(names, ["alice", "bob", "carol"]);
}

/// One request straight into the emulator, with an optional before-callback answer.
fn handle(r: &mut Rig, cmd: &str, body: &str, before: Option<&Value>) -> Handled {
    r.handle(SVC, cmd, body, before)
}

/// Runs `body` through the before-callback with the app's `answer`, checking what was asked.
fn with_answer(
    r: &mut Rig,
    cmd: &str,
    body: &str,
    answer: &str,
) -> (Value, Vec<crate::emulator::Callback>) {
    let Handled::NeedsBefore(cb) = handle(r, cmd, body, None) else {
        panic!("expected a before-callback");
    };
    assert!(cb.command.starts_with("Group.CallbackBefore"));
    assert_eq!(
        cb.body.get("CallbackCommand").and_then(Value::as_str),
        Some(cb.command)
    );
    let answer = serde_json::from_str::<Value>(answer).unwrap();
    reply(handle(r, cmd, body, Some(&answer)))
}

#[test]
fn send_webhooks_reject_drop_modify_and_report() {
    let mut r = rig();
    let gid = create(
        &mut r,
        r#"{"Type":"Public","Name":"a","Owner_Account":"alice"}"#,
    );
    r.emu.set_callbacks(true);
    let msg = |random: u32, txt: &str| {
        format!(
            r#"{{"GroupId":"{gid}","From_Account":"alice","Random":{random},"MsgBody":[{{"MsgType":"TIMTextElem","MsgContent":{{"Text":"{txt}"}}}}]}}"#
        )
    };
    // The first pass asks and changes nothing; the callback carries Tencent's fields.
    let Handled::NeedsBefore(cb) = handle(&mut r, "send_group_msg", &msg(1, "a"), None) else {
        panic!("expected a before-callback");
    };
    assert_eq!(cb.command, "Group.CallbackBeforeSendMsg");
    for (k, want) in [
        ("GroupId", gid.as_str()),
        ("Type", "Public"),
        ("From_Account", "alice"),
        ("Operator_Account", ADMIN),
    ] {
        assert_eq!(cb.body.get(k).and_then(Value::as_str), Some(want), "{k}");
    }
    assert_eq!(cb.body.get("Random").and_then(Value::as_i64), Some(1));
    assert_eq!(
        cb.body.get("EventTime").and_then(Value::as_i64),
        Some(NOW as i64 * 1000)
    );

    let (v, after) = with_answer(&mut r, "send_group_msg", &msg(1, "a"), r#"{"ErrorCode":1}"#);
    assert_eq!(code(&v), 10016);
    assert!(after.is_empty());
    let (v, _) = with_answer(
        &mut r,
        "send_group_msg",
        &msg(2, "b"),
        r#"{"ErrorCode":120001,"ErrorInfo":"no links"}"#,
    );
    assert_eq!(
        (code(&v), text(&v, "ErrorInfo")),
        (120001, "no links".into())
    );
    let (v, after) = with_answer(&mut r, "send_group_msg", &msg(3, "c"), r#"{"ErrorCode":2}"#);
    assert_eq!(code(&v), 0);
    assert!(after.is_empty());
    let (v, after) = with_answer(
        &mut r,
        "send_group_msg",
        &msg(4, "d"),
        r#"{"ErrorCode":0,"MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"clean"}}]}"#,
    );
    assert_eq!(int(&v, "MsgSeq"), 1);
    assert_eq!(after.len(), 1);
    assert_eq!(after[0].command, "Group.CallbackAfterSendMsg");
    assert_eq!(after[0].body.get("MsgSeq").and_then(Value::as_i64), Some(1));
    // Only the modified message was stored.
    r.emu.set_callbacks(false);
    assert_eq!(texts(&history(&mut r, &gid, "")), ["clean"]);
    r.emu.set_callbacks(true);
    // ForbidCallbackControl skips both callbacks.
    let body = msg(5, "e").replacen(
        '{',
        r#"{"ForbidCallbackControl":["ForbidBeforeSendMsgCallback","ForbidAfterSendMsgCallback"],"#,
        1,
    );
    let (v, after) = reply(handle(&mut r, "send_group_msg", &body, None));
    assert_eq!((code(&v), after.len()), (0, 0));
}

#[test]
fn create_webhooks_can_refuse_a_group() {
    let mut r = rig();
    r.emu.set_callbacks(true);
    let body = r#"{"Type":"Public","Name":"a","Owner_Account":"alice","MemberList":[{"Member_Account":"bob"}]}"#;
    let (v, _) = with_answer(&mut r, "create_group", body, r#"{"ErrorCode":1}"#);
    assert_eq!(code(&v), 10016);
    assert!(r.emu.state().groups.is_empty());
    let (v, after) = with_answer(&mut r, "create_group", body, r#"{"ErrorCode":0}"#);
    assert_eq!(code(&v), 0);
    assert_eq!(after[0].command, "Group.CallbackAfterCreateGroup");
    assert_eq!(
        after[0].body.get("GroupId").and_then(Value::as_str),
        v.get("GroupId").and_then(Value::as_str)
    );
}

#[test]
fn snapshot_round_trip_keeps_groups_and_sequences() {
    let mut r = rig();
    let gid = create(
        &mut r,
        r#"{"Type":"Public","Name":"a","Owner_Account":"alice","MemberList":[{"Member_Account":"bob","Role":"Admin","AppMemberDefinedData":[{"Key":"k","Value":"v"}]}]}"#,
    );
    send(&mut r, &gid, "bob", 11, "kept");
    send(&mut r, &gid, "alice", 12, "recalled");
    r.ok(
        SVC,
        "group_msg_recall",
        &format!(r#"{{"GroupId":"{gid}","MsgSeqList":[{{"MsgSeq":2}}]}}"#),
    );
    r.ok(
        SVC,
        "forbid_send_msg",
        &format!(r#"{{"GroupId":"{gid}","Members_Account":["bob"],"MuteTime":60}}"#),
    );
    let text_snap = r.emu.snapshot().unwrap();
    let mut other = Emulator::new(APP, KEY, ADMIN).unwrap();
    other.restore(&text_snap).unwrap();
    assert_eq!(other.state(), r.emu.state());
    assert_eq!(other.snapshot().unwrap(), text_snap);

    // The restored emulator carries on: the next message is seq 3 and generated IDs stay new.
    r.emu = other;
    r.ok(
        SVC,
        "forbid_send_msg",
        &format!(r#"{{"GroupId":"{gid}","Members_Account":["bob"],"MuteTime":0}}"#),
    );
    assert_eq!(int(&send(&mut r, &gid, "bob", 13, "new"), "MsgSeq"), 3);
    assert_eq!(texts(&history(&mut r, &gid, "")), ["new", "kept"]);
    assert_ne!(create(&mut r, r#"{"Type":"Public","Name":"b"}"#), gid);

    // A hand-broken snapshot is refused and leaves the state alone.
    let broken = text_snap.replace(r#""NextMsgSeq":3"#, r#""NextMsgSeq":2"#);
    assert_ne!(broken, text_snap);
    assert!(r.emu.restore(&broken).is_err());
    assert_eq!(r.emu.state().groups.len(), 2);
}

#[test]
fn roles_and_named_members() {
    let mut r = rig();
    let gid = create(
        &mut r,
        r#"{"Type":"Public","Name":"a","Owner_Account":"alice","MemberList":[{"Member_Account":"bob","Role":"Admin"},{"Member_Account":"carol"}]}"#,
    );
    let v = r.ok(
        SVC,
        "get_role_in_group",
        &format!(r#"{{"GroupId":"{gid}","User_Account":["carol","alice","dave","bob"]}}"#),
    );
    assert_eq!(
        column(&v, "UserIdList", "Role"),
        ["Member", "Owner", "NotMember", "Admin"]
    );
    let v = r.ok(
        SVC,
        "get_specified_group_member_info",
        &format!(
            r#"{{"GroupId":"{gid}","Member_List_Account":["carol","dave","bob"],"MemberInfoFilter":["Role"]}}"#
        ),
    );
    assert_eq!(text(&v, "GroupId"), gid);
    let members = list(&v, "MemberList");
    assert_eq!(column(&v, "MemberList", "Member_Account"), ["carol", "bob"]);
    assert!(members[0].get("JoinTime").is_none());
    let names: Vec<String> = (0..51).map(|i| format!(r#""u{i}""#)).collect();
    r.fails(
        SVC,
        "get_specified_group_member_info",
        &format!(
            r#"{{"GroupId":"{gid}","Member_List_Account":[{}]}}"#,
            names.join(",")
        ),
        10004,
    );
    r.fails(
        SVC,
        "get_role_in_group",
        r#"{"GroupId":"@TGS#none","User_Account":["bob"]}"#,
        10010,
    );
}

#[test]
fn app_wide_group_mute_and_resends_after_a_mute() {
    let mut r = rig();
    let gid = create(
        &mut r,
        r#"{"Type":"Public","Name":"a","Owner_Account":"alice","MemberList":[{"Member_Account":"bob"}]}"#,
    );
    let first = send(&mut r, &gid, "bob", 1, "before");
    assert_eq!(int(&first, "MsgSeq"), 1);
    r.ok(
        "openconfigsvr",
        "setnospeaking",
        r#"{"Set_Account":"bob","GroupmsgNospeakingTime":60}"#,
    );
    // A resend of the accepted message still gets its answer; a new message is refused.
    assert_eq!(int(&send(&mut r, &gid, "bob", 1, "before"), "MsgSeq"), 1);
    assert_eq!(code(&send(&mut r, &gid, "bob", 2, "after")), 10017);
    // The one-to-one mute alone does not silence group messages.
    r.ok(
        "openconfigsvr",
        "setnospeaking",
        r#"{"Set_Account":"bob","GroupmsgNospeakingTime":0,"C2CmsgNospeakingTime":60}"#,
    );
    assert_eq!(int(&send(&mut r, &gid, "bob", 3, "after"), "MsgSeq"), 2);
}

#[test]
fn membership_changes_send_after_callbacks() {
    let mut r = rig();
    let gid = create(
        &mut r,
        r#"{"Type":"Public","Name":"a","Owner_Account":"alice","MemberList":[{"Member_Account":"bob"}]}"#,
    );
    r.emu.set_callbacks(true);
    let body = format!(
        r#"{{"GroupId":"{gid}","MemberList":[{{"Member_Account":"bob"}},{{"Member_Account":"carol"}}]}}"#
    );
    let (v, after) = reply(handle(&mut r, "add_group_member", &body, None));
    assert_eq!(code(&v), 0);
    assert_eq!(after.len(), 1);
    assert_eq!(after[0].command, "Group.CallbackAfterNewMemberJoin");
    let joined = after[0].body.clone();
    assert_eq!(text(&joined, "JoinType"), "Invited");
    assert_eq!(
        column(&joined, "NewMemberList", "Member_Account"),
        ["carol"]
    );

    let body = format!(r#"{{"GroupId":"{gid}","MemberToDel_Account":["carol","dave"]}}"#);
    let (v, after) = reply(handle(&mut r, "delete_group_member", &body, None));
    assert_eq!(code(&v), 0);
    assert_eq!(after[0].command, "Group.CallbackAfterMemberExit");
    let left = after[0].body.clone();
    assert_eq!(text(&left, "ExitType"), "Kicked");
    assert_eq!(column(&left, "ExitMemberList", "Member_Account"), ["carol"]);
    // Nothing joined or left: no callback.
    let (_, after) = reply(handle(&mut r, "delete_group_member", &body, None));
    assert!(after.is_empty());
}

#[test]
fn a_mistyped_field_is_10004_on_every_route() {
    let mut r = rig();
    let gid = create(
        &mut r,
        r#"{"Type":"Public","Name":"a","Owner_Account":"alice","MemberList":[{"Member_Account":"bob"}]}"#,
    );
    send(&mut r, &gid, "alice", 1, "x");
    // Each route with a body it accepts, then every field it reads given wrong-typed values.
    let text_msg = r#"[{"MsgType":"TIMTextElem","MsgContent":{"Text":"y"}}]"#;
    let routes: &[(&str, String, &[&str])] = &[
        ("create_group", r#"{"Type":"Public","Name":"n","Owner_Account":"alice","MemberList":[],"MaxMemberCount":9,"ApplyJoinOption":"FreeAccess","Introduction":"i","AppDefinedData":[]}"#.into(),
            &["Type", "Name", "Owner_Account", "GroupId", "MemberList", "MaxMemberCount", "ApplyJoinOption", "Introduction", "AppDefinedData"]),
        ("destroy_group", format!(r#"{{"GroupId":"{gid}"}}"#), &["GroupId"]),
        ("get_group_info", format!(r#"{{"GroupIdList":["{gid}"],"ResponseFilter":{{}}}}"#), &["GroupIdList", "ResponseFilter"]),
        ("modify_group_base_info", format!(r#"{{"GroupId":"{gid}","Name":"m","MaxMemberNum":50,"MuteAllMember":"Off","AppDefinedData":[]}}"#),
            &["GroupId", "Name", "MaxMemberNum", "MuteAllMember", "AppDefinedData"]),
        ("get_appid_group_list", r#"{"Limit":5,"Next":0,"GroupType":"Public"}"#.into(), &["Limit", "Next", "GroupType"]),
        ("get_joined_group_list", r#"{"Member_Account":"bob","Limit":5,"Offset":0,"GroupType":"Public","ResponseFilter":{}}"#.into(),
            &["Member_Account", "Limit", "Offset", "GroupType", "ResponseFilter"]),
        ("change_group_owner", format!(r#"{{"GroupId":"{gid}","NewOwner_Account":"alice"}}"#), &["GroupId", "NewOwner_Account"]),
        ("add_group_member", format!(r#"{{"GroupId":"{gid}","MemberList":[{{"Member_Account":"bob"}}],"Silence":0}}"#), &["GroupId", "MemberList", "Silence"]),
        ("delete_group_member", format!(r#"{{"GroupId":"{gid}","MemberToDel_Account":["carol"],"Silence":0}}"#), &["GroupId", "MemberToDel_Account", "Silence"]),
        ("modify_group_member_info", format!(r#"{{"GroupId":"{gid}","Member_Account":"bob","Role":"Member","MsgFlag":"Discard","NameCard":"b","MuteTime":0,"AppMemberDefinedData":[]}}"#),
            &["GroupId", "Member_Account", "Role", "MsgFlag", "NameCard", "MuteTime", "AppMemberDefinedData"]),
        ("get_group_member_info", format!(r#"{{"GroupId":"{gid}","MemberInfoFilter":[],"MemberRoleFilter":[],"Limit":5,"Offset":0}}"#),
            &["GroupId", "MemberInfoFilter", "MemberRoleFilter", "Limit", "Offset"]),
        ("get_specified_group_member_info", format!(r#"{{"GroupId":"{gid}","Member_List_Account":["bob"],"MemberInfoFilter":[]}}"#),
            &["GroupId", "Member_List_Account", "MemberInfoFilter"]),
        ("get_role_in_group", format!(r#"{{"GroupId":"{gid}","User_Account":["bob"]}}"#), &["GroupId", "User_Account"]),
        ("forbid_send_msg", format!(r#"{{"GroupId":"{gid}","Members_Account":["bob"],"MuteTime":0}}"#), &["GroupId", "Members_Account", "MuteTime"]),
        ("get_group_muted_account", format!(r#"{{"GroupId":"{gid}"}}"#), &["GroupId"]),
        ("send_group_msg", format!(r#"{{"GroupId":"{gid}","Random":9,"MsgBody":{text_msg},"From_Account":"bob","OnlineOnlyFlag":0,"MsgPriority":"Low"}}"#),
            &["GroupId", "Random", "MsgBody", "From_Account", "OnlineOnlyFlag", "MsgPriority"]),
        ("send_group_system_notification", format!(r#"{{"GroupId":"{gid}","Content":"c","ToMembers_Account":["bob"]}}"#),
            &["GroupId", "Content", "ToMembers_Account"]),
        ("group_msg_get_simple", format!(r#"{{"GroupId":"{gid}","ReqMsgNumber":5,"ReqMsgSeq":9,"WithRecalledMsg":0}}"#),
            &["GroupId", "ReqMsgNumber", "ReqMsgSeq", "WithRecalledMsg"]),
        ("group_msg_recall", format!(r#"{{"GroupId":"{gid}","MsgSeqList":[{{"MsgSeq":7}}]}}"#), &["GroupId", "MsgSeqList"]),
    ];
    // The first table; the later one (MORE_ROUTES) has its own table test (groups_fields.rs).
    let emulated: Vec<&str> = crate::emulator::groups::ROUTES
        .iter()
        .map(|rt| rt.command)
        .collect();
    let mut listed: Vec<&str> = routes.iter().map(|(c, ..)| *c).collect();
    listed.sort_unstable();
    let mut all = emulated.clone();
    all.sort_unstable();
    assert_eq!(listed, all, "every group route is in the table");
    // The bodies themselves succeed (each on a fresh rig with the same, deterministic, GroupId),
    // so every failure below comes from the one mistyped field.
    for (cmd, body, _) in routes {
        let mut fresh = rig();
        let same = create(
            &mut fresh,
            r#"{"Type":"Public","Name":"a","Owner_Account":"alice","MemberList":[{"Member_Account":"bob"}]}"#,
        );
        assert_eq!(same, gid);
        send(&mut fresh, &gid, "alice", 1, "x");
        fresh.ok(SVC, cmd, body);
    }
    // Floats (also `1e2`, which is whole) are not integers, as in Tencent's answers. A number past
    // f64's range (`1e400`) cannot reach a field: the whole body is 60003 (tests/framework.rs).
    for (cmd, body, fields) in routes {
        if *cmd != "get_appid_group_list" {
            r.fails(SVC, cmd, "{}", 10004);
        }
        let base = serde_json::from_str::<Value>(body).unwrap();
        for field in *fields {
            for (w, sent) in mistyped(&base, field) {
                if *field == "ResponseFilter" && w.starts_with('{') {
                    continue; // an object with unknown keys is a valid (empty) filter
                }
                r.fails(SVC, cmd, &sent, 10004);
            }
        }
    }
    // Nothing above changed the group or its history.
    assert_eq!(texts(&history(&mut r, &gid, "")), ["x"]);
    assert_eq!(r.emu.state().groups.len(), 1);
    assert!(r.emu.state().groups.is_member(&gid, "bob"));
}
