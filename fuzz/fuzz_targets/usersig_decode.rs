//! decode and verify never panic, whatever the token; arbitrary bytes are also wrapped in the
//! UserSig base64 alphabet so the inflater and the JSON reader see them, not just base64 errors.
#![no_main]
use base64::Engine as _;
use libfuzzer_sys::fuzz_target;
use tim_edge::usersig::{self, SigningKey, Validation};

fuzz_target!(|data: &[u8]| {
    let key = SigningKey::new("fuzz-key").unwrap();
    let v = Validation { sdk_app_id: 1400000000, user_id: "u", now: 1_700_000_000, userbuf: None };
    let text = String::from_utf8_lossy(data);
    let _ = usersig::decode(&text);
    let _ = usersig::verify(&key, &text, &v);
    // The same bytes as the payload of a well-formed outer layer.
    let wrapped: String = base64::engine::general_purpose::STANDARD
        .encode(data)
        .chars()
        .map(|c| match c { '+' => '*', '/' => '-', '=' => '_', c => c })
        .collect();
    let _ = usersig::decode(&wrapped);
    let _ = usersig::verify(&key, &wrapped, &v);
});
