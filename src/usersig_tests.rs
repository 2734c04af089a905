//! UserSig tests against the shared vectors (official Node package output, cross-checked against
//! Go, PHP, Python, Java and C++). We compare TLS.sig, TLS.userbuf and the decoded fields, never
//! the compressed bytes (they depend on the deflate implementation).

use super::*;
use serde_json::Value;

fn vectors() -> Vec<Value> {
    let text = include_str!("../data/usersig-vectors.json");
    serde_json::from_str::<Value>(text)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

fn userbuf_of(v: &Value) -> Option<Vec<u8>> {
    v["userbuf_b64"]
        .as_str()
        .map(|b| STANDARD.decode(b).unwrap())
}

fn official_doc(v: &Value) -> Value {
    serde_json::from_str(v["decoded_json"].as_str().unwrap()).unwrap()
}

#[test]
fn generates_every_vector() {
    for v in vectors() {
        let name = v["name"].as_str().unwrap();
        let key = SigningKey::new(v["key"].as_str().unwrap()).unwrap();
        let ub = userbuf_of(&v);
        let f = Fields {
            identifier: v["identifier"].as_str().unwrap(),
            sdk_app_id: v["sdkappid"].as_u64().unwrap() as u32,
            time: v["time"].as_u64().unwrap(),
            expire: v["expire"].as_u64().unwrap(),
            userbuf: ub.as_deref(),
        };
        let ours = generate(&key, &f).unwrap();
        // Inflate with an independent decoder (miniz, not our stored-block writer) and compare
        // the document field by field with the official one.
        let std = ours.replace('*', "+").replace('-', "/").replace('_', "=");
        let z = STANDARD.decode(std).unwrap();
        let json = miniz_oxide::inflate::decompress_to_vec_zlib(&z).unwrap();
        let doc: Value = serde_json::from_slice(&json).unwrap();
        assert_eq!(doc, official_doc(&v), "{name}");
        assert_eq!(doc["TLS.sig"], v["sig_b64"], "{name}");
        // Same key order and bytes as JSON.stringify in the official Node package.
        assert_eq!(
            std::str::from_utf8(&json).unwrap(),
            v["decoded_json"].as_str().unwrap(),
            "{name}"
        );
    }
}

#[test]
fn builds_every_private_map_userbuf() {
    for v in vectors().iter().filter(|v| v["userbuf_hex"].is_string()) {
        let name = v["name"].as_str().unwrap();
        let roomstr = v["roomstr"].as_str();
        let room = match roomstr {
            Some(s) => Room::Str(s),
            None => Room::Id(v["roomid"].as_u64().unwrap() as u32),
        };
        let t = v["time"].as_u64().unwrap() + v["expire"].as_u64().unwrap();
        let ub = private_map_userbuf(
            v["identifier"].as_str().unwrap(),
            v["sdkappid"].as_u64().unwrap() as u32,
            &room,
            t,
            v["privilegeMap"].as_u64().unwrap() as u32,
        )
        .unwrap();
        let hex: String = ub.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(hex, v["userbuf_hex"].as_str().unwrap(), "{name}");
    }
}

#[test]
fn decodes_the_official_strings() {
    for v in vectors() {
        let d = decode(v["usersig"].as_str().unwrap()).unwrap();
        let doc = official_doc(&v);
        assert_eq!(d.version, "2.0");
        assert_eq!(d.identifier, doc["TLS.identifier"].as_str().unwrap());
        assert_eq!(d.sdk_app_id, v["sdkappid"].as_u64().unwrap());
        assert_eq!(d.time, v["time"].as_u64().unwrap());
        assert_eq!(d.expire, v["expire"].as_u64().unwrap());
        assert_eq!(d.sig, v["sig_b64"].as_str().unwrap());
        assert_eq!(d.userbuf, userbuf_of(&v));
    }
}

fn validation<'a>(v: &'a Value, now: u64, ub: Option<&'a [u8]>) -> Validation<'a> {
    Validation {
        sdk_app_id: v["sdkappid"].as_u64().unwrap() as u32,
        user_id: v["identifier"].as_str().unwrap(),
        now,
        userbuf: ub,
    }
}

#[test]
fn verifies_official_strings_at_the_expiry_boundaries() {
    for v in vectors() {
        let key = SigningKey::new(v["key"].as_str().unwrap()).unwrap();
        let sig = v["usersig"].as_str().unwrap();
        let ub = userbuf_of(&v);
        let valid = v["valid_at_unix"].as_u64().unwrap();
        let expired = v["expired_at_unix"].as_u64().unwrap();
        assert_eq!(
            verify(&key, sig, &validation(&v, valid, ub.as_deref())),
            Ok(valid)
        );
        assert_eq!(
            verify(&key, sig, &validation(&v, expired, ub.as_deref())),
            Err(Rejection::Expired)
        );
    }
}

#[test]
fn verify_names_each_failure() {
    let v = &vectors()[0];
    let key = SigningKey::new(v["key"].as_str().unwrap()).unwrap();
    let sig = v["usersig"].as_str().unwrap();
    let now = v["time"].as_u64().unwrap();
    let mut val = validation(v, now, None);
    assert!(verify(&key, sig, &val).is_ok());
    let wrong_key = SigningKey::new("another-key").unwrap();
    assert_eq!(verify(&wrong_key, sig, &val), Err(Rejection::BadSignature));
    val.user_id = "someone-else";
    assert_eq!(verify(&key, sig, &val), Err(Rejection::IdentifierMismatch));
    let mut val = validation(v, now, None);
    val.sdk_app_id = 1;
    assert_eq!(verify(&key, sig, &val), Err(Rejection::SdkAppIdMismatch));
    let val = validation(v, now, Some(b"x"));
    assert_eq!(verify(&key, sig, &val), Err(Rejection::UserBufMismatch));
    let val = validation(v, now, None);
    assert_eq!(
        verify(&key, "not base64 !!", &val),
        Err(Rejection::Malformed)
    );
    // A PrivateMapKey verified without its userbuf is a mismatch, as in the Go verifier.
    let pm = vectors()
        .into_iter()
        .find(|v| v["userbuf_b64"].is_string())
        .unwrap();
    let val = validation(&pm, pm["time"].as_u64().unwrap(), None);
    assert_eq!(
        verify(&key, pm["usersig"].as_str().unwrap(), &val),
        Err(Rejection::UserBufMismatch)
    );
}

#[test]
fn tampered_document_fails_the_signature() {
    let v = &vectors()[0];
    let key = SigningKey::new(v["key"].as_str().unwrap()).unwrap();
    // Re-sign nothing, only stretch the lifetime inside the document.
    let doc = v["decoded_json"]
        .as_str()
        .unwrap()
        .replace("15552000", "99999999");
    let forged = to_usersig_base64(&zlib_stored(doc.as_bytes()));
    let val = validation(v, v["time"].as_u64().unwrap(), None);
    assert_eq!(verify(&key, &forged, &val), Err(Rejection::BadSignature));
}

#[test]
fn refuses_bad_input() {
    let key = SigningKey::new("k").unwrap();
    let ok = Fields {
        identifier: "u",
        sdk_app_id: 1,
        time: 0,
        expire: 1,
        userbuf: None,
    };
    assert!(generate(&key, &ok).is_ok());
    let cases = [
        Fields {
            identifier: "",
            ..ok.clone()
        },
        Fields {
            identifier: &"x".repeat(33),
            ..ok.clone()
        },
        Fields {
            identifier: "a\nb",
            ..ok.clone()
        },
        Fields {
            sdk_app_id: 0,
            ..ok.clone()
        },
        Fields {
            expire: 0,
            ..ok.clone()
        },
        Fields {
            expire: 1 << 32,
            ..ok.clone()
        },
    ];
    for f in &cases {
        assert!(generate(&key, f).is_err(), "{f:?}");
    }
    assert!(generate(
        &key,
        &Fields {
            identifier: &"x".repeat(32),
            ..ok.clone()
        }
    )
    .is_ok());
    assert!(SigningKey::new("").is_err());
    assert!(private_map_userbuf("u", 1, &Room::Str(""), 0, 255).is_err());
}

#[test]
fn decode_rejects_each_broken_layer() {
    let err = |s: &str| decode(s).unwrap_err().0;
    assert!(err("").contains("empty"));
    assert!(err("@@@@").contains("base64"));
    assert!(err(&to_usersig_base64(b"plain bytes")).contains("zlib"));
    assert!(err(&to_usersig_base64(&zlib_stored(b"not json"))).contains("JSON"));
    assert!(err(&to_usersig_base64(&zlib_stored(b"[1,2]"))).contains("object"));
    assert!(err(&to_usersig_base64(&zlib_stored(b"{}"))).contains("TLS.ver"));
    // A decompression bomb: 1 MiB of zeros compresses to about 1 KiB.
    let bomb = miniz_oxide::deflate::compress_to_vec_zlib(&vec![b' '; 1 << 20], 9);
    assert!(bomb.len() < MAX_USERSIG_CHARS * 3 / 4);
    assert!(err(&to_usersig_base64(&bomb)).contains("cap"));
    assert!(err(&"A".repeat(MAX_USERSIG_CHARS + 1)).contains("too long"));
}

#[test]
fn stored_zlib_is_valid_for_long_and_empty_inputs() {
    for len in [0usize, 1, 65535, 65536, 200_000] {
        let data: Vec<u8> = (0..len).map(|i| (i * 7 % 251) as u8).collect();
        let z = zlib_stored(&data);
        assert_eq!(
            miniz_oxide::inflate::decompress_to_vec_zlib(&z).unwrap(),
            data,
            "{len}"
        );
    }
}

#[test]
fn json_escaping_matches_json_stringify_for_controls() {
    let mut s = String::new();
    push_json_string(&mut s, "a\u{1}\u{8}\u{c}\u{1f}\"\\/é😀");
    // Expected text written from the ECMAScript JSON.stringify rules (QuoteJSONString).
    assert_eq!(s, "\"a\\u0001\\b\\f\\u001f\\\"\\\\/é😀\"");
    let parsed: String = serde_json::from_str(&s).unwrap();
    assert_eq!(parsed, "a\u{1}\u{8}\u{c}\u{1f}\"\\/é😀");
}

#[test]
fn reused_buffers_give_the_same_usersigs_as_fresh_ones() {
    let key = SigningKey::new("k").unwrap();
    let (mut scratch, mut out) = (Vec::new(), String::new());
    let ids = ["a", "user \"quoted\" \\", "é😀", &"x".repeat(32)];
    for (i, id) in ids.iter().enumerate() {
        let f = Fields {
            identifier: id,
            sdk_app_id: 1400000000,
            time: 1_700_000_000 + i as u64,
            expire: 86400,
            userbuf: None,
        };
        let start = out.len();
        generate_into(&key, &f, &mut scratch, &mut out).unwrap();
        assert_eq!(&out[start..], generate(&key, &f).unwrap(), "{id}");
        let d = decode(&out[start..]).unwrap();
        assert_eq!(
            (d.identifier.as_str(), d.time),
            (*id, 1_700_000_000 + i as u64)
        );
    }
}

#[test]
fn everything_generate_accepts_decodes_and_verifies() {
    // Fuzzing (usersig_decode) found a 3 KB userbuf that generate signed and decode refused
    // (past the inflate cap). The userbuf and roomStr are now capped so the two always agree.
    fn fields<'a>(identifier: &'a str, ub: &'a [u8]) -> Fields<'a> {
        Fields {
            identifier,
            sdk_app_id: u32::MAX,
            time: MAX_TIME,
            expire: u32::MAX as u64,
            userbuf: Some(ub),
        }
    }
    let key = SigningKey::new("k").unwrap();
    let id = "\"".repeat(MAX_USER_ID_BYTES); // every byte escaped in the document
    let ub = vec![0xc9u8; MAX_USERBUF_BYTES + 1];
    assert_eq!(
        generate(&key, &fields(&id, &ub)).unwrap_err().0,
        format!("userbuf is longer than {MAX_USERBUF_BYTES} bytes")
    );
    let at_cap = fields(&id, &ub[..MAX_USERBUF_BYTES]);
    let sig = generate(&key, &at_cap).unwrap();
    assert_eq!(decode(&sig).unwrap().userbuf.as_deref(), at_cap.userbuf);
    let v = Validation {
        sdk_app_id: u32::MAX,
        user_id: &id,
        now: MAX_TIME,
        userbuf: at_cap.userbuf,
    };
    assert_eq!(verify(&key, &sig, &v), Ok(MAX_TIME + u32::MAX as u64));

    let room = "r".repeat(MAX_ROOM_STR_BYTES);
    assert!(private_map_userbuf("u", 1, &Room::Str(&room), 2, 255).is_ok());
    let too_long = "r".repeat(MAX_ROOM_STR_BYTES + 1);
    assert_eq!(
        private_map_userbuf("u", 1, &Room::Str(&too_long), 2, 255)
            .unwrap_err()
            .0,
        "roomStr is 65 bytes; at most 64 are allowed"
    );
}
