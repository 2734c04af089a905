//! The least a `client.call` can do on the design card's async loop (issue 14: web-sys host
//! types, wasm-bindgen-futures for the loop) while keeping issue 12's deadline: one exported
//! `async fn` that makes an `AbortController`, sends with the host's `fetch` and the
//! controller's signal, arms a timer that aborts the controller, has the body's `text()` chained
//! onto the fetch, awaits that one promise through `JsFuture`, clears the timer and answers
//! `JSON.parse` of the text. No checks, no signing, no retry, no envelope, no caller's signal,
//! no guard against a host that ignores its signal: what is left of a call when every feature
//! but the deadline is taken away. The call-overhead bench runs it as the "design floor" side,
//! so the report shows how much of tim-edge's cost per call the design itself sets.

use js_sys::{Function, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = fetch)]
    fn fetch_with(url: &str, init: &web_sys::RequestInit) -> Promise;
    /// A promise whose `then` takes a plain function (js-sys's takes a Rust closure).
    #[wasm_bindgen(extends = Promise)]
    type Thenable;
    #[wasm_bindgen(method, js_name = then)]
    fn then_fn(this: &Thenable, on_fulfilled: &Function) -> Promise;
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(f: &Function, ms: f64) -> JsValue;
    #[wasm_bindgen(js_name = clearTimeout)]
    fn clear_timeout(timer: &JsValue);
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn json_parse(text: &JsValue) -> Result<JsValue, JsValue>;
}

thread_local! {
    /// `response => response.text()`, made once (one await per call, as tim-edge chains it).
    static TEXT: Function = Closure::<dyn FnMut(JsValue) -> Result<JsValue, JsValue>>::new(|r: JsValue| {
        r.dyn_into::<web_sys::Response>()?.text().map(JsValue::from)
    })
    .into_js_value()
    .unchecked_into();
}

/// POSTs `body` (a string) with `headers` (a plain object) to `url` within 3 s; answers the
/// parsed JSON.
#[wasm_bindgen]
pub async fn call(url: String, body: JsValue, headers: JsValue) -> Result<JsValue, JsValue> {
    let controller = web_sys::AbortController::new()?;
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    init.set_body(&body);
    init.set_headers(&headers);
    init.set_signal(Some(&controller.signal()));
    let abort = js_sys::Reflect::get(&controller, &"abort".into())?
        .unchecked_into::<Function>()
        .bind0(&controller);
    let timer = set_timeout(&abort, 3000.0);
    let text = TEXT.with(|text| {
        fetch_with(&url, &init)
            .unchecked_ref::<Thenable>()
            .then_fn(text)
    });
    let text = JsFuture::from(text).await;
    clear_timeout(&timer);
    json_parse(&text?)
}
