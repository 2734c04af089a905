//! Oracles: Tencent's documented example (269/32431), the spec's derived vector (computed with
//! `sha256sum`, not with this code), and literal JSON written from Tencent's reply examples.

use super::*;
use serde_json::json;

/// A document written with serde_json's `json!`.
fn doc(v: serde_json::Value) -> serde_json::Value {
    v
}

const OFFICIAL_SIGN: &str = "17773bc39a671d7b9aa835458704d2a6db81360a5940292b587d6d760d484061";
const APP: u32 = 1400000000;

fn auth(token: Option<&str>, now: u64) -> Auth<'_> {
    Auth {
        sdk_app_id: APP,
        token,
        now,
        tolerance: DEFAULT_TOLERANCE_S,
    }
}

fn official_query() -> String {
    format!(
        "SdkAppid={APP}&CallbackCommand=C2C.CallbackBeforeSendMsg&contenttype=json&ClientIP=127.0.0.1&OptPlatform=iOS&Sign={OFFICIAL_SIGN}&RequestTime=1669872112"
    )
}

#[test]
fn sign_matches_the_official_example_and_the_derived_vector() {
    assert_eq!(sign("xxxxyyyy", "1669872112"), OFFICIAL_SIGN);
    assert_eq!(
        sign("my-callback-token", "1700000000"),
        "b145a99441cf7737a44b911519aaf59b34cad5cfe5b58c39ff8d5138b81c269a"
    );
}

#[test]
fn official_example_verifies_with_every_field() {
    let v = verify(&official_query(), &auth(Some("xxxxyyyy"), 1669872112)).unwrap();
    assert_eq!(
        v,
        Verified {
            command: "C2C.CallbackBeforeSendMsg".into(),
            sdk_app_id: APP,
            client_ip: Some("127.0.0.1".into()),
            platform: Some("iOS".into()),
            request_time: Some(1669872112),
        }
    );
}

#[test]
fn tolerance_boundaries_are_inclusive() {
    let q = official_query();
    for (now, ok) in [
        (1669872112 + 60, true),
        (1669872112 - 60, true),
        (1669872112 + 61, false),
        (1669872112 - 61, false),
    ] {
        let r = verify(&q, &auth(Some("xxxxyyyy"), now));
        if ok {
            assert!(r.is_ok(), "now={now}");
        } else {
            assert_eq!(r, Err(Rejection::Stale), "now={now}");
        }
    }
    // A zero window accepts only the exact second; a custom one moves both edges.
    let exact = Auth {
        tolerance: 0,
        ..auth(Some("xxxxyyyy"), 1669872112)
    };
    assert!(verify(&q, &exact).is_ok());
    let wide = Auth {
        tolerance: 300,
        ..auth(Some("xxxxyyyy"), 1669872112 + 300)
    };
    assert!(verify(&q, &wide).is_ok());
    let wide_late = Auth {
        tolerance: 300,
        ..auth(Some("xxxxyyyy"), 1669872112 + 301)
    };
    assert_eq!(verify(&q, &wide_late), Err(Rejection::Stale));
}

#[test]
fn tampered_signatures_are_refused() {
    let good = official_query();
    // One hex digit changed.
    let flipped = good.replace("Sign=17773b", "Sign=17773c");
    assert_eq!(
        verify(&flipped, &auth(Some("xxxxyyyy"), 1669872112)),
        Err(Rejection::BadSignature)
    );
    // Truncated and extended.
    let short = good.replace(OFFICIAL_SIGN, &OFFICIAL_SIGN[..63]);
    assert_eq!(
        verify(&short, &auth(Some("xxxxyyyy"), 1669872112)),
        Err(Rejection::BadSignature)
    );
    let long = good.replace(OFFICIAL_SIGN, &format!("{OFFICIAL_SIGN}0"));
    assert_eq!(
        verify(&long, &auth(Some("xxxxyyyy"), 1669872112)),
        Err(Rejection::BadSignature)
    );
    // Wrong token.
    assert_eq!(
        verify(&good, &auth(Some("xxxxyyyz"), 1669872112)),
        Err(Rejection::BadSignature)
    );
    // A captured Sign replayed with a fresh RequestTime: the time is signed, so it fails.
    let moved = good.replace("RequestTime=1669872112", "RequestTime=1669872200");
    assert_eq!(
        verify(&moved, &auth(Some("xxxxyyyy"), 1669872200)),
        Err(Rejection::BadSignature)
    );
    // Upper-case hex carries the same value and is accepted.
    let upper = good.replace(OFFICIAL_SIGN, &OFFICIAL_SIGN.to_ascii_uppercase());
    assert!(verify(&upper, &auth(Some("xxxxyyyy"), 1669872112)).is_ok());
}

