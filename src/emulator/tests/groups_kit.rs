//! What the later group test files share: a rig with accounts, group creation, and readers.

use super::support::*;
use serde_json::Value;

pub const SVC: &str = "group_open_http_svc";
pub const LIVE: &str = "group_open_avchatroom_http_svc";
pub const TOPICS: &str = "million_group_open_http_svc";

/// A rig with alice, bob, carol, dave and erin imported.
pub fn rig() -> Rig {
    Rig::with_accounts(&["alice", "bob", "carol", "dave", "erin"])
}

/// Creates a group from `body` (JSON text) and returns its GroupId.
pub fn create(r: &mut Rig, body: &str) -> String {
    let v = r.ok(SVC, "create_group", body);
    v["GroupId"].as_str().unwrap().to_owned()
}

/// A Public group owned by alice with bob and carol.
pub fn public(r: &mut Rig) -> String {
    create(
        r,
        r#"{"Type":"Public","Name":"team","Owner_Account":"alice","MemberList":[{"Member_Account":"bob"},{"Member_Account":"carol"}]}"#,
    )
}

/// A topic-enabled Community group owned by alice with bob.
pub fn community(r: &mut Rig) -> String {
    create(
        r,
        r#"{"Type":"Community","Name":"club","Owner_Account":"alice","SupportTopic":1,"MemberList":[{"Member_Account":"bob"}]}"#,
    )
}

/// A live group (AVChatRoom) owned by alice.
pub fn live(r: &mut Rig) -> String {
    create(
        r,
        r#"{"Type":"AVChatRoom","Name":"stage","Owner_Account":"alice"}"#,
    )
}

/// Sends a text message to a group (a fresh Random each time); returns its MsgSeq.
pub fn send(r: &mut Rig, gid: &str, from: &str, extra: &str) -> u64 {
    static RANDOM: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(1);
    let random = RANDOM.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let body = format!(
        r#"{{"GroupId":"{gid}","From_Account":"{from}","Random":{random},"MsgBody":[{{"MsgType":"TIMTextElem","MsgContent":{{"Text":"hi"}}}}]{extra}}}"#
    );
    let v = r.ok(SVC, "send_group_msg", &body);
    v["MsgSeq"].as_u64().unwrap()
}

/// The `key` strings of each item of `v[list]`.
pub fn column(v: &Value, list: &str, key: &str) -> Vec<String> {
    v[list]
        .as_array()
        .unwrap_or_else(|| panic!("{list} is not an array in {v}"))
        .iter()
        .map(|i| i[key].as_str().unwrap().to_owned())
        .collect()
}
