//! Live (AVChatRoom) groups: members who joined through the emulator's stand-in for the client
//! SDK (`join_live_group`), get_members paging, marks, check_members, admins, bans and the online
//! count, against Tencent's live group pages (直播群管理, 群成员封禁 / 解封).

use super::groups_kit::*;
use super::support::*;
use serde_json::{json, Value};

fn join(r: &mut Rig, gid: &str, users: &[&str]) {
    let users: Vec<String> = users.iter().map(|u| (*u).to_owned()).collect();
    r.emu.join_live_group(gid, &users, r.now).unwrap();
}

fn import_many(r: &mut Rig, n: usize) -> Vec<String> {
    let ids: Vec<String> = (0..n).map(|i| format!("u{i:04}")).collect();
    for chunk in ids.chunks(100) {
        let body = json!({ "Accounts": chunk }).to_string();
        r.ok("im_open_login_svc", "multiaccount_import", &body);
    }
    ids
}

fn members(r: &mut Rig, gid: &str, extra: &str) -> Value {
    r.ok(
        LIVE,
        "get_members",
        &format!(r#"{{"GroupId":"{gid}","Timestamp":0{extra}}}"#),
    )
}

#[test]
fn members_join_leave_and_are_listed_newest_first_with_profiles() {
    let mut r = rig();
    let gid = live(&mut r);
    r.ok(
        "profile",
        "portrait_set",
        r#"{"From_Account":"bob","ProfileItem":[{"Tag":"Tag_Profile_IM_Nick","Value":"Bob"},{"Tag":"Tag_Profile_IM_Image","Value":"http://www.example.com/bob.jpg"}]}"#,
    );
    join(&mut r, &gid, &["bob"]);
    r.now += 10;
    join(&mut r, &gid, &["carol", "bob"]);
    // The doc's answer shape: Member_Account, JoinTime, NickName, Avatar; NextTimestamp 0.
    let v = members(&mut r, &gid, "");
    assert_eq!(
        v["MemberList"],
        json!([
            {"Member_Account":"carol","JoinTime":NOW + 10,"NickName":"","Avatar":""},
            {"Member_Account":"bob","JoinTime":NOW,"NickName":"Bob","Avatar":"http://www.example.com/bob.jpg"},
        ])
    );
    assert_eq!(v["NextTimestamp"], 0);
    let count = |r: &mut Rig| {
        r.ok(
            SVC,
            "get_online_member_num",
            &format!(r#"{{"GroupId":"{gid}"}}"#),
        )["OnlineMemberNum"]
            .clone()
    };
    assert_eq!(count(&mut r), 2);
    let check = r.ok(
        LIVE,
        "check_members",
        &format!(r#"{{"GroupId":"{gid}","Member_Account":["dave","carol","bob"]}}"#),
    );
    assert_eq!(check["Member_Account"], json!(["carol", "bob"]));
    r.emu.leave_live_group(&gid, &["bob".to_owned()]).unwrap();
    assert_eq!(count(&mut r), 1);
    // The join stand-in refuses what a client could not do.
    let other = public(&mut r);
    for (group, user) in [
        (gid.as_str(), "ghost"),
        (other.as_str(), "bob"),
        ("@TGS#none", "bob"),
    ] {
        let e = r
            .emu
            .join_live_group(group, &[user.to_owned()], r.now)
            .unwrap_err();
        assert!(!e.0.is_empty());
    }
    assert!(r.emu.join_live_group(&gid, &[], r.now).is_err());
    // Other group types: 10007 on every live call.
    for (svc, cmd, body) in [
        (
            SVC,
            "get_online_member_num",
            format!(r#"{{"GroupId":"{other}"}}"#),
        ),
        (
            LIVE,
            "get_members",
            format!(r#"{{"GroupId":"{other}","Timestamp":0}}"#),
        ),
        (
            LIVE,
            "check_members",
            format!(r#"{{"GroupId":"{other}","Member_Account":["bob"]}}"#),
        ),
        (
            LIVE,
            "get_admin_list",
            format!(r#"{{"GroupId":"{other}"}}"#),
        ),
        (
            LIVE,
            "modify_admin",
            format!(r#"{{"GroupId":"{other}","CommandType":1,"Admin_Account":["bob"]}}"#),
        ),
        (
            LIVE,
            "modify_user_info",
            format!(
                r#"{{"GroupId":"{other}","CommandType":1,"MemberList":[{{"Member_Account":"bob","Marks":[1000]}}]}}"#
            ),
        ),
        (
            SVC,
            "get_group_ban_member",
            format!(r#"{{"GroupId":"{other}","Offset":0}}"#),
        ),
        (
            SVC,
            "ban_group_member",
            format!(r#"{{"GroupId":"{other}","Members_Account":["bob"],"Duration":60}}"#),
        ),
        (
            SVC,
            "unban_group_member",
            format!(r#"{{"GroupId":"{other}","Members_Account":["bob"]}}"#),
        ),
    ] {
        r.fails(svc, cmd, &body, 10007);
    }
}

#[test]
fn get_members_pages_500_of_the_1000_latest() {
    let mut r = rig();
    let gid = live(&mut r);
    let ids = import_many(&mut r, 1200);
    for chunk in ids.chunks(500) {
        r.emu.join_live_group(&gid, chunk, r.now).unwrap();
    }
    let mut seen = Vec::new();
    let mut cursor = 0u64;
    for _ in 0..5 {
        let v = r.ok(
            LIVE,
            "get_members",
            &format!(r#"{{"GroupId":"{gid}","Timestamp":{cursor}}}"#),
        );
        seen.extend(column(&v, "MemberList", "Member_Account"));
        cursor = v["NextTimestamp"].as_u64().unwrap();
        if cursor == 0 {
            break;
        }
    }
    // Two pages of 500: the 1000 latest, newest first (the doc: only the 1000 latest are listed).
    assert_eq!(seen.len(), 1000);
    assert_eq!(seen.first().map(String::as_str), Some("u1199"));
    assert_eq!(seen.last().map(String::as_str), Some("u0200"));
    assert_eq!(cursor, 0);
}

#[test]
fn marks_are_set_removed_filtered_and_limited() {
    let mut r = rig();
    let gid = live(&mut r);
    join(&mut r, &gid, &["bob", "carol", "dave"]);
    // The doc's example (teacher10 / student9 -> bob / carol), its answer echoing what was set.
    let body = format!(
        r#"{{"GroupId":"{gid}","CommandType":1,"MemberList":[{{"Member_Account":"bob","Marks":[1000]}},{{"Member_Account":"carol","Marks":[1001]}},{{"Member_Account":"erin","Marks":[1000]}}]}}"#
    );
    let v = r.ok(LIVE, "modify_user_info", &body);
    assert_eq!(v["CommandType"], 1);
    // erin is not in the room: left out of the answer (doc).
    assert_eq!(
        v["MemberList"],
        json!([{"Member_Account":"bob","Marks":[1000]},{"Member_Account":"carol","Marks":[1001]}])
    );
    // The doc's filtered request: only members marked 1000.
    let v = members(&mut r, &gid, r#","Mark":1000"#);
    assert_eq!(column(&v, "MemberList", "Member_Account"), ["bob"]);
    assert_eq!(v["MemberList"][0]["Marks"], json!([1000]));
    // Mark 600 hides a member unless that mark is asked for.
    r.ok(
        LIVE,
        "modify_user_info",
        &format!(r#"{{"GroupId":"{gid}","CommandType":1,"MemberList":[{{"Member_Account":"dave","Marks":[600]}}]}}"#),
    );
    assert_eq!(
        column(&members(&mut r, &gid, ""), "MemberList", "Member_Account"),
        ["carol", "bob"]
    );
    assert_eq!(
        column(
            &members(&mut r, &gid, r#","Mark":600"#),
            "MemberList",
            "Member_Account"
        ),
        ["dave"]
    );
    // Removal.
    let v = r.ok(
        LIVE,
        "modify_user_info",
        &format!(r#"{{"GroupId":"{gid}","CommandType":2,"MemberList":[{{"Member_Account":"bob","Marks":[1000]}}]}}"#),
    );
    assert_eq!(v["CommandType"], 2);
    assert!(members(&mut r, &gid, r#","Mark":1000"#)["MemberList"]
        .as_array()
        .unwrap()
        .is_empty());
    // Leaving clears marks (doc).
    r.emu.leave_live_group(&gid, &["carol".to_owned()]).unwrap();
    join(&mut r, &gid, &["carol"]);
    assert!(members(&mut r, &gid, r#","Mark":1001"#)["MemberList"]
        .as_array()
        .unwrap()
        .is_empty());
    // At most 10 distinct marks in the group: dave's 600 and 9 more.
    let marks: Vec<String> = (0..9).map(|i| (2000 + i).to_string()).collect();
    r.ok(
        LIVE,
        "modify_user_info",
        &format!(r#"{{"GroupId":"{gid}","CommandType":1,"MemberList":[{{"Member_Account":"bob","Marks":[{}]}}]}}"#, marks.join(",")),
    );
    let bad = |marks: &str, who: &str| {
        format!(
            r#"{{"GroupId":"{gid}","CommandType":1,"MemberList":[{{"Member_Account":"{who}","Marks":{marks}}}]}}"#
        )
    };
    for body in [
        bad("[3000]", "carol"),
        bad("[999]", "carol"),
        bad("[]", "carol"),
        bad("[1000]", "erin"),
        format!(
            r#"{{"GroupId":"{gid}","CommandType":3,"MemberList":[{{"Member_Account":"bob","Marks":[1000]}}]}}"#
        ),
    ] {
        r.fails(LIVE, "modify_user_info", &body, 10004);
    }
}

#[test]
fn admins_need_not_be_in_the_room_and_are_at_most_five() {
    let mut r = rig();
    let gid = live(&mut r);
    r.ok(
        "profile",
        "portrait_set",
        r#"{"From_Account":"bob","ProfileItem":[{"Tag":"Tag_Profile_IM_Nick","Value":"AA"}]}"#,
    );
    // The doc's example body (user1 -> bob).
    r.ok(
        LIVE,
        "modify_admin",
        &format!(r#"{{"GroupId":"{gid}","CommandType":1,"Admin_Account":["bob"]}}"#),
    );
    r.ok(
        LIVE,
        "modify_admin",
        &format!(r#"{{"GroupId":"{gid}","CommandType":1,"Admin_Account":["carol","bob"]}}"#),
    );
    // The doc's answer shape: Admin_Account, Avatar, NickName.
    let v = r.ok(LIVE, "get_admin_list", &format!(r#"{{"GroupId":"{gid}"}}"#));
    assert_eq!(
        v["Admin_List"],
        json!([{"Admin_Account":"bob","Avatar":"","NickName":"AA"},{"Admin_Account":"carol","Avatar":"","NickName":""}])
    );
    r.ok(
        LIVE,
        "modify_admin",
        &format!(r#"{{"GroupId":"{gid}","CommandType":2,"Admin_Account":["bob","dave"]}}"#),
    );
    let v = r.ok(LIVE, "get_admin_list", &format!(r#"{{"GroupId":"{gid}"}}"#));
    assert_eq!(column(&v, "Admin_List", "Admin_Account"), ["carol"]);
    r.ok(
        "im_open_login_svc",
        "multiaccount_import",
        r#"{"Accounts":["f1","f2","f3","f4"]}"#,
    );
    r.ok(
        LIVE,
        "modify_admin",
        &format!(r#"{{"GroupId":"{gid}","CommandType":1,"Admin_Account":["f1","f2","f3","f4"]}}"#),
    );
    // A sixth is refused and nothing changes.
    r.fails(
        LIVE,
        "modify_admin",
        &format!(r#"{{"GroupId":"{gid}","CommandType":1,"Admin_Account":["dave"]}}"#),
        10004,
    );
    let v = r.ok(LIVE, "get_admin_list", &format!(r#"{{"GroupId":"{gid}"}}"#));
    assert_eq!(v["Admin_List"].as_array().unwrap().len(), 5);
    r.fails(
        LIVE,
        "modify_admin",
        &format!(r#"{{"GroupId":"{gid}","CommandType":1,"Admin_Account":["ghost"]}}"#),
        10019,
    );
    r.fails(
        LIVE,
        "modify_admin",
        &format!(r#"{{"GroupId":"{gid}","CommandType":0,"Admin_Account":["bob"]}}"#),
        10004,
    );
    r.fails(LIVE, "get_admin_list", r#"{"GroupId":"@TGS#none"}"#, 10010);
}

#[test]
fn bans_remove_from_the_room_block_rejoining_and_page_as_documented() {
    let mut r = rig();
    let gid = live(&mut r);
    join(&mut r, &gid, &["bob", "carol", "dave"]);
    // The doc's example (brennanli3 / brennanli12 -> bob / carol).
    r.ok(
        SVC,
        "ban_group_member",
        &format!(r#"{{"GroupId":"{gid}","Members_Account":["bob","carol"],"Duration":3600,"Description":"you are banned because of irregularities"}}"#),
    );
    let check = r.ok(
        LIVE,
        "check_members",
        &format!(r#"{{"GroupId":"{gid}","Member_Account":["bob","carol","dave"]}}"#),
    );
    assert_eq!(check["Member_Account"], json!(["dave"]));
    assert!(r
        .emu
        .join_live_group(&gid, &["bob".to_owned()], r.now)
        .is_err());
    // The doc's list example: Limit 20 from Offset 0; its answer has NextOffset 2 for two bans.
    let list = |r: &mut Rig, offset: u64, limit: u64| {
        r.ok(
            SVC,
            "get_group_ban_member",
            &format!(r#"{{"GroupId":"{gid}","Limit":{limit},"Offset":{offset}}}"#),
        )
    };
    let v = list(&mut r, 0, 20);
    assert_eq!(
        v["BannedAccountList"],
        json!([{"BannedUntil":NOW + 3600,"Member_Account":"bob"},{"BannedUntil":NOW + 3600,"Member_Account":"carol"}])
    );
    assert_eq!(v["NextOffset"], 2);
    let v = list(&mut r, 2, 20);
    assert_eq!(v["BannedAccountList"], json!([]));
    assert_eq!(v["NextOffset"], 0);
    let v = list(&mut r, 0, 1);
    assert_eq!(column(&v, "BannedAccountList", "Member_Account"), ["bob"]);
    assert_eq!(v["NextOffset"], 1);
    // Unban lets bob back in; an expired ban is gone from the list.
    r.ok(
        SVC,
        "unban_group_member",
        &format!(r#"{{"GroupId":"{gid}","Members_Account":["bob"]}}"#),
    );
    join(&mut r, &gid, &["bob"]);
    r.now += 3600;
    assert_eq!(list(&mut r, 0, 20)["BannedAccountList"], json!([]));
    join(&mut r, &gid, &["carol"]);
    let many: Vec<String> = (0..21).map(|i| format!(r#""u{i}""#)).collect();
    for (cmd, body, code) in [
        (
            "ban_group_member",
            format!(
                r#"{{"GroupId":"{gid}","Members_Account":[{}],"Duration":60}}"#,
                many.join(",")
            ),
            10005,
        ),
        (
            "unban_group_member",
            format!(
                r#"{{"GroupId":"{gid}","Members_Account":[{}]}}"#,
                many.join(",")
            ),
            10005,
        ),
        (
            "ban_group_member",
            format!(r#"{{"GroupId":"{gid}","Members_Account":["bob"],"Duration":0}}"#),
            10004,
        ),
        (
            "ban_group_member",
            format!(r#"{{"GroupId":"{gid}","Members_Account":["bob"],"Duration":4294967296}}"#),
            10004,
        ),
        (
            "ban_group_member",
            format!(r#"{{"GroupId":"{gid}","Members_Account":["bob"]}}"#),
            10004,
        ),
        (
            "ban_group_member",
            format!(r#"{{"GroupId":"{gid}","Members_Account":["ghost"],"Duration":60}}"#),
            10019,
        ),
        (
            "ban_group_member",
            format!(
                r#"{{"GroupId":"{gid}","Members_Account":["bob"],"Duration":60,"Description":"{}"}}"#,
                "d".repeat(1001)
            ),
            10004,
        ),
        (
            "get_group_ban_member",
            format!(r#"{{"GroupId":"{gid}","Limit":101,"Offset":0}}"#),
            10004,
        ),
        (
            "get_group_ban_member",
            format!(r#"{{"GroupId":"{gid}","Limit":10}}"#),
            10004,
        ),
        (
            "get_group_ban_member",
            r#"{"GroupId":"@TGS#none","Offset":0}"#.to_owned(),
            10010,
        ),
    ] {
        r.fails(SVC, cmd, &body, code);
    }
}

#[test]
fn live_state_survives_a_snapshot() {
    let mut r = rig();
    let gid = live(&mut r);
    join(&mut r, &gid, &["bob"]);
    r.ok(
        LIVE,
        "modify_admin",
        &format!(r#"{{"GroupId":"{gid}","CommandType":1,"Admin_Account":["carol"]}}"#),
    );
    r.ok(
        SVC,
        "ban_group_member",
        &format!(r#"{{"GroupId":"{gid}","Members_Account":["dave"],"Duration":60}}"#),
    );
    let (snap, mut other) = r.snapshot_round_trip();
    assert_eq!(other.emu.snapshot().unwrap(), snap);
    let v = other.ok(
        LIVE,
        "check_members",
        &format!(r#"{{"GroupId":"{gid}","Member_Account":["bob"]}}"#),
    );
    assert_eq!(v["Member_Account"], json!(["bob"]));
    // A hand-edited snapshot that breaks a bound is refused.
    let mut doc: Value = serde_json::from_str(&snap).unwrap();
    let admins = &mut doc["groups"]["groups"][&gid]["Ext"]["Admins"];
    *admins = json!(["a", "b", "c", "d", "e", "f"]);
    assert!(other.emu.restore(&doc.to_string()).is_err());
    doc["groups"]["groups"][&gid]["Ext"]["Admins"] = json!(["a", "a"]);
    assert!(other.emu.restore(&doc.to_string()).is_err());
}
