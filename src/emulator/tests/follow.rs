//! Follow end to end. Oracles: the documented requests and answers of the follow pages
//! (1047/70345-70350; follow_get_info's answer is the state its request implies) and the
//! `Follow.CallbackAfterFollowAdd` / `Follow.CallbackAfterFollowDelete` examples.

use super::calls::*;
use super::support::*;
use serde_json::{json, Value};

const SVC: &str = "follow";

fn rig() -> Rig {
    Rig::with_accounts(&["UserID_001", "UserID_002", "UserID_003", "UserID_004"])
}

fn keys(v: &Value) -> Vec<String> {
    v.as_object().unwrap().keys().cloned().collect()
}

#[test]
fn the_documented_requests_give_the_documented_answers() {
    let mut r = rig();
    // follow_add sample request -> sample answer (envelope aside, which has no ErrorDisplay here).
    let (v, after) = r.with_callbacks(SVC,
        "follow_add",
        r#"{"From_Account":"UserID_001","FollowItem":[{"To_Account":"UserID_002"},{"To_Account":"UserID_003"}]}"#,
    );
    assert_eq!(
        v["ResultItem"],
        json!([{"To_Account":"UserID_002","ResultCode":0,"ResultInfo":""},{"To_Account":"UserID_003","ResultCode":0,"ResultInfo":""}])
    );
    // Follow.CallbackAfterFollowAdd, the documented example (its EventTime aside).
    let mut cb = after[0].body.clone();
    assert_eq!(cb["EventTime"], r.now * 1000);
    cb["EventTime"] = 1_702_018_343_678u64.into();
    assert_eq!(
        cb,
        json!({"CallbackCommand":"Follow.CallbackAfterFollowAdd","From_Account":"UserID_001","FollowList":[{"To_Account":"UserID_002"},{"To_Account":"UserID_003"}],"EventTime":1702018343678u64})
    );
    // follow_get_info's sample request; its sample answer is what the follows above imply.
    let v = r.ok(
        SVC,
        "follow_get_info",
        r#"{"From_Account":"UserID_001","To_Account":["UserID_001","UserID_002","UserID_003"]}"#,
    );
    assert_eq!(
        v["FollowInfo"],
        json!([
            {"To_Account":"UserID_001","ResultCode":0,"ResultInfo":"","FollowerCount":0,"FollowingCount":2,"MutualFollowingCount":0},
            {"To_Account":"UserID_002","ResultCode":0,"ResultInfo":"","FollowerCount":1,"FollowingCount":0,"MutualFollowingCount":0},
            {"To_Account":"UserID_003","ResultCode":0,"ResultInfo":"","FollowerCount":1,"FollowingCount":0,"MutualFollowingCount":0},
        ])
    );
    // follow_check's sample request: 001 follows both (FollowType 2).
    let v = r.ok(
        SVC,
        "follow_check",
        r#"{"From_Account":"UserID_001","To_Account":["UserID_002","UserID_003"]}"#,
    );
    assert_eq!(
        keys(&v["ResultItem"][0]),
        ["FollowType", "ResultCode", "ResultInfo", "To_Account"]
    );
    assert_eq!(v["ResultItem"][0]["FollowType"], 2);
    // follow_delete sample request -> sample answer, and the documented callback.
    let (v, after) = r.with_callbacks(
        SVC,
        "follow_delete",
        r#"{"From_Account":"UserID_001","To_Account":["UserID_002","UserID_003"]}"#,
    );
    assert_eq!(
        v["ResultItem"],
        json!([{"To_Account":"UserID_002","ResultCode":0,"ResultInfo":""},{"To_Account":"UserID_003","ResultCode":0,"ResultInfo":""}])
    );
    let mut cb = after[0].body.clone();
    cb["EventTime"] = 1_702_018_343_678u64.into();
    assert_eq!(
        cb,
        json!({"CallbackCommand":"Follow.CallbackAfterFollowDelete","From_Account":"UserID_001","To_Account":["UserID_002","UserID_003"],"EventTime":1702018343678u64})
    );
    // follow_check's sample answer: no relation left (FollowType 0).
    let v = r.ok(
        SVC,
        "follow_check",
        r#"{"From_Account":"UserID_001","To_Account":["UserID_002","UserID_003"]}"#,
    );
    assert_eq!(
        v["ResultItem"],
        json!([{"To_Account":"UserID_002","ResultCode":0,"ResultInfo":"","FollowType":0},{"To_Account":"UserID_003","ResultCode":0,"ResultInfo":"","FollowType":0}])
    );
}

