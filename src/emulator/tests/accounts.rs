//! Accounts end to end through signed requests.

use super::support::*;
use serde_json::Value;

const SVC: &str = "im_open_login_svc";

fn statuses(v: &Value) -> Vec<(String, String)> {
    v.get("ResultItem")
        .and_then(Value::as_array)
        .unwrap()
        .iter()
        .map(|i| {
            (
                i.get("UserID").and_then(Value::as_str).unwrap().to_owned(),
                i.get("AccountStatus")
                    .and_then(Value::as_str)
                    .unwrap()
                    .to_owned(),
            )
        })
        .collect()
}

#[test]
fn import_check_delete() {
    let mut r = Rig::new();
    r.ok(
        SVC,
        "account_import",
        r#"{"UserID":"alice","Nick":"Alice"}"#,
    );
    r.ok(SVC, "account_import", r#"{"UserID":"alice"}"#); // again: idempotent
    r.ok(
        SVC,
        "multiaccount_import",
        r#"{"Accounts":["bob","carol"]}"#,
    );
    let v = r.ok(
        SVC,
        "account_check",
        r#"{"CheckItem":[{"UserID":"alice"},{"UserID":"bob"},{"UserID":"dave"}]}"#,
    );
    let want = [
        ("alice", "Imported"),
        ("bob", "Imported"),
        ("dave", "NotImported"),
    ];
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(statuses(&v), want);
    assert_eq!(
        r.emu
            .state()
            .profiles
            .get("alice", "Tag_Profile_IM_Nick")
            .and_then(Value::as_str),
        Some("Alice")
    );

    let v = r.ok(
        SVC,
        "account_delete",
        r#"{"DeleteItem":[{"UserID":"bob"},{"UserID":"zed"}]}"#,
    );
    let codes: Vec<i64> = v
        .get("ResultItem")
        .and_then(Value::as_array)
        .unwrap()
        .iter()
        .map(|i| i.get("ResultCode").and_then(Value::as_i64).unwrap())
        .collect();
    assert_eq!(codes, [0, 70107]);
    assert!(!r.emu.state().accounts.contains("bob"));
    assert_eq!(r.emu.state().accounts.len(), 2);
}

#[test]
fn multi_import_reports_bad_items() {
    let mut r = Rig::new();
    let long = "x".repeat(33);
    let body = format!(r#"{{"Accounts":["ok1","","{long}","ok2"]}}"#);
    let v = r.ok(SVC, "multiaccount_import", &body);
    let failed = v.get("FailAccounts").and_then(Value::as_array).unwrap();
    assert_eq!(failed.len(), 2);
    assert_eq!(r.emu.state().accounts.len(), 2);
    r.fails(
        SVC,
        "multiaccount_import",
        r#"{"Accounts":["a"],"AccountList":[]}"#,
        70402,
    );
    r.fails(SVC, "multiaccount_import", r#"{}"#, 70402);
}

#[test]
fn bad_fields_are_70402() {
    let mut r = Rig::new();
    for body in [
        r#"{}"#,
        r#"{"UserID":5}"#,
        r#"{"UserID":""}"#,
        r#"{"UserID":"a","Nick":1}"#,
    ] {
        let v = r.fails(SVC, "account_import", body, 70402);
        assert!(!v
            .get("ErrorInfo")
            .and_then(Value::as_str)
            .unwrap()
            .is_empty());
    }
    assert!(r.emu.state().accounts.is_empty());
}

#[test]
fn kick_and_online_status() {
    let mut r = Rig::new();
    r.ok(SVC, "account_import", r#"{"UserID":"alice"}"#);
    r.ok(SVC, "kick", r#"{"UserID":"alice"}"#);
    r.fails(SVC, "kick", r#"{"UserID":"nobody"}"#, 70107);
    let v = r.ok(
        "openim",
        "query_online_status",
        r#"{"To_Account":["alice","nobody"]}"#,
    );
    let q = v.get("QueryResult").and_then(Value::as_array).unwrap();
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].get("Status").and_then(Value::as_str), Some("Offline"));
    let e = v.get("ErrorList").and_then(Value::as_array).unwrap();
    assert_eq!(
        e[0].get("To_Account").and_then(Value::as_str),
        Some("nobody")
    );
}

#[test]
fn deleting_an_account_ends_its_friendships() {
    let mut r = Rig::new();
    r.ok(SVC, "multiaccount_import", r#"{"Accounts":["a","b"]}"#);
    r.ok(
        "sns",
        "friend_add",
        r#"{"From_Account":"a","AddFriendItem":[{"To_Account":"b","AddSource":"AddSource_Type_Web"}],"ForceAddFlags":1}"#,
    );
    let check = r#"{"From_Account":"b","To_Account":["a"],"CheckType":"CheckResult_Type_Both"}"#;
    let relation = |v: &Value| {
        v.get("InfoItem").and_then(Value::as_array).unwrap()[0]
            .get("Relation")
            .and_then(Value::as_str)
            .unwrap()
            .to_owned()
    };
    let v = r.ok("sns", "friend_check", check);
    assert_eq!(relation(&v), "CheckResult_Type_BothWay");
    r.ok(SVC, "account_delete", r#"{"DeleteItem":[{"UserID":"a"}]}"#);
    r.ok(SVC, "account_import", r#"{"UserID":"a"}"#);
    let v = r.ok("sns", "friend_check", check);
    assert_eq!(relation(&v), "CheckResult_Type_NoRelation");
}
