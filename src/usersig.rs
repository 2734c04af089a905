//! UserSig (TLSSigAPIv2): generate, PrivateMapKey userbuf, decode, verify. Pure, no I/O.
//!
//! Two verbs, like a token library: [`generate`] and [`verify`], plus [`decode`] for inspection.
//! The clock is always an argument, so every result is reproducible.
//!
//! Wire format (spec section 1):
//! - HMAC-SHA256, keyed with the console key *string*, over
//!   `TLS.identifier:..\nTLS.sdkappid:..\nTLS.time:..\nTLS.expire:..\n[TLS.userbuf:..\n]`.
//! - A compact JSON document in the official Node package's key order.
//! - zlib (RFC 1950), then base64 with `+/=` replaced by `*-_`.
//!
//! Compression choice: we emit *stored* (level 0) deflate blocks, as the official Go package has
//! done since 2024-11. Any valid zlib stream is accepted by Tencent (every official generator
//! emits different bytes), stored blocks cost no CPU and no compressor state, and the token is
//! about 20% longer than a level-6 one (roughly 230 instead of 190 characters for a short
//! UserID). Writing a stored block is a header, the bytes and an Adler-32: simpler and faster
//! than driving miniz_oxide's level-0 compressor, which the tests use as the oracle. Decoding
//! accepts any zlib stream (miniz_oxide), with an inflate cap against decompression bombs.

use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD};
use base64::Engine as _;
use hmac::{Hmac, Mac};
use sha2::Sha256;

type HmacSha256 = Hmac<Sha256>;

/// Default lifetime when the caller gives none: 180 days, as the official PHP/Python packages.
pub const DEFAULT_EXPIRE: u64 = 180 * 86400;
/// UserIDs are at most 32 bytes (Tencent error 7003).
pub const MAX_USER_ID_BYTES: usize = 32;
/// Longest UserSig text we try to decode; real ones are a few hundred characters.
const MAX_USERSIG_CHARS: usize = 8 * 1024;
/// Inflate cap: a real document is well under 1 KiB.
const MAX_INFLATED_BYTES: usize = 4 * 1024;
/// Longest userbuf we sign. A PrivateMapKey's is at most 121 bytes (a 32-byte UserID, a 64-byte
/// roomStr); the bound keeps every UserSig we generate within the decode caps above, so our own
/// verify accepts what our own generate makes (fuzzing found a 3 KB userbuf that did not).
pub const MAX_USERBUF_BYTES: usize = 1024;
/// TRTC string room IDs are at most 64 bytes (TRTCParams.strRoomId).
pub const MAX_ROOM_STR_BYTES: usize = 64;

/// Why an input was refused. Messages never contain the key or a UserSig.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError(pub String);

impl core::fmt::Display for InputError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(&self.0)
    }
}

fn bad(msg: impl Into<String>) -> InputError {
    InputError(msg.into())
}

/// Checks a UserID: non-empty, at most 32 bytes, no control characters.
///
/// Tencent asks for printable ASCII; the official generators accept any UTF-8 (and the shared
/// vectors use some), so we only refuse what can never be a valid identifier.
pub fn check_user_id(user_id: &str, what: &str) -> Result<(), InputError> {
    if user_id.is_empty() {
        return Err(bad(format!("{what} must not be empty")));
    }
    if user_id.len() > MAX_USER_ID_BYTES {
        return Err(bad(format!(
            "{what} is {} bytes; at most {MAX_USER_ID_BYTES} are allowed",
            user_id.len()
        )));
    }
    if user_id.chars().any(char::is_control) {
        return Err(bad(format!("{what} must not contain control characters")));
    }
    Ok(())
}

/// A signing key with its HMAC state precomputed, so each signature hashes only the content.
#[derive(Clone)]
pub struct SigningKey {
    mac: HmacSha256,
}

impl core::fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("SigningKey(<redacted>)")
    }
}

