//! Table tests: the catalog against the shared endpoint list, the side tables against the
//! catalog, and validation / paging / batching against Tencent's documented examples.

use super::paging::{next_page, paging, PAGING};
use super::rules::{batch_list, BATCH_LISTS, RANGES, REQUIRED};
use super::*;
use crate::error::Kind;
use serde_json::{json, Value};

// The tests write documents with serde_json's `json!`; bodies cross to the splitter as the text
// a caller's JSON.stringify would give.
fn ours(v: &Value) -> Value {
    v.clone()
}
fn theirs(v: &Value) -> Value {
    v.clone()
}
fn split(e: &Endpoint, body: &Value) -> Vec<Value> {
    batch::split(e, &body.to_string())
        .unwrap()
        .iter()
        .map(|t| serde_json::from_str(t).unwrap())
        .collect()
}
fn merge(answers: &[Value]) -> Value {
    batch::merge(answers)
}
use std::collections::HashSet;

fn shared() -> Vec<Value> {
    serde_json::from_str::<Value>(include_str!("../../data/endpoints.json"))
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

fn ep(service: &str, command: &str) -> &'static Endpoint {
    find(service, command).unwrap_or_else(|| panic!("{service}/{command} not in the catalog"))
}

#[test]
fn every_current_endpoint_is_a_row_exactly_once() {
    let current: Vec<(String, String)> = shared()
        .iter()
        .filter(|e| e["status"] == "current")
        .map(|e| {
            (
                e["servicename"].as_str().unwrap().to_owned(),
                e["command"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(current.len(), 165);
    for (s, c) in &current {
        let n = ENDPOINTS
            .iter()
            .filter(|e| e.service == s && e.command == c)
            .count();
        assert_eq!(n, 1, "{s}/{c} appears {n} times");
    }
    assert_eq!(
        ENDPOINTS.len(),
        current.len(),
        "the catalog has rows that are not current endpoints"
    );
}

#[test]
fn names_are_unique_camel_case_and_namespaced() {
    let mut seen = HashSet::new();
    for e in ENDPOINTS {
        assert!(
            seen.insert((e.namespace, e.method)),
            "{}.{} twice",
            e.namespace,
            e.method
        );
        for name in [e.namespace, e.method] {
            let first = name.chars().next().unwrap();
            assert!(
                first.is_ascii_lowercase() && name.chars().all(|c| c.is_ascii_alphanumeric()),
                "{name}"
            );
        }
        // The derived helper names must not collide with a real method either.
        assert!(
            !e.method.ends_with("Pages") && !e.method.ends_with("Batched"),
            "{}",
            e.method
        );
    }
}

#[test]
fn side_tables_point_at_catalog_rows_once() {
    let mut paths = HashSet::new();
    for p in REQUIRED.iter().map(|(p, _)| *p) {
        assert!(paths.insert(p), "REQUIRED lists {p:?} twice");
    }
    let all: Vec<Path> = REQUIRED
        .iter()
        .map(|(p, _)| *p)
        .chain(BATCH_LISTS.iter().map(|b| b.path))
        .chain(PAGING.iter().map(|p| p.path))
        .chain(RANGES.iter().map(|r| r.path))
        .collect();
    for (s, c) in all {
        ep(s, c);
    }
    let mut paged = HashSet::new();
    for p in PAGING {
        assert!(paged.insert(p.path), "PAGING lists {:?} twice", p.path);
        let (s, c) = p.path;
        assert_eq!(
            ep(s, c).retry,
            Retry::Read,
            "{:?} is paged, so it is a read",
            p.path
        );
    }
}

#[test]
fn every_batch_limit_names_its_list_and_back() {
    for e in ENDPOINTS {
        let list = batch_list(&e.path());
        assert_eq!(
            e.batch_limit > 0,
            list.is_some(),
            "{}: batch_limit {} vs list {:?}",
            e.path(),
            e.batch_limit,
            list.map(|l| l.fields)
        );
    }
}

#[test]
fn batch_limits_agree_with_the_shared_notes() {
    // The shared list was written from the docs independently of this table: where its notes
    // state "Up to N <things> per request" or "1-N recipients", the limit must be that N.
    let mut checked = 0;
    for e in shared().iter().filter(|e| e["status"] == "current") {
        let notes = e["notes"].as_str().unwrap_or("");
        let stated = notes.split(';').chain(notes.split('.')).find_map(|part| {
            let part = part.trim();
            let rest = part
                .strip_prefix("Up to ")
                .or_else(|| part.strip_prefix("1-"))?;
            let n: String = rest.chars().take_while(char::is_ascii_digit).collect();
            let tail = &rest[n.len()..];
            (tail.contains("per request") || tail.contains("recipients per"))
                .then(|| n.parse::<u16>().ok())
                .flatten()
        });
        if let Some(n) = stated {
            let row = ep(
                e["servicename"].as_str().unwrap(),
                e["command"].as_str().unwrap(),
            );
            // A per-request limit that is not about a list (KV pairs per message, users and tags
            // at once) is checked only where a list is named.
            if row.batch_limit > 0 || batch_list(&row.path()).is_some() {
                assert_eq!(row.batch_limit, n, "{}", row.path());
                checked += 1;
            }
        }
    }
    assert!(checked >= 15, "only {checked} limits checked");
    assert_eq!(
        ep("im_open_login_svc", "multiaccount_import").batch_limit,
        100
    );
    assert_eq!(ep("openim", "batchsendmsg").batch_limit, 500);
    assert_eq!(
        ep("group_open_http_svc", "delete_group_member").batch_limit,
        100
    );
}

#[test]
fn retry_classes_follow_the_dedup_facts() {
    let dedup: HashSet<&str> = ENDPOINTS
        .iter()
        .filter(|e| e.retry == Retry::DedupKey)
        .map(|e| e.command)
        .collect();
    let expect: HashSet<&str> = [
        "sendmsg",
        "send_group_msg",
        "importmsg",
        "import_group_msg",
        "send_official_account_msg",
    ]
    .into();
    assert_eq!(dedup, expect);
    assert_eq!(ep("openim", "batchsendmsg").retry, Retry::Unsafe);
    assert_eq!(
        ep("im_open_login_svc", "account_import").retry,
        Retry::Idempotent
    );
    assert_eq!(ep("profile", "portrait_set").retry, Retry::Idempotent);
    assert_eq!(
        ep("group_open_http_svc", "create_group").retry,
        Retry::Unsafe
    );
    // Every command whose name says it reads is a read.
    for e in ENDPOINTS {
        let reads = [
            "get_",
            "check",
            "query_",
            "search_",
            "portrait_get",
            "getnospeaking",
            "getappinfo",
            "GetIPList",
        ];
        if reads
            .iter()
            .any(|r| e.command.starts_with(r) || e.command.contains(&format!("_{r}")))
        {
            assert_eq!(e.retry, Retry::Read, "{}", e.path());
        }
    }
}

#[test]
fn the_exported_table_has_every_row_and_field() {
    let t: Value = serde_json::from_str(&table()).unwrap();
    let rows = t.as_array().unwrap();
    assert_eq!(rows.len(), ENDPOINTS.len());
    let r = rows
        .iter()
        .find(|r| r["command"] == "multiaccount_import")
        .unwrap();
    assert_eq!(r["namespace"], "account");
    assert_eq!(r["servicename"], "im_open_login_svc");
    assert_eq!(r["batchLimit"], 100);
    assert_eq!(r["batchField"], "AccountList");
    assert_eq!(r["retry"], "idempotent");
    assert_eq!(r["splittable"], true);
    let g = rows
        .iter()
        .find(|r| r["command"] == "get_appid_group_list")
        .unwrap();
    assert_eq!(g["paged"], true);
    assert_eq!(g["pageItems"], "GroupIdList");
    assert_eq!(
        rows.iter().filter(|r| r["paged"] == true).count(),
        PAGING.len()
    );
}

// ---- validation ----

fn check(service: &str, command: &str, body: Value) -> Result<(), crate::error::TimError> {
    validate(ep(service, command), &ours(&body))
}

#[test]
fn validation_table() {
    let ids = |n: usize| Value::Array((0..n).map(|i| json!(format!("u{i}"))).collect());
    let accounts = |n: usize| {
        Value::Array(
            (0..n)
                .map(|i| json!({ "UserID": format!("u{i}") }))
                .collect(),
        )
    };
    // (service, command, body, Some(text the error must contain) | None for ok)
    let cases: Vec<(&str, &str, Value, Option<&str>)> = vec![
        (
            "im_open_login_svc",
            "account_import",
            json!({ "UserID": "a" }),
            None,
        ),
        (
            "im_open_login_svc",
            "account_import",
            json!({ "Nick": "a" }),
            Some("UserID is required"),
        ),
        (
            "im_open_login_svc",
            "account_import",
            json!({ "UserID": null }),
            Some("UserID is required"),
        ),
        (
            "im_open_login_svc",
            "account_import",
            json!([1]),
            Some("must be a JSON object"),
        ),
        (
            "im_open_login_svc",
            "multiaccount_import",
            json!({ "Accounts": ids(100) }),
            None,
        ),
        (
            "im_open_login_svc",
            "multiaccount_import",
            json!({ "AccountList": accounts(100) }),
            None,
        ),
        (
            "im_open_login_svc",
            "multiaccount_import",
            json!({ "AccountList": accounts(101) }),
            Some("AccountList has 101 items"),
        ),
        (
            "im_open_login_svc",
            "multiaccount_import",
            json!({ "Accounts": ids(101) }),
            Some("at most 100"),
        ),
        (
            "im_open_login_svc",
            "multiaccount_import",
            json!({}),
            Some("AccountList or Accounts is required"),
        ),
        (
            "im_open_login_svc",
            "multiaccount_import",
            json!({ "Accounts": [] }),
            Some("must not be empty"),
        ),
        (
            "im_open_login_svc",
            "account_check",
            json!({ "CheckItem": "u1" }),
            Some("must be an array"),
        ),
        (
            "openim",
            "batchsendmsg",
            json!({ "To_Account": ids(500), "MsgBody": [] }),
            None,
        ),
        (
            "openim",
            "batchsendmsg",
            json!({ "To_Account": ids(501), "MsgBody": [] }),
            Some("501 items"),
        ),
        (
            "openim",
            "sendmsg",
            json!({ "To_Account": "b", "MsgBody": [] }),
            None,
        ),
        (
            "openim",
            "sendmsg",
            json!({ "To_Account": "b" }),
            Some("MsgBody is required"),
        ),
        (
            "group_open_http_svc",
            "get_appid_group_list",
            Value::Null,
            None,
        ),
        (
            "group_open_http_svc",
            "get_appid_group_list",
            json!({ "Limit": 10000 }),
            None,
        ),
        (
            "group_open_http_svc",
            "get_appid_group_list",
            json!({ "Limit": 10001 }),
            Some("Limit must be an integer from 1 to 10000"),
        ),
        (
            "group_open_http_svc",
            "get_appid_group_list",
            json!({ "Limit": "20" }),
            Some("Limit must be"),
        ),
        (
            "group_open_http_svc",
            "group_msg_get_simple",
            json!({ "GroupId": "g", "ReqMsgNumber": 21 }),
            Some("ReqMsgNumber"),
        ),
        (
            "group_open_http_svc",
            "add_group_member",
            json!({ "GroupId": "g", "MemberList": accounts(300) }),
            None,
        ),
        (
            "group_open_http_svc",
            "add_group_member",
            json!({ "GroupId": "g", "MemberList": accounts(301) }),
            Some("use group.addGroupMemberBatched"),
        ),
        (
            "group_open_http_svc",
            "delete_group_member",
            json!({ "GroupId": "g", "MemberToDel_Account": ids(101) }),
            Some("at most 100"),
        ),
        (
            "group_open_http_svc",
            "create_group",
            json!({ "Type": "Public", "Name": "x" }),
            None,
        ),
        (
            "group_open_http_svc",
            "create_group",
            json!({ "Type": "Public" }),
            Some("Name is required"),
        ),
        ("openconfigsvr", "getappinfo", json!({}), None),
    ];
    expect_validation(cases);
}

/// Runs `(service, command, body, Some(text the error must contain) | None for ok)` cases.
fn expect_validation(cases: Vec<(&str, &str, Value, Option<&str>)>) {
    for (s, c, body, want) in cases {
        let got = check(s, c, body.clone());
        match (want, got) {
            (None, Ok(())) => {}
            (Some(text), Err(e)) => {
                assert_eq!(e.kind, Kind::BadInput, "{s}/{c}");
                assert_eq!((e.service.as_str(), e.command.as_str()), (s, c));
                assert!(
                    e.info.contains(text),
                    "{s}/{c}: {:?} does not contain {text:?}",
                    e.info
                );
            }
            (want, got) => panic!("{s}/{c} {body}: wanted {want:?}, got {got:?}"),
        }
    }
}

/// Request bodies copied from Tencent's pages must pass, and leaving out a field the page's
/// table marks required must fail. Pages: get/set_key_values 269/82029 and 269/82030,
/// timpush/push 269/100634 (Push service) and 269/45933 (Chat), timpush/revoke 269/105123,
/// admin_getroammsg 269/42794, sns/group_get 269/54763.
#[test]
#[rustfmt::skip]
fn documented_examples_pass_and_documented_required_fields_are_checked() {
    let push_info = json!({ "PushFlag": 0, "Title": "title", "Desc": "content" });
    let text = json!([{ "MsgType": "TIMTextElem", "MsgContent": { "Text": "hi, beauty" } }]);
    let ext = "openim_msg_ext_http_svc";
    let cases: Vec<(&str, &str, Value, Option<&str>)> = vec![
        // get_key_values: From_Account and StartSeq are optional.
        (ext, "get_key_values", json!({ "From_Account": "62768", "To_Account": "116400", "MsgKey": "44739199_12_1665388280" }), None),
        (ext, "get_key_values", json!({ "From_Account": "62768", "To_Account": "116400", "MsgKey": "44739199_12_1665388280", "StartSeq": 2 }), None),
        (ext, "get_key_values", json!({ "To_Account": "116400", "MsgKey": "44739199_12_1665388280" }), None),
        (ext, "get_key_values", json!({ "From_Account": "62768", "To_Account": "116400" }), Some("MsgKey is required")),
        // set_key_values: From_Account optional; OperateType 3 clears without ExtensionList.
        (ext, "set_key_values", json!({ "From_Account": "62768", "To_Account": "116400", "MsgKey": "44739199_12_1665388280", "OperateType": 3 }), None),
        (ext, "set_key_values", json!({ "To_Account": "116400", "MsgKey": "44739199_12_1665388280", "OperateType": 1, "ExtensionList": [{ "Key": "k1", "Value": "v1", "Seq": 0 }] }), None),
        (ext, "set_key_values", json!({ "To_Account": "116400", "MsgKey": "44739199_12_1665388280" }), Some("OperateType is required")),
        // timpush/push: either documented form.
        ("timpush", "push", json!({ "From_Account": "administrator", "MsgRandom": 3674128, "OfflinePushInfo": push_info }), None),
        ("timpush", "push", json!({ "From_Account": "admin", "MsgRandom": 3674128, "OnlineOnlyFlag": 0, "MsgBody": text }), None),
        ("timpush", "push", json!({ "From_Account": "admin", "MsgRandom": 3674128, "MsgBody": text, "OfflinePushInfo": push_info }), None),
        ("timpush", "push", json!({ "From_Account": "admin", "MsgRandom": 3674128 }), Some("OfflinePushInfo or MsgBody is required")),
        // timpush/revoke: both fields required on the current page.
        ("timpush", "revoke", json!({ "TaskId": "660cc447_537ed82a_200000cd7ee17f5_84035729_bc614e", "OfflinePushInfo": { "Title": "t", "Desc": "d" } }), None),
        ("timpush", "revoke", json!({ "TaskId": "660cc447_537ed82a_200000cd7ee17f5_84035729_bc614e" }), Some("OfflinePushInfo is required")),
        // admin_getroammsg: the two accounts name the conversation.
        ("openim", "admin_getroammsg", json!({ "Operator_Account": "user2", "Peer_Account": "user1", "MaxCnt": 100, "MinTime": 1584669600, "MaxTime": 1584673200 }), None),
        ("openim", "admin_getroammsg", json!({ "Operator_Account": "user2", "Peer_Account": "user1", "MaxCnt": 100, "MinTime": 1584669600, "MaxTime": 1584669680, "LastMsgKey": "549396494_2578554_1584669680" }), None),
        ("openim", "admin_getroammsg", json!({ "Operator_Account": "user2", "MaxCnt": 100, "MinTime": 1584669600, "MaxTime": 1584673200 }), Some("Peer_Account is required")),
        ("openim", "admin_getroammsg", json!({ "Peer_Account": "user1", "MaxCnt": 100, "MinTime": 1584669600, "MaxTime": 1584673200 }), Some("Operator_Account is required")),
        ("openim", "admin_getroammsg", json!({ "Operator_Account": "user2", "Peer_Account": "user1", "MinTime": 1584669600, "MaxTime": 1584673200 }), Some("MaxCnt is required")),
        // sns/group_get: the page's basic form is From_Account alone (no LastSequence field).
        ("sns", "group_get", json!({ "From_Account": "id" }), None),
        ("sns", "group_get", json!({ "From_Account": "id", "NeedFriend": "Need_Friend_Type_Yes", "GroupName": ["group1"] }), None),
        ("sns", "group_get", json!({ "GroupName": ["group1"] }), Some("From_Account is required")),
    ];
    expect_validation(cases);
}

#[test]
fn validation_counts() {
    // How much of the catalog carries checks (reported in the docs).
    let with_required = ENDPOINTS
        .iter()
        .filter(|e| !rules::required(&e.path()).is_empty())
        .count();
    assert!(with_required >= 140, "{with_required}");
    assert_eq!(
        ENDPOINTS.iter().filter(|e| e.batch_limit > 0).count(),
        BATCH_LISTS.len()
    );
}

// ---- paging ----

fn next(service: &str, command: &str, req: Value, resp: Value) -> Option<Value> {
    let rule = paging(&ep(service, command).path()).expect("paged");
    next_page(rule, &ours(&req), &ours(&resp))
        .unwrap()
        .map(|v| theirs(&v))
}

#[test]
fn roam_messages_continue_as_the_docs_show() {
    // Tencent's admin_getroammsg page: the continuation sets MaxTime to LastMsgTime and adds
    // LastMsgKey, keeping the other fields.
    let req = json!({"Operator_Account":"user2","Peer_Account":"user1","MaxCnt":100,"MinTime":1584669600,"MaxTime":1584673200});
    let resp = json!({"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0,"Complete":0,"MsgCnt":12,"LastMsgTime":1584669680,"LastMsgKey":"549396494_2578554_1584669680","MsgList":[]});
    let want = json!({"Operator_Account":"user2","Peer_Account":"user1","MaxCnt":100,"MinTime":1584669600,"MaxTime":1584669680,"LastMsgKey":"549396494_2578554_1584669680"});
    assert_eq!(
        next("openim", "admin_getroammsg", req.clone(), resp),
        Some(want)
    );
    let last = json!({"ActionStatus":"OK","Complete":1,"MsgCnt":3,"LastMsgTime":1584669000,"LastMsgKey":"k","MsgList":[]});
    assert_eq!(next("openim", "admin_getroammsg", req, last), None);
}

#[test]
fn group_list_follows_next_until_zero() {
    // Docs: first page {"Limit":20,"Next":0}, then {"Limit":20,"Next":<returned Next>}; Next 0 = done.
    let req = json!({"Limit":20,"Next":0});
    let page = json!({"ActionStatus":"OK","ErrorCode":0,"TotalCount":50,"GroupIdList":[{"GroupId":"a"}],"Next":4454685361u64});
    assert_eq!(
        next(
            "group_open_http_svc",
            "get_appid_group_list",
            req.clone(),
            page
        ),
        Some(json!({"Limit":20,"Next":4454685361u64}))
    );
    let last = json!({"ActionStatus":"OK","ErrorCode":0,"TotalCount":50,"GroupIdList":[{"GroupId":"z"}],"Next":0});
    assert_eq!(
        next("group_open_http_svc", "get_appid_group_list", req, last),
        None
    );
}

#[test]
fn group_history_asks_below_the_smallest_seq() {
    // Docs: later pulls ask for the smallest returned seq minus 1.
    let req = json!({"GroupId":"@TGS#1","ReqMsgNumber":2});
    let page = json!({"RspMsgList":[{"MsgSeq":7803321},{"MsgSeq":7803320}],"IsFinished":1});
    assert_eq!(
        next(
            "group_open_http_svc",
            "group_msg_get_simple",
            req.clone(),
            page
        ),
        Some(json!({"GroupId":"@TGS#1","ReqMsgNumber":2,"ReqMsgSeq":7803319}))
    );
    assert_eq!(
        next(
            "group_open_http_svc",
            "group_msg_get_simple",
            req.clone(),
            json!({"RspMsgList":[]})
        ),
        None
    );
    assert_eq!(
        next(
            "group_open_http_svc",
            "group_msg_get_simple",
            req,
            json!({"RspMsgList":[{"MsgSeq":1}]})
        ),
        None
    );
}

#[test]
fn cursor_and_flag_lists() {
    // friend_get: StartIndex <- NextStartIndex until CompleteFlag 1.
    let req = json!({"From_Account":"id","StartIndex":0});
    let page = json!({"UserDataItem":[{}],"StandardSequence":88,"CustomSequence":46,"FriendNum":3,"CompleteFlag":0,"NextStartIndex":1});
    assert_eq!(
        next("sns", "friend_get", req.clone(), page),
        Some(json!({"From_Account":"id","StartIndex":1}))
    );
    assert_eq!(
        next(
            "sns",
            "friend_get",
            req,
            json!({"CompleteFlag":1,"NextStartIndex":0})
        ),
        None
    );
    // black_list_get: StartIndex and LastSequence from the answer; StartIndex 0 = done.
    let req = json!({"From_Account":"id","StartIndex":0,"MaxLimited":30,"LastSequence":0});
    let page =
        json!({"BlackListItem":[{"To_Account":"id1"}],"StartIndex":30,"CurruentSequence":13});
    assert_eq!(
        next("sns", "black_list_get", req.clone(), page),
        Some(json!({"From_Account":"id","StartIndex":30,"MaxLimited":30,"LastSequence":13}))
    );
    assert_eq!(
        next(
            "sns",
            "black_list_get",
            req,
            json!({"BlackListItem":[],"StartIndex":0,"CurruentSequence":13})
        ),
        None
    );
    // follow_get: StartCursor <- NextCursor; "" = done.
    let req = json!({"From_Account":"u","FollowType":1,"StartCursor":"","WantNum":100});
    assert_eq!(
        next(
            "follow",
            "follow_get",
            req.clone(),
            json!({"FollowItem":[{}],"NextCursor":"abc"})
        ),
        Some(json!({"From_Account":"u","FollowType":1,"StartCursor":"abc","WantNum":100}))
    );
    assert_eq!(
        next(
            "follow",
            "follow_get",
            req,
            json!({"FollowItem":[{}],"NextCursor":""})
        ),
        None
    );
    // recent contacts: all four cursors come back; CompleteFlag 1 = done.
    let req = json!({"From_Account":"id1","TimeStamp":0,"StartIndex":0,"TopTimeStamp":0,"TopStartIndex":0,"AssistFlags":7});
    let page = json!({"SessionItem":[{}],"CompleteFlag":0,"TimeStamp":1631012800,"StartIndex":100,"TopTimeStamp":1631012800,"TopStartIndex":5});
    assert_eq!(
        next("recentcontact", "get_list", req.clone(), page),
        Some(
            json!({"From_Account":"id1","TimeStamp":1631012800,"StartIndex":100,"TopTimeStamp":1631012800,"TopStartIndex":5,"AssistFlags":7})
        )
    );
    assert_eq!(
        next(
            "recentcontact",
            "get_list",
            req,
            json!({"SessionItem":[],"CompleteFlag":1,"TimeStamp":1,"StartIndex":0})
        ),
        None
    );
}

#[test]
fn offset_lists_advance_by_the_items_returned() {
    let req = json!({"GroupId":"g","Limit":2,"Offset":0});
    let page = json!({"MemberNum":5,"MemberList":[{},{}]});
    assert_eq!(
        next("group_open_http_svc", "get_group_member_info", req, page),
        Some(json!({"GroupId":"g","Limit":2,"Offset":2}))
    );
    // The page that reaches the total ends it; so does a short page; so does "no Limit".
    assert_eq!(
        next(
            "group_open_http_svc",
            "get_group_member_info",
            json!({"GroupId":"g","Limit":2,"Offset":2}),
            json!({"MemberNum":4,"MemberList":[{},{}]})
        ),
        None
    );
    assert_eq!(
        next(
            "group_open_http_svc",
            "get_group_member_info",
            json!({"GroupId":"g","Limit":2}),
            json!({"MemberNum":9,"MemberList":[{}]})
        ),
        None
    );
    assert_eq!(
        next(
            "group_open_http_svc",
            "get_group_member_info",
            json!({"GroupId":"g"}),
            json!({"MemberNum":9,"MemberList":[{},{}]})
        ),
        None
    );
    // Community groups answer with a Next cursor instead.
    assert_eq!(
        next(
            "group_open_http_svc",
            "get_group_member_info",
            json!({"GroupId":"@TGS#_c","Limit":2}),
            json!({"MemberList":[{},{}],"Next":"n1"})
        ),
        Some(json!({"GroupId":"@TGS#_c","Limit":2,"Next":"n1"}))
    );
    assert_eq!(
        next(
            "group_open_http_svc",
            "get_group_member_info",
            json!({"GroupId":"@TGS#_c","Limit":2,"Next":"n1"}),
            json!({"MemberList":[{}],"Next":""})
        ),
        None
    );
    assert_eq!(
        next(
            "group_open_http_svc",
            "get_joined_group_list",
            json!({"Member_Account":"a","Limit":1,"Offset":3}),
            json!({"TotalCount":9,"GroupIdList":[{}]})
        ),
        Some(json!({"Member_Account":"a","Limit":1,"Offset":4}))
    );
}

#[test]
fn more_lists() {
    // get_group_ban_member: Offset <- NextOffset; 0 = done.
    let req = json!({"GroupId":"g","Limit":20,"Offset":0});
    assert_eq!(
        next(
            "group_open_http_svc",
            "get_group_ban_member",
            req.clone(),
            json!({"BannedAccountList":[{}],"NextOffset":20})
        ),
        Some(json!({"GroupId":"g","Limit":20,"Offset":20}))
    );
    assert_eq!(
        next(
            "group_open_http_svc",
            "get_group_ban_member",
            req,
            json!({"BannedAccountList":[{}],"NextOffset":0})
        ),
        None
    );
    // Read-receipt detail: IsFinished 1 ends it even when a cursor comes back.
    let req = json!({"GroupId":"g","MsgSeq":5,"Filter":0,"Cursor":"","Count":2});
    assert_eq!(
        next(
            "group_open_http_svc",
            "get_group_msg_receipt_detail",
            req.clone(),
            json!({"ReadList":[{}],"Cursor":"c1","IsFinished":0})
        ),
        Some(json!({"GroupId":"g","MsgSeq":5,"Filter":0,"Cursor":"c1","Count":2}))
    );
    assert_eq!(
        next(
            "group_open_http_svc",
            "get_group_msg_receipt_detail",
            req,
            json!({"ReadList":[],"Cursor":"c2","IsFinished":1})
        ),
        None
    );
    // Subscribed official accounts: Offset <- Next until CompleteFlag.
    let req = json!({"Subscriber_Account":"u","Limit":2});
    assert_eq!(
        next(
            "official_account_open_http_svc",
            "get_subscribed_official_account_list",
            req.clone(),
            json!({"OfficialAccountInfoList":[{},{}],"CompleteFlag":0,"Next":2})
        ),
        Some(json!({"Subscriber_Account":"u","Limit":2,"Offset":2}))
    );
    assert_eq!(
        next(
            "official_account_open_http_svc",
            "get_subscribed_official_account_list",
            req,
            json!({"CompleteFlag":1,"Next":0})
        ),
        None
    );
    // Keyword libraries: Offset/Limit, a short page ends.
    let req = json!({"SdkAppId":1,"Offset":0,"Limit":2,"LibID":"l"});
    assert_eq!(
        next(
            "im_msg_audit_mgr",
            "get_cloud_audit_keywords",
            req,
            json!({"TotalCount":100,"Infos":[{},{}]})
        ),
        Some(json!({"SdkAppId":1,"Offset":2,"Limit":2,"LibID":"l"}))
    );
    assert_eq!(
        next(
            "im_msg_audit_mgr",
            "get_local_audit_keywords",
            json!({"SdkAppId":1,"Offset":2,"Limit":2}),
            json!({"TotalCount":100,"LocalAuditWords":[{}]})
        ),
        None
    );
}

#[test]
fn a_cursor_that_does_not_move_is_an_error_not_a_loop() {
    let rule = paging("group_open_http_svc/get_appid_group_list").unwrap();
    let req = json!({"Limit":20,"Next":7});
    let err = next_page(
        rule,
        &ours(&req),
        &ours(&json!({"GroupIdList":[],"Next":7})),
    )
    .unwrap_err();
    assert_eq!(err.kind, Kind::BadResponse);
    assert!(err.info.contains("did not move"));
    let err = next_page(rule, &ours(&json!("x")), &ours(&json!({}))).unwrap_err();
    assert_eq!(err.kind, Kind::BadResponse);
}

// ---- batching ----

#[test]
fn split_keeps_other_fields_and_order() {
    let e = ep("im_open_login_svc", "multiaccount_import");
    let ids: Vec<Value> = (0..250).map(|i| json!(format!("u{i}"))).collect();
    let parts = split(e, &json!({ "Accounts": ids, "Extra": 1 }));
    assert_eq!(
        parts
            .iter()
            .map(|p| p["Accounts"].as_array().unwrap().len())
            .collect::<Vec<_>>(),
        vec![100, 100, 50]
    );
    assert!(parts.iter().all(|p| p["Extra"] == 1));
    assert_eq!(parts[2]["Accounts"][0], "u200");
    let small = json!({ "Accounts": ["a"] });
    assert_eq!(split(e, &small), vec![small.clone()]);
    // Not splittable: one call stays one call (validation refuses it instead).
    let kv = ep("openim_msg_ext_http_svc", "group_set_key_values");
    let body = json!({ "GroupId": "g", "MsgSeq": 1, "OperateType": 1, "ExtensionList": vec![json!({}); 30] });
    assert_eq!(split(kv, &body).len(), 1);
    // No limit: unchanged.
    let body = json!({ "UserID": "a" });
    assert_eq!(
        split(ep("im_open_login_svc", "account_import"), &body),
        vec![body.clone()]
    );
}

#[test]
fn split_copies_the_callers_text_of_every_member() {
    // A lone surrogate (JSON.stringify of a cut emoji) and number spellings survive the split.
    let e = ep("openim", "batchsendmsg");
    let ids: Vec<String> = (0..501).map(|i| format!("\"u{i}\"")).collect();
    let body = format!(
        r#"{{"MsgBody":[{{"MsgType":"TIMTextElem","MsgContent":{{"Text":"hi \ud83d"}}}}],"MsgRandom":1.0e3,"To_Account":[{}]}}"#,
        ids.join(",")
    );
    let parts = batch::split(e, &body).unwrap();
    assert_eq!(parts.len(), 2);
    for p in &parts {
        assert!(p.contains(r#""Text":"hi \ud83d""#), "{p}");
        assert!(p.contains(r#""MsgRandom":1.0e3"#), "{p}");
    }
    assert!(parts[1].contains(r#""To_Account":["u500"]"#));
    assert_eq!(batch::split(e, "{"), Err(crate::body::NotJson));
}

#[test]
fn merge_concatenates_per_item_lists() {
    let a = json!({"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","FailAccounts":["x"],"ResultItem":[{"UserID":"a"}]});
    let b = json!({"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","FailAccounts":["y","z"],"Extra":true});
    let m = merge(&[a, b]);
    assert_eq!(m["FailAccounts"], json!(["x", "y", "z"]));
    assert_eq!(m["ResultItem"], json!([{"UserID":"a"}]));
    assert_eq!(m["ActionStatus"], "OK");
    assert_eq!(m["Extra"], true);
    assert_eq!(merge(&[]), json!({}));
}
