//! Global mute through signed requests (docs 1047/34923, 34924: seconds, 0 unmutes,
//! 4294967295 forever, the time left is read back, 20012 for a muted one-to-one sender).

use super::support::*;
use serde_json::Value;

const SVC: &str = "openconfigsvr";

fn rig() -> Rig {
    Rig::with_accounts(&["alice", "bob"])
}

fn left(r: &mut Rig, id: &str) -> (i64, i64) {
    let v = r.ok(
        SVC,
        "getnospeaking",
        &format!(r#"{{"Get_Account":"{id}"}}"#),
    );
    let n = |k| v.get(k).and_then(Value::as_i64).unwrap();
    (n("C2CmsgNospeakingTime"), n("GroupmsgNospeakingTime"))
}

fn send(r: &mut Rig) -> i64 {
    let v = r.call(
        "openim",
        "sendmsg",
        r#"{"From_Account":"alice","To_Account":"bob","MsgRandom":1,"MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"hi"}}]}"#,
    );
    code(&v)
}

#[test]
fn a_timed_mute_counts_down_and_ends() {
    let mut r = rig();
    assert_eq!(left(&mut r, "alice"), (0, 0));
    r.ok(
        SVC,
        "setnospeaking",
        r#"{"Set_Account":"alice","C2CmsgNospeakingTime":7200,"GroupmsgNospeakingTime":60}"#,
    );
    assert_eq!(left(&mut r, "alice"), (7200, 60));
    assert_eq!(send(&mut r), 20012);
    assert!(r.emu.state().mute.group_muted("alice", r.now));

    r.now += 4;
    assert_eq!(left(&mut r, "alice"), (7196, 56));
    r.now += 56;
    assert_eq!(left(&mut r, "alice"), (7140, 0));
    assert!(!r.emu.state().mute.group_muted("alice", r.now));
    r.now += 7140;
    assert_eq!(left(&mut r, "alice"), (0, 0));
    assert_eq!(send(&mut r), 0);
    // bob was never muted.
    assert_eq!(left(&mut r, "bob"), (0, 0));
}

#[test]
fn forever_stays_forever_and_zero_unmutes_one_kind() {
    let mut r = rig();
    r.ok(
        SVC,
        "setnospeaking",
        r#"{"Set_Account":"alice","C2CmsgNospeakingTime":4294967295,"GroupmsgNospeakingTime":4294967295}"#,
    );
    r.now += 10 * 365 * 86_400;
    assert_eq!(left(&mut r, "alice"), (4_294_967_295, 4_294_967_295));
    assert_eq!(send(&mut r), 20012);
    r.ok(
        SVC,
        "setnospeaking",
        r#"{"Set_Account":"alice","C2CmsgNospeakingTime":0}"#,
    );
    assert_eq!(left(&mut r, "alice"), (0, 4_294_967_295));
    assert_eq!(send(&mut r), 0);
}

#[test]
fn bad_requests_get_the_services_codes() {
    let mut r = rig();
    for (cmd, body, want) in [
        ("setnospeaking", r#"{"C2CmsgNospeakingTime":1}"#, 130004),
        (
            "setnospeaking",
            r#"{"Set_Account":"ghost","C2CmsgNospeakingTime":1}"#,
            130005,
        ),
        (
            "setnospeaking",
            r#"{"Set_Account":7,"C2CmsgNospeakingTime":1}"#,
            130005,
        ),
        ("setnospeaking", r#"{"Set_Account":"alice"}"#, 130008),
        (
            "setnospeaking",
            r#"{"Set_Account":"alice","C2CmsgNospeakingTime":-1}"#,
            130008,
        ),
        (
            "setnospeaking",
            r#"{"Set_Account":"alice","C2CmsgNospeakingTime":4294967296}"#,
            130008,
        ),
        (
            "setnospeaking",
            r#"{"Set_Account":"alice","GroupmsgNospeakingTime":"60"}"#,
            130008,
        ),
        ("getnospeaking", r#"{}"#, 130004),
        ("getnospeaking", r#"{"Get_Account":"ghost"}"#, 130005),
    ] {
        r.fails(SVC, cmd, body, want);
    }
    assert_eq!(left(&mut r, "alice"), (0, 0));
}

#[test]
fn a_bad_mute_snapshot_is_refused() {
    let mut r = rig();
    for bad in [
        r#"{"version":1,"mute":[]}"#,
        r#"{"version":1,"mute":{"a":{"C2C":"x"}}}"#,
        r#"{"version":1,"mute":{"a":{"C2C":4294967296}}}"#,
    ] {
        let e = r.emu.restore(bad).unwrap_err();
        assert!(e.0.contains("mute"), "{}", e.0);
    }
}
