//! A helper the tests of the later domains share (message extensions, follow, conversations,
//! chatbots, moderation, operation): the mistyped-field table check.

use super::support::*;
use serde_json::Value;

/// `good` succeeds, and each of `fields` given each wrong-typed value fails with `code` without
/// changing the state. `skip` says which (field, value) pairs are valid after all.
pub fn each_field_mistyped(
    r: &mut Rig,
    svc: &str,
    cmd: &str,
    good: &str,
    fields: &[&str],
    code: i64,
    skip: impl Fn(&str, &str) -> bool,
) {
    let base: Value = serde_json::from_str(good).unwrap();
    for field in fields {
        assert!(
            base.get(field).is_some(),
            "{cmd}: the good body lacks {field}"
        );
        for (w, sent) in mistyped(&base, field) {
            if skip(field, w) {
                continue;
            }
            let before = r.emu.state().clone();
            let v = r.call(svc, cmd, &sent);
            assert_eq!(super::support::code(&v), code, "{cmd}: {field} = {w}: {v}");
            assert_eq!(
                r.emu.state(),
                &before,
                "{cmd}: {field} = {w} changed the state"
            );
        }
    }
    r.ok(svc, cmd, good);
}

/// The MsgKey of a new one-to-one text message.
pub fn send_c2c(r: &mut Rig, from: &str, to: &str, random: u32, text: &str) -> String {
    let body = format!(
        r#"{{"From_Account":"{from}","To_Account":"{to}","MsgRandom":{random},"MsgBody":[{{"MsgType":"TIMTextElem","MsgContent":{{"Text":"{text}"}}}}]}}"#
    );
    let v = r.ok("openim", "sendmsg", &body);
    v["MsgKey"].as_str().unwrap().to_owned()
}

/// The MsgSeq of a new group text message.
pub fn send_group(r: &mut Rig, group: &str, from: &str, random: u32) -> u64 {
    let body = format!(
        r#"{{"GroupId":"{group}","From_Account":"{from}","Random":{random},"MsgBody":[{{"MsgType":"TIMTextElem","MsgContent":{{"Text":"hi"}}}}]}}"#
    );
    let v = r.ok("group_open_http_svc", "send_group_msg", &body);
    v["MsgSeq"].as_u64().unwrap()
}
