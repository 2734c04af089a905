//! Bindings to the host globals every target runtime has (Workers, Deno, Node, Bun): `fetch`,
//! timers, the clock and `crypto.getRandomValues`. Never `window`: there is none outside browsers.
//! Everything that can throw is imported with `catch`.

use js_sys::{Function, Promise};
use std::cell::Cell;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// The global `fetch`.
    #[wasm_bindgen(js_name = fetch, catch)]
    pub fn global_fetch(input: &str, init: &web_sys::RequestInit) -> Result<Promise, JsValue>;

    /// `setTimeout(callback, ms, arg)`: the callback is called with `arg` (every runtime passes
    /// extra arguments through), so a promise's `reject` can be the callback itself.
    #[wasm_bindgen(js_name = setTimeout)]
    pub fn set_timeout_with(callback: &Function, ms: f64, arg: &JsValue) -> JsValue;

    #[wasm_bindgen(js_name = clearTimeout)]
    pub fn clear_timeout(id: &JsValue);

    #[wasm_bindgen(js_namespace = crypto, js_name = getRandomValues, catch)]
    fn get_random_values(buf: &mut [u8]) -> Result<JsValue, JsValue>;

    /// `globalThis.Deno`: the Deno namespace, undefined in other runtimes.
    #[wasm_bindgen(thread_local_v2, js_namespace = globalThis, js_name = Deno)]
    static DENO: JsValue;

    type DenoNamespace;
    #[wasm_bindgen(method, catch, js_name = createHttpClient)]
    fn create_http_client(this: &DenoNamespace, options: &JsValue) -> Result<JsValue, JsValue>;

    /// A RequestInit with Deno's extra member `client`: the `Deno.HttpClient` to send through.
    #[wasm_bindgen(extends = web_sys::RequestInit)]
    pub type DenoRequestInit;
    #[wasm_bindgen(method, setter = client)]
    pub fn set_client(this: &DenoRequestInit, client: &JsValue);
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
    static DENO_UNPOOLED: std::cell::OnceCell<Option<JsValue>> = const { std::cell::OnceCell::new() };
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

/// In Deno, an HTTP client that never reuses a connection; `None` elsewhere.
///
/// Deno's fetch resends a request by itself when a reused keep-alive connection closes before
/// an answer arrives, even a POST the server already processed (measured with Deno 2.9: one
/// `fetch`, two deliveries), and we never see the first failure. Calls whose second delivery
/// would duplicate something (`Retry::Unsafe`) therefore go out on fresh connections in Deno;
/// everything else keeps the pool (docs/RELIABILITY.md). Node, Bun and workerd do not resend.
pub fn deno_unpooled_client() -> Option<JsValue> {
    DENO_UNPOOLED.with(|cell| {
        cell.get_or_init(|| {
            let deno = DENO.with(JsValue::clone);
            if !deno.is_object() {
                return None;
            }
            #[derive(serde::Serialize)]
            #[serde(rename_all = "camelCase")]
            struct Options {
                pool_max_idle_per_host: u32,
            }
            let options = super::convert::to_js(&Options {
                pool_max_idle_per_host: 0,
            });
            deno.unchecked_into::<DenoNamespace>()
                .create_http_client(&options)
                .ok()
                .filter(JsValue::is_object)
        })
        .clone()
    })
}
