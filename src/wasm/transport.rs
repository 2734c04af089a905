//! One attempt over the host's `fetch`: send the signed request, read the answer within the size
//! cap, parse it once with the host's `JSON.parse`. Every step races the attempt's [`Guard`], so
//! an attempt ends on time whatever `fetch`, its `Response` or its body do; the answer's bytes
//! never enter wasm memory (only the envelope's three fields do, in `call.rs`).
//!
//! A `Response` of the runtime's own class is used through its typed binding; anything else a
//! caller-supplied `fetch` answers (another realm's or a library's Response) is used through the
//! documented interface (`status`, `headers.get`, `text()`), every access caught.

use super::host;
use super::signal::{ignore, Guard, Interrupted};
use crate::response;
use js_sys::{Function, JsString, Promise, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn json_parse(text: &JsValue) -> Result<JsValue, JsValue>;

    /// A `TextDecoder` whose `decode` answers a JS string (web-sys's copies the text into wasm
    /// memory, which is what reading the answer in JS avoids).
    #[wasm_bindgen(js_name = TextDecoder)]
    type Decoder;
    #[wasm_bindgen(constructor, js_class = "TextDecoder", catch)]
    fn new() -> Result<Decoder, JsValue>;
    #[wasm_bindgen(method, js_name = decode, catch)]
    fn decode(this: &Decoder, bytes: &Uint8Array) -> Result<JsString, JsValue>;

    /// A Response-like object from a caller-supplied fetch.
    type ResponseLike;
    #[wasm_bindgen(method, structural, getter, catch)]
    fn status(this: &ResponseLike) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, structural, getter, catch)]
    fn headers(this: &ResponseLike) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, structural, catch)]
    fn text(this: &ResponseLike) -> Result<JsValue, JsValue>;

    type HeadersLike;
    #[wasm_bindgen(method, structural, catch)]
    fn get(this: &HeadersLike, name: &str) -> Result<JsValue, JsValue>;
}

/// Where in the attempt something happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Sending,
    Reading,
}

impl Stage {
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Sending => "while sending",
            Stage::Reading => "while reading the answer",
        }
    }
}

/// What came back.
pub struct Answer {
    pub status: u16,
    /// The body as `JSON.parse` gave it; `None` when it was not JSON or was not read.
    pub json: Option<JsValue>,
    /// The answer carried `Retry-After`.
    pub retry_after: bool,
}

/// Why an attempt produced no answer.
pub enum Failure {
    TimedOut(Stage),
    Aborted(Stage),
    /// `fetch` threw or rejected, or the body failed mid-way: the host's error.
    Host(Stage, JsValue),
    /// A caller-supplied `fetch` answered something that is not a Response.
    NotAResponse,
    /// Over `maxResponseBytes`: by its `Content-Length` (declared) or counted while reading.
    TooLarge {
        status: u16,
        declared: Option<u64>,
    },
}

fn interrupted(stage: Stage) -> impl Fn(Interrupted) -> Failure {
    move |i| match i {
        Interrupted::TimedOut => Failure::TimedOut(stage),
        Interrupted::Aborted => Failure::Aborted(stage),
        Interrupted::Rejected(e) => Failure::Host(stage, e),
    }
}

thread_local! {
    static JSON_HEADERS: JsValue =
        super::convert::to_js(&std::collections::BTreeMap::from([("content-type", "application/json")]));
    static DECODER: Option<Decoder> = Decoder::new().ok();
}

/// The request to send.
pub struct Request<'a> {
    pub url: &'a str,
    pub body: &'a str,
    /// A caller-supplied `fetch`; the global one otherwise.
    pub fetch: Option<&'a Function>,
    /// Deno only: the `Deno.HttpClient` to send through.
    pub client: Option<JsValue>,
    pub max_bytes: u32,
}

/// Sends `req` once and reads the answer (the body of a 200, 408 or 503; others are cancelled:
/// only their status matters).
pub async fn attempt(req: &Request<'_>, guard: &Guard<'_>) -> Result<Answer, Failure> {
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    JSON_HEADERS.with(|h| init.set_headers(h));
    init.set_body(&JsValue::from_str(req.body));
    init.set_signal(guard.fetch_signal().as_ref());
    // Never follow a redirect: the URL carries the admin UserSig.
    init.set_redirect(web_sys::RequestRedirect::Manual);
    if let Some(client) = &req.client {
        init.unchecked_ref::<host::DenoRequestInit>()
            .set_client(client);
    }
    let sent = match req.fetch {
        Some(f) => f
            .call2(&JsValue::UNDEFINED, &JsValue::from_str(req.url), &init)
            .map(|v| Promise::resolve(&v)),
        None => host::global_fetch(req.url, &init),
    }
    .map_err(|e| Failure::Host(Stage::Sending, e))?;
    let resp = guard
        .race(&sent)
        .await
        .map_err(interrupted(Stage::Sending))?;
    let resp = Resp::of(resp).ok_or(Failure::NotAResponse)?;
    let status = resp.status().ok_or(Failure::NotAResponse)?;
    let retry_after = resp.header("retry-after").is_some();
    if !matches!(status, 200 | 408 | 503) {
        resp.discard();
        return Ok(Answer {
            status,
            json: None,
            retry_after,
        });
    }
    let text = resp.text(status, req.max_bytes, guard).await?;
    Ok(Answer {
        status,
        json: json_parse(&text).ok(),
        retry_after,
    })
}

