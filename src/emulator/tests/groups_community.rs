//! Community topics and permission groups, against Tencent's 社群管理 pages (requests, answers,
//! topic ID shapes, 11000 for a Community group without topics) and the topic webhooks' pages.

use super::groups_kit::*;
use super::support::*;
use crate::emulator::Handled;
use serde_json::{json, Value};

fn create_topic(r: &mut Rig, gid: &str, extra: &str) -> String {
    let v = r.ok(
        TOPICS,
        "create_topic",
        &format!(r#"{{"GroupId":"{gid}","TopicName":"TestTopic"{extra}}}"#),
    );
    v["TopicId"].as_str().unwrap().to_owned()
}

fn topics(r: &mut Rig, gid: &str, extra: &str) -> Value {
    r.ok(
        TOPICS,
        "get_topic",
        &format!(r#"{{"GroupId":"{gid}","From_Account":"bob"{extra}}}"#),
    )
}

#[test]
fn topics_are_created_read_modified_and_destroyed() {
    let mut r = rig();
    let gid = community(&mut r);
    // The doc's basic and ALL IN ONE examples, with this group's ID in the custom topic ID.
    let generated = create_topic(&mut r, &gid, "");
    let mut prefix = gid.clone();
    prefix.push_str("@TOPIC#_@TOPIC#");
    assert!(
        generated.starts_with(&prefix) && generated.len() == prefix.len() + 10,
        "{generated}"
    );
    let custom = format!("{gid}@TOPIC#_TestTopic");
    let all_in_one = format!(
        r#","TopicId":"{custom}","From_Account":"alice","CustomString":"This is a custom string","FaceUrl":"http://this.is.face.url","Notification":"This is topic Notification","Introduction":"This is topic Introduction""#
    );
    assert_eq!(create_topic(&mut r, &gid, &all_in_one), custom);
    r.now += 5;
    r.ok(
        SVC,
        "import_topic",
        &format!(r#"{{"GroupId":"{gid}","TopicName":"test_topic3","CreateTime":1448357837}}"#),
    );

    // get_topic: all, in creation order, with bob's SelfInfo (a member).
    let v = topics(&mut r, &gid, "");
    let list = v["TopicAndSelfInfo"].as_array().unwrap();
    assert_eq!(list.len(), 3);
    let t = &list[1];
    assert_eq!(t["ErrorCode"], 0);
    assert_eq!(
        t["TopicInfo"],
        json!({
            "TopicId": custom, "GroupID": gid, "TopicName": "TestTopic",
            "CustomString": "This is a custom string", "FaceUrl": "http://this.is.face.url",
            "Notification": "This is topic Notification", "Introduction": "This is topic Introduction",
            "CreateTime": NOW, "LastMsgTime": 0, "NextMsgSeq": 1, "MuteAllMember": "Off",
        })
    );
    assert_eq!(
        t["SelfInfo"],
        json!({"ShutUpTime": 0, "MsgSeq": 0, "MsgFlag": "AcceptAndNotify"})
    );
    assert_eq!(list[2]["TopicInfo"]["CreateTime"], 1_448_357_837);
    // The doc's filter example: only the named fields (and the IDs).
    let v = topics(
        &mut r,
        &gid,
        &format!(
            r#","TopicIdList":["{custom}","{gid}@TOPIC#_none"],"ResponseFilter":["TopicName","FaceUrl","Notification","Introduction"]"#
        ),
    );
    let list = v["TopicAndSelfInfo"].as_array().unwrap();
    let mut keys: Vec<&String> = list[0]["TopicInfo"].as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "FaceUrl",
            "GroupID",
            "Introduction",
            "Notification",
            "TopicId",
            "TopicName"
        ]
    );
    assert_eq!(list[1]["ErrorCode"], 110_003);
    // A non-member's view has no SelfInfo.
    let v = r.ok(
        TOPICS,
        "get_topic",
        &format!(r#"{{"GroupId":"{gid}","From_Account":"erin"}}"#),
    );
    assert!(v["TopicAndSelfInfo"][0].get("SelfInfo").is_none());

    // The doc's ALL IN ONE modify.
    r.ok(
        TOPICS,
        "modify_topic",
        &format!(
            r#"{{"GroupId":"{gid}","TopicId":"{custom}","From_Account":"alice","TopicName":"TestTopicName","FaceUrl":"http://this.is.new.face.url","Notification":"Notification","Introduction":"Introduction","MuteAllMember":"On","CustomString":"This is a customs string."}}"#
        ),
    );
    let v = topics(&mut r, &gid, &format!(r#","TopicIdList":["{custom}"]"#));
    let info = &v["TopicAndSelfInfo"][0]["TopicInfo"];
    assert_eq!(
        (info["TopicName"].as_str(), info["MuteAllMember"].as_str()),
        (Some("TestTopicName"), Some("On"))
    );
    assert_eq!(info["CustomString"], "This is a customs string.");
    r.fails(
        TOPICS,
        "modify_topic",
        &format!(r#"{{"GroupId":"{gid}","TopicId":"{gid}@TOPIC#_none","TopicName":"x"}}"#),
        10010,
    );

    // destroy_topic: each topic's own result (the doc's answer shape).
    let v = r.ok(
        TOPICS,
        "destroy_topic",
        &format!(r#"{{"GroupId":"{gid}","TopicIdList":["{custom}","{gid}@TOPIC#_none"]}}"#),
    );
    assert_eq!(
        v["DestroyResultItem"][0],
        json!({"ErrorCode": 0, "ErrorInfo": "", "TopicId": custom})
    );
    assert_eq!(v["DestroyResultItem"][1]["ErrorCode"], 110_003);
    assert_eq!(
        topics(&mut r, &gid, "")["TopicAndSelfInfo"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    // The ID is free again.
    assert_eq!(
        create_topic(&mut r, &gid, &format!(r#","TopicId":"{custom}""#)),
        custom
    );
}

#[test]
fn topic_calls_check_the_group_and_the_fields() {
    let mut r = rig();
    let gid = community(&mut r);
    let plain = create(&mut r, r#"{"Type":"Community","Name":"no topics"}"#);
    let public = public(&mut r);
    let custom = format!("{gid}@TOPIC#_t1");
    create_topic(&mut r, &gid, &format!(r#","TopicId":"{custom}""#));
    for (body, code) in [
        (format!(r#"{{"GroupId":"{plain}","TopicName":"x"}}"#), 11000),
        (
            format!(r#"{{"GroupId":"{public}","TopicName":"x"}}"#),
            10007,
        ),
        (
            r#"{"GroupId":"@TGS#_none","TopicName":"x"}"#.to_owned(),
            10010,
        ),
        (
            format!(r#"{{"GroupId":"{gid}","TopicName":"x","TopicId":"{custom}"}}"#),
            10021,
        ),
        (
            format!(r#"{{"GroupId":"{gid}","TopicName":"x","TopicId":"@TOPIC#_t2"}}"#),
            10004,
        ),
        (
            format!(r#"{{"GroupId":"{gid}","TopicName":"x","TopicId":"{gid}@TOPIC#_"}}"#),
            10004,
        ),
        (
            format!(r#"{{"GroupId":"{gid}","TopicName":"x","TopicId":"{gid}@TOPIC#_a b"}}"#),
            10004,
        ),
        (
            format!(r#"{{"GroupId":"{gid}","TopicName":"{}"}}"#, "n".repeat(31)),
            10004,
        ),
        (format!(r#"{{"GroupId":"{gid}","TopicName":""}}"#), 10004),
        (
            format!(
                r#"{{"GroupId":"{gid}","TopicName":"x","Notification":"{}"}}"#,
                "n".repeat(301)
            ),
            10004,
        ),
        (
            format!(
                r#"{{"GroupId":"{gid}","TopicName":"x","Introduction":"{}"}}"#,
                "n".repeat(241)
            ),
            10004,
        ),
        (
            format!(r#"{{"GroupId":"{gid}","TopicName":"x","From_Account":"ghost"}}"#),
            10019,
        ),
    ] {
        r.fails(TOPICS, "create_topic", &body, code);
    }
    for (cmd, body, code) in [
        ("get_topic", format!(r#"{{"GroupId":"{gid}"}}"#), 10004),
        (
            "get_topic",
            format!(r#"{{"GroupId":"{plain}","From_Account":"bob"}}"#),
            11000,
        ),
        (
            "modify_topic",
            format!(r#"{{"GroupId":"{gid}","TopicId":"{custom}","MuteAllMember":"Maybe"}}"#),
            10004,
        ),
        (
            "destroy_topic",
            format!(r#"{{"GroupId":"{gid}","TopicIdList":[]}}"#),
            10004,
        ),
        (
            "destroy_topic",
            format!(r#"{{"GroupId":"{public}","TopicIdList":["x"]}}"#),
            10007,
        ),
    ] {
        r.fails(TOPICS, cmd, &body, code);
    }
    for (body, code) in [
        (
            format!(
                r#"{{"GroupId":"{gid}","TopicName":"x","CreateTime":{}}}"#,
                NOW + 1
            ),
            10004,
        ),
        (
            format!(r#"{{"GroupId":"{gid}","TopicName":"x","Type":"Public"}}"#),
            10004,
        ),
        (
            format!(r#"{{"GroupId":"{gid}","TopicName":"x","TopicId":"{custom}"}}"#),
            10021,
        ),
    ] {
        r.fails(SVC, "import_topic", &body, code);
    }
    // At most 100 topics per group (10037 past it).
    for i in 1..100 {
        create_topic(&mut r, &gid, &format!(r#","TopicId":"{gid}@TOPIC#_n{i}""#));
    }
    r.fails(
        TOPICS,
        "create_topic",
        &format!(r#"{{"GroupId":"{gid}","TopicName":"x"}}"#),
        10037,
    );
    // Nobody is ever online in the emulator.
    let v = r.ok(
        TOPICS,
        "get_online_member_num",
        &format!(r#"{{"GroupId":"{gid}"}}"#),
    );
    assert_eq!(v["OnlineMemberNum"], 0);
    r.fails(
        TOPICS,
        "get_online_member_num",
        &format!(r#"{{"GroupId":"{public}"}}"#),
        10007,
    );
}

#[test]
fn topic_webhooks_are_sent_and_creation_can_be_refused() {
    let mut r = rig();
    let gid = community(&mut r);
    r.emu.set_callbacks(true);
    let body = format!(r#"{{"GroupId":"{gid}","TopicName":"MyFirstTopic","From_Account":"bob"}}"#);
    let url = r.url(TOPICS, "create_topic");
    let Handled::NeedsBefore(cb) = r.emu.handle("POST", &url, body.as_bytes(), r.now, None) else {
        panic!("create_topic asks the app first");
    };
    assert_eq!(cb.command, "Group.CallbackBeforeCreateTopic");
    assert_eq!(cb.body["Operator_Account"], "bob");
    assert_eq!(cb.body["Type"], "Community");
    assert_eq!(cb.body["Name"], "MyFirstTopic");
    // Refused: 10016; with the callback's own code range [10100, 10200] (its doc) or the
    // general [120001, 130000]: that code and the app's ErrorInfo.
    for (answer, code, info) in [
        (
            json!({"ActionStatus":"OK","ErrorCode":1,"ErrorInfo":""}),
            10016,
            "CallbackBeforeCreateTopic",
        ),
        (
            json!({"ActionStatus":"OK","ErrorCode":10150,"ErrorInfo":"not today"}),
            10150,
            "not today",
        ),
        (
            json!({"ActionStatus":"OK","ErrorCode":120001,"ErrorInfo":"no"}),
            120_001,
            "no",
        ),
    ] {
        let Handled::Reply {
            body: reply, after, ..
        } = r
            .emu
            .handle("POST", &url, body.as_bytes(), r.now, Some(&answer))
        else {
            panic!("answered");
        };
        let reply: Value = serde_json::from_str(&reply).unwrap();
        assert_eq!(code_of(&reply), code);
        assert!(
            reply["ErrorInfo"].as_str().unwrap().contains(info),
            "{reply}"
        );
        assert!(after.is_empty());
    }
    assert_eq!(topics(&mut r, &gid, "")["TopicAndSelfInfo"], json!([]));
    // Allowed: created, and the after-callback names the new topic.
    let allow = json!({"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":""});
    let Handled::Reply {
        body: reply, after, ..
    } = r
        .emu
        .handle("POST", &url, body.as_bytes(), r.now, Some(&allow))
    else {
        panic!("answered");
    };
    let reply: Value = serde_json::from_str(&reply).unwrap();
    let topic = reply["TopicId"].as_str().unwrap().to_owned();
    assert_eq!(after.len(), 1);
    assert_eq!(after[0].command, "Group.CallbackAfterCreateTopic");
    let b = &after[0].body;
    assert_eq!(
        (b["TopicId"].as_str(), b["GroupId"].as_str()),
        (Some(topic.as_str()), Some(gid.as_str()))
    );
    assert_eq!(
        (b["Owner_Account"].as_str(), b["Operator_Account"].as_str()),
        (Some("alice"), Some("bob"))
    );
    r.emu.set_callbacks(false);

    let (_, after) = r.with_callbacks(TOPICS,
        "modify_topic",
        &format!(
            r#"{{"GroupId":"{gid}","TopicId":"{topic}","TopicName":"TestTopic","Notification":"NewNotification"}}"#
        ),
    );
    assert_eq!(after[0].command, "Group.CallbackAfterTopicInfoChanged");
    let b = &after[0].body;
    assert_eq!(
        (b["Name"].as_str(), b["Notification"].as_str()),
        (Some("TestTopic"), Some("NewNotification"))
    );
    assert!(b.get("FaceUrl").is_none());
    assert_eq!(b["TopicId"], topic.as_str());
    let (_, after) = r.with_callbacks(
        TOPICS,
        "destroy_topic",
        &format!(r#"{{"GroupId":"{gid}","TopicIdList":["{topic}","{gid}@TOPIC#_gone"]}}"#),
    );
    assert_eq!(after[0].command, "Group.CallbackAfterTopicDestroyed");
    assert_eq!(after[0].body["TopicIdList"], json!([topic]));
    // import_topic sends nothing (doc).
    let (v, after) = r.with_callbacks(
        SVC,
        "import_topic",
        &format!(r#"{{"GroupId":"{gid}","TopicName":"quiet"}}"#),
    );
    assert_eq!(code(&v), 0);
    assert!(after.is_empty());
}

fn code_of(v: &Value) -> i64 {
    v["ErrorCode"].as_i64().unwrap()
}

fn pg(r: &mut Rig, gid: &str, extra: &str) -> String {
    let v = r.ok(
        SVC,
        "create_permission_group",
        &format!(r#"{{"GroupId":"{gid}","PermissionGroupName":"test_permission_group","Permission":123{extra}}}"#),
    );
    v["PermissionGroupId"].as_str().unwrap().to_owned()
}

#[test]
fn permission_groups_are_created_listed_modified_and_destroyed() {
    let mut r = rig();
    let gid = community(&mut r);
    // The doc's example request.
    let custom = pg(
        &mut r,
        &gid,
        r#","PermissionGroupId":"@PMG#_test_permission_group","CustomString":"test_custom_string""#,
    );
    assert_eq!(custom, "@PMG#_test_permission_group");
    let generated = pg(&mut r, &gid, "");
    assert!(
        generated.starts_with("@PMG#_") && generated.len() == 16,
        "{generated}"
    );
    let v = r.ok(
        SVC,
        "get_permission_group",
        &format!(r#"{{"GroupId":"{gid}","PermissionGroupIdList":["{custom}","@PMG#_none"]}}"#),
    );
    let list = v["PermissionGroupList"].as_array().unwrap();
    assert_eq!(
        list[0],
        json!({"PermissionGroupId": custom, "PermissionGroupName": "test_permission_group", "Permission": 123,
               "CustomString": "test_custom_string", "MemberNum": 0, "ErrorCode": 0, "ErrorInfo": ""})
    );
    assert_eq!(list[1]["ErrorCode"], 10010);
    r.ok(
        SVC,
        "modify_permission_group",
        &format!(r#"{{"GroupId":"{gid}","PermissionGroupId":"{custom}","PermissionGroupName":"renamed","Permission":7}}"#),
    );
    // Paged, one at a time, with Next.
    let page = |r: &mut Rig, next: &str| {
        r.ok(
            SVC,
            "get_permission_group",
            &format!(r#"{{"GroupId":"{gid}","Limit":1,"Next":"{next}"}}"#),
        )
    };
    let v = page(&mut r, "");
    assert_eq!(
        v["PermissionGroupList"][0]["PermissionGroupName"],
        "renamed"
    );
    assert_eq!(v["PermissionGroupList"][0]["Permission"], 7);
    let next = v["Next"].as_str().unwrap().to_owned();
    assert_ne!(next, "");
    let v = page(&mut r, &next);
    assert_eq!(
        v["PermissionGroupList"][0]["PermissionGroupId"],
        generated.as_str()
    );
    assert_eq!(v["Next"], "");
    let v = r.ok(
        SVC,
        "destroy_permission_group",
        &format!(r#"{{"GroupId":"{gid}","PermissionGroupIdList":["{custom}","@PMG#_none"]}}"#),
    );
    assert_eq!(
        v["PermissionGroupResultList"],
        json!([{"PermissionGroupId": custom, "ErrorCode": 0, "ErrorInfo": ""},
               {"PermissionGroupId": "@PMG#_none", "ErrorCode": 10010, "ErrorInfo": "the permission group does not exist"}])
    );
    let public = public(&mut r);
    let ids: Vec<String> = (0..21).map(|i| format!(r#""@PMG#_{i}""#)).collect();
    for (cmd, body, code) in [
        (
            "create_permission_group",
            format!(r#"{{"GroupId":"{public}","PermissionGroupName":"n","Permission":1}}"#),
            10007,
        ),
        (
            "create_permission_group",
            format!(
                r#"{{"GroupId":"{gid}","PermissionGroupName":"n","Permission":1,"PermissionGroupId":"{generated}"}}"#
            ),
            10021,
        ),
        (
            "create_permission_group",
            format!(
                r#"{{"GroupId":"{gid}","PermissionGroupName":"n","Permission":1,"PermissionGroupId":"mine"}}"#
            ),
            10004,
        ),
        (
            "create_permission_group",
            format!(
                r#"{{"GroupId":"{gid}","PermissionGroupName":"{}","Permission":1}}"#,
                "n".repeat(151)
            ),
            10004,
        ),
        (
            "create_permission_group",
            format!(r#"{{"GroupId":"{gid}","PermissionGroupName":"n"}}"#),
            10004,
        ),
        (
            "create_permission_group",
            format!(r#"{{"GroupId":"{gid}","PermissionGroupName":"n","Permission":-1}}"#),
            10004,
        ),
        (
            "modify_permission_group",
            format!(r#"{{"GroupId":"{gid}","PermissionGroupId":"@PMG#_none","Permission":1}}"#),
            10010,
        ),
        (
            "destroy_permission_group",
            format!(
                r#"{{"GroupId":"{gid}","PermissionGroupIdList":[{}]}}"#,
                ids.join(",")
            ),
            10004,
        ),
        (
            "get_permission_group",
            format!(r#"{{"GroupId":"{gid}","Limit":21}}"#),
            10004,
        ),
        (
            "get_permission_group",
            format!(r#"{{"GroupId":"{gid}","Next":"x"}}"#),
            10004,
        ),
    ] {
        r.fails(SVC, cmd, &body, code);
    }
}

#[test]
fn topic_permissions_and_members_of_a_permission_group() {
    let mut r = rig();
    let gid = community(&mut r);
    let t1 = create_topic(&mut r, &gid, "");
    let t2 = create_topic(&mut r, &gid, "");
    let p = pg(&mut r, &gid, "");
    let list = |items: &[(&str, u64)]| -> String {
        let v: Vec<Value> = items
            .iter()
            .map(|(t, b)| json!({"TopicId": t, "Permission": b}))
            .collect();
        json!({"GroupId": gid, "PermissionGroupId": p, "TopicPermissionList": v}).to_string()
    };
    let codes = |v: &Value| -> Vec<i64> {
        v["TopicPermissionResultList"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["ErrorCode"].as_i64().unwrap())
            .collect()
    };
    let none = format!("{gid}@TOPIC#_none");
    let v = r.ok(
        SVC,
        "add_topic_permission_group",
        &list(&[(&t1, 1), (&none, 1)]),
    );
    assert_eq!(codes(&v), [0, 110_003]);
    let v = r.ok(
        SVC,
        "add_topic_permission_group",
        &list(&[(&t1, 2), (&t2, 4)]),
    );
    assert_eq!(codes(&v), [10021, 0]);
    let v = r.ok(SVC, "set_topic_permission_group", &list(&[(&t1, 8)]));
    assert_eq!(codes(&v), [0]);
    let get = |r: &mut Rig, extra: &str| {
        r.ok(
            SVC,
            "get_topic_permission_group",
            &format!(r#"{{"GroupId":"{gid}","PermissionGroupId":"{p}"{extra}}}"#),
        )
    };
    let v = get(&mut r, "");
    let mut want = vec![(t1.clone(), 8u64), (t2.clone(), 4)];
    want.sort();
    let got: Vec<(String, u64)> = v["TopicPermissionResultList"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["TopicId"].as_str().unwrap().to_owned(),
                i["Permission"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(got, want);
    let body =
        json!({"GroupId": gid, "PermissionGroupId": p, "TopicIdList": [t2, none]}).to_string();
    let v = r.ok(SVC, "delete_topic_permission_group", &body);
    assert_eq!(codes(&v), [0, 110_003]);
    let v = get(&mut r, &format!(r#","TopicIdList":["{t1}","{t2}"]"#));
    assert_eq!(codes(&v), [0, 10010]);
    // Destroying a topic takes its permission away.
    r.ok(
        TOPICS,
        "destroy_topic",
        &format!(r#"{{"GroupId":"{gid}","TopicIdList":["{t1}"]}}"#),
    );
    assert_eq!(get(&mut r, "")["TopicPermissionResultList"], json!([]));

    // Members: only the Community group's members can join (Result 0 otherwise).
    let v = r.ok(
        SVC,
        "add_permission_group_member",
        &format!(r#"{{"GroupId":"{gid}","PermissionGroupId":"{p}","MemberList":[{{"Member_Account":"bob"}},{{"Member_Account":"carol"}},{{"Member_Account":"bob"}}]}}"#),
    );
    let results: Vec<u64> = v["MemberList"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["Result"].as_u64().unwrap())
        .collect();
    assert_eq!(results, [1, 0, 2]);
    r.ok(
        SVC,
        "add_permission_group_member",
        &format!(r#"{{"GroupId":"{gid}","PermissionGroupId":"{p}","MemberList":[{{"Member_Account":"alice"}}]}}"#),
    );
    let members = |r: &mut Rig, extra: &str| {
        r.ok(
            SVC,
            "get_permission_group_member_list",
            &format!(r#"{{"GroupId":"{gid}","PermissionGroupId":"{p}"{extra}}}"#),
        )
    };
    let v = members(&mut r, r#","Limit":1"#);
    assert_eq!(column(&v, "MemberList", "Member_Account"), ["bob"]);
    assert_eq!(v["MemberList"][0]["Role"], "Member");
    let next = v["Next"].as_str().unwrap().to_owned();
    let v = members(&mut r, &format!(r#","Limit":1,"Next":"{next}""#));
    assert_eq!(column(&v, "MemberList", "Member_Account"), ["alice"]);
    assert_eq!(v["Next"], "");
    let count = r.ok(
        SVC,
        "get_permission_group",
        &format!(r#"{{"GroupId":"{gid}","PermissionGroupIdList":["{p}"]}}"#),
    );
    assert_eq!(count["PermissionGroupList"][0]["MemberNum"], 2);
    r.ok(
        SVC,
        "delete_permission_group_member",
        &format!(r#"{{"GroupId":"{gid}","PermissionGroupId":"{p}","MemberList":[{{"Member_Account":"bob"}},{{"Member_Account":"dave"}}]}}"#),
    );
    assert_eq!(
        column(&members(&mut r, ""), "MemberList", "Member_Account"),
        ["alice"]
    );
    for (cmd, body, code) in [
        ("add_topic_permission_group", list(&[]), 10004),
        ("add_topic_permission_group", json!({"GroupId": gid, "PermissionGroupId": "@PMG#_none", "TopicPermissionList": [{"TopicId": t2, "Permission": 1}]}).to_string(), 10010),
        ("get_permission_group_member_list", format!(r#"{{"GroupId":"{gid}","PermissionGroupId":"{p}","Limit":51}}"#), 10004),
        ("add_permission_group_member", format!(r#"{{"GroupId":"{gid}","PermissionGroupId":"{p}","MemberList":[]}}"#), 10004),
    ] {
        r.fails(SVC, cmd, &body, code);
    }
}
