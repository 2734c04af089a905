//! JS exports for UserSig: generateUserSig, generatePrivateMapKey, decodeUserSig, verifyUserSig.
//! The JS layer (pkg/src/usersig.js) destructures the option objects and passes fields
//! positionally, which costs fewer boundary crossings than reading properties from here.
//!
//! Fast path: when the JS layer has already seen that the fields are plain numbers and strings,
//! it calls [`UserSigSigner::sign`], an object holding one key's HMAC state, with typed
//! arguments: no key string crosses the boundary per call and nothing is read back through
//! `JsValue`. Anything unusual (strings for numbers, missing fields, bad values) takes the
//! generic export, which owns every error message.

use super::convert::{field, to_js};
use super::error::js;
use super::host::now_s;
use crate::error::TimError;
use crate::usersig::{self, Fields, Room, SigningKey, Validation, DEFAULT_EXPIRE};
use serde::Serialize;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

thread_local! {
    /// The last key's precomputed HMAC state: servers sign with one key, so this hits nearly always.
    static KEY: RefCell<Option<(String, SigningKey)>> = const { RefCell::new(None) };
}

fn with_key<T>(key: &JsValue, f: impl FnOnce(&SigningKey) -> T) -> Result<T, TimError> {
    let key = field::string(key, "key")?;
    KEY.with(|cell| {
        let mut slot = cell.borrow_mut();
        if !matches!(&*slot, Some((k, _)) if *k == key) {
            let sk = SigningKey::new(&key)?;
            *slot = Some((key, sk));
        }
        match &*slot {
            Some((_, sk)) => Ok(f(sk)),
            None => Err(TimError::bad_input("key is not usable")),
        }
    })
}

/// `expire` in seconds, 180 days when absent.
fn expire_or_default(v: &JsValue) -> Result<u64, TimError> {
    Ok(field::opt_int(v, "expire", 1, u32::MAX as u64)?.unwrap_or(DEFAULT_EXPIRE))
}

const MAX_TIME: u64 = 9_007_199_254_740_991;

fn time_or_now(v: &JsValue, name: &str) -> Result<u64, TimError> {
    Ok(field::opt_int(v, name, 0, MAX_TIME)?.unwrap_or_else(now_s))
}

fn sign(
    key: &JsValue,
    user_id: &str,
    sdk_app_id: u32,
    time: u64,
    expire: u64,
    userbuf: Option<&[u8]>,
) -> Result<String, TimError> {
    let f = Fields {
        identifier: user_id,
        sdk_app_id,
        time,
        expire,
        userbuf,
    };
    with_key(key, |k| usersig::generate(k, &f))?.map_err(TimError::from)
}

#[wasm_bindgen(js_name = generateUserSig)]
pub fn generate_user_sig(
    sdk_app_id: JsValue,
    key: JsValue,
    user_id: JsValue,
    expire: JsValue,
    time: JsValue,
) -> Result<String, JsValue> {
    (|| {
        let sdk_app_id = field::sdk_app_id(&sdk_app_id)?;
        let user_id = field::string(&user_id, "userId")?;
        let expire = expire_or_default(&expire)?;
        let time = time_or_now(&time, "time")?;
        sign(&key, &user_id, sdk_app_id, time, expire, None)
    })()
    .map_err(js)
}

/// One key's precomputed HMAC state plus reusable buffers, for the JS fast path.
#[wasm_bindgen]
pub struct UserSigSigner {
    key: SigningKey,
    scratch: Vec<u8>,
}

/// A JS number that the JS layer already checked is an integer in range; checked again here so
/// nothing unexpected can slip through as a silent conversion.
fn whole(v: f64, name: &str, min: u64, max: u64) -> Result<u64, TimError> {
    if v.is_finite() && v.fract() == 0.0 && v >= min as f64 && v <= max as f64 {
        Ok(v as u64)
    } else {
        Err(TimError::bad_input(format!(
            "{name} must be an integer from {min} to {max}"
        )))
    }
}

#[wasm_bindgen]
impl UserSigSigner {
    #[wasm_bindgen(constructor)]
    pub fn new(key: &str) -> Result<UserSigSigner, JsValue> {
        Ok(UserSigSigner {
            key: SigningKey::new(key).map_err(|e| js(e.into()))?,
            scratch: Vec::with_capacity(256),
        })
    }

    /// `generateUserSig` with typed arguments (absent `expire`/`time`: the defaults).
    pub fn sign(
        &mut self,
        sdk_app_id: f64,
        user_id: &str,
        expire: Option<f64>,
        time: Option<f64>,
    ) -> Result<String, JsValue> {
        (|| {
            let f = Fields {
                identifier: user_id,
                sdk_app_id: whole(sdk_app_id, "sdkAppId", 1, u32::MAX as u64)? as u32,
                time: match time {
                    Some(t) => whole(t, "time", 0, MAX_TIME)?,
                    None => now_s(),
                },
                expire: match expire {
                    Some(e) => whole(e, "expire", 1, u32::MAX as u64)?,
                    None => DEFAULT_EXPIRE,
                },
                userbuf: None,
            };
            let mut out = String::new();
            usersig::generate_into(&self.key, &f, &mut self.scratch, &mut out)?;
            Ok(out)
        })()
        .map_err(js)
    }
}

/// Most UserIDs one batch call signs; bounds the work and the answer (about 250 bytes each).
const MAX_BATCH: usize = 100_000;

