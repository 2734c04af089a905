//! UserSig decode and verify never panic, whatever the token, and what they accept is consistent:
//! - arbitrary text is tried as it is, wrapped in the UserSig base64 alphabet (so the inflater
//!   sees it), and wrapped in a valid zlib stream (so the JSON document reader sees it);
//! - whatever `decode` accepts is also verified with a validation built from its own fields, so
//!   the HMAC comparison is reached; a forged token must never verify;
//! - a UserSig generated from fuzzed fields (identifier, sdkappid, time, expire, userbuf) decodes
//!   to those fields and verifies with its key only, through `time + expire` inclusive;
//! - differential check of our own writer (`generate` writes one stored deflate block, its
//!   header, the bytes and an Adler-32): the UserSig, base64-decoded with an engine built here
//!   for Tencent's alphabet, is a zlib stream that miniz_oxide's inflate turns into exactly the
//!   document the official packages write, built here independently (serde_json escaping the
//!   identifier, hmac + sha2 signing the content string), with nothing after the checksum;
//!   `generate_into` with used buffers appends the same text.
#![no_main]
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use hmac::{Hmac, Mac};
use libfuzzer_sys::fuzz_target;
use sha2::Sha256;
use tim_edge::usersig::{self, Fields, Rejection, SigningKey, Validation};

const KEY: &str = "fuzz-key";

fn alphabet(bytes: &[u8]) -> String {
    STANDARD
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

/// Tencent's alphabet (`+/=` written `*-_`) decoded by the base64 crate: `_` padding back to `=`,
/// then an engine over the `*-` alphabet that requires canonical padding.
fn from_usersig_alphabet(text: &str) -> Vec<u8> {
    let alphabet = base64::alphabet::Alphabet::new(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789*-",
    )
    .unwrap();
    let engine = base64::engine::GeneralPurpose::new(
        &alphabet,
        base64::engine::GeneralPurposeConfig::new()
            .with_decode_padding_mode(base64::engine::DecodePaddingMode::RequireCanonical),
    );
    engine
        .decode(text.replace('_', "="))
        .expect("a generated UserSig is canonical base64 in Tencent's alphabet")
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

/// The document the official Node package writes for `f` (spec section 1), signed with `key`.
fn expected_document(key: &str, f: &Fields<'_>) -> String {
    let ub = f.userbuf.map(|b| STANDARD.encode(b));
    let mut content = format!(
        "TLS.identifier:{}\nTLS.sdkappid:{}\nTLS.time:{}\nTLS.expire:{}\n",
        f.identifier, f.sdk_app_id, f.time, f.expire
    );
    if let Some(ub) = &ub {
        content.push_str(&format!("TLS.userbuf:{ub}\n"));
    }
    let mut mac = Hmac::<Sha256>::new_from_slice(key.as_bytes()).unwrap();
    mac.update(content.as_bytes());
    let sig = STANDARD.encode(mac.finalize().into_bytes());
    let ub = ub.map_or(String::new(), |ub| format!(",\"TLS.userbuf\":\"{ub}\""));
    format!(
        "{{\"TLS.ver\":\"2.0\",\"TLS.identifier\":{},\"TLS.sdkappid\":{},\"TLS.time\":{},\"TLS.expire\":{}{ub},\"TLS.sig\":\"{sig}\"}}",
        serde_json::to_string(f.identifier).unwrap(),
        f.sdk_app_id,
        f.time,
        f.expire
    )
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

/// Everything `generate` promises for `f`, checked against independent oracles.
fn check_generated(key: &SigningKey, f: &Fields<'_>) {
    let sig = match usersig::generate(key, f) {
        Err(_) => {
            assert!(f.check().is_err(), "refused valid fields");
            return;
        }
        Ok(sig) => sig,
    };
    assert!(f.check().is_ok());

    // The writer against miniz_oxide: one stored block, the document, the Adler-32, nothing more.
    let doc = expected_document(KEY, f);
    let z = from_usersig_alphabet(&sig);
    let inflated = miniz_oxide::inflate::decompress_to_vec_zlib(&z)
        .expect("our own UserSig is a valid zlib stream");
    assert_eq!(String::from_utf8_lossy(&inflated), doc);
    assert_eq!(
        z.len(),
        2 + 5 + doc.len() + 4,
        "bytes after the zlib stream"
    );
    serde_json::from_str::<serde_json::Value>(&doc).expect("the document is JSON");

    // The same writer with buffers a previous call left behind.
    let mut scratch = b"left over from an earlier UserSig".to_vec();
    let mut out = String::from("prefix:");
    usersig::generate_into(key, f, &mut scratch, &mut out).unwrap();
    assert_eq!(out.strip_prefix("prefix:"), Some(sig.as_str()));

    let d = usersig::decode(&sig).expect("our own UserSig decodes");
    assert_eq!(
        (d.identifier.as_str(), d.sdk_app_id, d.time, d.expire),
        (f.identifier, u64::from(f.sdk_app_id), f.time, f.expire)
    );
    assert_eq!(d.userbuf.as_deref(), f.userbuf);
    let v = Validation {
        sdk_app_id: f.sdk_app_id,
        user_id: f.identifier,
        now: f.time + f.expire,
        userbuf: f.userbuf,
    };
    assert_eq!(usersig::verify(key, &sig, &v), Ok(f.time + f.expire));
    let late = Validation {
        now: f.time + f.expire + 1,
        ..v
    };
    assert_eq!(usersig::verify(key, &sig, &late), Err(Rejection::Expired));
    let other = SigningKey::new("another-key").unwrap();
    let v = Validation {
        sdk_app_id: f.sdk_app_id,
        user_id: f.identifier,
        now: f.time,
        userbuf: f.userbuf,
    };
    assert_eq!(
        usersig::verify(&other, &sig, &v),
        Err(Rejection::BadSignature)
    );
}

fuzz_target!(|data: &[u8]| {
    let key = SigningKey::new(KEY).unwrap();
    let text = String::from_utf8_lossy(data);
    check_token(&key, &text);
    check_token(&key, &alphabet(data));
    check_token(&key, &alphabet(&zlib_stored(data)));

    // Generate from fuzzed fields: time, expire and sdkappid from the first 12 bytes, then the
    // identifier, a newline, the userbuf.
    if data.len() >= 12 {
        let word = |i: usize| u32::from_le_bytes([data[i], data[i + 1], data[i + 2], data[i + 3]]);
        // The time's top bits vary too, so times past 2^32 (and past the 2^53 cap) are reached.
        let time = u64::from(word(0)) << (data[8] % 24);
        let rest = String::from_utf8_lossy(&data[12..]);
        let (id, ub) = rest.split_once('\n').unwrap_or((&rest, ""));
        let f = Fields {
            identifier: id,
            sdk_app_id: word(8),
            time,
            expire: u64::from(word(4)),
            userbuf: (!ub.is_empty()).then_some(ub.as_bytes()),
        };
        check_generated(&key, &f);
    }
});
