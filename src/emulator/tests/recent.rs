//! Conversations (recentcontact) end to end. Oracles: the documented requests and answers of the
//! conversation pages (1047/43087, 43088, 53437-53442); where an answer's values depend on state
//! the doc does not show, its shape (the member names) is compared.

use super::calls::*;
use super::support::*;
use serde_json::{json, Value};

const SVC: &str = "recentcontact";

fn keys(v: &Value) -> Vec<String> {
    let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
    k.retain(|k| k != "ErrorDisplay");
    k
}

/// A documented answer without the `ErrorDisplay` the emulator does not send.
fn documented(mut v: Value) -> Value {
    v.as_object_mut().unwrap().remove("ErrorDisplay");
    v
}

fn group(r: &mut Rig, id: &str, owner: &str, members: &[&str]) {
    let list: Vec<Value> = members
        .iter()
        .map(|m| json!({ "Member_Account": m }))
        .collect();
    let body =
        json!({"Type":"Public","Name":id,"GroupId":id,"Owner_Account":owner,"MemberList":list});
    r.ok("group_open_http_svc", "create_group", &body.to_string());
}

fn sessions(v: &Value) -> Vec<(i64, String, u64)> {
    v["SessionItem"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let id = s.get("To_Account").or_else(|| s.get("GroupId")).unwrap();
            (
                s["Type"].as_i64().unwrap(),
                id.as_str().unwrap().to_owned(),
                s["MsgTime"].as_u64().unwrap(),
            )
        })
        .collect()
}

const FIRST_PAGE: &str = r#"{"From_Account":"id1","TimeStamp":0,"StartIndex":0,"TopTimeStamp":0,"TopStartIndex":0,"AssistFlags":7}"#;

