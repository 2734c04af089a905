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