#[test]
fn replayed_pair_is_stale_once_the_window_has_passed() {
    let q = official_query();
    assert!(verify(&q, &auth(Some("xxxxyyyy"), 1669872112 + 30)).is_ok());
    assert_eq!(
        verify(&q, &auth(Some("xxxxyyyy"), 1669872112 + 3600)),
        Err(Rejection::Stale)
    );
}

#[test]
fn missing_empty_repeated_or_malformed_parameters() {
    let good = official_query();
    let drop = |name: &str| {
        good.split('&')
            .filter(|p| !p.starts_with(name))
            .collect::<Vec<_>>()
            .join("&")
    };
    let a = auth(Some("xxxxyyyy"), 1669872112);
    for name in ["SdkAppid=", "CallbackCommand=", "Sign=", "RequestTime="] {
        assert_eq!(
            verify(&drop(name), &a),
            Err(Rejection::MissingParams),
            "without {name}"
        );
    }
    let cases = [
        good.replace("SdkAppid=1400000000", "SdkAppid="),
        good.replace("RequestTime=1669872112", "RequestTime=16698x2112"),
        good.replace("RequestTime=1669872112", "RequestTime=-1669872112"),
        format!("{good}&Sign={OFFICIAL_SIGN}"),
        format!("{good}&sdkappid=1400000000"),
        good.replace("C2C.CallbackBeforeSendMsg", "__proto__"),
        good.replace("C2C.CallbackBeforeSendMsg", "C2C.Callback%20BeforeSendMsg"),
        String::new(),
    ];
    for q in &cases {
        assert_eq!(verify(q, &a), Err(Rejection::MissingParams), "{q}");
    }
    // ClientIP and OptPlatform are optional (Alert.* and Push.* omit ClientIP).
    let bare = drop("ClientIP=");
    let v = verify(&drop("OptPlatform=").replace("&ClientIP=127.0.0.1", ""), &a).unwrap();
    assert_eq!((v.client_ip, v.platform), (None, None));
    assert!(verify(&bare, &a).is_ok());
}

#[test]
fn sdkappid_mismatch_and_name_spelling() {
    let a = auth(Some("xxxxyyyy"), 1669872112);
    let other = official_query().replace("SdkAppid=1400000000", "SdkAppid=1400000001");
    assert_eq!(verify(&other, &a), Err(Rejection::SdkAppIdMismatch));
    let not_a_number = official_query().replace("SdkAppid=1400000000", "SdkAppid=14e8");
    assert_eq!(verify(&not_a_number, &a), Err(Rejection::SdkAppIdMismatch));
    for spelling in ["SdkAppId", "sdkappid", "SDKAPPID", "SDKAppID"] {
        let q = official_query().replace("SdkAppid=", &format!("{spelling}="));
        assert!(verify(&q, &a).is_ok(), "{spelling}");
    }
    let q = official_query()
        .replace("CallbackCommand=", "callbackcommand=")
        .replace("Sign=", "SIGN=")
        .replace("RequestTime=", "requesttime=");
    assert!(verify(&q, &a).is_ok());
    // The SdkAppid is checked before the signature, with or without a token.
    assert_eq!(
        verify(&other, &auth(None, 0)),
        Err(Rejection::SdkAppIdMismatch)
    );
}

#[test]
fn without_a_token_only_the_sdkappid_is_checked() {
    let a = auth(None, 1);
    let q = format!(
        "SdkAppid={APP}&CallbackCommand=State.StateChange&contenttype=json&OptPlatform=IOS"
    );
    let v = verify(&q, &a).unwrap();
    assert_eq!(v.request_time, None);
    assert_eq!(v.platform.as_deref(), Some("IOS"));
    // A Sign that would fail and an old RequestTime are both ignored: nothing to check them with.
    let with_junk = format!("{q}&Sign=00&RequestTime=5");
    assert_eq!(verify(&with_junk, &a).unwrap().request_time, Some(5));
}

