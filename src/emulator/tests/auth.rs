//! The UserSig and identity checks, against the official vectors and tampered copies.

use super::support::*;
use crate::emulator::{Emulator, Handled};
use crate::request::push_query_value;
use serde_json::Value;

struct Vector {
    sdkappid: u32,
    key: String,
    identifier: String,
    time: u64,
    expire: u64,
    usersig: String,
}

fn vectors() -> Vec<Vector> {
    let text = include_str!("../../../data/usersig-vectors.json");
    let all: serde_json::Value = serde_json::from_str(text).unwrap();
    all.as_array()
        .unwrap()
        .iter()
        .filter(|v| v["userbuf_b64"].is_null())
        .map(|v| Vector {
            sdkappid: v["sdkappid"].as_u64().unwrap() as u32,
            key: v["key"].as_str().unwrap().to_owned(),
            identifier: v["identifier"].as_str().unwrap().to_owned(),
            time: v["time"].as_u64().unwrap(),
            expire: v["expire"].as_u64().unwrap(),
            usersig: v["usersig"].as_str().unwrap().to_owned(),
        })
        .collect()
}

fn url(app: u32, identifier: &str, usersig: &str) -> String {
    let mut u =
        String::from("https://console.tim.qq.com/v4/im_open_login_svc/account_check?sdkappid=");
    u.push_str(&app.to_string());
    u.push_str("&identifier=");
    push_query_value(&mut u, identifier);
    u.push_str("&usersig=");
    push_query_value(&mut u, usersig);
    u.push_str("&random=7&contenttype=json");
    u
}

fn code_of(emu: &mut Emulator, url: &str, now: u64) -> i64 {
    let body = br#"{"CheckItem":[{"UserID":"x"}]}"#;
    match emu.handle("POST", url, body, now, None) {
        Handled::Reply { body, .. } => serde_json::from_str::<Value>(&body)
            .unwrap()
            .get("ErrorCode")
            .and_then(Value::as_i64)
            .unwrap(),
        Handled::NeedsBefore(_) => panic!("no callbacks here"),
    }
}

#[test]
fn official_vectors_are_accepted_until_they_expire() {
    let mut checked = 0;
    for v in vectors() {
        // Identifiers the SDK refuses as an admin (over 32 bytes) cannot configure an emulator.
        let Ok(mut emu) = Emulator::new(v.sdkappid, &v.key, &v.identifier) else {
            continue;
        };
        let u = url(v.sdkappid, &v.identifier, &v.usersig);
        assert_eq!(code_of(&mut emu, &u, v.time + 1), 0, "{}", v.identifier);
        assert_eq!(code_of(&mut emu, &u, v.time + v.expire), 0);
        assert_eq!(code_of(&mut emu, &u, v.time + v.expire + 1), 70001);
        checked += 1;
    }
    assert!(checked >= 5, "only {checked} vectors usable");
}

#[test]
fn tampered_vectors_are_rejected() {
    for v in vectors() {
        let Ok(mut emu) = Emulator::new(v.sdkappid, &v.key, &v.identifier) else {
            continue;
        };
        let now = v.time + 1;
        // A different key: the signature no longer matches.
        let mut wrong_key = Emulator::new(v.sdkappid, "another-key", &v.identifier).unwrap();
        let u = url(v.sdkappid, &v.identifier, &v.usersig);
        assert_eq!(code_of(&mut wrong_key, &u, now), 70009);
        // Every single-character change of the UserSig is caught.
        let alphabet = b"ABCabc012*-_";
        // The trailing `_`s are base64 padding (ignored by every decoder), not data.
        let data_len = v.usersig.trim_end_matches('_').len();
        for i in (0..data_len).step_by(7).chain([data_len - 1]) {
            let mut bytes = v.usersig.clone().into_bytes();
            let orig = bytes[i];
            bytes[i] = *alphabet.iter().find(|&&c| c != orig).unwrap();
            let t = String::from_utf8(bytes).unwrap();
            let c = code_of(&mut emu, &url(v.sdkappid, &v.identifier, &t), now);
            assert!(
                matches!(c, 70003 | 70009 | 70013 | 70014 | 70001),
                "position {i} of {}: {c}",
                v.identifier
            );
        }
    }
}

#[test]
fn identity_mismatches_have_their_own_codes() {
    let vs = vectors();
    let v = vs.iter().find(|v| v.identifier.is_ascii()).unwrap();
    let now = v.time + 1;
    let mut emu = Emulator::new(v.sdkappid, &v.key, &v.identifier).unwrap();
    // The URL names another identifier than the UserSig's.
    assert_eq!(
        code_of(&mut emu, &url(v.sdkappid, "someone", &v.usersig), now),
        70013
    );
    // The URL names another app than the emulator's.
    assert_eq!(
        code_of(
            &mut emu,
            &url(v.sdkappid + 1, &v.identifier, &v.usersig),
            now
        ),
        70020
    );
    // The UserSig was made for another app than the URL's (and the emulator's).
    let mut other = Emulator::new(v.sdkappid + 1, &v.key, &v.identifier).unwrap();
    assert_eq!(
        code_of(
            &mut other,
            &url(v.sdkappid + 1, &v.identifier, &v.usersig),
            now
        ),
        70014
    );
    assert_eq!(
        code_of(&mut emu, &url(v.sdkappid, &v.identifier, ""), now),
        70002
    );
    let no_app = url(v.sdkappid, &v.identifier, &v.usersig).replace("sdkappid=", "app=");
    assert_eq!(code_of(&mut emu, &no_app, now), 60012);
}

#[test]
fn a_valid_usersig_of_a_non_admin_is_60010() {
    // The app's admin is "administrator"; bob has a valid UserSig but is not the admin.
    let mut bob = Rig::with(APP, KEY, "bob");
    let url = bob.url("im_open_login_svc", "account_check");
    let mut emu = Emulator::new(APP, KEY, ADMIN).unwrap();
    assert_eq!(code_of(&mut emu, &url, NOW), 60010);
}
