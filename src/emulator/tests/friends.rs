//! Relationship chain (service `sns`) through signed requests. Expected codes and relation
//! names are Tencent's (269/1643-1647, 269/3718-3725, FAQ 269/32485, error-codes.json), written
//! out by hand; the page sizes are the emulator's documented choices (docs/EMULATOR.md).

use super::support::*;
use crate::emulator::Handled;
use serde_json::Value;

const SNS: &str = "sns";

fn arr<'v>(v: &'v Value, key: &str) -> &'v Vec<Value> {
    v.get(key)
        .and_then(Value::as_array)
        .unwrap_or_else(|| panic!("no {key} in {v}"))
}

fn field(v: &Value, key: &str) -> String {
    match v.get(key) {
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
        None => panic!("no {key} in {v}"),
    }
}

/// `(To_Account, ResultCode)` of each item under `key`.
fn codes(v: &Value, key: &str) -> Vec<(String, i64)> {
    arr(v, key)
        .iter()
        .map(|i| {
            (
                field(i, "To_Account"),
                i.get("ResultCode").and_then(Value::as_i64).unwrap(),
            )
        })
        .collect()
}

fn relations(v: &Value, key: &str) -> Vec<String> {
    arr(v, key).iter().map(|i| field(i, "Relation")).collect()
}

fn own(pairs: &[(&str, i64)]) -> Vec<(String, i64)> {
    pairs.iter().map(|(a, c)| (a.to_string(), *c)).collect()
}

fn fail_accounts(v: &Value) -> Vec<String> {
    v.get("Fail_Account")
        .and_then(Value::as_array)
        .map(|a| a.iter().map(|x| x.as_str().unwrap().to_owned()).collect())
        .unwrap_or_default()
}