/// `generateUserSigs`: `user_ids` is the UserIDs joined with `\n` (which no valid UserID
/// contains) and `count` how many there are. Answers the UserSigs joined with `\n`: one string
/// across the boundary each way, whatever the batch size.
#[wasm_bindgen(js_name = generateUserSigs)]
pub fn generate_user_sigs(
    sdk_app_id: JsValue,
    key: JsValue,
    user_ids: &str,
    count: u32,
    expire: JsValue,
    time: JsValue,
) -> Result<String, JsValue> {
    (|| {
        let sdk_app_id = field::sdk_app_id(&sdk_app_id)?;
        let expire = expire_or_default(&expire)?;
        let time = time_or_now(&time, "time")?;
        let count = count as usize;
        if count > MAX_BATCH {
            return Err(TimError::bad_input(format!(
                "userIds has {count} entries; at most {MAX_BATCH} per call"
            )));
        }
        if count == 0 {
            // Nothing to sign, but a bad key is still an error.
            return with_key(&key, |_| String::new());
        }
        let ids = user_ids.split('\n');
        if ids.clone().count() != count {
            // A line break inside an entry changes the count.
            return Err(TimError::bad_input(
                "userIds entries must not contain control characters",
            ));
        }
        with_key(&key, |k| {
            let mut scratch = Vec::with_capacity(256);
            let mut out = String::with_capacity(count * 300);
            for (i, id) in ids.enumerate() {
                if i > 0 {
                    out.push('\n');
                }
                let f = Fields {
                    identifier: id,
                    sdk_app_id,
                    time,
                    expire,
                    userbuf: None,
                };
                usersig::generate_into(k, &f, &mut scratch, &mut out)
                    .map_err(|e| TimError::bad_input(format!("userIds[{i}]: {}", e.0)))?;
            }
            Ok(out)
        })?
    })()
    .map_err(js)
}

#[wasm_bindgen(js_name = generatePrivateMapKey)]
#[allow(clippy::too_many_arguments)]
pub fn generate_private_map_key(
    sdk_app_id: JsValue,
    key: JsValue,
    user_id: JsValue,
    expire: JsValue,
    room_id: JsValue,
    room_str: JsValue,
    privilege_map: JsValue,
    time: JsValue,
) -> Result<String, JsValue> {
    (|| {
        let sdk_app_id = field::sdk_app_id(&sdk_app_id)?;
        let user_id = field::string(&user_id, "userId")?;
        let expire = expire_or_default(&expire)?;
        let room_id = field::opt_int(&room_id, "roomId", 0, u32::MAX as u64)?;
        let room_str = field::opt_string(&room_str, "roomStr")?;
        let room = match (room_id, room_str.as_deref()) {
            (Some(id), None) => Room::Id(id as u32),
            (None, Some(s)) => Room::Str(s),
            _ => {
                return Err(TimError::bad_input(
                    "give exactly one of roomId and roomStr",
                ))
            }
        };
        // Required, as in the official packages: a default would silently grant every privilege.
        let privilege_map = field::int(&privilege_map, "privilegeMap", 0, u32::MAX as u64)? as u32;
        let time = time_or_now(&time, "time")?;
        let userbuf = usersig::private_map_userbuf(
            &user_id,
            sdk_app_id,
            &room,
            time.saturating_add(expire),
            privilege_map,
        )?;
        sign(&key, &user_id, sdk_app_id, time, expire, Some(&userbuf))
    })()
    .map_err(js)
}

/// What decodeUserSig answers.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct DecodedJs {
    version: String,
    identifier: String,
    sdk_app_id: u64,
    time: u64,
    expire: u64,
    #[serde(
        with = "serde_wasm_bindgen::preserve",
        skip_serializing_if = "JsValue::is_undefined"
    )]
    user_buf: JsValue,
    sig: String,
}

/// What verifyUserSig answers: `{ ok: true, expiresAt }` or `{ ok: false, reason }`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct VerdictJs {
    ok: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    expires_at: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<&'static str>,
}

#[wasm_bindgen(js_name = decodeUserSig)]
pub fn decode_user_sig(user_sig: JsValue) -> Result<JsValue, JsValue> {
    (|| {
        let s = field::string(&user_sig, "userSig")?;
        let d = usersig::decode(&s)?;
        Ok(to_js(&DecodedJs {
            version: d.version,
            identifier: d.identifier,
            sdk_app_id: d.sdk_app_id,
            time: d.time,
            expire: d.expire,
            // A Uint8Array, as the option userBuf takes it (serde would write a plain array).
            user_buf: d.userbuf.map_or(JsValue::UNDEFINED, |b| {
                js_sys::Uint8Array::from(b.as_slice()).into()
            }),
            sig: d.sig,
        }))
    })()
    .map_err(js)
}

#[wasm_bindgen(js_name = verifyUserSig)]
pub fn verify_user_sig(
    sdk_app_id: JsValue,
    key: JsValue,
    user_id: JsValue,
    user_sig: JsValue,
    now: JsValue,
    user_buf: JsValue,
) -> Result<JsValue, JsValue> {
    (|| {
        let sdk_app_id = field::sdk_app_id(&sdk_app_id)?;
        let user_id = field::string(&user_id, "userId")?;
        let user_sig = field::string(&user_sig, "userSig")?;
        let now = time_or_now(&now, "now")?;
        let userbuf = field::opt_bytes(&user_buf, "userBuf")?;
        let v = Validation {
            sdk_app_id,
            user_id: &user_id,
            now,
            userbuf: userbuf.as_deref(),
        };
        let result = with_key(&key, |k| usersig::verify(k, &user_sig, &v))?;
        Ok(to_js(&match result {
            Ok(expires_at) => VerdictJs {
                ok: true,
                expires_at: Some(expires_at),
                reason: None,
            },
            Err(r) => VerdictJs {
                ok: false,
                expires_at: None,
                reason: Some(r.as_str()),
            },
        }))
    })()
    .map_err(js)
}
