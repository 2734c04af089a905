//! One attempt over the host's `fetch`: send the signed request, read the answer within the size
//! cap, parse it once with the host's `JSON.parse`. Every step races the attempt's [`Guard`], so
//! an attempt ends on time whatever `fetch`, its `Response` or its body do; the answer's bytes
//! never enter wasm memory (only the envelope's three fields do, in `call.rs`).
//!
//! A `Response` of the runtime's own class is used through its typed binding; anything else a
//! caller-supplied `fetch` answers (another realm's or a library's Response) is used through the
//! documented interface (`status`, `headers.get`, `text()`), every access caught.

use super::host;
use super::signal::{ignore, Guard, Interrupted, Thenable};
use crate::response;
use js_sys::{Function, JsString, Promise, Uint8Array};
use std::cell::RefCell;
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
    fn get(this: &HeadersLike, name: &JsValue) -> Result<JsValue, JsValue>;

    /// `Headers.get` taking and answering JS strings: the header names are made once, and a value
    /// only crosses into wasm when there is one. (Not `catch`: the runtime's own Headers throws
    /// only for an invalid name, and ours are constants.)
    #[wasm_bindgen(extends = web_sys::Headers)]
    type NativeHeaders;
    #[wasm_bindgen(method, js_name = get)]
    fn get_js(this: &NativeHeaders, name: &JsValue) -> JsValue;

    /// The RequestInit members whose values are the same on every request, set from JS strings
    /// made once (web-sys's setters take Rust strings, decoded again on every call).
    #[wasm_bindgen(extends = web_sys::RequestInit)]
    type Init;
    #[wasm_bindgen(method, setter = method)]
    fn set_method_js(this: &Init, method: &JsValue);
    #[wasm_bindgen(method, setter = redirect)]
    fn set_redirect_js(this: &Init, redirect: &JsValue);
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
    /// `fetch` rejected, or the body failed mid-way: the host's error.
    Host(Stage, JsValue),
    /// `fetch` threw before returning anything: nothing can have been sent.
    Threw(JsValue),
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

/// JS strings made once per module instance.
struct Names {
    post: JsValue,
    manual: JsValue,
    retry_after: JsValue,
    content_length: JsValue,
}

thread_local! {
    static NAMES: Names = Names {
        post: JsValue::from_str("POST"),
        manual: JsValue::from_str("manual"),
        retry_after: JsValue::from_str("retry-after"),
        content_length: JsValue::from_str("content-length"),
    };
    static JSON_HEADERS: JsValue = super::convert::to_js(&JsonHeaders { content_type: "application/json" });
    static DECODER: Option<Decoder> = Decoder::new().ok();
}

/// `{ "content-type": "application/json" }`, as a struct: a map here would link a map
/// serializer over `BTreeMap<&str, &str>` for this one object.
#[derive(serde::Serialize)]
struct JsonHeaders {
    #[serde(rename = "content-type")]
    content_type: &'static str,
}

