//! portrait_set / portrait_get through signed requests. Expected values are Tencent's documented
//! tags, enums and codes (269/3558, 269/1640), not read back from the emulator's own tables.

use super::support::*;
use serde_json::Value;

const SVC: &str = "profile";

fn items(v: &Value) -> &Vec<Value> {
    v.get("UserProfileItem").and_then(Value::as_array).unwrap()
}

/// `(tag, value as JSON)` pairs of one account's ProfileItem.
fn tags(item: &Value) -> Vec<(String, String)> {
    item.get("ProfileItem")
        .and_then(Value::as_array)
        .unwrap()
        .iter()
        .map(|t| {
            (
                t.get("Tag").and_then(Value::as_str).unwrap().to_owned(),
                t.get("Value").unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn set_then_get_standard_and_custom_tags() {
    let mut r = Rig::with_accounts(&["alice"]);
    r.ok(
        SVC,
        "portrait_set",
        r#"{"From_Account":"alice","ProfileItem":[
            {"Tag":"Tag_Profile_IM_Nick","Value":"Alice"},
            {"Tag":"Tag_Profile_IM_Gender","Value":"Gender_Type_Female"},
            {"Tag":"Tag_Profile_IM_AllowType","Value":"AllowType_Type_AllowAny"},
            {"Tag":"Tag_Profile_IM_BirthDay","Value":19900101},
            {"Tag":"Tag_Profile_IM_SelfSignature","Value":"hi"},
            {"Tag":"Tag_Profile_IM_Image","Value":"https://x/a.png"},
            {"Tag":"Tag_Profile_IM_Level","Value":3},
            {"Tag":"Tag_Profile_IM_Role","Value":7},
            {"Tag":"Tag_Profile_Custom_Test","Value":"c"}]}"#,
    );
    let v = r.ok(
        SVC,
        "portrait_get",
        r#"{"To_Account":["alice"],"TagList":["Tag_Profile_IM_Nick","Tag_Profile_IM_Gender",
            "Tag_Profile_IM_BirthDay","Tag_Profile_Custom_Test","Tag_Profile_IM_Location"]}"#,
    );
    let it = &items(&v)[0];
    assert_eq!(it.get("ResultCode").and_then(Value::as_i64), Some(0));
    let want = [
        ("Tag_Profile_IM_Nick", "\"Alice\""),
        ("Tag_Profile_IM_Gender", "\"Gender_Type_Female\""),
        ("Tag_Profile_IM_BirthDay", "19900101"),
        ("Tag_Profile_Custom_Test", "\"c\""),
    ];
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    // Location was never set, so it is left out.
    assert_eq!(tags(it), want);
    assert!(v.get("Fail_Account").is_none());

    // A later set overwrites one tag and keeps the others.
    r.ok(
        SVC,
        "portrait_set",
        r#"{"From_Account":"alice","ProfileItem":[{"Tag":"Tag_Profile_IM_Nick","Value":"Al"}]}"#,
    );
    let v = r.ok(
        SVC,
        "portrait_get",
        r#"{"To_Account":["alice"],"TagList":["Tag_Profile_IM_Nick","Tag_Profile_IM_Level"]}"#,
    );
    let want = vec![
        ("Tag_Profile_IM_Nick".to_owned(), "\"Al\"".to_owned()),
        ("Tag_Profile_IM_Level".to_owned(), "3".to_owned()),
    ];
    assert_eq!(tags(&items(&v)[0]), want);
}