#[test]
fn follow_types_are_the_four_relations() {
    let mut r = rig();
    let add = |r: &mut Rig, a: &str, b: &str| {
        r.ok(
            SVC,
            "follow_add",
            &json!({"From_Account":a,"FollowItem":[{"To_Account":b}]}).to_string(),
        );
    };
    add(&mut r, "UserID_001", "UserID_002"); // 001 -> 002
    add(&mut r, "UserID_003", "UserID_001"); // 003 -> 001
    add(&mut r, "UserID_001", "UserID_004"); // 001 <-> 004
    add(&mut r, "UserID_004", "UserID_001");
    let v = r.ok(SVC, "follow_check", r#"{"From_Account":"UserID_001","To_Account":["UserID_002","UserID_003","UserID_004","nobody"]}"#);
    let types: Vec<(i64, i64)> = v["ResultItem"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["ResultCode"].as_i64().unwrap(),
                i["FollowType"].as_i64().unwrap(),
            )
        })
        .collect();
    // 2 only From follows To; 1 only To follows From; 3 both; not imported 30003.
    assert_eq!(types, [(0, 2), (0, 1), (0, 3), (30003, 0)]);
    let v = r.ok(
        SVC,
        "follow_get_info",
        r#"{"From_Account":"UserID_002","To_Account":["UserID_001"]}"#,
    );
    let i = &v["FollowInfo"][0];
    assert_eq!(
        (
            i["FollowerCount"].clone(),
            i["FollowingCount"].clone(),
            i["MutualFollowingCount"].clone()
        ),
        (json!(2), json!(2), json!(1))
    );
}

