//! Every request Tencent documents for the social and operation endpoints (data/doc-examples.json,
//! the harvest of the stored docs) gets a real answer from the emulator: ErrorCode 0 once the
//! accounts it names exist, or, where it names a message or group the doc's IDs cannot create
//! (a MsgKey, `@TGS#` GroupIds, an hour in 2015), the code the page documents for that.

use super::support::*;
use serde_json::Value;
use std::collections::BTreeSet;

const EXAMPLES: &str = include_str!("../../../data/doc-examples.json");

/// The services these tests cover (msg_ext, follow, recentcontact, robots, moderation, operation;
/// openim's c2c_msg_read_receipt has no documented example in the harvest).
const SERVICES: [&str; 8] = [
    "openim_msg_ext_http_svc",
    "follow",
    "recentcontact",
    "openim_robot_http_svc",
    "im_msg_audit",
    "im_msg_audit_mgr",
    "open_msg_svc",
    "ConfigSvc",
];

/// Documented codes a documented request may get because its IDs cannot exist here.
fn allowed(service: &str, command: &str) -> &'static [i64] {
    match (service, command) {
        // The doc's MsgKey names no stored message (23004); its GroupId is an `@TGS#` ID the
        // emulator only generates (10010).
        ("openim_msg_ext_http_svc", "get_key_values" | "set_key_values") => &[23004],
        ("openim_msg_ext_http_svc", _) => &[10010],
        // 2015120121 is more than seven days ago (1005).
        ("open_msg_svc", "get_history") => &[1005],
        _ => &[],
    }
}

/// Every string value of an `*Account` field (or in an `*Account` array), anywhere in `v`.
fn accounts(v: &Value, key: &str, out: &mut BTreeSet<String>) {
    match v {
        Value::String(s) if key.ends_with("Account") => {
            out.insert(s.clone());
        }
        Value::Array(items) => items.iter().for_each(|i| accounts(i, key, out)),
        Value::Object(o) => o.iter().for_each(|(k, v)| accounts(v, k, out)),
        _ => {}
    }
}

#[test]
fn every_documented_request_gets_a_real_answer() {
    let data: Value = serde_json::from_str(EXAMPLES).unwrap();
    let mut ran = 0;
    for ex in data["examples"].as_array().unwrap() {
        let (Some("request"), Some(svc), Some(cmd)) = (
            ex["kind"].as_str(),
            ex["servicename"].as_str(),
            ex["command"].as_str(),
        ) else {
            continue;
        };
        if !SERVICES.contains(&svc) && (svc, cmd) != ("openconfigsvr", "getappinfo") {
            continue;
        }
        let mut r = Rig::new();
        let mut ids = BTreeSet::new();
        accounts(&ex["body"], "", &mut ids);
        for id in &ids {
            r.ok(
                "im_open_login_svc",
                "account_import",
                &serde_json::json!({ "UserID": id }).to_string(),
            );
        }
        // The conversation group a documented change names exists first (created as documented).
        let owner = ex["body"]["From_Account"].as_str().unwrap_or("");
        let existing = match cmd {
            "del_contact_group" => ex["body"]["GroupName"][0].as_str(),
            "update_contact_group" => ex["body"]["UpdateGroup"]["OldGroupName"].as_str(),
            _ => None,
        };
        if let Some(name) = existing {
            let create = serde_json::json!({"From_Account": owner, "GroupContactItem": [{"GroupName": name, "ContactItem": []}]});
            r.ok(svc, "create_contact_group", &create.to_string());
        }
        let mut body = ex["body"].clone();
        if body.get("SdkAppId").is_some() {
            body["SdkAppId"] = APP.into();
        }
        let v = r.call(svc, cmd, &body.to_string());
        let c = code(&v);
        assert!(
            c == 0 || allowed(svc, cmd).contains(&c),
            "{}: {svc}/{cmd} answered {v}",
            ex["id"]
        );
        ran += 1;
    }
    // The harvest holds 30 documented requests for these endpoints: all of them ran.
    assert_eq!(ran, 30);
}
