//! import_group, import_group_member and import_group_msg, with the requests of Tencent's pages
//! (导入群基础资料, 导入群成员, 导入群消息) and their documented rules: no callbacks, no live
//! groups (10007), join and send times between the group's creation and now.

use super::groups_kit::*;
use super::support::*;
use serde_json::Value;

fn info(r: &mut Rig, gid: &str) -> Value {
    let v = r.ok(
        SVC,
        "get_group_info",
        &format!(r#"{{"GroupIdList":["{gid}"]}}"#),
    );
    v["GroupInfo"][0].clone()
}

/// 2015-11-24, the docs' CreateTime example.
const CREATED: u64 = 1_448_357_837;

#[test]
fn import_group_keeps_the_creation_time_and_sends_no_callback() {
    let mut r = rig();
    // The doc's "other optional fields" example (owner "leckie" replaced by an imported account).
    let doc = r#"{"Owner_Account":"alice","Type":"Public","GroupId":"MyFirstGroup","Name":"TestGroup","Introduction":"This is group Introduction","Notification":"This is group Notification","FaceUrl":"http://this.is.face.url","MaxMemberCount":500,"ApplyJoinOption":"FreeAccess","CreateTime":1448357837,"AppDefinedData":[{"Key":"GroupTestData1","Value":"xxxxx"}]}"#;
    let (v, after) = r.with_callbacks(SVC, "import_group", doc);
    assert_eq!(code(&v), 0);
    assert_eq!(v["GroupId"], "MyFirstGroup");
    assert!(after.is_empty(), "imports send no callbacks");
    let g = info(&mut r, "MyFirstGroup");
    assert_eq!(g["CreateTime"], CREATED);
    assert_eq!(g["Owner_Account"], "alice");
    assert_eq!(g["MaxMemberNum"], 500);
    assert_eq!(g["ApplyJoinOption"], "FreeAccess");
    assert_eq!(g["MemberNum"], 1);
    assert_eq!(g["MemberList"][0]["Role"], "Owner");
    assert_eq!(g["MemberList"][0]["JoinTime"], CREATED);
    // The doc's basic example: no CreateTime is now; the topic example: a topic-enabled community.
    let v = r.ok(
        SVC,
        "import_group",
        r#"{"Type":"Public","Name":"TestGroup"}"#,
    );
    let gid = v["GroupId"].as_str().unwrap().to_owned();
    assert_eq!(info(&mut r, &gid)["CreateTime"], NOW);
    let v = r.ok(
        SVC,
        "import_group",
        r#"{"Type":"Community","Name":"test_import_group","SupportTopic":1}"#,
    );
    let club = v["GroupId"].as_str().unwrap().to_owned();
    assert!(club.starts_with("@TGS#_"), "{club}");
    r.ok(
        TOPICS,
        "create_topic",
        &format!(r#"{{"GroupId":"{club}","TopicName":"t"}}"#),
    );
    for (body, code) in [
        (r#"{"Type":"AVChatRoom","Name":"live"}"#, 10007),
        (
            r#"{"Type":"Public","Name":"x","GroupId":"MyFirstGroup"}"#,
            10021,
        ),
        (
            r#"{"Type":"Public","Name":"x","CreateTime":1767225601}"#,
            10004,
        ),
        (
            r#"{"Type":"Public","Name":"x","Owner_Account":"ghost"}"#,
            10019,
        ),
        (r#"{"Type":"Public"}"#, 10004),
        (r#"{"Type":"Club","Name":"x"}"#, 10004),
        (
            r#"{"Type":"Community","Name":"x","GroupId":"plain"}"#,
            10004,
        ),
        (r#"{"Type":"Public","Name":"x","SupportTopic":2}"#, 10004),
    ] {
        r.fails(SVC, "import_group", body, code);
    }
}

#[test]
fn import_group_member_reports_each_member() {
    let mut r = rig();
    r.ok(SVC, "import_group", r#"{"Type":"Public","Name":"old","GroupId":"old","Owner_Account":"alice","CreateTime":1448357000}"#);
    // Two messages so that unread counts have something to count.
    r.ok(
        SVC,
        "import_group_msg",
        r#"{"GroupId":"old","MsgList":[{"From_Account":"alice","SendTime":1448357100,"MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"a"}}]},{"From_Account":"alice","SendTime":1448357200,"MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"b"}}]}]}"#,
    );
    // The doc's example (tommy and jared replaced by imported accounts), plus the failure cases.
    let body = r#"{"GroupId":"old","MemberList":[
        {"Member_Account":"bob","Role":"Admin","JoinTime":1448357837,"UnreadMsgNum":5},
        {"Member_Account":"carol","JoinTime":1448357857,"UnreadMsgNum":1},
        {"Member_Account":"bob"},
        {"Member_Account":"ghost"},
        {"Member_Account":"dave","JoinTime":1448356000},
        {"Member_Account":"erin","JoinTime":1767225601},
        {"Member_Account":"alice"}]}"#;
    let (v, after) = r.with_callbacks(SVC, "import_group_member", body);
    assert_eq!(code(&v), 0, "{v}");
    assert!(after.is_empty());
    let results: Vec<(String, u64)> = v["MemberList"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["Member_Account"].as_str().unwrap().to_owned(),
                m["Result"].as_u64().unwrap(),
            )
        })
        .collect();
    let want = [
        ("bob", 1),
        ("carol", 1),
        ("bob", 2),
        ("ghost", 0),
        ("dave", 0),
        ("erin", 0),
        ("alice", 2),
    ];
    assert_eq!(results, want.map(|(a, b)| (a.to_owned(), b)).to_vec());
    let g = info(&mut r, "old");
    let members: Vec<(String, String, u64)> = g["MemberList"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["Member_Account"].as_str().unwrap().to_owned(),
                m["Role"].as_str().unwrap().to_owned(),
                m["JoinTime"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        members,
        [
            ("alice".to_owned(), "Owner".to_owned(), 1_448_357_000),
            ("bob".to_owned(), "Admin".to_owned(), 1_448_357_837),
            ("carol".to_owned(), "Member".to_owned(), 1_448_357_857),
        ]
    );
    // UnreadMsgNum is capped at the group's message count (2), as the doc says.
    let v = r.ok(
        SVC,
        "get_joined_group_list",
        r#"{"Member_Account":"bob","ResponseFilter":{"SelfInfoFilter":["UnreadMsgNum"]}}"#,
    );
    assert_eq!(v["GroupIdList"][0]["SelfInfo"]["UnreadMsgNum"], 2);
    let stage = live(&mut r);
    let many: Vec<String> = (0..301)
        .map(|i| format!(r#"{{"Member_Account":"u{i}"}}"#))
        .collect();
    for (body, code) in [
        (
            format!(r#"{{"GroupId":"{stage}","MemberList":[{{"Member_Account":"bob"}}]}}"#),
            10007,
        ),
        (
            format!(r#"{{"GroupId":"old","MemberList":[{}]}}"#, many.join(",")),
            10005,
        ),
        (
            r#"{"GroupId":"old","MemberList":[{"Member_Account":"dave","Role":"Owner"}]}"#
                .to_owned(),
            10004,
        ),
        (
            r#"{"GroupId":"old","MemberList":[{"Member_Account":"dave","JoinTime":-5}]}"#
                .to_owned(),
            10004,
        ),
        (r#"{"GroupId":"old","MemberList":[]}"#.to_owned(), 10004),
        (
            r#"{"GroupId":"nothere","MemberList":[{"Member_Account":"dave"}]}"#.to_owned(),
            10010,
        ),
    ] {
        r.fails(SVC, "import_group_member", &body, code);
    }
}

#[test]
fn import_group_msg_orders_by_send_time_and_resets_unread() {
    let mut r = rig();
    r.ok(
        SVC,
        "import_group",
        r#"{"Type":"Public","Name":"old","GroupId":"old","Owner_Account":"alice","CreateTime":1620800000}"#,
    );
    r.ok(
        SVC,
        "import_group_member",
        r#"{"GroupId":"old","MemberList":[{"Member_Account":"bob","JoinTime":1620800001}]}"#,
    );
    // The doc's example (senders leckie and peter replaced by imported accounts).
    let doc = r#"{"GroupId":"old","RecentContactFlag":1,"MsgList":[
        {"From_Account":"alice","SendTime":1620808101,"Random":8912345,"MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"red packet"}},{"MsgType":"TIMFaceElem","MsgContent":{"Index":6,"Data":"abc\u0000\u0001"}}]},
        {"From_Account":"bob","SendTime":1620892821,"MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"red packet"}}]}]}"#;
    let (v, after) = r.with_callbacks(SVC, "import_group_msg", doc);
    assert!(after.is_empty());
    // The doc's answer.
    assert_eq!(
        v["ImportMsgResult"],
        serde_json::json!([{"MsgSeq":1,"MsgTime":1620808101,"Result":0},{"MsgSeq":2,"MsgTime":1620892821,"Result":0}])
    );
    // Retried: the same messages, the same sequences, nothing new.
    let again = r.ok(SVC, "import_group_msg", doc);
    assert_eq!(again["ImportMsgResult"], v["ImportMsgResult"]);
    let h = r.ok(
        SVC,
        "group_msg_get_simple",
        r#"{"GroupId":"old","ReqMsgNumber":20}"#,
    );
    let got: Vec<(u64, u64, String)> = h["RspMsgList"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["MsgSeq"].as_u64().unwrap(),
                m["MsgTimeStamp"].as_u64().unwrap(),
                m["From_Account"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (2, 1_620_892_821, "bob".to_owned()),
            (1, 1_620_808_101, "alice".to_owned())
        ]
    );
    assert_eq!(h["RspMsgList"][1]["MsgRandom"], 8_912_345);
    // Per message: before the latest stored message, before the group, in the future: 10004;
    // over 12000 bytes: 80002. The good one in between still goes in.
    let text = |t: u64, s: &str| {
        format!(
            r#"{{"From_Account":"alice","SendTime":{t},"MsgBody":[{{"MsgType":"TIMTextElem","MsgContent":{{"Text":"{s}"}}}}]}}"#
        )
    };
    let body = format!(
        r#"{{"GroupId":"old","MsgList":[{},{},{},{},{}]}}"#,
        text(1_620_800_500, "older"),
        text(1_620_000_000, "before the group"),
        text(NOW + 1, "future"),
        text(1_620_900_000, &"x".repeat(12_000)),
        text(1_620_900_001, "ok"),
    );
    let v = r.ok(SVC, "import_group_msg", &body);
    let results: Vec<(u64, i64)> = v["ImportMsgResult"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["MsgSeq"].as_u64().unwrap(), m["Result"].as_i64().unwrap()))
        .collect();
    assert_eq!(
        results,
        [(0, 10004), (0, 10004), (0, 10004), (0, 80002), (3, 0)]
    );
    // Importing set everyone's unread count to 0 (doc), even after set_unread_msg_num.
    r.ok(
        SVC,
        "set_unread_msg_num",
        r#"{"GroupId":"old","Member_Account":"bob","UnreadMsgNum":3}"#,
    );
    r.ok(
        SVC,
        "import_group_msg",
        &format!(
            r#"{{"GroupId":"old","MsgList":[{}]}}"#,
            text(1_620_900_002, "z")
        ),
    );
    let v = r.ok(
        SVC,
        "get_joined_group_list",
        r#"{"Member_Account":"bob","ResponseFilter":{"SelfInfoFilter":["UnreadMsgNum"]}}"#,
    );
    assert_eq!(v["GroupIdList"][0]["SelfInfo"]["UnreadMsgNum"], 0);
    let stage = live(&mut r);
    let eight: Vec<String> = (0..8).map(|i| text(1_620_900_100 + i, "m")).collect();
    for (body, code) in [
        (
            format!(r#"{{"GroupId":"{stage}","MsgList":[{}]}}"#, text(NOW, "x")),
            10007,
        ),
        (
            format!(r#"{{"GroupId":"old","MsgList":[{}]}}"#, eight.join(",")),
            10004,
        ),
        (
            format!(
                r#"{{"GroupId":"old","MsgList":[{}]}}"#,
                text(1_620_900_200, "x").replace("alice", "ghost")
            ),
            10019,
        ),
        (
            format!(
                r#"{{"GroupId":"old","TopicId":"t","MsgList":[{}]}}"#,
                text(1_620_900_200, "x")
            ),
            10004,
        ),
        (
            r#"{"GroupId":"old","MsgList":[{"From_Account":"alice","MsgBody":[]}]}"#.to_owned(),
            10004,
        ),
        (r#"{"GroupId":"old","MsgList":[]}"#.to_owned(), 10004),
    ] {
        r.fails(SVC, "import_group_msg", &body, code);
    }
}
