//! Bindings to host globals that exist in every target runtime (Workers, Deno, Node, Bun).
//! Never `window`: there is none outside browsers.

use js_sys::{Array, Function, Object, Promise};
use std::cell::Cell;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// The global `fetch`.
    #[wasm_bindgen(js_name = fetch, catch)]
    pub fn global_fetch(input: &str, init: &Object) -> Result<Promise, JsValue>;

    #[wasm_bindgen(js_name = setTimeout)]
    pub fn set_timeout(callback: &Function, ms: f64) -> JsValue;

    #[wasm_bindgen(js_namespace = crypto, js_name = getRandomValues, catch)]
    fn get_random_values(buf: &mut [u8]) -> Result<JsValue, JsValue>;

    pub type AbortSignal;

    #[wasm_bindgen(static_method_of = AbortSignal, js_name = timeout)]
    pub fn timeout(ms: f64) -> AbortSignal;

    #[wasm_bindgen(static_method_of = AbortSignal, js_name = any)]
    pub fn any(signals: &Array) -> AbortSignal;

    #[wasm_bindgen(method, getter)]
    pub fn aborted(this: &AbortSignal) -> bool;
}

/// Milliseconds since the epoch.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Whole seconds since the epoch.
pub fn now_s() -> u64 {
    (now_ms() / 1000.0).floor().max(0.0) as u64
}

thread_local! {
    static RNG: Cell<u64> = const { Cell::new(0) };
}

/// A fast non-cryptographic 32-bit random number (splitmix64), seeded once from
/// `crypto.getRandomValues`. Used for the `random` query value and message dedup keys, which
/// need to be unpredictable enough not to collide, not secret.
pub fn random_u32() -> u32 {
    RNG.with(|s| {
        let mut x = s.get();
        if x == 0 {
            let mut seed = [0u8; 8];
            if get_random_values(&mut seed).is_err() {
                // No WebCrypto: fall back to the clock; collisions stay unlikely.
                seed = (now_ms() as u64).to_le_bytes();
            }
            x = u64::from_le_bytes(seed) | 1;
        }
        x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
        s.set(x);
        let mut z = x;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        ((z ^ (z >> 31)) >> 32) as u32
    })
}