impl SigningKey {
    pub fn new(key: &str) -> Result<Self, InputError> {
        if key.is_empty() {
            return Err(bad("key must not be empty"));
        }
        // HMAC accepts keys of any length; this cannot fail.
        let mac =
            HmacSha256::new_from_slice(key.as_bytes()).map_err(|_| bad("key is not usable"))?;
        Ok(Self { mac })
    }

    /// HMAC-SHA256 over the content string (spec 1.1), built in `buf`.
    fn sign(&self, id: &str, d: &Digits, userbuf_b64: Option<&str>, buf: &mut Vec<u8>) -> [u8; 32] {
        let mut mac = self.mac.clone();
        buf.clear();
        write_content(buf, id, d, userbuf_b64);
        mac.update(buf);
        mac.finalize().into_bytes().into()
    }
}

/// The signed fields of a UserSig.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fields<'a> {
    pub identifier: &'a str,
    pub sdk_app_id: u32,
    /// Signing time, Unix seconds.
    pub time: u64,
    /// Lifetime in seconds (relative).
    pub expire: u64,
    pub userbuf: Option<&'a [u8]>,
}

impl Fields<'_> {
    pub fn check(&self) -> Result<(), InputError> {
        check_user_id(self.identifier, "userId")?;
        if self.sdk_app_id == 0 {
            return Err(bad("sdkAppId must be a positive integer"));
        }
        check_expire(self.expire)?;
        if self.userbuf.is_some_and(|b| b.len() > MAX_USERBUF_BYTES) {
            return Err(bad(format!(
                "userbuf is longer than {MAX_USERBUF_BYTES} bytes"
            )));
        }
        if self.time > MAX_TIME {
            return Err(bad("time is out of range"));
        }
        Ok(())
    }
}

/// 2^53: the largest time a JS number carries exactly.
const MAX_TIME: u64 = 9_007_199_254_740_991;

pub fn check_expire(expire: u64) -> Result<(), InputError> {
    if expire == 0 || expire > u32::MAX as u64 {
        return Err(bad("expire must be between 1 and 4294967295 seconds"));
    }
    Ok(())
}

/// Generates a UserSig. Output decodes to the same document the official Node package writes.
pub fn generate(key: &SigningKey, f: &Fields<'_>) -> Result<String, InputError> {
    let mut out = String::new();
    generate_into(key, f, &mut Vec::new(), &mut out)?;
    Ok(out)
}

/// [`generate`], appending to `out` and using `scratch` for the zlib stream, so a caller that
/// signs many UserSigs (the batch call, the wasm edge) allocates nothing per signature.
pub fn generate_into(
    key: &SigningKey,
    f: &Fields<'_>,
    scratch: &mut Vec<u8>,
    out: &mut String,
) -> Result<(), InputError> {
    f.check()?;
    let mut ub_buf = String::new();
    let userbuf_b64 = f.userbuf.map(|b| {
        STANDARD.encode_string(b, &mut ub_buf);
        ub_buf.as_str()
    });
    let digits = Digits::of(f);
    let sig = key.sign(f.identifier, &digits, userbuf_b64, scratch);
    // zlib header and one stored block header, the document, then the block length patched in.
    scratch.clear();
    scratch.extend_from_slice(&[0x78, 0x01, 1, 0, 0, 0, 0]);
    write_document(scratch, f.identifier, &digits, userbuf_b64, &sig);
    // The caps on the UserID and the userbuf keep the document far below one stored block's
    // 65535 bytes; refuse rather than write a stream whose length does not fit.
    let len = u16::try_from(scratch.len() - STORED_HEAD)
        .map_err(|_| bad("userSig document is too long"))?;
    scratch[3..5].copy_from_slice(&len.to_le_bytes());
    scratch[5..7].copy_from_slice(&(!len).to_le_bytes());
    let adler = adler32(&scratch[STORED_HEAD..]);
    scratch.extend_from_slice(&adler.to_be_bytes());
    push_usersig_base64(out, scratch);
    Ok(())
}

