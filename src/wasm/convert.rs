//! Structured values across the boundary, through serde-wasm-bindgen: Rust structs out as plain
//! JS objects, JS option objects in as Rust structs. Reading never coerces: a field of the wrong
//! type is a `bad-input` error that names it.

use crate::error::TimError;
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};

/// `value` as a plain JS object (not a `Map`), numbers as numbers.
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> JsValue {
    let s = serde_wasm_bindgen::Serializer::json_compatible();
    // Our own structs of strings, numbers, booleans and preserved JS values: cannot fail.
    value.serialize(&s).unwrap_or(JsValue::UNDEFINED)
}

/// The fields of an options object (`what` names it in errors). `undefined`/`null` read as an
/// empty object; anything that is not an object is refused.
pub fn options<T: DeserializeOwned + Default>(value: JsValue, what: &str) -> Result<T, TimError> {
    if value.is_undefined() || value.is_null() {
        return Ok(T::default());
    }
    if !value.is_object() || value.is_function() {
        return Err(TimError::bad_input(format!("{what} must be an object")));
    }
    serde_wasm_bindgen::from_value(value).map_err(|e| TimError::bad_input(format!("{what}: {e}")))
}

/// A field read as it is (`#[serde(with = "serde_wasm_bindgen::preserve")]`), checked here.
pub mod field {
    use super::*;

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
        let n = v
            .as_f64()
            .ok_or_else(|| TimError::bad_input(format!("{name} must be a number")))?;
        if !n.is_finite() || n.fract() != 0.0 || n < min as f64 || n > max as f64 {
            return Err(TimError::bad_input(format!(
                "{name} must be an integer from {min} to {max}"
            )));
        }
        Ok(Some(n as u64))
    }

    pub fn int(v: &JsValue, name: &str, min: u64, max: u64) -> Result<u64, TimError> {
        opt_int(v, name, min, max)?
            .ok_or_else(|| TimError::bad_input(format!("{name} is required")))
    }

    /// The SDKAppID: a uint32 number, or a string of digits (Workers secrets and env vars are
    /// strings, and this is not a place where a coercion can hide a mistake).
    pub fn sdk_app_id(v: &JsValue) -> Result<u32, TimError> {
        if let Some(s) = v.as_string() {
            let digits = !s.is_empty() && s.len() <= 10 && s.bytes().all(|b| b.is_ascii_digit());
            return match s.parse::<u32>() {
                Ok(n) if digits && n > 0 => Ok(n),
                _ => Err(TimError::bad_input(
                    "sdkAppId must be an integer from 1 to 4294967295",
                )),
            };
        }
        Ok(int(v, "sdkAppId", 1, u32::MAX as u64)? as u32)
    }

    /// Bytes from a `Uint8Array`.
    pub fn opt_bytes(v: &JsValue, name: &str) -> Result<Option<Vec<u8>>, TimError> {
        if missing(v) {
            return Ok(None);
        }
        v.dyn_ref::<js_sys::Uint8Array>()
            .map(|a| Some(a.to_vec()))
            .ok_or_else(|| TimError::bad_input(format!("{name} must be a Uint8Array")))
    }

    /// A function, or `None` when absent.
    pub fn opt_function(v: &JsValue, name: &str) -> Result<Option<js_sys::Function>, TimError> {
        if missing(v) {
            return Ok(None);
        }
        v.dyn_ref::<js_sys::Function>()
            .cloned()
            .map(Some)
            .ok_or_else(|| TimError::bad_input(format!("{name} must be a function")))
    }
}