#[test]
fn query_values_are_percent_decoded() {
    let q = format!(
        "SdkAppid=%31400000000&CallbackCommand=Group%2ECallbackAfterNewMemberJoin&ClientIP=%3A%3A1&OptPlatform=Web+App&Sign={OFFICIAL_SIGN}&RequestTime=1669872112"
    );
    let v = verify(&q, &auth(Some("xxxxyyyy"), 1669872112)).unwrap();
    assert_eq!(v.command, "Group.CallbackAfterNewMemberJoin");
    assert_eq!(v.client_ip.as_deref(), Some("::1"));
    assert_eq!(v.platform.as_deref(), Some("Web App"));
    assert_eq!(percent_decode("a%2"), "a%2");
    assert_eq!(percent_decode("%zz%41"), "%zzA");
    assert_eq!(percent_decode("%E5%BC%A0"), "张");
    assert_eq!(percent_decode("%FF"), "\u{FFFD}");
}

#[test]
fn query_of_takes_the_part_between_question_mark_and_fragment() {
    assert_eq!(query_of("https://h/tim/callback?a=1&b=2#frag"), "a=1&b=2");
    assert_eq!(query_of("https://h/tim/callback?a=1?b"), "a=1?b");
    assert_eq!(query_of("https://h/tim/callback"), "");
    assert_eq!(query_of("https://h/p#x?y=1"), "");
}

#[test]
fn configurations_that_cannot_authenticate_are_refused() {
    assert!(auth(Some("t"), 0).check().is_ok());
    assert!(auth(None, 0).check().is_ok());
    assert!(auth(Some(""), 0).check().is_err());
    assert!(auth(Some(&"x".repeat(1025)), 0).check().is_err());
    assert!(Auth {
        tolerance: 3600,
        ..auth(None, 0)
    }
    .check()
    .is_ok());
    assert!(Auth {
        tolerance: 3601,
        ..auth(None, 0)
    }
    .check()
    .is_err());
    assert!(Auth {
        sdk_app_id: 0,
        ..auth(None, 0)
    }
    .check()
    .is_err());
}

#[test]
fn command_table_is_consistent() {
    assert!(COMMANDS.len() >= 40);
    for (i, (name, kind)) in COMMANDS.iter().enumerate() {
        assert!(is_command_name(name), "{name}");
        assert!(
            COMMANDS[..i].iter().all(|(n, _)| n != name),
            "duplicate {name}"
        );
        // Tencent names every waiting callback "...Before..." or "...Prev...".
        let looks_before = name.contains(".CallbackBefore") || name.contains(".CallbackPrev");
        assert_eq!(*kind == CommandKind::Before, looks_before, "{name}");
    }
    assert_eq!(
        command_kind("C2C.CallbackBeforeSendMsg"),
        Some(CommandKind::Before)
    );
    assert_eq!(command_kind("State.StateChange"), Some(CommandKind::After));
    assert_eq!(command_kind("c2c.callbackbeforesendmsg"), None);
    assert_eq!(command_kind("Future.CallbackSomething"), None);
}