/// Bytes before the document in a single-block stored zlib stream: CMF, FLG, BFINAL/BTYPE,
/// LEN, NLEN.
const STORED_HEAD: usize = 7;

/// The JSON document, compact, keys in the official Node order, escaped like `JSON.stringify`.
fn write_document(
    out: &mut Vec<u8>,
    id: &str,
    d: &Digits,
    userbuf_b64: Option<&str>,
    sig: &[u8; 32],
) {
    out.extend_from_slice(b"{\"TLS.ver\":\"2.0\",\"TLS.identifier\":");
    if id.bytes().any(|b| b < 0x20 || b == b'"' || b == b'\\') {
        let mut quoted = String::new();
        push_json_string(&mut quoted, id);
        out.extend_from_slice(quoted.as_bytes());
    } else {
        // Nothing to escape (the usual case): no temporary string.
        out.push(b'"');
        out.extend_from_slice(id.as_bytes());
        out.push(b'"');
    }
    out.extend_from_slice(b",\"TLS.sdkappid\":");
    out.extend_from_slice(d.app.bytes());
    out.extend_from_slice(b",\"TLS.time\":");
    out.extend_from_slice(d.time.bytes());
    out.extend_from_slice(b",\"TLS.expire\":");
    out.extend_from_slice(d.expire.bytes());
    if let Some(ub) = userbuf_b64 {
        out.extend_from_slice(b",\"TLS.userbuf\":\"");
        out.extend_from_slice(ub.as_bytes()); // base64: nothing to escape
        out.push(b'"');
    }
    out.extend_from_slice(b",\"TLS.sig\":\"");
    let mut b64 = [0u8; 44];
    let n = STANDARD.encode_slice(sig, &mut b64).unwrap_or(0);
    out.extend_from_slice(&b64[..n]);
    out.extend_from_slice(b"\"}");
}

/// Appends `v` as a JSON string literal, escaping exactly what `JSON.stringify` escapes
/// (serde_json's escaping: `"`, `\\`, control characters; nothing else).
pub fn push_json_string(out: &mut String, v: &str) {
    // Serialising a &str into a String cannot fail.
    out.push_str(&serde_json::to_string(v).unwrap_or_default());
}

/// zlib stream with stored deflate blocks (RFC 1950/1951, BTYPE=00), for the decoder's tests.
#[cfg(test)]
fn zlib_stored(data: &[u8]) -> Vec<u8> {
    let blocks = data.len().div_ceil(0xffff).max(1);
    let mut out = Vec::with_capacity(2 + data.len() + 5 * blocks + 4);
    out.extend_from_slice(&[0x78, 0x01]);
    let mut chunks = data.chunks(0xffff).peekable();
    if data.is_empty() {
        out.extend_from_slice(&[1, 0, 0, 0xff, 0xff]);
    }
    while let Some(chunk) = chunks.next() {
        let last = chunks.peek().is_none();
        let len = chunk.len() as u16;
        out.push(last as u8);
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(&(!len).to_le_bytes());
        out.extend_from_slice(chunk);
    }
    out.extend_from_slice(&adler32(data).to_be_bytes());
    out
}

fn adler32(data: &[u8]) -> u32 {
    const MOD: u32 = 65521;
    let (mut a, mut b) = (1u32, 0u32);
    // 5552 is the longest run before `b` can overflow u32.
    for chunk in data.chunks(5552) {
        for &x in chunk {
            a += x as u32;
            b += a;
        }
        a %= MOD;
        b %= MOD;
    }
    (b << 16) | a
}

/// Standard base64 with the UserSig alphabet (`+/` -> `*-`); the `=` padding becomes `_` after.
const USERSIG_B64: base64::engine::GeneralPurpose = base64::engine::GeneralPurpose::new(
    &match base64::alphabet::Alphabet::new(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789*-",
    ) {
        Ok(a) => a,
        Err(_) => panic!("invalid UserSig alphabet"), // evaluated at compile time
    },
    base64::engine::general_purpose::PAD,
);