#[test]
fn bad_values_fail_the_whole_set() {
    let mut r = Rig::with_accounts(&["alice"]);
    let long = format!("\"{}\"", "x".repeat(501));
    // (Tag, Value as JSON, Tencent's code); a `None` value leaves Value out.
    let cases: [(&str, Option<&str>, i64); 15] = [
        ("Tag_Profile_IM_Gender", Some("\"male\""), 40001),
        (
            "Tag_Profile_IM_AllowType",
            Some("\"AllowType_Type_Any\""),
            40001,
        ),
        ("Tag_Profile_IM_AdminForbidType", Some("1"), 40001),
        ("Tag_Profile_IM_BirthDay", Some("\"19900101\""), 40001),
        ("Tag_Profile_IM_Level", Some("-1"), 40001),
        ("Tag_Profile_IM_Level", Some("4294967296"), 40001),
        ("Tag_Profile_IM_Nick", Some("5"), 40001),
        ("Tag_Profile_IM_Unknown", Some("\"x\""), 40001),
        ("Tag_Profile_Custom_TooLongKey", Some("\"x\""), 40001),
        ("Tag_Profile_Custom_a1", Some("\"x\""), 40001),
        ("Tag_Profile_Custom_Obj", Some("{}"), 40001),
        ("Tag_Profile_IM_Nick", None, 40001),
        ("", Some("\"x\""), 40001),
        ("Tag_Profile_IM_Nick", Some(&long), 40601),
        ("Tag_Profile_Custom_Bio", Some(&long), 40601),
    ];
    for (tag, value, want) in cases {
        let item = match value {
            Some(v) => format!(r#"{{"Tag":"{tag}","Value":{v}}}"#),
            None => format!(r#"{{"Tag":"{tag}"}}"#),
        };
        // The bad item comes second: the good first one must not be stored either.
        let body = format!(
            r#"{{"From_Account":"alice","ProfileItem":[{{"Tag":"Tag_Profile_IM_Nick","Value":"N"}},{item}]}}"#
        );
        r.fails(SVC, "portrait_set", &body, want);
    }
    assert!(r
        .emu
        .state()
        .profiles
        .get("alice", "Tag_Profile_IM_Nick")
        .is_none());
    // 500 bytes exactly is fine.
    let body = format!(
        r#"{{"From_Account":"alice","ProfileItem":[{{"Tag":"Tag_Profile_IM_Nick","Value":"{}"}}]}}"#,
        "y".repeat(500)
    );
    r.ok(SVC, "portrait_set", &body);
}

#[test]
fn set_checks_the_account_and_the_shape() {
    let mut r = Rig::with_accounts(&["alice"]);
    let nick = r#"[{"Tag":"Tag_Profile_IM_Nick","Value":"N"}]"#;
    r.fails(
        SVC,
        "portrait_set",
        &format!(r#"{{"From_Account":"nobody","ProfileItem":{nick}}}"#),
        40003,
    );
    for body in [
        r#"{"ProfileItem":[]}"#.to_owned(),
        r#"{"From_Account":"alice","ProfileItem":[]}"#.to_owned(),
        r#"{"From_Account":"alice","ProfileItem":{}}"#.to_owned(),
        r#"{"From_Account":"alice"}"#.to_owned(),
        format!(r#"{{"From_Account":"","ProfileItem":{nick}}}"#),
    ] {
        r.fails(SVC, "portrait_set", &body, 40001);
    }
    // The admin is an account too.
    r.ok(
        SVC,
        "portrait_set",
        &format!(r#"{{"From_Account":"{ADMIN}","ProfileItem":{nick}}}"#),
    );
}

#[test]
fn get_reports_unknown_accounts_per_item() {
    let mut r = Rig::with_accounts(&["alice"]);
    let v = r.ok(
        SVC,
        "portrait_get",
        r#"{"To_Account":["alice","ghost"],"TagList":["Tag_Profile_IM_Nick"]}"#,
    );
    let it = items(&v);
    assert_eq!(it.len(), 2);
    assert_eq!(it[0].get("ResultCode").and_then(Value::as_i64), Some(0));
    assert_eq!(
        it[1].get("To_Account").and_then(Value::as_str),
        Some("ghost")
    );
    assert_eq!(it[1].get("ResultCode").and_then(Value::as_i64), Some(40003));
    let failed = v.get("Fail_Account").and_then(Value::as_array).unwrap();
    assert_eq!(failed, &vec![Value::String("ghost".into())]);

    let many: Vec<String> = (0..101).map(|i| format!("\"u{i}\"")).collect();
    let body = format!(
        r#"{{"To_Account":[{}],"TagList":["Tag_Profile_IM_Nick"]}}"#,
        many.join(",")
    );
    r.fails(SVC, "portrait_get", &body, 40001);
    for body in [
        r#"{"To_Account":["alice"],"TagList":[]}"#,
        r#"{"To_Account":["alice"],"TagList":["Nick"]}"#,
        r#"{"To_Account":["alice"],"TagList":[1]}"#,
        r#"{"To_Account":[],"TagList":["Tag_Profile_IM_Nick"]}"#,
        r#"{"TagList":["Tag_Profile_IM_Nick"]}"#,
    ] {
        r.fails(SVC, "portrait_get", body, 40001);
    }
}

#[test]
fn profiles_survive_a_snapshot() {
    let mut r = Rig::with_accounts(&["alice"]);
    r.ok(
        SVC,
        "portrait_set",
        r#"{"From_Account":"alice","ProfileItem":[{"Tag":"Tag_Profile_IM_Nick","Value":"A"},
            {"Tag":"Tag_Profile_IM_Level","Value":2}]}"#,
    );
    let (_, mut other) = r.snapshot_round_trip();
    let v = other.ok(
        SVC,
        "portrait_get",
        r#"{"To_Account":["alice"],"TagList":["Tag_Profile_IM_Level"]}"#,
    );
    assert_eq!(
        tags(&items(&v)[0]),
        vec![("Tag_Profile_IM_Level".to_owned(), "2".to_owned())]
    );
}

#[test]
fn item_and_tag_counts_are_bounded() {
    let mut r = Rig::with_accounts(&["alice"]);
    let item = r#"{"Tag":"Tag_Profile_IM_Nick","Value":"N"}"#;
    for (n, want) in [(100, 0), (101, 40001)] {
        let body = format!(
            r#"{{"From_Account":"alice","ProfileItem":[{}]}}"#,
            vec![item; n].join(",")
        );
        let v = r.call(SVC, "portrait_set", &body);
        assert_eq!(code(&v), want, "{n} items");
        let body = format!(
            r#"{{"To_Account":["alice"],"TagList":[{}]}}"#,
            vec!["\"Tag_Profile_IM_Nick\""; n].join(",")
        );
        let v = r.call(SVC, "portrait_get", &body);
        assert_eq!(code(&v), want, "{n} tags");
    }
}
