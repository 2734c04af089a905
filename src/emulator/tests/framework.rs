//! The envelope, routing, body checks and snapshots.

use super::support::*;
use crate::emulator::Emulator;
use serde_json::Value;

#[test]
fn success_has_tencents_envelope() {
    let mut r = Rig::new();
    let v = r.ok(
        "im_open_login_svc",
        "account_import",
        r#"{"UserID":"alice"}"#,
    );
    assert_eq!(v.get("ErrorInfo").and_then(Value::as_str), Some(""));
}

#[test]
fn unknown_and_unemulated_commands_name_the_command() {
    let mut r = Rig::new();
    let v = r.fails("openim", "no_such_cmd", "{}", 60009);
    let info = v.get("ErrorInfo").and_then(Value::as_str).unwrap();
    assert!(info.contains("v4/openim/no_such_cmd"), "{info}");
    assert!(info.contains("not a Tencent"), "{info}");

    // A current endpoint that no domain emulates (found from the tables, not hard-coded).
    let missing = crate::api::ENDPOINTS
        .iter()
        .find(|e| {
            !crate::emulator::routes::all()
                .any(|r| r.service == e.service && r.command == e.command)
        })
        .expect("some endpoint is not emulated");
    let v = r.fails(missing.service, missing.command, "{}", 60009);
    let info = v.get("ErrorInfo").and_then(Value::as_str).unwrap();
    assert!(info.contains(missing.command), "{info}");
    assert!(info.contains("does not emulate"), "{info}");
}

#[test]
fn bodies_must_be_json_objects() {
    let mut r = Rig::new();
    for body in ["", "{", "[]", "\"x\"", "{\"a\":1}x"] {
        r.fails("im_open_login_svc", "account_import", body, 60003);
    }
    let big = format!("{{\"UserID\":\"a\",\"x\":\"{}\"}}", "y".repeat(1 << 20));
    r.fails("im_open_login_svc", "account_import", &big, 60003);
}

#[test]
fn bodies_serde_json_refuses_are_60003_with_the_reason() {
    let mut r = Rig::new();
    let deep = |n: usize| format!(r#"{{"UserID":"a","x":{}{}}}"#, "[".repeat(n), "]".repeat(n));
    // 127 levels of nesting are read (the field is ignored); 128 are refused, as before.
    r.ok("im_open_login_svc", "account_import", &deep(126));
    // JSON.stringify writes a lone surrogate escape for a string cut inside an emoji: read as
    // U+FFFD, as the SDK reads it (crate::body).
    r.ok(
        "im_open_login_svc",
        "account_import",
        r#"{"UserID":"a\ud83d"}"#,
    );
    let v = r.ok(
        "im_open_login_svc",
        "account_check",
        r#"{"CheckItem":[{"UserID":"a\ufffd"}]}"#,
    );
    assert_eq!(v["ResultItem"][0]["AccountStatus"], "Imported");
    for (body, reason) in [
        (
            r#"{"UserID":"a","Nick":1e400}"#.to_owned(),
            "number out of range",
        ),
        (deep(127), "recursion limit"),
    ] {
        let v = r.fails("im_open_login_svc", "account_import", &body, 60003);
        let info = v["ErrorInfo"].as_str().unwrap();
        assert!(
            info.contains("not valid JSON") && info.contains(reason),
            "{info}"
        );
    }
    // A whole surrogate pair is one character.
    r.ok(
        "im_open_login_svc",
        "account_import",
        r#"{"UserID":"\ud83d\ude00"}"#,
    );
    assert!(r.emu.state().accounts.contains("\u{1F600}"));
}

#[test]
fn wrong_method_and_path_are_60002() {
    let mut r = Rig::new();
    let url = r.url("im_open_login_svc", "account_import");
    let v = r.raw("GET", &url, r#"{"UserID":"a"}"#);
    assert_eq!(code(&v), 60002);
    for bad in [
        url.replace("/v4/", "/v3/"),
        url.replace("/account_import", "/account_import/x"),
        url.replace("contenttype=json", "contenttype=xml"),
        url.replace("&random=", "&random=x"),
        url.replace("&random=", "&random=1&random="),
    ] {
        let v = r.raw("POST", &bad, r#"{"UserID":"a"}"#);
        assert_eq!(code(&v), 60002, "{bad}");
    }
}

#[test]
fn snapshot_restores_into_a_new_emulator() {
    let mut r = Rig::new();
    r.ok(
        "im_open_login_svc",
        "multiaccount_import",
        r#"{"AccountList":[{"UserID":"a","Nick":"Ann"},{"UserID":"b"}]}"#,
    );
    let snap = r.emu.snapshot().unwrap();
    let mut other = Rig::new();
    assert_ne!(other.emu.state(), r.emu.state());
    other.emu.restore(&snap).unwrap();
    assert_eq!(other.emu.state(), r.emu.state());
    assert_eq!(other.emu.snapshot().unwrap(), snap);
}

/// Written by the hand-written persistence this format started with (commit c6be368), after
/// calls that fill every domain: snapshots saved by earlier versions keep restoring.
const SNAPSHOT_V1: &str = include_str!("snapshot-v1.json");

#[test]
fn a_version_1_snapshot_from_before_serde_restores_unchanged() {
    let mut r = Rig::new();
    r.emu.restore(SNAPSHOT_V1.trim_end()).unwrap();
    // Written again, it is the same document (serde_json compares objects without key order).
    let again: Value = serde_json::from_str(&r.emu.snapshot().unwrap()).unwrap();
    assert_eq!(again, serde_json::from_str::<Value>(SNAPSHOT_V1).unwrap());
    // And the emulator answers from it.
    let v = r.ok(
        "sns",
        "friend_get_list",
        r#"{"From_Account":"alice","To_Account":["bob"],"TagList":["Tag_SNS_IM_Remark","Tag_SNS_Custom_Score"]}"#,
    );
    let items = &v["InfoItem"][0]["SnsProfileItem"];
    assert_eq!(items[0]["Value"], "B");
    assert_eq!(items[1]["Value"], 5);
    let v = r.ok(
        "openconfigsvr",
        "getnospeaking",
        r#"{"Get_Account":"carol"}"#,
    );
    assert_eq!(v["C2CmsgNospeakingTime"], 4_294_967_295u64);
    let v = r.ok(
        "group_open_http_svc",
        "group_msg_get_simple",
        r#"{"GroupId":"g1","ReqMsgNumber":5}"#,
    );
    assert_eq!(
        v["RspMsgList"][0]["MsgBody"][0]["MsgContent"]["Text"],
        "hello"
    );
}

#[test]
fn a_bad_snapshot_is_refused_and_changes_nothing() {
    let mut r = Rig::new();
    r.ok("im_open_login_svc", "account_import", r#"{"UserID":"a"}"#);
    let before = r.emu.state().clone();
    for bad in [
        "",
        "[]",
        r#"{"version":2}"#,
        r#"{"version":1,"accounts":[]}"#,
        r#"{"version":1,"accounts":{"a":"x"}}"#,
    ] {
        let e = r.emu.restore(bad).unwrap_err();
        assert!(e.0.starts_with("snapshot"), "{}", e.0);
        assert_eq!(r.emu.state(), &before);
    }
}

#[test]
fn the_key_stays_out_of_debug_output() {
    let e = Emulator::new(APP, KEY, ADMIN).unwrap();
    assert!(!format!("{e:?}").contains(KEY));
}
