//! Official accounts through signed requests. Request bodies are the examples of Tencent's pages
//! (1047/60755-60763, 60810-60812) and the expected codes their tables (6017 invalid parameter,
//! 130004 no such account, 130007 bad ID, 130008 ID in use); 10016 is the webhook refusal.

use super::support::*;
use crate::emulator::{Callback, Handled};
use serde_json::{json, Value};

const SVC: &str = "official_account_open_http_svc";

fn rig() -> Rig {
    Rig::with_accounts(&["107867", "966582476", "alice", "bob", "carol"])
}

/// The create example of doc 1047/60755.
const CREATE_EXAMPLE: &str = r#"{"OfficialAccountUserID":"@TOA#_test_id","Owner_Account":"107867",
    "CustomString":"test_custom_string","FaceUrl":"http://this.is.face.url",
    "Introduction":"This is test Introduction","MaxSubscriberNum":1000,
    "Name":"test_official_account","Organization":"test_organization"}"#;

fn create(r: &mut Rig, body: &str) -> String {
    let v = r.ok(SVC, "create_official_account", body);
    v["OfficialAccountUserID"].as_str().unwrap().to_owned()
}

fn info(r: &mut Rig, id: &str) -> Value {
    let v = r.ok(
        SVC,
        "get_official_account_info",
        &format!(r#"{{"OfficialAccountIdList":[{{"Official_Account":"{id}"}}]}}"#),
    );
    v["OfficialAccountInfoList"][0].clone()
}

fn text_msg(id: &str, random: u32, text: &str) -> String {
    format!(
        r#"{{"Official_Account":"{id}","Random":{random},"MsgBody":[{{"MsgType":"TIMTextElem","MsgContent":{{"Text":"{text}"}}}}]}}"#
    )
}

fn texts(v: &Value) -> Vec<String> {
    v["RspMsgList"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            m["MsgBody"].get(0).map_or(String::new(), |e| {
                e["MsgContent"]["Text"].as_str().unwrap().to_owned()
            })
        })
        .collect()
}

#[test]
fn create_then_read_the_profile() {
    let mut r = rig();
    assert_eq!(create(&mut r, CREATE_EXAMPLE), "@TOA#_test_id");
    let a = info(&mut r, "@TOA#_test_id");
    assert_eq!(
        a,
        json!({
            "Official_Account": "@TOA#_test_id", "ErrorCode": 0, "ErrorInfo": "",
            "Name": "test_official_account", "Owner_Account": "107867", "CreateTime": NOW,
            "InfoSeq": 0, "LastInfoTime": NOW, "LastMsgTime": 0, "NextMsgSeq": 1,
            "SubscriberNum": 0, "Introduction": "This is test Introduction",
            "FaceUrl": "http://this.is.face.url", "MaxSubscriberNum": 1000,
            "Organization": "test_organization", "CustomString": "test_custom_string",
        })
    );
    // Without an ID one is generated, shaped like the docs' "@TOA#_2C5SZEAEF"; defaults apply.
    let id = create(&mut r, r#"{"Owner_Account":"alice","Name":"news"}"#);
    let tail = id.strip_prefix("@TOA#_").unwrap();
    assert!(
        tail.len() == 9
            && tail
                .bytes()
                .all(|b| b.is_ascii_uppercase() || (b'2'..=b'7').contains(&b)),
        "{id}"
    );
    assert_eq!(info(&mut r, &id)["MaxSubscriberNum"], 100_000);
    assert_eq!(info(&mut r, &id)["Introduction"], "");
    // The doc's read example: two accounts, a filter; an unknown one has its own ErrorCode.
    let v = r.ok(
        SVC,
        "get_official_account_info",
        &format!(
            r#"{{"OfficialAccountIdList":[{{"Official_Account":"{id}"}},{{"Official_Account":"@TOA#_@TOA#dZDP"}}],
            "ResponseFilter":{{"OfficialAccountBaseInfoFilter":["CreateTime","Name","Owner_Account"]}}}}"#
        ),
    );
    assert_eq!(
        v["OfficialAccountInfoList"],
        json!([
            {"Official_Account": id, "ErrorCode": 0, "ErrorInfo": "", "CreateTime": NOW,
                "Name": "news", "Owner_Account": "alice"},
            {"Official_Account": "@TOA#_@TOA#dZDP", "ErrorCode": 130004,
                "ErrorInfo": "the official account does not exist or has been destroyed"},
        ])
    );
}