enum Resp {
    Native(web_sys::Response),
    Like(ResponseLike),
}

impl Resp {
    fn of(v: JsValue) -> Option<Resp> {
        match v.dyn_into::<web_sys::Response>() {
            Ok(r) => Some(Resp::Native(r)),
            Err(v) if v.is_object() => Some(Resp::Like(v.unchecked_into())),
            Err(_) => None,
        }
    }

    fn status(&self) -> Option<u16> {
        match self {
            Resp::Native(r) => Some(r.status()),
            Resp::Like(r) => r
                .status()
                .ok()?
                .as_f64()
                .filter(|s| s.fract() == 0.0 && (0.0..=999.0).contains(s))
                .map(|s| s as u16),
        }
    }

    fn header(&self, name: &str) -> Option<String> {
        match self {
            Resp::Native(r) => r.headers().get(name).ok().flatten(),
            Resp::Like(r) => {
                let h = r.headers().ok().filter(JsValue::is_object)?;
                h.unchecked_into::<HeadersLike>()
                    .get(name)
                    .ok()?
                    .as_string()
            }
        }
    }

    /// Lets go of a body that will not be read, so the connection is freed.
    fn discard(&self) {
        if let Resp::Native(r) = self {
            if let Some(body) = r.body() {
                ignore(&body.cancel());
            }
        }
    }

    /// The body as a JS string, at most `cap` bytes of it. A `Content-Length` over the cap is
    /// refused before reading. A native body without one is read as a stream, counted chunk by
    /// chunk and cancelled once past the cap; with one (and a stream from the network, which
    /// cannot run longer than its length), `text()` reads it in one piece.
    async fn text(&self, status: u16, cap: u32, guard: &Guard<'_>) -> Result<JsValue, Failure> {
        let too_large = |declared| Failure::TooLarge { status, declared };
        let declared = self
            .header("content-length")
            .and_then(|h| response::declared_length(&h));
        if let Some(n) = declared.filter(|&n| n > u64::from(cap)) {
            self.discard();
            return Err(too_large(Some(n)));
        }
        let text = match (self, declared) {
            (Resp::Native(r), None) => match r.body() {
                None => JsValue::from_str(""),
                Some(stream) => return read_stream(&stream, cap, guard, too_large(None)).await,
            },
            (Resp::Native(r), Some(_)) => {
                let p = r.text().map_err(|e| Failure::Host(Stage::Reading, e))?;
                guard.race(&p).await.map_err(interrupted(Stage::Reading))?
            }
            (Resp::Like(r), _) => {
                let v = r.text().map_err(|e| Failure::Host(Stage::Reading, e))?;
                let p = Promise::resolve(&v);
                guard.race(&p).await.map_err(interrupted(Stage::Reading))?
            }
        };
        // A Response built by a caller's fetch may declare less than it holds: check after the
        // fact (UTF-16 units never exceed UTF-8 bytes, so this errs on the side of reading).
        let units = text
            .dyn_ref::<JsString>()
            .ok_or(Failure::NotAResponse)?
            .length();
        if units > cap {
            return Err(too_large(None));
        }
        Ok(text)
    }
}

/// Reads a stream to its end as text, counting bytes against `cap`; the chunks stay in JS.
async fn read_stream(
    stream: &web_sys::ReadableStream,
    cap: u32,
    guard: &Guard<'_>,
    too_large: Failure,
) -> Result<JsValue, Failure> {
    let reader = web_sys::ReadableStreamDefaultReader::new(stream)
        .map_err(|e| Failure::Host(Stage::Reading, e))?;
    let cancel = || ignore(&reader.cancel());
    let chunks = js_sys::Array::new();
    let mut total: u32 = 0;
    // Bounded: every chunk but empty ones adds at least one byte, and empty ones are capped too.
    for _ in 0..=(u64::from(cap) + 1024) {
        let step = match guard.race(&reader.read()).await {
            Ok(step) => step.unchecked_into::<web_sys::ReadableStreamReadResult>(),
            Err(e) => {
                cancel();
                return Err(interrupted(Stage::Reading)(e));
            }
        };
        if step.get_done().unwrap_or(false) {
            return concat_text(&chunks, total);
        }
        let Ok(chunk) = step.get_value().dyn_into::<Uint8Array>() else {
            cancel();
            return Err(Failure::NotAResponse);
        };
        match total.checked_add(chunk.length()).filter(|&t| t <= cap) {
            Some(t) => total = t,
            None => {
                cancel();
                return Err(too_large);
            }
        }
        chunks.push(&chunk);
    }
    cancel();
    Err(too_large)
}

/// The chunks decoded as `Response.text()` does (UTF-8, lossy, a leading BOM dropped).
fn concat_text(chunks: &js_sys::Array, total: u32) -> Result<JsValue, Failure> {
    let bytes = if chunks.length() == 1 {
        chunks.get(0).unchecked_into::<Uint8Array>()
    } else {
        let all = Uint8Array::new_with_length(total);
        let mut at = 0;
        for c in chunks.iter() {
            let c = c.unchecked_into::<Uint8Array>();
            all.set(&c, at);
            at += c.length();
        }
        all
    };
    DECODER
        .with(|d| d.as_ref().map(|d| d.decode(&bytes)))
        .and_then(Result::ok)
        .map(JsValue::from)
        .ok_or(Failure::NotAResponse)
}