#[cfg(test)]
fn to_usersig_base64(bytes: &[u8]) -> String {
    let mut s = String::new();
    push_usersig_base64(&mut s, bytes);
    s
}

fn push_usersig_base64(out: &mut String, bytes: &[u8]) {
    // A fresh String gets exactly what it needs, so handing it to JS needs no shrinking realloc;
    // a growing one (the batch) keeps amortised growth.
    let need = bytes.len().div_ceil(3) * 4;
    if out.is_empty() {
        out.reserve_exact(need);
    } else {
        out.reserve(need);
    }
    let start = out.len();
    USERSIG_B64.encode_string(bytes, out);
    // At most two padding characters, at the end; '=' and '_' are both ASCII.
    let pad = out[start..]
        .bytes()
        .rev()
        .take_while(|&c| c == b'=')
        .count();
    out.truncate(out.len() - pad);
    for _ in 0..pad {
        out.push('_');
    }
}

// ---------------------------------------------------------------------------------------------
// PrivateMapKey (TRTC userbuf, spec 1.5)

/// Which room a PrivateMapKey grants.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Room<'a> {
    Id(u32),
    Str(&'a str),
}

/// Builds the userbuf. `expire_at` is absolute (time + expire), truncated to 32 bits as the
/// official packages do. The account is written as UTF-8 bytes (Go, C++, PHP); the official Node
/// and Java packages differ for non-ASCII UserIDs, which Tencent does not allow anyway.
pub fn private_map_userbuf(
    user_id: &str,
    sdk_app_id: u32,
    room: &Room<'_>,
    expire_at: u64,
    privilege_map: u32,
) -> Result<Vec<u8>, InputError> {
    check_user_id(user_id, "userId")?;
    let (ver, auth_id, room_str): (u8, u32, &[u8]) = match room {
        Room::Id(id) => (0, *id, b""),
        Room::Str(s) => {
            if s.is_empty() {
                return Err(bad("roomStr must not be empty"));
            }
            if s.len() > MAX_ROOM_STR_BYTES {
                return Err(bad(format!(
                    "roomStr is {} bytes; at most {MAX_ROOM_STR_BYTES} are allowed",
                    s.len()
                )));
            }
            (1, 0, s.as_bytes())
        }
    };
    let mut b = Vec::with_capacity(25 + user_id.len() + room_str.len());
    b.push(ver);
    b.extend_from_slice(&(user_id.len() as u16).to_be_bytes());
    b.extend_from_slice(user_id.as_bytes());
    b.extend_from_slice(&sdk_app_id.to_be_bytes());
    b.extend_from_slice(&auth_id.to_be_bytes());
    b.extend_from_slice(&(expire_at as u32).to_be_bytes());
    b.extend_from_slice(&privilege_map.to_be_bytes());
    b.extend_from_slice(&0u32.to_be_bytes());
    if ver == 1 {
        b.extend_from_slice(&(room_str.len() as u16).to_be_bytes());
        b.extend_from_slice(room_str);
    }
    Ok(b)
}

// ---------------------------------------------------------------------------------------------
// Decode and verify

/// A decoded UserSig document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub version: String,
    pub identifier: String,
    pub sdk_app_id: u64,
    pub time: u64,
    pub expire: u64,
    pub userbuf: Option<Vec<u8>>,
    /// `TLS.sig` as found (standard base64).
    pub sig: String,
}