#[test]
fn replies_are_the_exact_json_tencent_documents() {
    let envelope = |code: i64, info: &str| {
        format!(r#"{{"ActionStatus":"OK","ErrorCode":{code},"ErrorInfo":"{info}"}}"#)
    };
    assert_eq!(
        Reply::Allow.to_json(),
        r#"{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":""}"#
    );
    assert_eq!(
        Reply::Drop.to_json(),
        r#"{"ActionStatus":"OK","ErrorCode":2,"ErrorInfo":""}"#
    );
    assert_eq!(
        Reply::reject(None, None).unwrap().to_json(),
        envelope(1, "")
    );
    assert_eq!(
        Reply::reject(Some(120001), Some("no links".into()))
            .unwrap()
            .to_json(),
        envelope(120001, "no links")
    );
    assert_eq!(
        Reply::reject(Some(130000), None).unwrap().to_json(),
        envelope(130000, "")
    );
    assert_eq!(
        Reply::reject(Some(10100), Some("x".into()))
            .unwrap()
            .to_json(),
        envelope(10100, "x")
    );
    assert_eq!(
        Reply::reject(Some(1), Some("say \"hi\"\n".into()))
            .unwrap()
            .to_json(),
        r#"{"ActionStatus":"OK","ErrorCode":1,"ErrorInfo":"say \"hi\"\n"}"#
    );
    let body = json!([{"MsgType":"TIMTextElem","MsgContent":{"Text":"***"}}]);
    assert_eq!(
        Reply::modify(Some(doc(body.clone())), Some("cd".into()))
            .unwrap()
            .to_json(),
        r#"{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","MsgBody":[{"MsgContent":{"Text":"***"},"MsgType":"TIMTextElem"}],"CloudCustomData":"cd"}"#
    );
    assert_eq!(
        Reply::modify(None, Some("only data".into()))
            .unwrap()
            .to_json(),
        r#"{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","CloudCustomData":"only data"}"#
    );
    let friend = Reply::friend(vec![
        FriendResult {
            to_account: "id1".into(),
            result_code: 0,
            result_info: String::new(),
        },
        FriendResult {
            to_account: "id2".into(),
            result_code: 38001,
            result_info: "not now".into(),
        },
    ])
    .unwrap();
    assert_eq!(
        friend.to_json(),
        r#"{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","ResultItem":[{"To_Account":"id1","ResultCode":0,"ResultInfo":""},{"To_Account":"id2","ResultCode":38001,"ResultInfo":"not now"}]}"#
    );
    assert_eq!(
        Reply::invite_refused(vec!["jared".into()])
            .unwrap()
            .to_json(),
        r#"{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","RefusedMembers_Account":["jared"]}"#
    );
    // Every reply is valid JSON with the envelope.
    for r in [Reply::Allow, Reply::Drop, friend] {
        let v: serde_json::Value = serde_json::from_str(&r.to_json()).unwrap();
        assert_eq!(v["ActionStatus"], "OK");
    }
}

#[test]
fn reply_inputs_outside_the_documented_ranges_are_refused() {
    for code in [0, 2, 3, 10099, 10201, 120000, 130001, -1] {
        assert!(Reply::reject(Some(code), None).is_err(), "{code}");
    }
    assert!(Reply::reject(None, Some("x".repeat(1025))).is_err());
    assert!(Reply::modify(None, None).is_err());
    assert!(Reply::modify(Some(doc(json!([]))), None).is_err());
    assert!(Reply::modify(Some(doc(json!({"MsgType":"TIMTextElem"}))), None).is_err());
    assert!(Reply::modify(Some(doc(json!([{"MsgType":"TIMTextElem"}]))), None).is_err());
    assert!(Reply::modify(Some(doc(json!([{"MsgType":1,"MsgContent":{}}]))), None).is_err());
    let item = |code| FriendResult {
        to_account: "a".into(),
        result_code: code,
        result_info: String::new(),
    };
    for code in [1, 37999, 39001] {
        assert!(Reply::friend(vec![item(code)]).is_err(), "{code}");
    }
    assert!(Reply::friend(vec![item(38000)]).is_ok() && Reply::friend(vec![item(39000)]).is_ok());
    assert!(Reply::friend(vec![]).is_err());
    assert!(Reply::friend(vec![FriendResult {
        to_account: String::new(),
        ..item(0)
    }])
    .is_err());
    assert!(Reply::invite_refused(vec![String::new()]).is_err());
    assert_eq!(
        Reply::invite_refused(vec![]).unwrap().to_json(),
        r#"{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","RefusedMembers_Account":[]}"#
    );
}

#[test]
fn replies_from_plain_specs() {
    let r = |v: serde_json::Value| Reply::from_spec(&doc(v));
    assert_eq!(r(json!({"kind":"allow"})).unwrap(), Reply::Allow);
    assert_eq!(r(json!({"kind":"drop"})).unwrap(), Reply::Drop);
    assert_eq!(
        r(json!({"kind":"reject"})).unwrap(),
        Reply::Reject {
            code: 1,
            info: String::new()
        }
    );
    assert_eq!(
        r(json!({"kind":"reject","code":120002,"info":"i"})).unwrap(),
        Reply::Reject {
            code: 120002,
            info: "i".into()
        }
    );
    assert!(r(json!({"kind":"reject","code":1.5})).is_err());
    assert!(r(json!({"kind":"reject","code":"120002"})).is_err());
    assert!(r(json!({"kind":"reject","info":7})).is_err());
    assert!(r(json!({"kind":"modify","CloudCustomData":"x"})).is_ok());
    assert!(r(json!({"kind":"modify","CloudCustomData":1})).is_err());
    let f = r(json!({"kind":"friend","results":[{"To_Account":"a","ResultCode":38500,"ResultInfo":"no"},{"To_Account":"b"}]})).unwrap();
    assert_eq!(
        f.to_json(),
        r#"{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","ResultItem":[{"To_Account":"a","ResultCode":38500,"ResultInfo":"no"},{"To_Account":"b","ResultCode":0,"ResultInfo":""}]}"#
    );
    assert!(r(json!({"kind":"friend","results":[{"ResultCode":0}]})).is_err());
    assert!(r(json!({"kind":"invite","refused":["a",1]})).is_err());
    assert!(r(json!({"kind":"nope"})).is_err());
    assert!(r(json!(null)).is_err());
}