#[test]
fn follow_get_pages_with_cursors_newest_first() {
    let mut r = rig();
    let others: Vec<String> = (0..25).map(|i| format!("fan{i:02}")).collect();
    r.import(&others.iter().map(String::as_str).collect::<Vec<_>>());
    r.ok(
        "profile",
        "portrait_set",
        r#"{"From_Account":"fan03","ProfileItem":[{"Tag":"Tag_Profile_IM_Nick","Value":"Three"}]}"#,
    );
    // 25 fans of UserID_001, five per second.
    for (i, fan) in others.iter().enumerate() {
        r.now = NOW + (i as u64) / 5;
        r.ok(
            SVC,
            "follow_add",
            &json!({"From_Account":fan,"FollowItem":[{"To_Account":"UserID_001"}]}).to_string(),
        );
    }
    // The documented request's shape, 10 at a time.
    let mut cursor = String::new();
    let mut seen: Vec<(u64, String)> = Vec::new();
    for page in 0.. {
        assert!(page < 5, "paging does not end");
        let v = r.ok(
            SVC,
            "follow_get",
            &json!({"From_Account":"UserID_001","FollowType":1,"StartCursor":cursor,"WantNum":10})
                .to_string(),
        );
        for it in v["FollowItem"].as_array().unwrap() {
            seen.push((
                it["FollowTime"].as_u64().unwrap(),
                it["To_Account"].as_str().unwrap().to_owned(),
            ));
            if it["To_Account"] == "fan03" {
                assert_eq!(
                    it["ProfileItem"],
                    json!([{"Tag":"Tag_Profile_IM_Nick","Value":"Three"}])
                );
            } else {
                assert!(it.get("ProfileItem").is_none());
            }
        }
        cursor = v["NextCursor"].as_str().unwrap().to_owned();
        if cursor.is_empty() {
            break;
        }
    }
    assert_eq!(seen.len(), 25);
    let mut expected = seen.clone();
    expected.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    assert_eq!(seen, expected, "newest first, then by UserID, each once");
    assert_eq!(seen[0], (NOW + 4, "fan20".to_owned()));
    // Following (2) and mutual (3).
    r.ok(SVC, "follow_add", r#"{"From_Account":"UserID_001","FollowItem":[{"To_Account":"fan07"},{"To_Account":"UserID_002"}]}"#);
    let list = |r: &mut Rig, t: i64| -> Vec<String> {
        let v = r.ok(
            SVC,
            "follow_get",
            &json!({"From_Account":"UserID_001","FollowType":t,"StartCursor":"","WantNum":100})
                .to_string(),
        );
        assert_eq!(v["NextCursor"], "");
        v["FollowItem"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["To_Account"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(list(&mut r, 2), ["UserID_002", "fan07"]);
    assert_eq!(list(&mut r, 3), ["fan07"]);
    // Bad cursors, types and sizes are 30001.
    for body in [
        json!({"From_Account":"UserID_001","FollowType":1,"StartCursor":"x","WantNum":10}),
        json!({"From_Account":"UserID_001","FollowType":4,"StartCursor":"","WantNum":10}),
        json!({"From_Account":"UserID_001","FollowType":1,"StartCursor":"","WantNum":0}),
        json!({"From_Account":"UserID_001","FollowType":1,"StartCursor":"","WantNum":1001}),
        json!({"From_Account":"UserID_001","FollowType":1,"WantNum":10}),
    ] {
        r.fails(SVC, "follow_get", &body.to_string(), 30001);
    }
}

#[test]
fn per_item_and_request_errors() {
    let mut r = rig();
    let v = r.ok(SVC, "follow_add", r#"{"From_Account":"UserID_001","FollowItem":[{"To_Account":"UserID_001"},{"To_Account":"ghost"},{"To_Account":"UserID_002"},{"To_Account":"UserID_002"}]}"#);
    let codes: Vec<i64> = v["ResultItem"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["ResultCode"].as_i64().unwrap())
        .collect();
    assert_eq!(codes, [30001, 30003, 0, 0]);
    r.fails(
        SVC,
        "follow_add",
        r#"{"From_Account":"ghost","FollowItem":[{"To_Account":"UserID_002"}]}"#,
        30003,
    );
    let too_many: Vec<Value> = (0..21)
        .map(|i| json!({"To_Account": format!("u{i}")}))
        .collect();
    r.fails(
        SVC,
        "follow_add",
        &json!({"From_Account":"UserID_001","FollowItem":too_many}).to_string(),
        30001,
    );
    r.fails(
        SVC,
        "follow_add",
        r#"{"From_Account":"UserID_001","FollowItem":[]}"#,
        30001,
    );
    r.fails(
        SVC,
        "follow_add",
        r#"{"From_Account":"UserID_001","FollowItem":[{"To_Account":""}]}"#,
        30001,
    );
    let ids: Vec<String> = (0..101).map(|i| format!("u{i}")).collect();
    r.fails(
        SVC,
        "follow_check",
        &json!({"From_Account":"UserID_001","To_Account":ids}).to_string(),
        30001,
    );
    r.fails(
        SVC,
        "follow_delete",
        &json!({"From_Account":"UserID_001","To_Account":&ids[..21]}).to_string(),
        30001,
    );
    r.fails(
        SVC,
        "follow_get_info",
        &json!({"From_Account":"UserID_001","To_Account":&ids[..21]}).to_string(),
        30001,
    );
    // Unfollowing someone not followed is 0; an unknown account 30003.
    let v = r.ok(
        SVC,
        "follow_delete",
        r#"{"From_Account":"UserID_001","To_Account":["UserID_003","ghost"]}"#,
    );
    assert_eq!(v["ResultItem"][0]["ResultCode"], 0);
    assert_eq!(v["ResultItem"][1]["ResultCode"], 30003);
    let good = [
        (
            "follow_add",
            r#"{"From_Account":"UserID_001","FollowItem":[{"To_Account":"UserID_003"}]}"#,
            &["From_Account", "FollowItem"][..],
        ),
        (
            "follow_delete",
            r#"{"From_Account":"UserID_001","To_Account":["UserID_004"]}"#,
            &["From_Account", "To_Account"][..],
        ),
        (
            "follow_check",
            r#"{"From_Account":"UserID_001","To_Account":["UserID_002"]}"#,
            &["From_Account", "To_Account"][..],
        ),
        (
            "follow_get",
            r#"{"From_Account":"UserID_001","FollowType":2,"StartCursor":"","WantNum":5}"#,
            &["From_Account", "FollowType", "StartCursor", "WantNum"][..],
        ),
        (
            "follow_get_info",
            r#"{"From_Account":"UserID_001","To_Account":["UserID_002"]}"#,
            &["From_Account", "To_Account"][..],
        ),
    ];
    for (cmd, body, fields) in good {
        each_field_mistyped(&mut r, SVC, cmd, body, fields, 30001, |_, _| false);
    }
}

#[test]
fn follows_survive_a_snapshot_with_their_reverse_index() {
    let mut r = rig();
    r.ok(
        SVC,
        "follow_add",
        r#"{"From_Account":"UserID_001","FollowItem":[{"To_Account":"UserID_002"}]}"#,
    );
    r.ok(
        SVC,
        "follow_add",
        r#"{"From_Account":"UserID_002","FollowItem":[{"To_Account":"UserID_001"}]}"#,
    );
    let snap = r.emu.snapshot().unwrap();
    // Only who follows whom is written; followers are rebuilt.
    assert!(
        snap.contains(r#""follow":{"Following":{"UserID_001":{"UserID_002":"#),
        "{snap}"
    );
    let mut other = Rig::new();
    other.emu.restore(&snap).unwrap();
    assert_eq!(other.emu.state(), r.emu.state());
    let v = other.ok(
        SVC,
        "follow_get",
        r#"{"From_Account":"UserID_002","FollowType":3,"StartCursor":"","WantNum":5}"#,
    );
    assert_eq!(v["FollowItem"][0]["To_Account"], "UserID_001");
    // Following yourself cannot be restored.
    let bad = snap.replace(
        r#""UserID_001":{"UserID_002""#,
        r#""UserID_001":{"UserID_001""#,
    );
    assert!(other.emu.restore(&bad).is_err());
}