/// The request to send.
pub struct Request<'a> {
    pub url: &'a str,
    /// The body text, a JS string (never copied through wasm memory here).
    pub body: &'a JsValue,
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
    NAMES.with(|n| {
        let i: &Init = init.unchecked_ref();
        i.set_method_js(&n.post);
        // Never follow a redirect: the URL carries the admin UserSig.
        i.set_redirect_js(&n.manual);
    });
    JSON_HEADERS.with(|h| init.set_headers(h));
    init.set_body(req.body);
    init.set_signal(guard.fetch_signal().as_ref());
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
    .map_err(Failure::Threw)?;
    // The answer's body is asked for as soon as the Response arrives, in the same promise chain
    // (see `read_started`), so the common attempt is one guarded wait.
    let slot = Slot::open();
    let chained = READ.with(|read| {
        let read = read.bind2(&JsValue::NULL, &slot.id(), &req.max_bytes.into());
        sent.unchecked_ref::<Thenable>()
            .then_fn(read.unchecked_ref())
    });
    let out = guard.wait(&chained).await;
    let started = slot.close();
    let stage = if started.is_none() {
        Stage::Sending
    } else {
        Stage::Reading
    };
    let value = out.map_err(interrupted(stage))?;
    let text = match started.ok_or(Failure::NotAResponse)? {
        Started::NotAResponse => return Err(Failure::NotAResponse),
        Started::Threw(e) => return Err(Failure::Host(Stage::Reading, e)),
        Started::TooLarge { status, declared } => {
            return Err(Failure::TooLarge { status, declared })
        }
        Started::NoBody {
            status,
            retry_after,
        } => {
            return Ok(Answer {
                status,
                json: None,
                retry_after,
            })
        }
        Started::Text {
            status,
            retry_after,
        } => (status, retry_after, value),
        Started::Stream {
            status,
            retry_after,
            stream,
        } => (
            status,
            retry_after,
            read_stream(
                &stream,
                req.max_bytes,
                guard,
                Failure::TooLarge {
                    status,
                    declared: None,
                },
            )
            .await?,
        ),
    };
    let (status, retry_after, text) = text;
    // A Response built by a caller's fetch may declare less than it holds: check after the fact
    // (UTF-16 units never exceed UTF-8 bytes, so this errs on the side of reading).
    let units = text
        .dyn_ref::<JsString>()
        .ok_or(Failure::NotAResponse)?
        .length();
    if units > req.max_bytes {
        return Err(Failure::TooLarge {
            status,
            declared: None,
        });
    }
    Ok(Answer {
        status,
        json: json_parse(&text).ok(),
        retry_after,
    })
}

/// What happened once a Response arrived, left by `read_started` for the attempt to pick up.
enum Started {
    NotAResponse,
    /// Asking for the body threw.
    Threw(JsValue),
    TooLarge {
        status: u16,
        declared: Option<u64>,
    },
    /// A status whose body does not matter (only 200, 408 and 503 are read); cancelled.
    NoBody {
        status: u16,
        retry_after: bool,
    },
    /// The chained value is the body's text.
    Text {
        status: u16,
        retry_after: bool,
    },
    /// No Content-Length: the stream is read and counted by the attempt.
    Stream {
        status: u16,
        retry_after: bool,
        stream: web_sys::ReadableStream,
    },
}

thread_local! {
    /// One entry per attempt in flight between `fetch` answering and the attempt resuming.
    static SLOTS: RefCell<Vec<Option<Started>>> = const { RefCell::new(Vec::new()) };
    /// `read_started` as a JS function, made once; each attempt binds its slot and cap to it.
    static READ: Function = Closure::<dyn FnMut(JsValue, JsValue, JsValue) -> JsValue>::new(read_started)
        .into_js_value()
        .unchecked_into();
}

/// An attempt's slot in `SLOTS`.
struct Slot(usize);

impl Slot {
    fn open() -> Slot {
        SLOTS
            .with(|s| {
                let mut s = s.borrow_mut();
                match s.iter().position(Option::is_none) {
                    // A free index is marked taken by a placeholder until the response arrives.
                    Some(i) => {
                        s[i] = Some(Started::NotAResponse);
                        Slot(i)
                    }
                    None => {
                        s.push(Some(Started::NotAResponse));
                        Slot(s.len() - 1)
                    }
                }
            })
            .pending()
    }

    /// Marks the slot as waiting for a Response (no `Started` yet).
    fn pending(self) -> Slot {
        PENDING.with(|p| p.borrow_mut().push(self.0));
        self
    }

    fn id(&self) -> JsValue {
        JsValue::from(self.0 as u32)
    }

    /// What `read_started` left, or `None` when no Response arrived; frees the slot.
    fn close(self) -> Option<Started> {
        let was_pending = PENDING.with(|p| {
            let mut p = p.borrow_mut();
            match p.iter().position(|&i| i == self.0) {
                Some(at) => {
                    p.swap_remove(at);
                    true
                }
                None => false,
            }
        });
        let started = SLOTS.with(|s| s.borrow_mut().get_mut(self.0).and_then(Option::take));
        if was_pending {
            None
        } else {
            started
        }
    }
}