#[test]
fn create_rejects_what_tencent_rejects() {
    let mut r = rig();
    create(&mut r, CREATE_EXAMPLE);
    let with = |k: &str, v: Value| {
        let mut o: serde_json::Map<String, Value> =
            serde_json::from_str(r#"{"Owner_Account":"alice","Name":"n"}"#).unwrap();
        o.insert(k.into(), v);
        Value::Object(o).to_string()
    };
    for (body, code) in [
        (CREATE_EXAMPLE.to_owned(), 130008),
        (with("OfficialAccountUserID", "test_id".into()), 130007),
        (with("OfficialAccountUserID", "@TOA#_".into()), 130007),
        (
            with(
                "OfficialAccountUserID",
                format!("@TOA#_{}", "x".repeat(43)).into(),
            ),
            130007,
        ),
        (with("OfficialAccountUserID", "@TOA#_a b".into()), 130007),
        (with("Owner_Account", "ghost".into()), 6017),
        (with("Name", "".into()), 6017),
        (with("Name", "n".repeat(151).into()), 6017),
        (with("Introduction", "i".repeat(401).into()), 6017),
        (with("FaceUrl", "f".repeat(501).into()), 6017),
        (with("Organization", "o".repeat(501).into()), 6017),
        (with("CustomString", "c".repeat(3001).into()), 6017),
        (with("MaxSubscriberNum", 0.into()), 6017),
        (with("MaxSubscriberNum", 4_294_967_296u64.into()), 6017),
        (r#"{"Owner_Account":"alice"}"#.into(), 6017),
        (r#"{"Name":"n"}"#.into(), 6017),
    ] {
        r.fails(SVC, "create_official_account", &body, code);
    }
    // The limits themselves are fine: 48-byte ID, 150-byte name (a 3-byte character counts 3).
    let id = format!("@TOA#_{}", "x".repeat(42));
    r.ok(
        SVC,
        "create_official_account",
        &with("OfficialAccountUserID", id.into()),
    );
    r.ok(
        SVC,
        "create_official_account",
        &with("Name", "界".repeat(50).into()),
    );
    assert_eq!(r.emu.state().official.len(), 3);
}

#[test]
fn modify_destroy_and_every_route_after_it() {
    let mut r = rig();
    let id = create(&mut r, CREATE_EXAMPLE);
    r.now += 5;
    r.ok(
        SVC,
        "modify_official_account_base_info",
        &format!(r#"{{"Official_Account":"{id}","Name":"renamed","Introduction":"","MaxSubscriberNum":2}}"#),
    );
    let a = info(&mut r, &id);
    assert_eq!(
        (a["Name"].as_str(), a["Introduction"].as_str()),
        (Some("renamed"), Some(""))
    );
    assert_eq!(
        (a["InfoSeq"].as_u64(), a["LastInfoTime"].as_u64()),
        (Some(1), Some(NOW + 5))
    );
    assert_eq!(
        a["Organization"], "test_organization",
        "fields not given stay"
    );
    r.ok(
        SVC,
        "add_subscriber",
        &format!(r#"{{"Official_Account":"{id}","SubscriberList":[{{"Subscriber_Account":"alice"}},{{"Subscriber_Account":"bob"}}]}}"#),
    );
    r.fails(
        SVC,
        "modify_official_account_base_info",
        &format!(r#"{{"Official_Account":"{id}","MaxSubscriberNum":1}}"#),
        6017,
    );
    r.ok(
        SVC,
        "destroy_official_account",
        &format!(r#"{{"Official_Account":"{id}"}}"#),
    );
    // Every route that names an account now answers 130004.
    let oa = format!(r#""Official_Account":"{id}""#);
    for (cmd, body) in [
        ("destroy_official_account", format!("{{{oa}}}")),
        (
            "modify_official_account_base_info",
            format!(r#"{{{oa},"Name":"x"}}"#),
        ),
        ("send_official_account_msg", text_msg(&id, 1, "x")),
        (
            "official_account_msg_recall",
            format!(r#"{{{oa},"MsgKeyList":["1_1_1"]}}"#),
        ),
        (
            "official_account_msg_get_simple",
            format!(r#"{{{oa},"ReqMsgNumber":1}}"#),
        ),
        (
            "add_subscriber",
            format!(r#"{{{oa},"SubscriberList":[{{"Subscriber_Account":"alice"}}]}}"#),
        ),
        (
            "delete_subscriber",
            format!(r#"{{{oa},"SubscriberToDel_Account":["alice"]}}"#),
        ),
        (
            "modify_subscriber_info",
            format!(r#"{{{oa},"Subscriber_Account":"alice"}}"#),
        ),
        ("get_subscriber_info", format!(r#"{{{oa},"Next":""}}"#)),
    ] {
        r.fails(SVC, cmd, &body, 130004);
    }
    let v = r.ok(
        SVC,
        "get_subscribed_official_account_list",
        r#"{"Subscriber_Account":"alice"}"#,
    );
    assert_eq!(v["TotalCount"], 0);
    // The ID is free again.
    assert_eq!(create(&mut r, CREATE_EXAMPLE), id);
}

#[test]
fn subscribers_are_added_removed_and_listed() {
    let mut r = rig();
    let id = create(&mut r, CREATE_EXAMPLE);
    // The doc's add example (1047/60760): both imported, both added.
    let v = r.ok(
        SVC,
        "add_subscriber",
        &format!(r#"{{"Official_Account":"{id}","SubscriberList":[{{"Subscriber_Account":"107867"}},{{"Subscriber_Account":"966582476"}}]}}"#),
    );
    assert_eq!(
        v["SubscriberList"],
        json!([{"Subscriber_Account": "107867", "Result": 1}, {"Subscriber_Account": "966582476", "Result": 1}])
    );
    r.now += 1;
    let v = r.ok(
        SVC,
        "add_subscriber",
        &format!(r#"{{"Official_Account":"{id}","SubscriberList":[{{"Subscriber_Account":"107867"}},
            {{"Subscriber_Account":"ghost"}},{{"Subscriber_Account":"alice","CustomString":"vip"}},{{"Subscriber_Account":"alice"}}]}}"#),
    );
    let results: Vec<i64> = v["SubscriberList"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["Result"].as_i64().unwrap())
        .collect();
    assert_eq!(results, [2, 0, 1, 2]);
    r.ok(
        SVC,
        "modify_subscriber_info",
        &format!(
            r#"{{"Official_Account":"{id}","Subscriber_Account":"966582476","CustomString":"c"}}"#
        ),
    );
    r.fails(
        SVC,
        "modify_subscriber_info",
        &format!(r#"{{"Official_Account":"{id}","Subscriber_Account":"bob","CustomString":"c"}}"#),
        6017,
    );
    // Pages of 2 with the Next cursor ("" at first and when done), in UserID order.
    let page = |r: &mut Rig, next: &str| {
        r.ok(
            SVC,
            "get_subscriber_info",
            &format!(r#"{{"Official_Account":"{id}","Limit":2,"Next":"{next}"}}"#),
        )
    };
    let p1 = page(&mut r, "");
    assert_eq!(p1["SubscriberNum"], 3);
    assert_eq!(
        p1["SubscriberList"],
        json!([
            {"Subscriber_Account": "107867", "SubscribeTime": NOW, "CustomString": "", "MsgFlag": "AcceptAndNotify", "LastSendMsgTime": 0},
            {"Subscriber_Account": "966582476", "SubscribeTime": NOW, "CustomString": "c", "MsgFlag": "AcceptAndNotify", "LastSendMsgTime": 0},
        ])
    );
    let next = p1["Next"].as_str().unwrap().to_owned();
    assert!(!next.is_empty());
    let p2 = page(&mut r, &next);
    assert_eq!(p2["SubscriberList"][0]["Subscriber_Account"], "alice");
    assert_eq!(p2["SubscriberList"][0]["SubscribeTime"], NOW + 1);
    assert_eq!(p2["SubscriberList"][0]["CustomString"], "vip");
    assert_eq!(p2["Next"], "");
    // Without Limit: all at once.
    let all = r.ok(
        SVC,
        "get_subscriber_info",
        &format!(r#"{{"Official_Account":"{id}"}}"#),
    );
    assert_eq!(
        (
            all["SubscriberList"].as_array().unwrap().len(),
            all["Next"].as_str()
        ),
        (3, Some(""))
    );
    r.fails(
        SVC,
        "get_subscriber_info",
        &format!(r#"{{"Official_Account":"{id}","Next":"%%"}}"#),
        6017,
    );
    for limit in ["0", "201"] {
        r.fails(
            SVC,
            "get_subscriber_info",
            &format!(r#"{{"Official_Account":"{id}","Limit":{limit}}}"#),
            6017,
        );
    }
    // The doc's delete example (1047/60761): 1 removed, 2 not a subscriber.
    let v = r.ok(
        SVC,
        "delete_subscriber",
        &format!(r#"{{"Official_Account":"{id}","SubscriberToDel_Account":["107867","bob"]}}"#),
    );
    assert_eq!(
        v["SubscriberList"],
        json!([{"Subscriber_Account": "107867", "Result": 1}, {"Subscriber_Account": "bob", "Result": 2}])
    );
    assert_eq!(info(&mut r, &id)["SubscriberNum"], 2);
}

#[test]
fn a_full_account_refuses_new_subscribers() {
    let mut r = rig();
    let id = create(
        &mut r,
        r#"{"Owner_Account":"alice","Name":"small","MaxSubscriberNum":2}"#,
    );
    r.emu.set_callbacks(true);
    let (v, after) = handle(
        &mut r,
        "add_subscriber",
        &format!(
            r#"{{"Official_Account":"{id}","SubscriberList":[{{"Subscriber_Account":"alice"}},{{"Subscriber_Account":"bob"}},{{"Subscriber_Account":"carol"}}]}}"#
        ),
        None,
    );
    let results: Vec<i64> = v["SubscriberList"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["Result"].as_i64().unwrap())
        .collect();
    assert_eq!(results, [1, 1, 0]);
    let commands: Vec<&str> = after.iter().map(|c| c.command).collect();
    assert_eq!(
        commands,
        [
            "OfficialAccount.CallbackAfterAddSubscriber",
            "OfficialAccount.CallbackAfterAddSubscriber",
            "OfficialAccount.CallbackAfterOfficialAccountFull",
        ]
    );
    assert_eq!(after[1].body["Subscriber_Account"], "bob");
    assert_eq!(after[2].body["Official_Account"], id.as_str());
    let (_, after) = handle(
        &mut r,
        "delete_subscriber",
        &format!(r#"{{"Official_Account":"{id}","SubscriberToDel_Account":["alice","carol"]}}"#),
        None,
    );
    assert_eq!(after.len(), 1);
    assert_eq!(
        after[0].command,
        "OfficialAccount.CallbackAfterDeleteSubscriber"
    );
    assert_eq!(
        after[0].body["SubscriberList"],
        json!([{"Subscriber_Account": "alice"}])
    );
}

#[test]
fn a_users_subscriptions_page_by_offset() {
    let mut r = rig();
    let mut ids = Vec::new();
    for n in 0..5 {
        let id = create(
            &mut r,
            &format!(r#"{{"Owner_Account":"alice","Name":"oa{n}"}}"#),
        );
        if n != 2 {
            r.ok(
                SVC,
                "add_subscriber",
                &format!(r#"{{"Official_Account":"{id}","SubscriberList":[{{"Subscriber_Account":"bob"}}]}}"#),
            );
        }
        ids.push(id);
    }
    // The doc's request form (1047/60763) with a base-info filter, in pages of 3.
    let page = |r: &mut Rig, offset: u64| {
        r.ok(
            SVC,
            "get_subscribed_official_account_list",
            &format!(r#"{{"Subscriber_Account":"bob","Limit":3,"Offset":{offset},
                "ResponseFilter":{{"OfficialAccountBaseInfoFilter":["Name","SubscriberNum"],"SelfInfoFilter":["SubscribeTime"]}}}}"#),
        )
    };
    let p1 = page(&mut r, 0);
    assert_eq!(
        (
            p1["TotalCount"].as_u64(),
            p1["CompleteFlag"].as_u64(),
            p1["Next"].as_u64()
        ),
        (Some(4), Some(0), Some(3))
    );
    assert_eq!(
        p1["OfficialAccountInfoList"],
        json!([
            {"Official_Account": ids[0], "Name": "oa0", "SubscriberNum": 1},
            {"Official_Account": ids[1], "Name": "oa1", "SubscriberNum": 1},
            {"Official_Account": ids[3], "Name": "oa3", "SubscriberNum": 1},
        ])
    );
    let p2 = page(&mut r, 3);
    assert_eq!(
        (p2["CompleteFlag"].as_u64(), p2["Next"].as_u64()),
        (Some(1), Some(4))
    );
    assert_eq!(p2["OfficialAccountInfoList"][0]["Name"], "oa4");
    // Default Limit 200, no filter: every field.
    let v = r.ok(
        SVC,
        "get_subscribed_official_account_list",
        r#"{"Subscriber_Account":"carol"}"#,
    );
    assert_eq!(
        (v["TotalCount"].as_u64(), v["CompleteFlag"].as_u64()),
        (Some(0), Some(1))
    );
    let v = r.ok(
        SVC,
        "get_subscribed_official_account_list",
        r#"{"Subscriber_Account":"bob"}"#,
    );
    assert_eq!(v["OfficialAccountInfoList"][0]["MaxSubscriberNum"], 100_000);
    for body in [
        r#"{"Subscriber_Account":"ghost"}"#,
        r#"{"Subscriber_Account":"bob","Limit":201}"#,
        r#"{"Subscriber_Account":"bob","Offset":-1}"#,
        r#"{"Subscriber_Account":"bob","ResponseFilter":{"OfficialAccountBaseInfoFilter":"Name"}}"#,
    ] {
        r.fails(SVC, "get_subscribed_official_account_list", body, 6017);
    }
}

#[test]
fn messages_send_dedup_recall_and_page_through_history() {
    let mut r = rig();
    let id = create(&mut r, CREATE_EXAMPLE);
    // The doc's basic send example (1047/60810): a text and a face element, custom data, push info.
    let v = r.ok(
        SVC,
        "send_official_account_msg",
        &format!(
            r#"{{"Official_Account":"{id}","Random":9875,"MsgBody":[{{"MsgType":"TIMTextElem","MsgContent":{{"Text":"red packet"}}}},
            {{"MsgType":"TIMFaceElem","MsgContent":{{"Index":6,"Data":"abc\\u0000\\u0001"}}}}],"CloudCustomData":"your cloud custom data",
            "OfflinePushInfo":{{"PushFlag":0,"Desc":"Offline Push Content","Ext":"This is the transmitted content","AndroidInfo":{{"Sound":"android.mp3"}},
            "ApnsInfo":{{"Sound":"apns.mp3","BadgeMode":1,"Title":"apns title","SubTitle":"apns subtitle","Image":"www.image.com"}}}},
            "SendMsgControl":["NoLastMsg"]}}"#
        ),
    );
    assert_eq!(v["MsgKey"], format!("1_1_{NOW}"));
    assert_eq!(v["MsgTime"], NOW);
    // Identical content within five minutes: the first answer again, nothing stored.
    r.now += 10;
    let first = r.ok(SVC, "send_official_account_msg", &text_msg(&id, 1, "hello"));
    r.now += 299;
    let again = r.ok(SVC, "send_official_account_msg", &text_msg(&id, 2, "hello"));
    assert_eq!(again, first);
    r.now += 1;
    let later = r.ok(SVC, "send_official_account_msg", &text_msg(&id, 3, "hello"));
    assert_eq!(later["MsgKey"], format!("3_1_{}", NOW + 310));
    // Online only: delivered, not stored, no sequence.
    let online = r.ok(
        SVC,
        "send_official_account_msg",
        &text_msg(&id, 4, "live").replacen('{', r#"{"OnlineOnlyFlag":1,"#, 1),
    );
    assert_eq!(online["MsgKey"], format!("0_1_{}", NOW + 310));
    for n in 0..22 {
        r.now += 1;
        r.ok(
            SVC,
            "send_official_account_msg",
            &text_msg(&id, 10 + n, &format!("m{n}")),
        );
    }
    let a = info(&mut r, &id);
    assert_eq!(
        (a["NextMsgSeq"].as_u64(), a["LastMsgTime"].as_u64()),
        (Some(26), Some(r.now))
    );

    // History (1047/60812): newest first; LastMsgKey continues; at most 20 (IsFinished 0 when cut).
    let get = |r: &mut Rig, extra: &str| {
        r.ok(
            SVC,
            "official_account_msg_get_simple",
            &format!(r#"{{"Official_Account":"{id}"{extra}}}"#),
        )
    };
    let p = get(&mut r, r#","ReqMsgNumber":2"#);
    assert_eq!(texts(&p), ["m21", "m20"]);
    assert_eq!(p["IsFinished"], 1);
    assert_eq!(p["RspMsgList"][0]["MsgSeq"], 25);
    let key = p["LastMsgKey"].as_str().unwrap().to_owned();
    assert_eq!(key, format!("24_1_{}", r.now - 1));
    let p = get(
        &mut r,
        &format!(r#","ReqMsgNumber":3,"LastMsgKey":"{key}""#),
    );
    assert_eq!(texts(&p), ["m19", "m18", "m17"]);
    let p = get(&mut r, r#","ReqMsgNumber":30"#);
    assert_eq!(
        (
            p["RspMsgList"].as_array().unwrap().len(),
            p["IsFinished"].as_u64()
        ),
        (20, Some(0))
    );
    let p = get(&mut r, r#","ReqMsgNumber":30,"LastMsgKey":"4_1_1""#);
    assert_eq!(texts(&p), ["hello", "hello", "red packet"]);
    assert_eq!(p["IsFinished"], 1);
    assert_eq!(
        p["RspMsgList"][2]["CloudCustomData"],
        "your cloud custom data"
    );
    assert_eq!(p["RspMsgList"][2]["MsgRandom"], 9875);

    // Recall (1047/60811): 0 recalled (again 0), 10030 unknown or malformed.
    let hello = format!("2_1_{}", NOW + 10);
    let v = r.ok(
        SVC,
        "official_account_msg_recall",
        &format!(r#"{{"Official_Account":"{id}","MsgKeyList":["{hello}","2_1_1","99_1_1","x"],"Reason":"oops"}}"#),
    );
    let codes: Vec<i64> = v["RecallRetList"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["RetCode"].as_i64().unwrap())
        .collect();
    assert_eq!(codes, [0, 10030, 10030, 10030]);
    assert_eq!(v["RecallRetList"][0]["MsgKey"], hello.as_str());
    let v = r.ok(
        SVC,
        "official_account_msg_recall",
        &format!(r#"{{"Official_Account":"{id}","MsgKeyList":["{hello}"]}}"#),
    );
    assert_eq!(v["RecallRetList"][0]["RetCode"], 0);
    let p = get(&mut r, r#","ReqMsgNumber":20,"LastMsgKey":"4_1_1""#);
    assert_eq!(texts(&p), ["hello", "red packet"]);
    let p = get(
        &mut r,
        r#","ReqMsgNumber":20,"LastMsgKey":"4_1_1","WithRecalledMsg":1"#,
    );
    assert_eq!(texts(&p), ["hello", "", "red packet"]);
    assert_eq!(p["RspMsgList"][1]["IsPlaceMsg"], 1);
    // A recalled message no longer dedups a resend of its content.
    r.now += 1;
    let resent = r.ok(SVC, "send_official_account_msg", &text_msg(&id, 99, "m21"));
    assert_eq!(
        resent,
        r.ok(SVC, "send_official_account_msg", &text_msg(&id, 98, "m21"))
    );
}

#[test]
fn message_requests_get_6017() {
    let mut r = rig();
    let id = create(&mut r, CREATE_EXAMPLE);
    let oa = format!(r#""Official_Account":"{id}""#);
    for (cmd, body) in [
        (
            "send_official_account_msg",
            text_msg(&id, 1, "x").replace(r#""Random":1,"#, ""),
        ),
        (
            "send_official_account_msg",
            text_msg(&id, 1, "x").replace(r#""Random":1"#, r#""Random":-1"#),
        ),
        (
            "send_official_account_msg",
            text_msg(&id, 1, "x").replace("TIMTextElem", "TIMBogusElem"),
        ),
        (
            "send_official_account_msg",
            format!(r#"{{{oa},"Random":1,"MsgBody":[]}}"#),
        ),
        (
            "send_official_account_msg",
            text_msg(&id, 1, "x").replacen('{', r#"{"OnlineOnlyFlag":2,"#, 1),
        ),
        (
            "send_official_account_msg",
            text_msg(&id, 1, "x").replacen('{', r#"{"SendMsgControl":["NoUnread"],"#, 1),
        ),
        (
            "send_official_account_msg",
            text_msg(&id, 1, "x").replacen('{', r#"{"ForbidCallbackControl":"all","#, 1),
        ),
        (
            "send_official_account_msg",
            text_msg(&id, 1, "x").replacen('{', r#"{"OfflinePushInfo":[],"#, 1),
        ),
        (
            "official_account_msg_recall",
            format!(r#"{{{oa},"MsgKeyList":[]}}"#),
        ),
        (
            "official_account_msg_recall",
            format!(r#"{{{oa},"MsgKeyList":[1]}}"#),
        ),
        (
            "official_account_msg_recall",
            format!(r#"{{{oa},"MsgKeyList":["a","b","c","d","e","f","g","h","i","j","k"]}}"#),
        ),
        (
            "official_account_msg_get_simple",
            format!(r#"{{{oa},"ReqMsgNumber":0}}"#),
        ),
        ("official_account_msg_get_simple", format!("{{{oa}}}")),
        (
            "official_account_msg_get_simple",
            format!(r#"{{{oa},"ReqMsgNumber":1,"LastMsgKey":"1_2_3"}}"#),
        ),
        (
            "official_account_msg_get_simple",
            format!(r#"{{{oa},"ReqMsgNumber":1,"WithRecalledMsg":2}}"#),
        ),
    ] {
        r.fails(SVC, cmd, &body, 6017);
    }
    assert_eq!(info(&mut r, &id)["NextMsgSeq"], 1, "nothing was sent");
}

/// One request straight into the emulator, with an optional before-callback answer.
fn handle(r: &mut Rig, cmd: &str, body: &str, before: Option<&Value>) -> (Value, Vec<Callback>) {
    reply(r.handle(SVC, cmd, body, before))
}

/// The before-callback `cmd` asks for, then the answer with the app's `answer`.
fn with_answer(
    r: &mut Rig,
    cmd: &str,
    body: &str,
    answer: &str,
) -> (Callback, Value, Vec<Callback>) {
    let Handled::NeedsBefore(cb) = r.handle(SVC, cmd, body, None) else {
        panic!("expected a before-callback");
    };
    let answer: Value = serde_json::from_str(answer).unwrap();
    let (v, after) = handle(r, cmd, body, Some(&answer));
    (cb, v, after)
}

#[test]
fn webhooks_ask_before_create_and_send_and_report_after() {
    let mut r = rig();
    r.emu.set_callbacks(true);
    let (cb, v, _) = with_answer(
        &mut r,
        "create_official_account",
        CREATE_EXAMPLE,
        r#"{"ErrorCode":1}"#,
    );
    assert_eq!(
        cb.command,
        "OfficialAccount.CallbackBeforeCreateOfficialAccount"
    );
    assert_eq!(
        cb.body,
        json!({"CallbackCommand": cb.command, "Operator_Account": ADMIN, "Owner_Account": "107867",
            "Name": "test_official_account", "EventTime": NOW * 1000})
    );
    assert_eq!(code(&v), 10016);
    let (_, v, _) = with_answer(
        &mut r,
        "create_official_account",
        CREATE_EXAMPLE,
        r#"{"ErrorCode":120005,"ErrorInfo":"not today"}"#,
    );
    assert_eq!(
        (code(&v), v["ErrorInfo"].as_str()),
        (120005, Some("not today"))
    );
    assert_eq!(r.emu.state().official.len(), 0);
    let (_, v, after) = with_answer(
        &mut r,
        "create_official_account",
        CREATE_EXAMPLE,
        r#"{"ErrorCode":0}"#,
    );
    let id = v["OfficialAccountUserID"].as_str().unwrap().to_owned();
    assert_eq!(
        after[0].command,
        "OfficialAccount.CallbackAfterCreateOfficialAccount"
    );
    assert_eq!(after[0].body["Official_Account"], id.as_str());
    assert_eq!(after[0].body["Owner_Account"], "107867");

    // Send: reject, custom code, drop, modify; the after-callback has the stored message.
    let send = |n: u32, t: &str| text_msg(&id, n, t);
    let (cb, v, after) = with_answer(
        &mut r,
        "send_official_account_msg",
        &send(1, "a"),
        r#"{"ErrorCode":1}"#,
    );
    assert_eq!(cb.command, "OfficialAccount.CallbackBeforeSendMsg");
    for (k, want) in [
        ("Official_Account", json!(id)),
        ("Operator_Account", json!(ADMIN)),
        ("OnlineOnlyFlag", json!(0)),
        ("EventTime", json!(NOW * 1000)),
    ] {
        assert_eq!(cb.body[k], want, "{k}");
    }
    assert_eq!(cb.body["MsgBody"][0]["MsgContent"]["Text"], "a");
    assert_eq!((code(&v), after.len()), (10016, 0));
    let (_, v, _) = with_answer(
        &mut r,
        "send_official_account_msg",
        &send(2, "b"),
        r#"{"ErrorCode":120001,"ErrorInfo":"no"}"#,
    );
    assert_eq!(code(&v), 120001);
    let (_, v, after) = with_answer(
        &mut r,
        "send_official_account_msg",
        &send(3, "c"),
        r#"{"ErrorCode":2}"#,
    );
    assert_eq!(
        (code(&v), v["MsgKey"].as_str(), after.len()),
        (0, Some(format!("0_1_{NOW}").as_str()), 0)
    );
    let (_, v, after) = with_answer(
        &mut r,
        "send_official_account_msg",
        &send(4, "d"),
        r#"{"ErrorCode":0,"MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"clean"}}],"CloudCustomData":"cc"}"#,
    );
    assert_eq!(v["MsgKey"], format!("1_1_{NOW}"));
    assert_eq!(after.len(), 1);
    assert_eq!(after[0].command, "OfficialAccount.CallbackAfterSendMsg");
    assert_eq!(after[0].body["MsgSeq"], 1);
    assert_eq!(after[0].body["MsgKey"], v["MsgKey"]);
    assert_eq!(after[0].body["MsgBody"][0]["MsgContent"]["Text"], "clean");
    assert_eq!(after[0].body["CloudCustomData"], "cc");
    // ForbidCallbackControl skips both.
    let body = send(5, "e").replacen(
        '{',
        r#"{"ForbidCallbackControl":["ForbidBeforeSendMsgCallback","ForbidAfterSendMsgCallback"],"#,
        1,
    );
    let (v, after) = handle(&mut r, "send_official_account_msg", &body, None);
    assert_eq!((code(&v), after.len()), (0, 0));
    // Recall, profile change and destroy report after the fact.
    let (_, after) = handle(
        &mut r,
        "official_account_msg_recall",
        &format!(r#"{{"Official_Account":"{id}","MsgKeyList":["1_1_{NOW}"]}}"#),
        None,
    );
    assert_eq!(after[0].command, "OfficialAccount.CallbackAfterMsgWithDraw");
    assert_eq!(after[0].body["MsgKey"], format!("1_1_{NOW}"));
    let (_, after) = handle(
        &mut r,
        "modify_official_account_base_info",
        &format!(r#"{{"Official_Account":"{id}","Name":"n2"}}"#),
        None,
    );
    assert_eq!(
        after[0].command,
        "OfficialAccount.CallbackAfterOfficialAccountInfoChanged"
    );
    let (_, after) = handle(
        &mut r,
        "destroy_official_account",
        &format!(r#"{{"Official_Account":"{id}"}}"#),
        None,
    );
    assert_eq!(
        after[0].command,
        "OfficialAccount.CallbackAfterOfficialAccountDestroyed"
    );
    assert_eq!(after[0].body["Owner_Account"], "107867");
}

#[test]
fn a_mistyped_field_is_6017_on_every_route() {
    let mut r = rig();
    let id = create(&mut r, CREATE_EXAMPLE);
    let oa = format!(r#""Official_Account":"{id}""#);
    let routes: &[(&str, String, &[&str])] = &[
        ("create_official_account", r#"{"Owner_Account":"alice","Name":"n","Introduction":"i","FaceUrl":"f","MaxSubscriberNum":5,"Organization":"o","CustomString":"c"}"#.into(),
            &["Owner_Account", "Name", "Introduction", "FaceUrl", "MaxSubscriberNum", "Organization", "CustomString"]),
        ("destroy_official_account", format!("{{{oa}}}"), &["Official_Account"]),
        ("modify_official_account_base_info", format!(r#"{{{oa},"Name":"n","MaxSubscriberNum":5}}"#), &["Official_Account", "Name", "MaxSubscriberNum"]),
        ("get_official_account_info", format!(r#"{{"OfficialAccountIdList":[{{{oa}}}],"ResponseFilter":{{}}}}"#), &["OfficialAccountIdList", "ResponseFilter"]),
        ("send_official_account_msg", format!(r#"{{{oa},"Random":7,"MsgBody":[{{"MsgType":"TIMTextElem","MsgContent":{{"Text":"y"}}}}],"OnlineOnlyFlag":0,"CloudCustomData":"c","SendMsgControl":[],"ForbidCallbackControl":[]}}"#),
            &["Official_Account", "Random", "MsgBody", "OnlineOnlyFlag", "CloudCustomData", "SendMsgControl", "ForbidCallbackControl"]),
        ("official_account_msg_recall", format!(r#"{{{oa},"MsgKeyList":["1_1_1"],"Reason":"r"}}"#), &["Official_Account", "MsgKeyList", "Reason"]),
        ("official_account_msg_get_simple", format!(r#"{{{oa},"ReqMsgNumber":5,"LastMsgKey":"9_1_1","WithRecalledMsg":0}}"#),
            &["Official_Account", "ReqMsgNumber", "LastMsgKey", "WithRecalledMsg"]),
        ("add_subscriber", format!(r#"{{{oa},"SubscriberList":[{{"Subscriber_Account":"alice"}}]}}"#), &["Official_Account", "SubscriberList"]),
        ("delete_subscriber", format!(r#"{{{oa},"SubscriberToDel_Account":["alice"]}}"#), &["Official_Account", "SubscriberToDel_Account"]),
        ("modify_subscriber_info", format!(r#"{{{oa},"Subscriber_Account":"107867","CustomString":"c"}}"#), &["Official_Account", "Subscriber_Account", "CustomString"]),
        ("get_subscriber_info", format!(r#"{{{oa},"Limit":5,"Next":""}}"#), &["Official_Account", "Limit", "Next"]),
        ("get_subscribed_official_account_list", r#"{"Subscriber_Account":"107867","Limit":5,"Offset":0,"ResponseFilter":{}}"#.into(),
            &["Subscriber_Account", "Limit", "Offset", "ResponseFilter"]),
    ];
    let emulated: Vec<&str> = crate::emulator::routes::all()
        .filter(|rt| rt.service == SVC)
        .map(|rt| rt.command)
        .collect();
    let mut listed: Vec<&str> = routes.iter().map(|(c, ..)| *c).collect();
    listed.sort_unstable();
    let mut all = emulated.clone();
    all.sort_unstable();
    assert_eq!(listed, all, "every official-account route is in the table");
    let subscribe = |r: &mut Rig| {
        r.ok(
            SVC,
            "add_subscriber",
            &format!(r#"{{{oa},"SubscriberList":[{{"Subscriber_Account":"107867"}}]}}"#),
        );
    };
    subscribe(&mut r);
    // The bodies themselves succeed (each on a fresh rig with the same, deterministic, ID).
    for (cmd, body, _) in routes {
        let mut fresh = rig();
        assert_eq!(create(&mut fresh, CREATE_EXAMPLE), id);
        subscribe(&mut fresh);
        fresh.ok(SVC, cmd, body);
    }
    for (cmd, body, fields) in routes {
        r.fails(SVC, cmd, "{}", 6017);
        let base = serde_json::from_str::<Value>(body).unwrap();
        for field in *fields {
            for (w, sent) in mistyped(&base, field) {
                if *field == "ResponseFilter" && w.starts_with('{') {
                    continue; // an object with unknown keys is a valid (empty) filter
                }
                let v = r.call(SVC, cmd, &sent);
                // Official_Account given a non-string is 6017; a string naming nothing is 130004.
                assert_eq!(code(&v), 6017, "{cmd} {field}={w}: {v}");
            }
        }
    }
    // Nothing above changed the account.
    assert_eq!(info(&mut r, &id)["InfoSeq"], 0);
    assert_eq!(info(&mut r, &id)["SubscriberNum"], 1);
    assert_eq!(r.emu.state().official.len(), 1);
}

#[test]
fn snapshots_keep_accounts_subscribers_and_messages() {
    let mut r = rig();
    let id = create(&mut r, CREATE_EXAMPLE);
    r.ok(
        SVC,
        "add_subscriber",
        &format!(
            r#"{{"Official_Account":"{id}","SubscriberList":[{{"Subscriber_Account":"bob"}}]}}"#
        ),
    );
    r.ok(SVC, "send_official_account_msg", &text_msg(&id, 1, "kept"));
    let (snap, mut other) = r.snapshot_round_trip();
    let v = other.ok(
        SVC,
        "official_account_msg_get_simple",
        &format!(r#"{{"Official_Account":"{id}","ReqMsgNumber":5}}"#),
    );
    assert_eq!(texts(&v), ["kept"]);
    // The next message continues the sequence; the next generated ID does not collide.
    let v = other.ok(SVC, "send_official_account_msg", &text_msg(&id, 2, "next"));
    assert_eq!(v["MsgKey"], format!("2_1_{NOW}"));
    for bad in [
        r#"{"version":1,"official":{"Accounts":[]}}"#,
        r#"{"version":1,"official":{"Accounts":{"@TOA#_a":{"serial":5}}}}"#,
    ] {
        let e = other.emu.restore(bad).unwrap_err();
        assert!(e.0.contains("official"), "{}", e.0);
    }
    // A hand-edited snapshot breaking an invariant is refused: more subscribers than allowed.
    let mut doc: Value = serde_json::from_str(&snap).unwrap();
    doc["official"]["Accounts"][&id]["MaxSubscriberNum"] = 0.into();
    let e = other.emu.restore(&doc.to_string()).unwrap_err();
    assert!(e.0.contains("MaxSubscriberNum"), "{}", e.0);
}

#[test]
fn tencents_documented_requests_run_as_documented() {
    let mut r = rig();
    // The accounts the examples read and modify.
    for id in ["@TOA#_test_for_penn", "@TOA#_@TOA#dZDP", "@TOA#_@TOA#dOEF"] {
        let body =
            format!(r#"{{"OfficialAccountUserID":"{id}","Owner_Account":"107867","Name":"n"}}"#);
        r.ok(SVC, "create_official_account", &body);
    }
    let ran = super::push::run_doc_examples(&mut r, SVC, &[]);
    assert_eq!(ran, 4);
    let v = info(&mut r, "@TOA#_@TOA#dOEF");
    assert_eq!(v["Name"], "test_modify_official_account");
    assert_eq!(v["MaxSubscriberNum"], 1000);
}