#[test]
fn sends_move_the_list_and_it_reads_as_documented() {
    let mut r = Rig::new();
    r.import(&["id1", "id2", "id4", "zed"]);
    group(&mut r, "id3", "zed", &["id1"]);
    group(&mut r, "id5", "zed", &["id1"]);
    send_c2c(&mut r, "id1", "id2", 1, "a");
    r.now += 1;
    send_group(&mut r, "id3", "zed", 1);
    r.now += 2;
    send_c2c(&mut r, "id4", "id1", 2, "b");
    r.now += 20;
    send_group(&mut r, "id5", "zed", 2);
    // The doc's sample request.
    let v = r.ok(SVC, "get_list", FIRST_PAGE);
    let sample = json!({"SessionItem":[{"Type":1,"To_Account":"id2","MsgTime":1630997627,"TopFlag":1},{"Type":2,"GroupId":"id3","MsgTime":1630997628,"TopFlag":1}],
        "CompleteFlag":1,"TimeStamp":1631012800,"StartIndex":0,"TopTimeStamp":1631012800,"TopStartIndex":0,"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","ErrorDisplay":""});
    assert_eq!(keys(&v), keys(&sample));
    assert_eq!(keys(&v["SessionItem"][0]), keys(&sample["SessionItem"][1]));
    assert_eq!(keys(&v["SessionItem"][1]), keys(&sample["SessionItem"][0]));
    assert_eq!(
        sessions(&v),
        [
            (2, "id5".into(), NOW + 23),
            (1, "id4".into(), NOW + 3),
            (2, "id3".into(), NOW + 1),
            (1, "id2".into(), NOW)
        ]
    );
    assert_eq!(v["CompleteFlag"], 1);
    assert!(v["SessionItem"]
        .as_array()
        .unwrap()
        .iter()
        .all(|s| s["TopFlag"] == 0));
    // The other sides have their conversations too: id2 with id1, zed with both groups.
    let v = r.ok(SVC, "get_list", &FIRST_PAGE.replace("id1", "id2"));
    assert_eq!(sessions(&v), [(1, "id1".into(), NOW)]);
    let v = r.ok(SVC, "get_list", &FIRST_PAGE.replace("id1", "zed"));
    assert_eq!(sessions(&v).len(), 2);
    // A new message moves a conversation to the front; NoLastMsg and online-only ones do not.
    r.now += 1;
    send_c2c(&mut r, "id2", "id1", 3, "c");
    r.now += 1;
    let quiet = |random: u32, extra: &str| {
        format!(
            r#"{{"From_Account":"id4","To_Account":"id1","MsgRandom":{random},"MsgBody":[{{"MsgType":"TIMTextElem","MsgContent":{{"Text":"q"}}}}]{extra}}}"#
        )
    };
    r.ok(
        "openim",
        "sendmsg",
        &quiet(4, r#","SendMsgControl":["NoLastMsg"]"#),
    );
    r.ok("openim", "sendmsg", &quiet(5, r#","MsgLifeTime":0"#));
    let v = r.ok(SVC, "get_list", FIRST_PAGE);
    assert_eq!(sessions(&v)[0], (1, "id2".into(), NOW + 24));
    assert_eq!(sessions(&v)[2], (1, "id4".into(), NOW + 3));
    // batchsendmsg moves both sides too; a destroyed group's conversation is gone.
    r.ok("openim", "batchsendmsg", r#"{"From_Account":"id4","To_Account":["id1","id2"],"MsgRandom":6,"MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"all"}}]}"#);
    r.ok(
        "group_open_http_svc",
        "destroy_group",
        r#"{"GroupId":"id5"}"#,
    );
    let v = r.ok(SVC, "get_list", FIRST_PAGE);
    assert_eq!(
        sessions(&v),
        [
            (1, "id4".into(), NOW + 25),
            (1, "id2".into(), NOW + 24),
            (2, "id3".into(), NOW + 1)
        ]
    );
}

#[test]
fn get_list_pages_through_equal_times_without_gaps() {
    let mut r = Rig::new();
    let peers: Vec<String> = (0..250).map(|i| format!("p{i:03}")).collect();
    let mut all: Vec<&str> = peers.iter().map(String::as_str).collect();
    all.push("hub");
    r.import(&all);
    // Three batches: 120 at t, 70 at t+1, 60 at t+2; each batch shares one time.
    let batches = [(0usize, 120usize), (120, 70), (190, 60)];
    for (n, (from, len)) in batches.into_iter().enumerate() {
        r.now = NOW + n as u64;
        let body = json!({"From_Account":"hub","To_Account":&peers[from..from + len],"MsgRandom":n,
            "MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"x"}}]});
        r.ok("openim", "batchsendmsg", &body.to_string());
    }
    let mut req = json!({"From_Account":"hub","TimeStamp":0,"StartIndex":0,"TopTimeStamp":0,"TopStartIndex":0,"AssistFlags":7});
    let mut seen = Vec::new();
    for page in 0.. {
        assert!(page < 5, "paging does not end");
        let v = r.ok(SVC, "get_list", &req.to_string());
        seen.extend(sessions(&v));
        if v["CompleteFlag"] == 1 {
            break;
        }
        for k in ["TimeStamp", "StartIndex", "TopTimeStamp", "TopStartIndex"] {
            req[k] = v[k].clone();
        }
    }
    assert_eq!(seen.len(), 250);
    let mut sorted = seen.clone();
    sorted.sort_by(|a, b| b.2.cmp(&a.2).then(a.1.cmp(&b.1)));
    assert_eq!(seen, sorted, "newest first, each once");
    assert_eq!(seen[0].2, NOW + 2);
    assert_eq!(seen[249].2, NOW);
}

#[test]
fn delete_removes_the_conversation_and_clear_ramble_the_history() {
    let mut r = Rig::new();
    r.import(&["id1", "id2", "zed"]);
    group(&mut r, "g1", "zed", &["id1"]);
    send_c2c(&mut r, "id1", "id2", 1, "a");
    send_group(&mut r, "g1", "zed", 1);
    // The doc's sample requests (one-to-one, then group with ToGroupid).
    let v = r.ok(
        SVC,
        "delete",
        r#"{"From_Account":"id1","Type":1,"To_Account":"id2","ClearRamble":1}"#,
    );
    assert_eq!(
        v,
        documented(json!({"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","ErrorDisplay":""}))
    );
    r.ok(
        SVC,
        "delete",
        r#"{"From_Account":"id1","Type":2,"ToGroupid":"g1","ClearRamble":1}"#,
    );
    let v = r.ok(SVC, "get_list", FIRST_PAGE);
    assert!(sessions(&v).is_empty());
    // ClearRamble: id1's roaming history of the conversation is empty, id2's is not.
    let roam = |r: &mut Rig, op: &str, peer: &str| {
        let v = r.ok("openim", "admin_getroammsg", &json!({"Operator_Account":op,"Peer_Account":peer,"MaxCnt":10,"MinTime":0,"MaxTime":4294967295u64}).to_string());
        v["MsgList"].as_array().map_or(0, Vec::len)
    };
    assert_eq!(roam(&mut r, "id1", "id2"), 0);
    assert_eq!(roam(&mut r, "id2", "id1"), 1);
    // Deleting again is still 0; a new message brings the conversation back.
    r.ok(
        SVC,
        "delete",
        r#"{"From_Account":"id1","Type":1,"To_Account":"id2"}"#,
    );
    send_c2c(&mut r, "id2", "id1", 2, "b");
    assert_eq!(sessions(&r.ok(SVC, "get_list", FIRST_PAGE)).len(), 1);
    for bad in [
        r#"{"From_Account":"id1","Type":3,"To_Account":"id2"}"#,
        r#"{"From_Account":"id1","Type":1}"#,
        r#"{"From_Account":"id1","Type":2,"ToGroupId":"g1"}"#,
        r#"{"From_Account":"id1","Type":1,"To_Account":"id2","ClearRamble":2}"#,
    ] {
        r.fails(SVC, "delete", bad, 50002);
    }
    r.fails(
        SVC,
        "delete",
        r#"{"From_Account":"ghost","Type":1,"To_Account":"id2"}"#,
        50001,
    );
    r.fails(SVC, "get_list", &FIRST_PAGE.replace("id1", "ghost"), 50001);
    r.fails(
        SVC,
        "get_list",
        r#"{"From_Account":"id1","TimeStamp":0,"StartIndex":0}"#,
        50002,
    );
}

#[test]
fn conversation_groups_follow_the_documented_requests() {
    let mut r = Rig::new();
    r.import(&["user15", "user20", "user0", "user1"]);
    // user15: a first group, then the doc's create request (so test0 is GroupId 2).
    r.ok(
        SVC,
        "create_contact_group",
        r#"{"From_Account":"user15","GroupContactItem":[{"GroupName":"first","ContactItem":[]}]}"#,
    );
    let v = r.ok(SVC, "create_contact_group", r#"{"From_Account":"user15","GroupContactItem":[{"GroupName":"test0","ContactItem":[{"Type":1,"To_Account":"user0"}]}]}"#);
    let sample = json!({"GroupResultItem":[{"GroupItem":{"GroupName":"test2","GroupId":2},"ResultItem":[{"ContactItem":{"Type":1,"To_Account":"user1"},"ResultCode":0,"ResultInfo":""}]}],"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","ErrorDisplay":""});
    let mut expected = documented(sample);
    expected["GroupResultItem"][0]["GroupItem"]["GroupName"] = "test0".into();
    expected["GroupResultItem"][0]["ResultItem"][0]["ContactItem"]["To_Account"] = "user0".into();
    assert_eq!(v, expected);
    // del_contact_group: the doc's request and answer exactly.
    let v = r.ok(
        SVC,
        "del_contact_group",
        r#"{"From_Account":"user15","GroupName":["test0"]}"#,
    );
    assert_eq!(
        v,
        json!({"GroupItem":[{"GroupName":"test0","GroupId":2}],"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":""})
    );
    r.fails(
        SVC,
        "del_contact_group",
        r#"{"From_Account":"user15","GroupName":["test0"]}"#,
        51009,
    );
    // update_contact_group: user20's first group is test1 (GroupId 1); the doc's request and
    // answer exactly.
    r.ok(
        SVC,
        "create_contact_group",
        r#"{"From_Account":"user20","GroupContactItem":[{"GroupName":"test1","ContactItem":[]}]}"#,
    );
    let v = r.ok(SVC, "update_contact_group", r#"{"From_Account":"user20","UpdateType":1,"UpdateGroup":{"UpdateGroupType":2,"OldGroupName":"test1","ContactUpdateItem":[{"ContactOptType":1,"ContactItem":{"Type":1,"To_Account":"user1"}}]}}"#);
    assert_eq!(
        v,
        json!({"UpdateType":1,"UpdateGroupResult":{"UpdateGroupType":2,"GroupName":"test1","GroupId":1,"OldGroupName":"test1",
            "ContactResultItem":[{"ContactOptType":1,"ContactItem":{"Type":1,"To_Account":"user1"},"ResultCode":0,"ResultInfo":""}]},
            "ActionStatus":"OK","ErrorCode":0,"ErrorInfo":""})
    );
    // Rename, then remove the conversation again.
    let v = r.ok(SVC, "update_contact_group", r#"{"From_Account":"user20","UpdateType":1,"UpdateGroup":{"UpdateGroupType":1,"OldGroupName":"test1","NewGroupName":"test1x"}}"#);
    assert_eq!(
        v["UpdateGroupResult"],
        json!({"UpdateGroupType":1,"GroupName":"test1x","GroupId":1,"OldGroupName":"test1"})
    );
    let v = r.ok(
        SVC,
        "search_contact_group",
        r#"{"From_Account":"user20","ContactItem":[{"Type":1,"To_Account":"user1"}]}"#,
    );
    assert_eq!(v["ContactResultItem"][0]["ContactGroupId"], json!([1]));
    r.ok(SVC, "update_contact_group", r#"{"From_Account":"user20","UpdateType":1,"UpdateGroup":{"UpdateGroupType":2,"OldGroupName":"test1x","ContactUpdateItem":[{"ContactOptType":2,"ContactItem":{"Type":1,"To_Account":"user1"}}]}}"#);
    let v = r.ok(
        SVC,
        "get_contact_group",
        r#"{"From_Account":"user20","StartIndex":0}"#,
    );
    assert_eq!(
        v["ContactItem"],
        json!([]),
        "a conversation in no group and without marks is forgotten"
    );
    assert_eq!(v["GroupItem"], json!([{"GroupName":"test1x","GroupId":1}]));
    r.fails(SVC, "update_contact_group", r#"{"From_Account":"user20","UpdateType":1,"UpdateGroup":{"UpdateGroupType":1,"OldGroupName":"nope","NewGroupName":"x"}}"#, 51009);
}

#[test]
fn marks_search_and_get_follow_the_documented_requests() {
    let mut r = Rig::new();
    r.import(&["user0", "user1", "zed"]);
    group(&mut r, "grp1", "zed", &[]);
    // mark_contact: the doc's request and answer exactly.
    let v = r.ok(SVC, "mark_contact", r#"{"From_Account":"user0","MarkItem":[{"OptType":3,"ContactItem":{"Type":1,"To_Account":"user1"},"SetMark":[1,2,3],"CustomMark":"abcd"}]}"#);
    let sample = json!({"ResultItem":[{"OptType":3,"ContactItem":{"Type":1,"To_Account":"user1"},"ResultCode":0,"ResultInfo":""}],"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","ErrorDisplay":""});
    assert_eq!(v, documented(sample));
    r.now += 10;
    r.ok(SVC, "mark_contact", r#"{"From_Account":"user0","MarkItem":[{"OptType":1,"ContactItem":{"Type":2,"ToGroupId":"grp1"},"SetMark":[0,5],"ClearMark":[5]}]}"#);
    r.ok(SVC, "create_contact_group", r#"{"From_Account":"user0","GroupContactItem":[{"GroupName":"test1x","ContactItem":[{"Type":1,"To_Account":"user1"}]}]}"#);
    // get_contact_group: the doc's request; its answer's shape, item by item.
    let v = r.ok(
        SVC,
        "get_contact_group",
        r#"{"From_Account":"user0","StartIndex":0}"#,
    );
    let sample = json!({"ContactItem":[{"Type":1,"To_Account":"teacher4","StandardMark":"111001","ContactGroupId":[1,2],"Timestamp":1670843110},
        {"Type":2,"ToGroupId":"@TGS#1N3RSUYG2","StandardMark":"111001","CustomMark":"abcd","Timestamp":1672998266}],
        "GroupItem":[{"GroupName":"test1x","GroupId":1},{"GroupName":"test10","GroupId":2}],"CompleteFlag":1,"NextStartIndex":0,"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":""});
    assert_eq!(keys(&v), keys(&sample));
    assert_eq!(
        v["ContactItem"],
        json!([
            {"Type":1,"To_Account":"user1","StandardMark":"1110","CustomMark":"abcd","ContactGroupId":[1],"Timestamp":NOW + 10},
            {"Type":2,"ToGroupId":"grp1","StandardMark":"1","Timestamp":NOW + 10},
        ])
    );
    assert_eq!(
        (v["CompleteFlag"].clone(), v["NextStartIndex"].clone()),
        (json!(1), json!(0))
    );
    // search_contact_group: the doc's request shape; unknown conversations are listed bare.
    let v = r.ok(SVC, "search_contact_group", r#"{"From_Account":"user0","ContactItem":[{"Type":1,"To_Account":"user1"},{"Type":1,"To_Account":"xixi"}]}"#);
    let sample = json!({"ContactResultItem":[{"Type":1,"To_Account":"xixi","StandardMark":"11111110","CustomMark":"xxyyyzzzfffffffxxx111111","ContactGroupId":[1,2],"Timestamp":1673500546}],
        "GroupItem":[{"GroupName":"test1x","GroupId":1}],"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","ErrorDisplay":""});
    assert_eq!(keys(&v), keys(&sample));
    assert_eq!(
        keys(&v["ContactResultItem"][0]),
        keys(&sample["ContactResultItem"][0])
    );
    assert_eq!(
        v["ContactResultItem"][1],
        json!({"Type":1,"To_Account":"xixi","Timestamp":0})
    );
    // Clearing every mark keeps the conversation while it is in a group.
    r.ok(SVC, "mark_contact", r#"{"From_Account":"user0","MarkItem":[{"OptType":3,"ContactItem":{"Type":1,"To_Account":"user1"},"ClearMark":[1,2,3],"CustomMark":""}]}"#);
    let v = r.ok(
        SVC,
        "search_contact_group",
        r#"{"From_Account":"user0","ContactItem":[{"Type":1,"To_Account":"user1"}]}"#,
    );
    assert_eq!(
        v["ContactResultItem"][0],
        json!({"Type":1,"To_Account":"user1","ContactGroupId":[1],"Timestamp":NOW + 10})
    );
}

#[test]
fn conversation_group_limits_have_their_codes() {
    let mut r = Rig::new();
    r.import(&["u"]);
    let create = |name: &str, items: Value| {
        json!({"From_Account":"u","GroupContactItem":[{"GroupName":name,"ContactItem":items}]})
            .to_string()
    };
    for i in 0..20 {
        r.ok(
            SVC,
            "create_contact_group",
            &create(&format!("g{i}"), json!([])),
        );
    }
    r.fails(
        SVC,
        "create_contact_group",
        &create("g20", json!([])),
        51010,
    );
    r.fails(SVC, "create_contact_group", &create("g0", json!([])), 50002);
    r.ok(
        SVC,
        "del_contact_group",
        r#"{"From_Account":"u","GroupName":["g19"]}"#,
    );
    r.fails(
        SVC,
        "create_contact_group",
        &create(&"n".repeat(33), json!([])),
        51011,
    );
    r.fails(SVC, "create_contact_group", &create("", json!([])), 50002);
    r.fails(
        SVC,
        "create_contact_group",
        &create("x", json!([{"Type":3,"To_Account":"a"}])),
        50002,
    );
    r.fails(
        SVC,
        "create_contact_group",
        r#"{"From_Account":"u","GroupContactItem":[]}"#,
        50002,
    );
    // A group that does not exist fails its item (51007); the rest of the request succeeds.
    let v = r.ok(
        SVC,
        "create_contact_group",
        &create(
            &"n".repeat(32),
            json!([{"Type":2,"ToGroupId":"nope"},{"Type":1,"To_Account":"a"}]),
        ),
    );
    let codes: Vec<i64> = v["GroupResultItem"][0]["ResultItem"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["ResultCode"].as_i64().unwrap())
        .collect();
    assert_eq!(codes, [51007, 0]);
    // 1000 conversations may carry data; the 1001st gets 51008.
    let many: Vec<Value> = (0..1000)
        .map(|i| json!({"Type":1,"To_Account":format!("p{i}")}))
        .collect();
    let v = r.ok(SVC, "update_contact_group", &json!({"From_Account":"u","UpdateType":1,"UpdateGroup":{"UpdateGroupType":2,"OldGroupName":"g0",
        "ContactUpdateItem": many.iter().map(|c| json!({"ContactOptType":1,"ContactItem":c})).collect::<Vec<_>>()}}).to_string());
    let failed = v["UpdateGroupResult"]["ContactResultItem"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["ResultCode"] == 51008)
        .count();
    assert_eq!(failed, 1, "one conversation (\"a\") already carried data");
    let v = r.ok(SVC, "mark_contact", r#"{"From_Account":"u","MarkItem":[{"OptType":2,"ContactItem":{"Type":1,"To_Account":"new"},"CustomMark":"m"}]}"#);
    assert_eq!(v["ResultItem"][0]["ResultCode"], 51008);
    // Paging get_contact_group: 1000 conversations, 100 per page.
    let mut start = 0u64;
    let mut count = 0;
    for page in 0.. {
        assert!(page < 11, "paging does not end");
        let v = r.ok(
            SVC,
            "get_contact_group",
            &json!({"From_Account":"u","StartIndex":start}).to_string(),
        );
        count += v["ContactItem"].as_array().unwrap().len();
        if v["CompleteFlag"] == 1 {
            assert_eq!(v["NextStartIndex"], 0);
            break;
        }
        start = v["NextStartIndex"].as_u64().unwrap();
    }
    assert_eq!(count, 1000);
    // Mark items: 1-100 (51006); bits 0-63; custom marks up to 256 bytes.
    r.fails(
        SVC,
        "mark_contact",
        r#"{"From_Account":"u","MarkItem":[]}"#,
        51006,
    );
    let hundred_one: Vec<Value> = (0..101).map(|i| json!({"OptType":2,"ContactItem":{"Type":1,"To_Account":format!("p{i}")},"CustomMark":"m"})).collect();
    r.fails(
        SVC,
        "mark_contact",
        &json!({"From_Account":"u","MarkItem":hundred_one}).to_string(),
        51006,
    );
    for item in [
        json!({"OptType":1,"ContactItem":{"Type":1,"To_Account":"p1"},"SetMark":[64]}),
        json!({"OptType":2,"ContactItem":{"Type":1,"To_Account":"p1"},"CustomMark":"m".repeat(257)}),
        json!({"OptType":4,"ContactItem":{"Type":1,"To_Account":"p1"}}),
    ] {
        r.fails(
            SVC,
            "mark_contact",
            &json!({"From_Account":"u","MarkItem":[item]}).to_string(),
            50002,
        );
    }
    let v = r.ok(SVC, "mark_contact", &json!({"From_Account":"u","MarkItem":[{"OptType":3,"ContactItem":{"Type":1,"To_Account":"p1"},"SetMark":[63],"CustomMark":"m".repeat(256)}]}).to_string());
    assert_eq!(v["ResultItem"][0]["ResultCode"], 0);
    let v = r.ok(
        SVC,
        "search_contact_group",
        r#"{"From_Account":"u","ContactItem":[{"Type":1,"To_Account":"p1"}]}"#,
    );
    assert_eq!(
        v["ContactResultItem"][0]["StandardMark"],
        format!("1{}", "0".repeat(63))
    );
    let three_hundred_one: Vec<Value> = (0..301)
        .map(|i| json!({"Type":1,"To_Account":format!("p{i}")}))
        .collect();
    r.fails(
        SVC,
        "search_contact_group",
        &json!({"From_Account":"u","ContactItem":three_hundred_one}).to_string(),
        50002,
    );
    r.snapshot_round_trip();
}

#[test]
fn a_mistyped_field_is_50002() {
    let mut r = Rig::new();
    r.import(&["u", "v"]);
    r.ok(
        SVC,
        "create_contact_group",
        r#"{"From_Account":"u","GroupContactItem":[{"GroupName":"g","ContactItem":[]}]}"#,
    );
    let table: &[(&str, &str, &[&str])] = &[
        (
            "get_list",
            r#"{"From_Account":"u","TimeStamp":0,"StartIndex":0,"TopTimeStamp":0,"TopStartIndex":0,"AssistFlags":7}"#,
            &[
                "From_Account",
                "TimeStamp",
                "StartIndex",
                "TopTimeStamp",
                "TopStartIndex",
                "AssistFlags",
            ],
        ),
        (
            "delete",
            r#"{"From_Account":"u","Type":1,"To_Account":"v","ClearRamble":0}"#,
            &["From_Account", "Type", "To_Account", "ClearRamble"],
        ),
        (
            "del_contact_group",
            r#"{"From_Account":"u","GroupName":["nope"]}"#,
            &["From_Account", "GroupName"],
        ),
        (
            "update_contact_group",
            r#"{"From_Account":"u","UpdateType":1,"UpdateGroup":{"UpdateGroupType":1,"OldGroupName":"g","NewGroupName":"g"}}"#,
            &["From_Account", "UpdateType", "UpdateGroup"],
        ),
        (
            "search_contact_group",
            r#"{"From_Account":"u","ContactItem":[{"Type":1,"To_Account":"v"}]}"#,
            &["From_Account", "ContactItem"],
        ),
        (
            "mark_contact",
            r#"{"From_Account":"u","MarkItem":[{"OptType":2,"ContactItem":{"Type":1,"To_Account":"v"},"CustomMark":"m"}]}"#,
            &["From_Account"],
        ),
        (
            "get_contact_group",
            r#"{"From_Account":"u","StartIndex":0}"#,
            &["From_Account", "StartIndex"],
        ),
    ];
    for (cmd, body, fields) in table {
        if *cmd == "del_contact_group" {
            // Its good body names no group: check the fields, then only that it fails with 51009.
            for w in ["-7", "[1]", "true", "1.5"] {
                let mut o: Value = serde_json::from_str(body).unwrap();
                o["GroupName"] = serde_json::from_str(w).unwrap();
                r.fails(SVC, cmd, &o.to_string(), 50002);
            }
            r.fails(SVC, cmd, body, 51009);
            continue;
        }
        each_field_mistyped(&mut r, SVC, cmd, body, fields, 50002, |_, _| false);
    }
}