thread_local! {
    /// Slots whose Response has not arrived.
    static PENDING: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

/// Runs when `fetch` answers (bound to an attempt's slot and cap): looks at the Response and, for
/// a body worth reading with a Content-Length within the cap, answers its `text()` promise, so
/// the attempt's one wait covers the body too. Whatever it found goes into the slot. Never
/// throws (a throw here would reject the chain as if sending had failed).
fn read_started(slot: JsValue, cap: JsValue, resp: JsValue) -> JsValue {
    let (Some(slot), Some(cap)) = (slot.as_f64(), cap.as_f64()) else {
        return JsValue::NULL;
    };
    let (slot, cap) = (slot as usize, cap as u32);
    let (started, value) = start_reading(resp, cap);
    PENDING.with(|p| {
        let mut p = p.borrow_mut();
        if let Some(at) = p.iter().position(|&i| i == slot) {
            p.swap_remove(at);
        }
    });
    SLOTS.with(|s| {
        if let Some(entry) = s.borrow_mut().get_mut(slot) {
            *entry = Some(started);
        }
    });
    value
}

fn start_reading(resp: JsValue, cap: u32) -> (Started, JsValue) {
    let none = JsValue::NULL;
    let Some(resp) = Resp::of(resp) else {
        return (Started::NotAResponse, none);
    };
    let Some(status) = resp.status() else {
        return (Started::NotAResponse, none);
    };
    let headers = resp.headers();
    let header = |name: fn(&Names) -> &JsValue| {
        headers
            .as_ref()
            .and_then(|h| NAMES.with(|n| header(h, name(n))))
    };
    let retry_after = header(|n| &n.retry_after).is_some();
    if !matches!(status, 200 | 408 | 503) {
        resp.discard();
        return (
            Started::NoBody {
                status,
                retry_after,
            },
            none,
        );
    }
    // A Content-Length over the cap is refused before reading.
    let declared = header(|n| &n.content_length).and_then(|h| response::declared_length(&h));
    if let Some(n) = declared.filter(|&n| n > u64::from(cap)) {
        resp.discard();
        let declared = Some(n);
        return (Started::TooLarge { status, declared }, none);
    }
    let text = match (&resp, declared) {
        // A native body without a length is read as a stream and counted (it may be endless).
        (Resp::Native(r), None) => match r.body() {
            None => {
                return (
                    Started::Text {
                        status,
                        retry_after,
                    },
                    JsValue::from_str(""),
                )
            }
            Some(stream) => {
                return (
                    Started::Stream {
                        status,
                        retry_after,
                        stream,
                    },
                    none,
                )
            }
        },
        // With a length (a network stream cannot run past it): in one piece.
        (Resp::Native(r), Some(_)) => r.text().map(JsValue::from),
        (Resp::Like(r), _) => r.text(),
    };
    match text {
        Ok(p) => (
            Started::Text {
                status,
                retry_after,
            },
            p,
        ),
        Err(e) => (Started::Threw(e), none),
    }
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

    /// The response's headers, looked up once: `(native, headers)`.
    fn headers(&self) -> Option<(bool, JsValue)> {
        match self {
            Resp::Native(r) => Some((true, r.headers().into())),
            Resp::Like(r) => r
                .headers()
                .ok()
                .filter(JsValue::is_object)
                .map(|h| (false, h)),
        }
    }
}

fn header((native, headers): &(bool, JsValue), name: &JsValue) -> Option<String> {
    let value = if *native {
        headers.unchecked_ref::<NativeHeaders>().get_js(name)
    } else {
        headers.unchecked_ref::<HeadersLike>().get(name).ok()?
    };
    value.as_string()
}

impl Resp {
    /// Lets go of a body that will not be read, so the connection is freed.
    fn discard(&self) {
        if let Resp::Native(r) = self {
            if let Some(body) = r.body() {
                ignore(&body.cancel());
            }
        }
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
        let step = match guard.wait(&reader.read()).await {
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