/// friend_add of `to` by `from`, forced, with `extra` members of the body.
fn add(r: &mut Rig, from: &str, to: &[&str], extra: &str) -> Value {
    let items: Vec<String> = to
        .iter()
        .map(|t| format!(r#"{{"To_Account":"{t}","AddSource":"AddSource_Type_Test"}}"#))
        .collect();
    let body = format!(
        r#"{{"From_Account":"{from}","AddFriendItem":[{}]{extra}}}"#,
        items.join(",")
    );
    r.ok(SNS, "friend_add", &body)
}

fn check(r: &mut Rig, from: &str, to: &[&str], both: bool) -> Vec<String> {
    let ids: Vec<String> = to.iter().map(|t| format!("\"{t}\"")).collect();
    let kind = if both { "Both" } else { "Single" };
    let body = format!(
        r#"{{"From_Account":"{from}","To_Account":[{}],"CheckType":"CheckResult_Type_{kind}"}}"#,
        ids.join(",")
    );
    relations(&r.ok(SNS, "friend_check", &body), "InfoItem")
}

fn set_allow(r: &mut Rig, id: &str, allow: &str) {
    let body = format!(
        r#"{{"From_Account":"{id}","ProfileItem":[{{"Tag":"Tag_Profile_IM_AllowType","Value":"AllowType_Type_{allow}"}}]}}"#
    );
    r.ok("profile", "portrait_set", &body);
}

const FORCE: &str = r#","ForceAddFlags":1"#;

#[test]
fn add_types_and_check_relations() {
    let mut r = Rig::with_accounts(&["a", "b", "c", "d"]);
    add(&mut r, "a", &["b"], FORCE); // AddType absent: two-way
    add(
        &mut r,
        "a",
        &["c"],
        r#","AddType":"Add_Type_Single","ForceAddFlags":1"#,
    );
    assert_eq!(
        check(&mut r, "a", &["b", "c", "d"], true),
        [
            "CheckResult_Type_BothWay",
            "CheckResult_Type_AWithB",
            "CheckResult_Type_NoRelation"
        ]
    );
    assert_eq!(
        check(&mut r, "c", &["a"], true),
        ["CheckResult_Type_BWithA"]
    );
    // Single only looks at From_Account's list.
    assert_eq!(
        check(&mut r, "c", &["a"], false),
        ["CheckResult_Type_NoRelation"]
    );
    assert_eq!(
        check(&mut r, "a", &["b", "c"], false),
        ["CheckResult_Type_AWithB", "CheckResult_Type_AWithB"]
    );
    let v = r.ok(
        SNS,
        "friend_check",
        r#"{"From_Account":"a","To_Account":["ghost"],"CheckType":"CheckResult_Type_Both"}"#,
    );
    assert_eq!(codes(&v, "InfoItem"), own(&[("ghost", 30003)]));
    assert_eq!(fail_accounts(&v), ["ghost"]);
    for body in [
        r#"{"From_Account":"a","To_Account":["b"]}"#,
        r#"{"From_Account":"a","To_Account":["b"],"CheckType":"Both"}"#,
        r#"{"From_Account":"a","To_Account":[],"CheckType":"CheckResult_Type_Both"}"#,
    ] {
        r.fails(SNS, "friend_check", body, 30001);
    }
}

#[test]
fn add_reports_each_refusal_with_tencents_code() {
    let ids = ["a", "b", "e", "f", "g", "h", "i", "j"];
    let mut r = Rig::with_accounts(&ids);
    add(&mut r, "a", &["b"], FORCE);
    r.ok(
        SNS,
        "black_list_add",
        r#"{"From_Account":"a","To_Account":["e"]}"#,
    );
    r.ok(
        SNS,
        "black_list_add",
        r#"{"From_Account":"f","To_Account":["a"]}"#,
    );
    set_allow(&mut r, "g", "DenyAny");
    set_allow(&mut r, "i", "AllowAny");
    // j already lists a (one-way), so j's NeedConfirm does not hold a's request back.
    add(
        &mut r,
        "j",
        &["a"],
        r#","AddType":"Add_Type_Single","ForceAddFlags":1"#,
    );

    let v = add(
        &mut r,
        "a",
        &["a", "ghost", "b", "e", "f", "g", "h", "i", "j", "i"],
        "",
    );
    let want = [
        ("a", 30001),     // yourself
        ("ghost", 30003), // not imported
        ("b", 30001),     // already a friend
        ("e", 30515),     // in a's blocklist
        ("f", 30525),     // a is in f's blocklist
        ("g", 30516),     // AllowType_Type_DenyAny
        ("h", 30539),     // AllowType_Type_NeedConfirm (the default)
        ("i", 0),         // AllowType_Type_AllowAny
        ("j", 0),
        ("i", 30001), // listed twice
    ];
    assert_eq!(codes(&v, "ResultItem"), own(&want));
    assert_eq!(code(&v), 0);
    assert_eq!(
        fail_accounts(&v),
        ["a", "ghost", "b", "e", "f", "g", "h", "i"]
    );
    assert_eq!(
        check(&mut r, "a", &["i", "j", "h"], true),
        [
            "CheckResult_Type_BothWay",
            "CheckResult_Type_BothWay",
            "CheckResult_Type_NoRelation"
        ]
    );
    // Forcing skips AllowType, never the blocklist.
    let v = add(&mut r, "a", &["g", "h", "e"], FORCE);
    assert_eq!(
        codes(&v, "ResultItem"),
        own(&[("g", 0), ("h", 0), ("e", 30515)])
    );
}

#[test]
fn add_checks_the_request_as_a_whole() {
    let mut r = Rig::with_accounts(&["a", "b"]);
    let item = r#"{"To_Account":"b","AddSource":"AddSource_Type_Web"}"#;
    let many = vec![item; 1001].join(",");
    let cases = [
        (format!(r#"{{"AddFriendItem":[{item}]}}"#), 30001),
        (
            format!(r#"{{"From_Account":"zz","AddFriendItem":[{item}]}}"#),
            30003,
        ),
        (r#"{"From_Account":"a","AddFriendItem":[]}"#.into(), 30001),
        (
            format!(r#"{{"From_Account":"a","AddFriendItem":[{many}]}}"#),
            30001,
        ),
        (
            format!(r#"{{"From_Account":"a","AddFriendItem":[{item}],"AddType":"Both"}}"#),
            30001,
        ),
        (
            format!(r#"{{"From_Account":"a","AddFriendItem":[{item}],"ForceAddFlags":2}}"#),
            30001,
        ),
        (
            r#"{"From_Account":"a","AddFriendItem":[{"To_Account":"b"}]}"#.into(),
            30001,
        ),
        (
            r#"{"From_Account":"a","AddFriendItem":[{"To_Account":"b","AddSource":"Web"}]}"#
                .into(),
            30001,
        ),
        (
            r#"{"From_Account":"a","AddFriendItem":[{"To_Account":"b","AddSource":"AddSource_Type_TooLong12"}]}"#
                .into(),
            30001,
        ),
        (
            format!(
                r#"{{"From_Account":"a","AddFriendItem":[{{"To_Account":"b","AddSource":"AddSource_Type_W","Remark":"{}"}}]}}"#,
                "r".repeat(97)
            ),
            30001,
        ),
        (
            format!(
                r#"{{"From_Account":"a","AddFriendItem":[{{"To_Account":"b","AddSource":"AddSource_Type_W","GroupName":"{}"}}]}}"#,
                "g".repeat(31)
            ),
            30001,
        ),
    ];
    for (body, want) in cases {
        r.fails(SNS, "friend_add", &body, want);
    }
    assert!(r.emu.state().friends.chain("a").is_none());
}

#[test]
fn friend_items_carry_remark_list_wording_and_custom_fields() {
    let mut r = Rig::with_accounts(&["a", "b"]);
    r.ok(
        "profile",
        "portrait_set",
        r#"{"From_Account":"b","ProfileItem":[{"Tag":"Tag_Profile_IM_Nick","Value":"Bee"}]}"#,
    );
    r.ok(
        SNS,
        "friend_add",
        r#"{"From_Account":"a","ForceAddFlags":1,"AddFriendItem":[{"To_Account":"b",
            "Remark":"bee","GroupName":"work","AddSource":"AddSource_Type_Web","AddWording":"hi"}]}"#,
    );
    r.ok(
        SNS,
        "friend_update",
        r#"{"From_Account":"a","UpdateItem":[{"To_Account":"b","SnsItem":[
            {"Tag":"Tag_SNS_Custom_Score","Value":7}]}]}"#,
    );
    let v = r.ok(SNS, "friend_get", r#"{"From_Account":"a","StartIndex":0}"#);
    let items = arr(&v, "UserDataItem");
    assert_eq!(items.len(), 1);
    let values: Vec<(String, String)> = arr(&items[0], "ValueItem")
        .iter()
        .map(|t| (field(t, "Tag"), t.get("Value").unwrap().to_string()))
        .collect();
    let want = [
        ("Tag_SNS_IM_AddSource", "\"AddSource_Type_Web\""),
        ("Tag_SNS_IM_Remark", "\"bee\""),
        ("Tag_SNS_IM_Group", "[\"work\"]"),
        ("Tag_SNS_IM_AddTime", &NOW.to_string()),
        ("Tag_SNS_IM_AddWording", "\"hi\""),
        ("Tag_SNS_Custom_Score", "7"),
    ];
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(values, want);

    // The peer's side of a two-way add holds only the source and time.
    let v = r.ok(SNS, "friend_get", r#"{"From_Account":"b","StartIndex":0}"#);
    let peer = &arr(&v, "UserDataItem")[0];
    assert_eq!(field(peer, "To_Account"), "a");
    assert_eq!(arr(peer, "ValueItem").len(), 2);

    let v = r.ok(
        SNS,
        "friend_get_list",
        r#"{"From_Account":"a","To_Account":["b","ghost"],"TagList":["Tag_Profile_IM_Nick",
            "Tag_SNS_IM_Remark","Tag_SNS_Custom_Score","Tag_Profile_IM_Image"]}"#,
    );
    let info = arr(&v, "InfoItem");
    let got: Vec<String> = arr(&info[0], "SnsProfileItem")
        .iter()
        .map(|t| format!("{}={}", field(t, "Tag"), t.get("Value").unwrap()))
        .collect();
    assert_eq!(
        got,
        [
            "Tag_Profile_IM_Nick=\"Bee\"",
            "Tag_SNS_IM_Remark=\"bee\"",
            "Tag_SNS_Custom_Score=7"
        ]
    );
    assert_eq!(codes(&v, "InfoItem"), own(&[("b", 0), ("ghost", 30003)]));
    r.fails(
        SNS,
        "friend_get_list",
        r#"{"From_Account":"a","To_Account":["b"],"TagList":["Nick"]}"#,
        30001,
    );
    // b is a's friend, but a stranger is not: 30001 per item.
    r.ok("im_open_login_svc", "account_import", r#"{"UserID":"c"}"#);
    let v = r.ok(
        SNS,
        "friend_get_list",
        r#"{"From_Account":"a","To_Account":["c"],"TagList":["Tag_SNS_IM_Remark"]}"#,
    );
    assert_eq!(codes(&v, "InfoItem"), own(&[("c", 30001)]));
}

#[test]
fn update_changes_tags_and_sequences() {
    let mut r = Rig::with_accounts(&["a", "b", "c"]);
    add(&mut r, "a", &["b"], FORCE);
    let seqs = |r: &mut Rig| {
        let v = r.ok(SNS, "friend_get", r#"{"From_Account":"a","StartIndex":0}"#);
        (
            v.get("StandardSequence").and_then(Value::as_i64).unwrap(),
            v.get("CustomSequence").and_then(Value::as_i64).unwrap(),
        )
    };
    let (std0, custom0) = seqs(&mut r);
    r.now += 60;
    let v = r.ok(
        SNS,
        "friend_update",
        r#"{"From_Account":"a","UpdateItem":[
            {"To_Account":"b","SnsItem":[{"Tag":"Tag_SNS_IM_Remark","Value":"B"},
                                         {"Tag":"Tag_SNS_IM_Group","Value":["x","y"]}]},
            {"To_Account":"c","SnsItem":[{"Tag":"Tag_SNS_IM_Remark","Value":"C"}]},
            {"To_Account":"ghost","SnsItem":[{"Tag":"Tag_SNS_IM_Remark","Value":"G"}]}]}"#,
    );
    assert_eq!(
        codes(&v, "ResultItem"),
        own(&[("b", 0), ("c", 30001), ("ghost", 30003)])
    );
    let (std1, custom1) = seqs(&mut r);
    assert!(std1 > std0);
    assert_eq!(custom1, custom0);
    let e = &r.emu.state().friends.chain("a").unwrap().friends["b"];
    assert_eq!((e.remark.as_str(), e.remark_time), ("B", NOW + 60));
    assert_eq!(e.lists, ["x", "y"]);
    // Lists named in an update exist afterwards.
    let v = r.ok(SNS, "group_get", r#"{"From_Account":"a"}"#);
    let names: Vec<String> = arr(&v, "ResultItem")
        .iter()
        .map(|i| field(i, "GroupName"))
        .collect();
    assert_eq!(names, ["x", "y"]);

    for sns in [
        r#"[{"Tag":"Tag_SNS_IM_AddSource","Value":"AddSource_Type_X"}]"#,
        r#"[{"Tag":"Tag_SNS_IM_Remark","Value":1}]"#,
        r#"[{"Tag":"Tag_SNS_IM_Group","Value":"x"}]"#,
        r#"[{"Tag":"Tag_SNS_Custom_","Value":"x"}]"#,
        r#"[]"#,
    ] {
        let body = format!(
            r#"{{"From_Account":"a","UpdateItem":[{{"To_Account":"b","SnsItem":{sns}}}]}}"#
        );
        r.fails(SNS, "friend_update", &body, 30001);
    }
}

#[test]
fn delete_one_way_two_way_and_all() {
    let mut r = Rig::with_accounts(&["a", "b", "c", "d", "e"]);
    add(&mut r, "a", &["b", "c", "d", "e"], FORCE);
    let v = r.ok(
        SNS,
        "friend_delete",
        r#"{"From_Account":"a","To_Account":["b","zz"]}"#,
    );
    // DeleteType absent: two-way.
    assert_eq!(codes(&v, "ResultItem"), own(&[("b", 0), ("zz", 31704)]));
    assert_eq!(fail_accounts(&v), ["zz"]);
    assert_eq!(
        check(&mut r, "a", &["b"], true),
        ["CheckResult_Type_NoRelation"]
    );
    r.ok(
        SNS,
        "friend_delete",
        r#"{"From_Account":"a","To_Account":["c"],"DeleteType":"Delete_Type_Single"}"#,
    );
    assert_eq!(
        check(&mut r, "a", &["c"], true),
        ["CheckResult_Type_BWithA"]
    );
    let v = r.ok(
        SNS,
        "friend_delete",
        r#"{"From_Account":"a","To_Account":["c"]}"#,
    );
    assert_eq!(codes(&v, "ResultItem"), own(&[("c", 31704)]));
    r.fails(
        SNS,
        "friend_delete",
        r#"{"From_Account":"a","To_Account":["c"],"DeleteType":"Both"}"#,
        30001,
    );

    // friend_delete_all: one-way by default, both ways on request.
    r.ok(SNS, "friend_delete_all", r#"{"From_Account":"a"}"#);
    assert_eq!(
        check(&mut r, "a", &["d", "e"], true),
        ["CheckResult_Type_BWithA", "CheckResult_Type_BWithA"]
    );
    add(&mut r, "a", &["d", "e"], FORCE);
    r.ok(
        SNS,
        "friend_delete_all",
        r#"{"From_Account":"a","DeleteType":"Delete_Type_Both"}"#,
    );
    assert_eq!(
        check(&mut r, "a", &["c", "d", "e"], true),
        [
            "CheckResult_Type_BWithA",
            "CheckResult_Type_NoRelation",
            "CheckResult_Type_NoRelation"
        ]
    );
    r.fails(SNS, "friend_delete_all", r#"{"From_Account":"zz"}"#, 30003);
}

#[test]
fn friend_get_pages_through_250_friends() {
    let mut ids: Vec<String> = (0..250).map(|i| format!("u{i:03}")).collect();
    ids.push("owner".into());
    let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
    let mut r = Rig::with_accounts(&refs);
    for chunk in refs[..250].chunks(100) {
        let items: Vec<String> = chunk
            .iter()
            .map(|t| format!(r#"{{"To_Account":"{t}","AddSource":"AddSource_Type_Imp"}}"#))
            .collect();
        let body = format!(
            r#"{{"From_Account":"owner","AddFriendItem":[{}]}}"#,
            items.join(",")
        );
        let v = r.ok(SNS, "friend_import", &body);
        assert!(fail_accounts(&v).is_empty());
    }
    let mut start = 0;
    let mut seen = Vec::new();
    let mut pages = Vec::new();
    for _ in 0..10 {
        let v = r.ok(
            SNS,
            "friend_get",
            &format!(r#"{{"From_Account":"owner","StartIndex":{start}}}"#),
        );
        assert_eq!(v.get("FriendNum").and_then(Value::as_i64), Some(250));
        let items = arr(&v, "UserDataItem");
        pages.push(items.len());
        seen.extend(items.iter().map(|i| field(i, "To_Account")));
        if v.get("CompleteFlag").and_then(Value::as_i64) != Some(0) {
            assert_eq!(v.get("NextStartIndex").and_then(Value::as_i64), Some(0));
            break;
        }
        start = v.get("NextStartIndex").and_then(Value::as_i64).unwrap();
    }
    assert_eq!(pages, [100, 100, 50]);
    assert_eq!(seen, &ids[..250]);

    // Passing back the current StandardSequence leaves the standard data out.
    let v = r.ok(
        SNS,
        "friend_get",
        r#"{"From_Account":"owner","StartIndex":0}"#,
    );
    let std = v.get("StandardSequence").and_then(Value::as_i64).unwrap();
    assert!(std > 0);
    let v = r.ok(
        SNS,
        "friend_get",
        &format!(r#"{{"From_Account":"owner","StartIndex":0,"StandardSequence":{std}}}"#),
    );
    assert!(arr(&arr(&v, "UserDataItem")[0], "ValueItem").is_empty());

    // Import: at most 100 per request, one-way, existing friends refused per item.
    let items = vec![r#"{"To_Account":"u000","AddSource":"AddSource_Type_Imp"}"#; 101];
    let body = format!(
        r#"{{"From_Account":"owner","AddFriendItem":[{}]}}"#,
        items.join(",")
    );
    r.fails(SNS, "friend_import", &body, 30001);
    let v = r.ok(
        SNS,
        "friend_import",
        r#"{"From_Account":"owner","AddFriendItem":[{"To_Account":"u000","AddSource":"AddSource_Type_Imp"}]}"#,
    );
    assert_eq!(codes(&v, "ResultItem"), own(&[("u000", 30001)]));
    assert_eq!(
        check(&mut r, "owner", &["u001"], true),
        ["CheckResult_Type_AWithB"]
    );
    r.fails(
        SNS,
        "friend_get",
        r#"{"From_Account":"owner","StartIndex":-1}"#,
        30001,
    );
}

#[test]
fn blocklist_ends_friendship_and_blocks_adds() {
    let mut r = Rig::with_accounts(&["a", "b", "c", "d"]);
    add(&mut r, "a", &["b"], FORCE);
    let v = r.ok(
        SNS,
        "black_list_add",
        r#"{"From_Account":"a","To_Account":["b","c","d","a","ghost"]}"#,
    );
    assert_eq!(
        codes(&v, "ResultItem"),
        own(&[("b", 0), ("c", 0), ("d", 0), ("a", 30001), ("ghost", 30003)])
    );
    assert_eq!(
        check(&mut r, "a", &["b"], true),
        ["CheckResult_Type_NoRelation"]
    );
    let v = r.ok(
        SNS,
        "black_list_add",
        r#"{"From_Account":"a","To_Account":["b"]}"#,
    );
    assert_eq!(codes(&v, "ResultItem"), own(&[("b", 30001)]));
    r.ok(
        SNS,
        "black_list_add",
        r#"{"From_Account":"c","To_Account":["a"]}"#,
    );
    let both = r.ok(
        SNS,
        "black_list_check",
        r#"{"From_Account":"a","To_Account":["b","c"],"CheckType":"BlackCheckResult_Type_Both"}"#,
    );
    assert_eq!(
        relations(&both, "BlackListCheckItem"),
        [
            "BlackCheckResult_Type_AWithB",
            "BlackCheckResult_Type_BothWay"
        ]
    );
    let v = r.ok(
        SNS,
        "black_list_check",
        r#"{"From_Account":"b","To_Account":["a","c"],"CheckType":"BlackCheckResult_Type_Both"}"#,
    );
    assert_eq!(
        relations(&v, "BlackListCheckItem"),
        ["BlackCheckResult_Type_BWithA", "BlackCheckResult_Type_NO"]
    );
    let v = add(&mut r, "b", &["a"], FORCE);
    assert_eq!(codes(&v, "ResultItem"), own(&[("a", 30525)]));

    // Paging with MaxLimited 2 over 3 entries.
    let page = |r: &mut Rig, start: i64| {
        let v = r.ok(
            SNS,
            "black_list_get",
            &format!(
                r#"{{"From_Account":"a","StartIndex":{start},"MaxLimited":2,"LastSequence":0}}"#
            ),
        );
        let ids: Vec<String> = arr(&v, "BlackListItem")
            .iter()
            .map(|i| field(i, "To_Account"))
            .collect();
        let t = arr(&v, "BlackListItem")[0]
            .get("AddBlackTimeStamp")
            .and_then(Value::as_i64);
        assert_eq!(t, Some(NOW as i64));
        (ids, v.get("StartIndex").and_then(Value::as_i64).unwrap())
    };
    assert_eq!(page(&mut r, 0), (vec!["b".into(), "c".into()], 2));
    assert_eq!(page(&mut r, 2), (vec!["d".to_owned()], 0));
    for limit in [0, 1001] {
        r.fails(
            SNS,
            "black_list_get",
            &format!(
                r#"{{"From_Account":"a","StartIndex":0,"MaxLimited":{limit},"LastSequence":0}}"#
            ),
            30001,
        );
    }

    let v = r.ok(
        SNS,
        "black_list_delete",
        r#"{"From_Account":"a","To_Account":["b","b"]}"#,
    );
    assert_eq!(codes(&v, "ResultItem"), own(&[("b", 0), ("b", 30001)]));
    let v = add(&mut r, "a", &["b"], FORCE);
    assert_eq!(codes(&v, "ResultItem"), own(&[("b", 0)]));
}

#[test]
fn friend_lists_add_get_delete() {
    let mut r = Rig::with_accounts(&["a", "b", "c"]);
    add(&mut r, "a", &["b", "c"], FORCE);
    let v = r.ok(
        SNS,
        "group_add",
        r#"{"From_Account":"a","GroupName":["x","y"],"To_Account":["b","ghost"]}"#,
    );
    assert_eq!(codes(&v, "ResultItem"), own(&[("b", 0), ("ghost", 32216)]));
    let seq1 = v.get("CurrentSequence").and_then(Value::as_i64).unwrap();
    r.fails(
        SNS,
        "group_add",
        r#"{"From_Account":"a","GroupName":["y"]}"#,
        30001,
    );
    r.fails(
        SNS,
        "group_add",
        r#"{"From_Account":"a","GroupName":["z","z"]}"#,
        30001,
    );
    let v = r.ok(
        SNS,
        "group_get",
        r#"{"From_Account":"a","NeedFriend":"Need_Friend_Type_Yes"}"#,
    );
    let lists: Vec<String> = arr(&v, "ResultItem")
        .iter()
        .map(|i| {
            format!(
                "{}:{}:{}",
                field(i, "GroupName"),
                field(i, "FriendNumber"),
                field(i, "To_Account")
            )
        })
        .collect();
    assert_eq!(lists, ["x:1:[\"b\"]", "y:1:[\"b\"]"]);
    let v = r.ok(
        SNS,
        "group_get",
        r#"{"From_Account":"a","GroupName":["y","nope"]}"#,
    );
    let only = arr(&v, "ResultItem");
    assert_eq!(only.len(), 1);
    assert!(only[0].get("To_Account").is_none());

    r.fails(
        SNS,
        "group_delete",
        r#"{"From_Account":"a","GroupName":["x","nope"]}"#,
        30001,
    );
    let v = r.ok(
        SNS,
        "group_delete",
        r#"{"From_Account":"a","GroupName":["x"]}"#,
    );
    assert!(v.get("CurrentSequence").and_then(Value::as_i64).unwrap() > seq1);
    let e = &r.emu.state().friends.chain("a").unwrap().friends["b"];
    assert_eq!(e.lists, ["y"]);
    assert_eq!(
        check(&mut r, "a", &["b"], true),
        ["CheckResult_Type_BothWay"]
    );
}

#[test]
fn snapshot_round_trip_keeps_the_chain() {
    let mut r = Rig::with_accounts(&["a", "b", "c"]);
    r.ok(
        SNS,
        "friend_add",
        r#"{"From_Account":"a","ForceAddFlags":1,"AddFriendItem":[{"To_Account":"b",
            "Remark":"bee","GroupName":"work","AddSource":"AddSource_Type_Web","AddWording":"hi"}]}"#,
    );
    r.ok(
        SNS,
        "friend_import",
        r#"{"From_Account":"c","AddFriendItem":[{"To_Account":"a","AddSource":"AddSource_Type_Imp",
            "GroupName":["old"],"AddTime":1500000000,"RemarkTime":1500000001,"Remark":"r",
            "CustomItem":[{"Tag":"Tag_SNS_Custom_Lvl","Value":"gold"}]}]}"#,
    );
    r.ok(
        SNS,
        "black_list_add",
        r#"{"From_Account":"b","To_Account":["c"]}"#,
    );
    let (snap, mut other) = r.snapshot_round_trip();
    for (from, body) in [("a", "friend_get"), ("c", "friend_get")] {
        let q = format!(r#"{{"From_Account":"{from}","StartIndex":0}}"#);
        assert_eq!(r.ok(SNS, body, &q), other.ok(SNS, body, &q));
    }
    let e = &other.emu.state().friends.chain("c").unwrap().friends["a"];
    assert_eq!((e.add_time, e.remark_time), (1_500_000_000, 1_500_000_001));
    assert_eq!(
        e.custom.get("Tag_SNS_Custom_Lvl").and_then(Value::as_str),
        Some("gold")
    );

    // A damaged member is refused and leaves the state alone.
    let bad = snap.replace("\"AddTime\":1500000000", "\"AddTime\":\"x\"");
    assert_ne!(bad, snap);
    assert!(other.emu.restore(&bad).is_err());
    assert_eq!(other.emu.state(), r.emu.state());
}

fn handle(r: &mut Rig, cmd: &str, body: &str, before: Option<&Value>) -> Handled {
    r.handle(SNS, cmd, body, before)
}

#[test]
fn friend_webhooks_before_and_after() {
    let mut r = Rig::with_accounts(&["a", "b", "c"]);
    r.emu.set_callbacks(true);
    let body = r#"{"From_Account":"a","ForceAddFlags":1,"AddFriendItem":[
        {"To_Account":"b","AddSource":"AddSource_Type_W"},{"To_Account":"c","AddSource":"AddSource_Type_W"},
        {"To_Account":"ghost","AddSource":"AddSource_Type_W"}]}"#;
    let Handled::NeedsBefore(cb) = handle(&mut r, "friend_add", body, None) else {
        panic!("friend_add should ask the app first");
    };
    assert_eq!(cb.command, "Sns.CallbackPrevFriendAdd");
    let asked: Vec<String> = cb
        .body
        .get("FriendItem")
        .and_then(Value::as_array)
        .unwrap()
        .iter()
        .map(|i| field(i, "To_Account"))
        .collect();
    assert_eq!(asked, ["b", "c"]); // ghost already failed our own checks
    assert_eq!(
        field(&cb.body.clone(), "EventTime"),
        (NOW * 1000).to_string()
    );
    assert!(r.emu.state().friends.chain("a").is_none());

    // The app refuses c with a code in [38000, 39000].
    let answer = serde_json::from_str::<Value>(
        r#"{"ActionStatus":"OK","ErrorCode":0,"ResultItem":[
            {"To_Account":"c","ResultCode":38001,"ResultInfo":"not today"}]}"#,
    )
    .unwrap();
    let (v, after) = reply(handle(&mut r, "friend_add", body, Some(&answer)));
    assert_eq!(
        codes(&v, "ResultItem"),
        own(&[("b", 0), ("c", 38001), ("ghost", 30003)])
    );
    assert_eq!(after.len(), 1);
    assert_eq!(after[0].command, "Sns.CallbackFriendAdd");
    let pairs: Vec<String> = after[0]
        .body
        .get("PairList")
        .and_then(Value::as_array)
        .unwrap()
        .iter()
        .map(|p| format!("{}>{}", field(p, "From_Account"), field(p, "To_Account")))
        .collect();
    assert_eq!(pairs, ["a>b", "b>a"]);

    // ErrorCode 1 refuses the whole request; nothing changes.
    let refuse = serde_json::from_str::<Value>(r#"{"ActionStatus":"OK","ErrorCode":1}"#).unwrap();
    let body_c = r#"{"From_Account":"a","ForceAddFlags":1,"AddFriendItem":[{"To_Account":"c","AddSource":"AddSource_Type_W"}]}"#;
    let (v, after) = reply(handle(&mut r, "friend_add", body_c, Some(&refuse)));
    assert_eq!(code(&v), 10016);
    assert!(after.is_empty());
    assert!(!r.emu.state().friends.has_friend("a", "c"));

    let (v, after) = reply(handle(
        &mut r,
        "friend_delete",
        r#"{"From_Account":"a","To_Account":["b"]}"#,
        None,
    ));
    assert_eq!(code(&v), 0);
    assert_eq!(after.len(), 1);
    assert_eq!(after[0].command, "Sns.CallbackFriendDelete");
    let body = after[0].body.clone();
    let pairs: Vec<String> = arr(&body, "PairList")
        .iter()
        .map(|p| {
            let f = |k| field(p, k);
            format!(
                "{}>{} by {}",
                f("From_Account"),
                f("To_Account"),
                f("Initiator_Account")
            )
        })
        .collect();
    assert_eq!(pairs, ["a>b by a", "b>a by a"]);
    assert_eq!(field(&body, "ClientCmd"), "friend_delete");
    assert_eq!(field(&body, "Admin_Account"), ADMIN);
}

#[test]
fn arrays_and_list_counts_are_bounded() {
    let mut r = Rig::with_accounts(&["a", "b"]);
    add(&mut r, "a", &["b"], FORCE);
    let tags = vec!["\"Tag_SNS_IM_Remark\""; 101].join(",");
    r.fails(
        SNS,
        "friend_get_list",
        &format!(r#"{{"From_Account":"a","To_Account":["b"],"TagList":[{tags}]}}"#),
        30001,
    );
    let sns = vec![r#"{"Tag":"Tag_SNS_IM_Remark","Value":"x"}"#; 101].join(",");
    r.fails(
        SNS,
        "friend_update",
        &format!(r#"{{"From_Account":"a","UpdateItem":[{{"To_Account":"b","SnsItem":[{sns}]}}]}}"#),
        30001,
    );
    let names = |from: usize, n: usize| -> String {
        (from..from + n)
            .map(|i| format!("\"l{i}\""))
            .collect::<Vec<_>>()
            .join(",")
    };
    r.fails(
        SNS,
        "group_add",
        &format!(r#"{{"From_Account":"a","GroupName":[{}]}}"#, names(0, 101)),
        30001,
    );
    // 1000 lists fill the emulator's bound; the next one is 30011, whichever call makes it.
    for k in 0..10 {
        r.ok(
            SNS,
            "group_add",
            &format!(
                r#"{{"From_Account":"a","GroupName":[{}]}}"#,
                names(k * 100, 100)
            ),
        );
    }
    r.fails(
        SNS,
        "group_add",
        r#"{"From_Account":"a","GroupName":["one-more"]}"#,
        30011,
    );
    let v = r.ok(
        SNS,
        "friend_update",
        r#"{"From_Account":"a","UpdateItem":[{"To_Account":"b","SnsItem":[
            {"Tag":"Tag_SNS_IM_Group","Value":["l1","new"]}]}]}"#,
    );
    assert_eq!(codes(&v, "ResultItem"), own(&[("b", 30011)]));
    // Existing lists are fine.
    let v = r.ok(
        SNS,
        "friend_update",
        r#"{"From_Account":"a","UpdateItem":[{"To_Account":"b","SnsItem":[
            {"Tag":"Tag_SNS_IM_Group","Value":["l1","l999"]}]}]}"#,
    );
    assert_eq!(codes(&v, "ResultItem"), own(&[("b", 0)]));
    let v = r.ok(
        SNS,
        "group_get",
        r#"{"From_Account":"a","GroupName":["l1","l999","l5"],"NeedFriend":"Need_Friend_Type_Yes"}"#,
    );
    let counts: Vec<String> = arr(&v, "ResultItem")
        .iter()
        .map(|i| format!("{}={}", field(i, "GroupName"), field(i, "FriendNumber")))
        .collect();
    assert_eq!(counts, ["l1=1", "l5=0", "l999=1"]);
}
