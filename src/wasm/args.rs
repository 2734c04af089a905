//! Reading JS arguments with clear `bad-input` errors (never a panic, never a coercion).

use crate::error::TimError;
use wasm_bindgen::{JsCast, JsValue};

/// `obj[name]`, or `undefined` when `obj` is not an object.
pub fn field(obj: &JsValue, name: &str) -> JsValue {
    if !obj.is_object() {
        return JsValue::UNDEFINED;
    }
    js_sys::Reflect::get(obj, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

/// The options object itself must be an object.
pub fn object(v: &JsValue, what: &str) -> Result<(), TimError> {
    if v.is_object() {
        Ok(())
    } else {
        Err(TimError::bad_input(format!(
            "{what} must be an options object"
        )))
    }
}

fn missing(v: &JsValue) -> bool {
    v.is_undefined() || v.is_null()
}

pub fn opt_string(v: &JsValue, name: &str) -> Result<Option<String>, TimError> {
    if missing(v) {
        return Ok(None);
    }
    v.as_string()
        .map(Some)
        .ok_or_else(|| TimError::bad_input(format!("{name} must be a string")))
}

pub fn string(v: &JsValue, name: &str) -> Result<String, TimError> {
    opt_string(v, name)?.ok_or_else(|| TimError::bad_input(format!("{name} is required")))
}

/// An integer in `[min, max]`; JS numbers only (no strings, no fractions, no NaN).
pub fn opt_int(v: &JsValue, name: &str, min: u64, max: u64) -> Result<Option<u64>, TimError> {
    if missing(v) {
        return Ok(None);
    }
    let out_of_range =
        || TimError::bad_input(format!("{name} must be an integer from {min} to {max}"));
    let n = v
        .as_f64()
        .ok_or_else(|| TimError::bad_input(format!("{name} must be a number")))?;
    if !n.is_finite() || n.fract() != 0.0 || n < min as f64 || n > max as f64 {
        return Err(out_of_range());
    }
    Ok(Some(n as u64))
}

pub fn int(v: &JsValue, name: &str, min: u64, max: u64) -> Result<u64, TimError> {
    opt_int(v, name, min, max)?.ok_or_else(|| TimError::bad_input(format!("{name} is required")))
}

/// The SDKAppID: a uint32 number, or a string of digits (Workers secrets and env vars are
/// strings, and this is not a place where a coercion can hide a mistake).
pub fn sdk_app_id(v: &JsValue) -> Result<u32, TimError> {
    if let Some(s) = v.as_string() {
        if !s.is_empty() && s.len() <= 10 && s.bytes().all(|b| b.is_ascii_digit()) {
            if let Ok(n) = s.parse::<u32>() {
                if n > 0 {
                    return Ok(n);
                }
            }
        }
        return Err(TimError::bad_input(
            "sdkAppId must be an integer from 1 to 4294967295",
        ));
    }
    Ok(int(v, "sdkAppId", 1, u32::MAX as u64)? as u32)
}

/// Bytes from a `Uint8Array` (or any ArrayBuffer view over bytes).
pub fn opt_bytes(v: &JsValue, name: &str) -> Result<Option<Vec<u8>>, TimError> {
    if missing(v) {
        return Ok(None);
    }
    v.dyn_ref::<js_sys::Uint8Array>()
        .map(|a| Some(a.to_vec()))
        .ok_or_else(|| TimError::bad_input(format!("{name} must be a Uint8Array")))
}