/// Decodes a UserSig without checking its signature. Errors say which layer is broken.
pub fn decode(usersig: &str) -> Result<Decoded, InputError> {
    if usersig.is_empty() {
        return Err(bad("userSig is empty"));
    }
    if usersig.len() > MAX_USERSIG_CHARS {
        return Err(bad("userSig is too long"));
    }
    // Tencent's alphabet is standard base64 with `+/=` written `*-_`. Padding is dropped
    // (either spelling), then the rest must be canonical unpadded base64 (no stray `=`, zero
    // trailing bits), so every UserSig has exactly one decoding.
    let std: Vec<u8> = usersig
        .bytes()
        .filter(|&c| c != b'_' && c != b'=')
        .map(|c| match c {
            b'*' => b'+',
            b'-' => b'/',
            c => c,
        })
        .collect();
    let z = STANDARD_NO_PAD
        .decode(&std)
        .map_err(|_| bad("userSig is not valid base64"))?;
    let json = miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(&z, MAX_INFLATED_BYTES)
        .map_err(|e| match e.status {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => {
                bad("userSig inflates past the size cap")
            }
            _ => bad("userSig is not a valid zlib stream"),
        })?;
    // Read as text first so the one `serde_json::from_str` path serves every JSON in the module
    // (`from_slice` would link a second copy of the parser); invalid UTF-8 is not JSON either way.
    let json = std::str::from_utf8(&json).map_err(|_| bad("userSig does not contain JSON"))?;
    let doc: serde_json::Value =
        serde_json::from_str(json).map_err(|_| bad("userSig does not contain JSON"))?;
    let serde_json::Value::Object(mut doc) = doc else {
        return Err(bad("userSig document is not a JSON object"));
    };
    // The document's fields as found (a JSON null counts as absent); their types are checked
    // after, so each error names its field. Taken (leaving null), not removed: removal would
    // link BTreeMap's rebalancing code for this alone.
    let mut field = |k: &str| {
        doc.get_mut(k)
            .map(serde_json::Value::take)
            .filter(|v| !v.is_null())
    };
    let s = |k: &str, v: Option<serde_json::Value>| -> Result<String, InputError> {
        match v {
            Some(serde_json::Value::String(s)) => Ok(s),
            _ => Err(bad(format!("userSig document lacks string {k}"))),
        }
    };
    let n = |k: &str, v: Option<serde_json::Value>| -> Result<u64, InputError> {
        v.as_ref()
            .and_then(serde_json::Value::as_u64)
            .ok_or_else(|| bad(format!("userSig document lacks number {k}")))
    };
    // Checked in document order, so the first missing field is the one named.
    let version = s("TLS.ver", field("TLS.ver"))?;
    let identifier = s("TLS.identifier", field("TLS.identifier"))?;
    let sdk_app_id = n("TLS.sdkappid", field("TLS.sdkappid"))?;
    let time = n("TLS.time", field("TLS.time"))?;
    let expire = n("TLS.expire", field("TLS.expire"))?;
    let userbuf = match field("TLS.userbuf") {
        None => None,
        Some(serde_json::Value::String(t)) => Some(
            STANDARD
                .decode(t.as_bytes())
                .map_err(|_| bad("TLS.userbuf is not valid base64"))?,
        ),
        Some(_) => return Err(bad("TLS.userbuf is not a string")),
    };
    Ok(Decoded {
        version,
        identifier,
        sdk_app_id,
        time,
        expire,
        userbuf,
        sig: s("TLS.sig", field("TLS.sig"))?,
    })
}

/// Why a UserSig failed verification. The names are the JS-facing `reason` strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rejection {
    Malformed,
    SdkAppIdMismatch,
    IdentifierMismatch,
    Expired,
    UserBufMismatch,
    BadSignature,
}

impl Rejection {
    pub fn as_str(self) -> &'static str {
        match self {
            Rejection::Malformed => "malformed",
            Rejection::SdkAppIdMismatch => "sdkappid-mismatch",
            Rejection::IdentifierMismatch => "identifier-mismatch",
            Rejection::Expired => "expired",
            Rejection::UserBufMismatch => "userbuf-mismatch",
            Rejection::BadSignature => "bad-signature",
        }
    }
}

/// What a verification checks. Every check is on; `now` is required, never read from a clock.
pub struct Validation<'a> {
    pub sdk_app_id: u32,
    pub user_id: &'a str,
    /// Unix seconds. Valid through second `time + expire` inclusive (the official Go verifier).
    pub now: u64,
    /// The exact userbuf expected. `None` requires a UserSig without one.
    pub userbuf: Option<&'a [u8]>,
}

