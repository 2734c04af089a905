//! UserSig decode and verify never panic, whatever the token, and what they accept is consistent:
//! - arbitrary text is tried as it is, wrapped in the UserSig base64 alphabet (so the inflater
//!   sees it), and wrapped in a valid zlib stream (so the JSON document reader sees it);
//! - whatever `decode` accepts is also verified with a validation built from its own fields, so
//!   the HMAC comparison is reached; a forged token must never verify;
//! - a UserSig generated from fuzzed fields decodes to those fields and verifies with its key
//!   only.
#![no_main]
use base64::Engine as _;
use libfuzzer_sys::fuzz_target;
use tim_edge::usersig::{self, Fields, Rejection, SigningKey, Validation};

const KEY: &str = "fuzz-key";

fn alphabet(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD
        .encode(bytes)
        .chars()
        .map(|c| match c {
            '+' => '*',
            '/' => '-',
            '=' => '_',
            c => c,
        })
        .collect()
}

/// `bytes` as one stored deflate block inside a zlib stream (RFC 1950/1951), checksum included.
fn zlib_stored(bytes: &[u8]) -> Vec<u8> {
    let len = bytes.len().min(u16::MAX as usize) as u16;
    let body = &bytes[..len as usize];
    let mut out = vec![0x78, 0x01, 0x01];
    out.extend_from_slice(&len.to_le_bytes());
    out.extend_from_slice(&(!len).to_le_bytes());
    out.extend_from_slice(body);
    let (mut a, mut b) = (1u32, 0u32);
    for &x in body {
        a = (a + x as u32) % 65521;
        b = (b + a) % 65521;
    }
    out.extend_from_slice(&((b << 16) | a).to_be_bytes());
    out
}

fn check_token(key: &SigningKey, token: &str) {
    let fixed = Validation {
        sdk_app_id: 1400000000,
        user_id: "u",
        now: 1_700_000_000,
        userbuf: None,
    };
    // Nobody holding the fuzz key signed these bytes, so a pass would be a forgery.
    assert!(usersig::verify(key, token, &fixed).is_err());
    if let Ok(d) = usersig::decode(token) {
        let Ok(app) = u32::try_from(d.sdk_app_id) else {
            return;
        };
        let v = Validation {
            sdk_app_id: app,
            user_id: &d.identifier,
            now: d.time,
            userbuf: d.userbuf.as_deref(),
        };
        match usersig::verify(key, token, &v) {
            Err(Rejection::BadSignature) | Err(Rejection::Malformed) => {}
            other => panic!("forged token: {other:?}"),
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let key = SigningKey::new(KEY).unwrap();
    let text = String::from_utf8_lossy(data);
    check_token(&key, &text);
    check_token(&key, &alphabet(data));
    check_token(&key, &alphabet(&zlib_stored(data)));

    // Generate from fuzzed fields: identifier, time, expire, userbuf all come from the input.
    if data.len() >= 12 {
        let time = u64::from(u32::from_le_bytes([data[0], data[1], data[2], data[3]]));
        let expire = u64::from(u32::from_le_bytes([data[4], data[5], data[6], data[7]]));
        let app = u32::from_le_bytes([data[8], data[9], data[10], data[11]]);
        let rest = String::from_utf8_lossy(&data[12..]);
        let (id, ub) = rest.split_once('\n').unwrap_or((&rest, ""));
        let userbuf = (!ub.is_empty()).then_some(ub.as_bytes());
        let f = Fields {
            identifier: id,
            sdk_app_id: app,
            time,
            expire,
            userbuf,
        };
        match usersig::generate(&key, &f) {
            Err(_) => assert!(f.check().is_err(), "refused valid fields"),
            Ok(sig) => {
                let d = usersig::decode(&sig).expect("our own UserSig decodes");
                assert_eq!(
                    (d.identifier.as_str(), d.sdk_app_id, d.time, d.expire),
                    (id, app as u64, time, expire)
                );
                assert_eq!(d.userbuf.as_deref(), userbuf);
                let v = Validation {
                    sdk_app_id: app,
                    user_id: id,
                    now: time + expire,
                    userbuf,
                };
                assert_eq!(usersig::verify(&key, &sig, &v), Ok(time + expire));
                let late = Validation {
                    now: time + expire + 1,
                    ..v
                };
                assert_eq!(usersig::verify(&key, &sig, &late), Err(Rejection::Expired));
                let other = SigningKey::new("another-key").unwrap();
                let v = Validation {
                    sdk_app_id: app,
                    user_id: id,
                    now: time,
                    userbuf,
                };
                assert_eq!(
                    usersig::verify(&other, &sig, &v),
                    Err(Rejection::BadSignature)
                );
            }
        }
    }
});
