//! The later group routes as one table: each with a body it accepts, then each field it reads
//! given wrong-typed values, which must be its family's "invalid parameter" code (10004; 90001
//! for openim/modify_group_msg) and change nothing. The table must list every route of
//! `groups::MORE_ROUTES`.

use super::groups_kit::*;
use super::support::*;
use serde_json::Value;

const ATTR: &str = "group_open_attr_http_svc";
const PUB: &str = "pub1";
const LIVE_ID: &str = "live1";
const CLUB: &str = "@TGS#_club";
const TOPIC: &str = "@TGS#_club@TOPIC#_t";
const PG: &str = "@PMG#_p";

/// A rig with one group of each kind the routes need, a message with receipts, a live member,
/// a topic and a permission group, all with fixed IDs.
fn world() -> Rig {
    let mut r = rig();
    create(
        &mut r,
        r#"{"Type":"Public","Name":"p","GroupId":"pub1","Owner_Account":"alice","MemberList":[{"Member_Account":"bob"},{"Member_Account":"carol"}]}"#,
    );
    send(&mut r, PUB, "alice", r#","NeedReadReceipt":1"#);
    create(
        &mut r,
        r#"{"Type":"AVChatRoom","Name":"l","GroupId":"live1"}"#,
    );
    r.emu
        .join_live_group(LIVE_ID, &["bob".to_owned()], r.now)
        .unwrap();
    create(
        &mut r,
        r#"{"Type":"Community","Name":"c","GroupId":"@TGS#_club","Owner_Account":"alice","SupportTopic":1,"MemberList":[{"Member_Account":"bob"}]}"#,
    );
    r.ok(
        TOPICS,
        "create_topic",
        &format!(r#"{{"GroupId":"{CLUB}","TopicName":"t","TopicId":"{TOPIC}"}}"#),
    );
    r.ok(
        SVC,
        "create_permission_group",
        &format!(r#"{{"GroupId":"{CLUB}","PermissionGroupName":"p","Permission":1,"PermissionGroupId":"{PG}"}}"#),
    );
    r
}

#[test]
fn a_mistyped_field_is_the_family_code_on_every_later_route() {
    let text = r#"[{"MsgType":"TIMTextElem","MsgContent":{"Text":"y"}}]"#;
    let now = NOW;
    let routes: Vec<(&str, &str, String, &[&str])> = vec![
        (SVC, "import_group", r#"{"Type":"Public","Name":"n","GroupId":"imp","CreateTime":1,"Owner_Account":"alice","MaxMemberCount":9,"ApplyJoinOption":"FreeAccess","Introduction":"i","AppDefinedData":[],"SupportTopic":0}"#.into(),
            &["Type", "Name", "GroupId", "CreateTime", "Owner_Account", "MaxMemberCount", "ApplyJoinOption", "Introduction", "AppDefinedData", "SupportTopic"]),
        (SVC, "import_group_member", format!(r#"{{"GroupId":"{PUB}","MemberList":[{{"Member_Account":"dave","JoinTime":{now},"UnreadMsgNum":0}}]}}"#), &["GroupId", "MemberList"]),
        (SVC, "set_unread_msg_num", format!(r#"{{"GroupId":"{PUB}","Member_Account":"bob","UnreadMsgNum":1}}"#), &["GroupId", "Member_Account", "UnreadMsgNum"]),
        (SVC, "get_online_member_num", format!(r#"{{"GroupId":"{LIVE_ID}"}}"#), &["GroupId"]),
        (SVC, "get_group_ban_member", format!(r#"{{"GroupId":"{LIVE_ID}","Offset":0,"Limit":5}}"#), &["GroupId", "Offset", "Limit"]),
        (SVC, "ban_group_member", format!(r#"{{"GroupId":"{LIVE_ID}","Members_Account":["carol"],"Duration":60,"Description":"d"}}"#), &["GroupId", "Members_Account", "Duration", "Description"]),
        (SVC, "unban_group_member", format!(r#"{{"GroupId":"{LIVE_ID}","Members_Account":["carol"]}}"#), &["GroupId", "Members_Account"]),
        (SVC, "import_group_msg", format!(r#"{{"GroupId":"{PUB}","RecentContactFlag":0,"MsgList":[{{"From_Account":"alice","SendTime":{now},"MsgBody":{text}}}]}}"#), &["GroupId", "RecentContactFlag", "MsgList"]),
        (SVC, "delete_group_msg_by_sender", format!(r#"{{"GroupId":"{PUB}","Sender_Account":"bob"}}"#), &["GroupId", "Sender_Account"]),
        // MsgBody has its own codes (90007 not an array, 90002 malformed): tests/groups_history.rs.
        ("openim", "modify_group_msg", format!(r#"{{"GroupId":"{PUB}","MsgSeq":1,"MsgBody":{text},"CloudCustomData":"c"}}"#), &["GroupId", "MsgSeq", "CloudCustomData"]),
        (SVC, "send_broadcast_msg", format!(r#"{{"Random":1,"MsgBody":{text},"From_Account":"alice","CloudCustomData":"c"}}"#), &["Random", "MsgBody", "From_Account", "CloudCustomData"]),
        (SVC, "clear_group_msg", format!(r#"{{"GroupId":"{PUB}","MsgSeq":1}}"#), &["GroupId", "MsgSeq"]),
        (SVC, "get_group_msg_receipt", format!(r#"{{"GroupId":"{PUB}","MsgSeqList":[{{"MsgSeq":1}}]}}"#), &["GroupId", "MsgSeqList"]),
        (SVC, "get_group_msg_receipt_detail", format!(r#"{{"GroupId":"{PUB}","MsgSeq":1,"Filter":0,"Cursor":"","Count":5}}"#), &["GroupId", "MsgSeq", "Filter", "Cursor", "Count"]),
        (SVC, "group_msg_receipt", format!(r#"{{"GroupId":"{PUB}","From_Account":"bob","MsgSeqList":[{{"MsgSeq":1}}]}}"#), &["GroupId", "From_Account", "MsgSeqList"]),
        (ATTR, "get_group_attr", format!(r#"{{"GroupId":"{PUB}"}}"#), &["GroupId"]),
        (SVC, "modify_group_attr", format!(r#"{{"GroupId":"{PUB}","GroupAttr":[{{"key":"k","value":"v"}}]}}"#), &["GroupId", "GroupAttr"]),
        (SVC, "clear_group_attr", format!(r#"{{"GroupId":"{PUB}"}}"#), &["GroupId"]),
        (SVC, "set_group_attr", format!(r#"{{"GroupId":"{PUB}","GroupAttr":[{{"key":"k","value":"v"}}]}}"#), &["GroupId", "GroupAttr"]),
        (SVC, "get_group_counter", format!(r#"{{"GroupId":"{PUB}","GroupCounterKeys":["k"]}}"#), &["GroupId", "GroupCounterKeys"]),
        (SVC, "update_group_counter", format!(r#"{{"GroupId":"{PUB}","GroupCounter":[{{"Key":"k","Value":1}}],"Mode":"Set"}}"#), &["GroupId", "GroupCounter", "Mode"]),
        (SVC, "delete_group_counter", format!(r#"{{"GroupId":"{PUB}","GroupCounterKeys":["k"]}}"#), &["GroupId", "GroupCounterKeys"]),
        (LIVE, "get_members", format!(r#"{{"GroupId":"{LIVE_ID}","Timestamp":0,"Mark":1000}}"#), &["GroupId", "Timestamp", "Mark"]),
        (LIVE, "modify_user_info", format!(r#"{{"GroupId":"{LIVE_ID}","CommandType":1,"MemberList":[{{"Member_Account":"bob","Marks":[1000]}}]}}"#), &["GroupId", "CommandType", "MemberList"]),
        (LIVE, "check_members", format!(r#"{{"GroupId":"{LIVE_ID}","Member_Account":["bob"]}}"#), &["GroupId", "Member_Account"]),
        (LIVE, "get_admin_list", format!(r#"{{"GroupId":"{LIVE_ID}"}}"#), &["GroupId"]),
        (LIVE, "modify_admin", format!(r#"{{"GroupId":"{LIVE_ID}","CommandType":1,"Admin_Account":["bob"]}}"#), &["GroupId", "CommandType", "Admin_Account"]),
        (TOPICS, "create_topic", format!(r#"{{"GroupId":"{CLUB}","TopicName":"t","TopicId":"{CLUB}@TOPIC#_new","From_Account":"alice","CustomString":"c","FaceUrl":"f","Notification":"n","Introduction":"i"}}"#),
            &["GroupId", "TopicName", "TopicId", "From_Account", "CustomString", "FaceUrl", "Notification", "Introduction"]),
        (TOPICS, "get_topic", format!(r#"{{"GroupId":"{CLUB}","From_Account":"bob","TopicIdList":["{TOPIC}"],"ResponseFilter":["TopicName"]}}"#), &["GroupId", "From_Account", "TopicIdList", "ResponseFilter"]),
        (TOPICS, "modify_topic", format!(r#"{{"GroupId":"{CLUB}","TopicId":"{TOPIC}","TopicName":"x","From_Account":"alice","MuteAllMember":"On","CustomString":"c"}}"#),
            &["GroupId", "TopicId", "TopicName", "From_Account", "MuteAllMember", "CustomString"]),
        (TOPICS, "destroy_topic", format!(r#"{{"GroupId":"{CLUB}","TopicIdList":["{TOPIC}"]}}"#), &["GroupId", "TopicIdList"]),
        (SVC, "import_topic", format!(r#"{{"GroupId":"{CLUB}","TopicName":"t","TopicId":"{CLUB}@TOPIC#_imp","CreateTime":1,"Type":"Community"}}"#), &["GroupId", "TopicName", "TopicId", "CreateTime", "Type"]),
        (TOPICS, "get_online_member_num", format!(r#"{{"GroupId":"{CLUB}"}}"#), &["GroupId"]),
        (SVC, "create_permission_group", format!(r#"{{"GroupId":"{CLUB}","PermissionGroupName":"n","Permission":1,"PermissionGroupId":"@PMG#_new","CustomString":"c"}}"#),
            &["GroupId", "PermissionGroupName", "Permission", "PermissionGroupId", "CustomString"]),
        (SVC, "destroy_permission_group", format!(r#"{{"GroupId":"{CLUB}","PermissionGroupIdList":["{PG}"]}}"#), &["GroupId", "PermissionGroupIdList"]),
        (SVC, "modify_permission_group", format!(r#"{{"GroupId":"{CLUB}","PermissionGroupId":"{PG}","PermissionGroupName":"n","Permission":2,"CustomString":"c"}}"#),
            &["GroupId", "PermissionGroupId", "PermissionGroupName", "Permission", "CustomString"]),
        (SVC, "get_permission_group", format!(r#"{{"GroupId":"{CLUB}","PermissionGroupIdList":["{PG}"],"Limit":5,"Next":""}}"#), &["GroupId", "PermissionGroupIdList", "Limit", "Next"]),
        (SVC, "add_topic_permission_group", format!(r#"{{"GroupId":"{CLUB}","PermissionGroupId":"{PG}","TopicPermissionList":[{{"TopicId":"{TOPIC}","Permission":1}}]}}"#),
            &["GroupId", "PermissionGroupId", "TopicPermissionList"]),
        (SVC, "set_topic_permission_group", format!(r#"{{"GroupId":"{CLUB}","PermissionGroupId":"{PG}","TopicPermissionList":[{{"TopicId":"{TOPIC}","Permission":1}}]}}"#),
            &["GroupId", "PermissionGroupId", "TopicPermissionList"]),
        (SVC, "delete_topic_permission_group", format!(r#"{{"GroupId":"{CLUB}","PermissionGroupId":"{PG}","TopicIdList":["{TOPIC}"]}}"#), &["GroupId", "PermissionGroupId", "TopicIdList"]),
        (SVC, "get_topic_permission_group", format!(r#"{{"GroupId":"{CLUB}","PermissionGroupId":"{PG}","TopicIdList":["{TOPIC}"]}}"#), &["GroupId", "PermissionGroupId", "TopicIdList"]),
        (SVC, "add_permission_group_member", format!(r#"{{"GroupId":"{CLUB}","PermissionGroupId":"{PG}","MemberList":[{{"Member_Account":"bob"}}]}}"#), &["GroupId", "PermissionGroupId", "MemberList"]),
        (SVC, "delete_permission_group_member", format!(r#"{{"GroupId":"{CLUB}","PermissionGroupId":"{PG}","MemberList":[{{"Member_Account":"bob"}}]}}"#), &["GroupId", "PermissionGroupId", "MemberList"]),
        (SVC, "get_permission_group_member_list", format!(r#"{{"GroupId":"{CLUB}","PermissionGroupId":"{PG}","Limit":5,"Next":""}}"#), &["GroupId", "PermissionGroupId", "Limit", "Next"]),
    ];
    // Every later route is in the table, once.
    let mut listed: Vec<(&str, &str)> = routes.iter().map(|(s, c, ..)| (*s, *c)).collect();
    listed.sort_unstable();
    let mut all: Vec<(&str, &str)> = crate::emulator::groups::MORE_ROUTES
        .iter()
        .map(|rt| (rt.service, rt.command))
        .collect();
    all.sort_unstable();
    assert_eq!(listed, all, "every later group route is in the table");
    assert_eq!(all.len(), 44);
    // The bodies themselves succeed (each on a fresh world), so every failure below comes from
    // the one mistyped field.
    for (svc, cmd, body, _) in &routes {
        world().ok(svc, cmd, body);
    }
    let mut r = world();
    let before = r.emu.state().clone();
    for (svc, cmd, body, fields) in &routes {
        let family = if *svc == "openim" { 90001 } else { 10004 };
        r.fails(svc, cmd, "{}", family);
        let base = serde_json::from_str::<Value>(body).unwrap();
        for field in *fields {
            for (w, sent) in mistyped(&base, field) {
                let v = r.call(svc, cmd, &sent);
                assert_eq!(code(&v), family, "{cmd} with {field} = {w}: {v}");
            }
        }
    }
    assert_eq!(
        r.emu.state(),
        &before,
        "no refused request changed anything"
    );
}

/// docs/EMULATOR.md has a row naming each later route, with its service, so the table cannot
/// drift from the routes.
#[test]
fn every_later_route_has_a_row_in_the_emulator_doc() {
    const DOC: &str = include_str!("../../../docs/EMULATOR.md");
    let rows: Vec<&str> = DOC.lines().filter(|l| l.starts_with("| `")).collect();
    for rt in crate::emulator::groups::MORE_ROUTES {
        let whole = format!("`{}/{}`", rt.service, rt.command);
        let listed = format!("/ `{}`", rt.command);
        let found = rows.iter().any(|row| {
            let first = row.split(" | ").next().unwrap_or("");
            first.contains(&whole)
                || (first.contains(&format!("`{}/", rt.service)) && first.contains(&listed))
        });
        assert!(
            found,
            "docs/EMULATOR.md has no row for {}/{}",
            rt.service, rt.command
        );
    }
}