/// Verifies a UserSig in the official Go verifier's order. Returns the expiry (Unix seconds).
pub fn verify(key: &SigningKey, usersig: &str, v: &Validation<'_>) -> Result<u64, Rejection> {
    let d = decode(usersig).map_err(|_| Rejection::Malformed)?;
    if d.sdk_app_id != v.sdk_app_id as u64 {
        return Err(Rejection::SdkAppIdMismatch);
    }
    if d.identifier != v.user_id {
        return Err(Rejection::IdentifierMismatch);
    }
    let expires_at = d.time.checked_add(d.expire).ok_or(Rejection::Malformed)?;
    if v.now > expires_at {
        return Err(Rejection::Expired);
    }
    if d.userbuf.as_deref() != v.userbuf {
        return Err(Rejection::UserBufMismatch);
    }
    let sig = STANDARD
        .decode(d.sig.as_bytes())
        .map_err(|_| Rejection::BadSignature)?;
    let f = Fields {
        identifier: &d.identifier,
        sdk_app_id: v.sdk_app_id,
        time: d.time,
        expire: d.expire,
        userbuf: d.userbuf.as_deref(),
    };
    let ub = d.userbuf.as_deref().map(|b| STANDARD.encode(b));
    let mut mac = key.mac.clone();
    let mut content = Vec::new();
    write_content(&mut content, f.identifier, &Digits::of(&f), ub.as_deref());
    mac.update(&content);
    // verify_slice compares in constant time.
    mac.verify_slice(&sig)
        .map_err(|_| Rejection::BadSignature)?;
    Ok(expires_at)
}

/// The HMAC content string (spec 1.1): `TLS.identifier:..\nTLS.sdkappid:..\nTLS.time:..\n
/// TLS.expire:..\n[TLS.userbuf:..\n]`, in one buffer so the MAC is updated once.
fn write_content(out: &mut Vec<u8>, id: &str, d: &Digits, userbuf_b64: Option<&str>) {
    out.extend_from_slice(b"TLS.identifier:");
    out.extend_from_slice(id.as_bytes());
    out.extend_from_slice(b"\nTLS.sdkappid:");
    out.extend_from_slice(d.app.bytes());
    out.extend_from_slice(b"\nTLS.time:");
    out.extend_from_slice(d.time.bytes());
    out.extend_from_slice(b"\nTLS.expire:");
    out.extend_from_slice(d.expire.bytes());
    out.push(b'\n');
    if let Some(ub) = userbuf_b64 {
        out.extend_from_slice(b"TLS.userbuf:");
        out.extend_from_slice(ub.as_bytes());
        out.push(b'\n');
    }
}

/// The three numbers in decimal, formatted once for both the content string and the document.
struct Digits {
    app: itoa_buf::Buf,
    time: itoa_buf::Buf,
    expire: itoa_buf::Buf,
}

impl Digits {
    fn of(f: &Fields<'_>) -> Digits {
        Digits {
            app: itoa_buf::Buf::of(f.sdk_app_id as u64),
            time: itoa_buf::Buf::of(f.time),
            expire: itoa_buf::Buf::of(f.expire),
        }
    }
}

/// Decimal formatting into a stack buffer (no allocation).
mod itoa_buf {
    pub struct Buf([u8; 20], usize);
    impl Buf {
        pub fn of(mut n: u64) -> Self {
            let mut b = Buf([0; 20], 20);
            loop {
                b.1 -= 1;
                b.0[b.1] = b'0' + (n % 10) as u8;
                n /= 10;
                if n == 0 {
                    return b;
                }
            }
        }
        pub fn bytes(&self) -> &[u8] {
            self.0.get(self.1..).unwrap_or_default()
        }
    }
}

#[cfg(test)]
#[path = "usersig_tests.rs"]
mod tests;
