//! One logical call: attempts carried out as the pure retry policy ([`crate::retry`]) decides.
//!
//! This file only performs I/O and reports what happened; every decision (retry or not, which
//! host, how long to wait, how long an attempt may take) comes from [`Call::next`].

use super::args;
use super::client::Inner;
use super::js::{self as host, AbortSignal};
use crate::api::{self, Retry};
use crate::client::SignedRequest;
use crate::error::{Kind, TimError};
use crate::request;
use crate::response;
use crate::retry::{self, Call, GiveUp, Outcome, Policy, Step, Stop};
use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(method, js_name = addEventListener)]
    fn add_event_listener(this: &AbortSignal, kind: &str, listener: &Function);
    #[wasm_bindgen(method, js_name = removeEventListener)]
    fn remove_event_listener(this: &AbortSignal, kind: &str, listener: &Function);
    #[wasm_bindgen(js_name = clearTimeout)]
    fn clear_timeout(id: &JsValue);
}

/// Per-call options read from JS.
pub(super) struct CallOptions {
    signal: Option<AbortSignal>,
    policy: Policy,
}

/// Reads `{ signal, timeoutMs, maxRetries, deadlineMs }` over the client's defaults.
pub(super) fn read_options(opts: &JsValue, defaults: Policy) -> Result<CallOptions, TimError> {
    let signal = args::field(opts, "signal");
    let signal = if signal.is_undefined() || signal.is_null() {
        None
    } else if signal.is_object() && Reflect::has(&signal, &"aborted".into()).unwrap_or(false) {
        Some(signal.unchecked_into::<AbortSignal>())
    } else {
        return Err(TimError::bad_input("signal must be an AbortSignal"));
    };
    Ok(CallOptions {
        signal,
        policy: read_policy(opts, defaults)?,
    })
}

/// `maxRetries`, `timeoutMs`, `deadlineMs` from a client or call options object.
pub(super) fn read_policy(opts: &JsValue, defaults: Policy) -> Result<Policy, TimError> {
    let number = |name: &str| -> Result<Option<f64>, TimError> {
        let v = args::field(opts, name);
        if v.is_undefined() || v.is_null() {
            return Ok(None);
        }
        v.as_f64()
            .map(Some)
            .ok_or_else(|| TimError::bad_input(format!("{name} must be a number")))
    };
    defaults.with(
        number("maxRetries")?,
        number("timeoutMs")?,
        number("deadlineMs")?,
    )
}

fn now_ms() -> u64 {
    host::now_ms().max(0.0) as u64
}

/// Runs the call to completion: the answer object, or the last attempt's error with `attempts`
/// and `outcomeKnown` filled in by the policy (which knows about every attempt, not just the last).
pub(super) async fn send(
    inner: &Inner,
    service: &str,
    command: &str,
    body: Option<&str>,
    o: &CallOptions,
) -> Result<JsValue, TimError> {
    if o.signal.as_ref().is_some_and(|s| s.aborted()) {
        return Err(TimError::new(
            Kind::Aborted,
            "the call was aborted before it was sent",
        ));
    }
    request::check_segment("servicename", service)?;
    request::check_segment("command", command)?;
    // The dedup keys are drawn once here and the same body goes out on every attempt.
    let body = request::normalize_body(body)?;
    let body = retry::fill_dedup_keys(
        service,
        command,
        &body,
        [host::random_u32(), host::random_u32()],
    )?;
    // Raw calls to paths the catalog does not know are never resent after an ambiguous failure.
    let class = api::find(service, command).map_or(Retry::Unsafe, |e| e.retry);
    let window = retry::dedup_window_ms(service, command);
    let (mut call, mut next) =
        Call::begin(o.policy, class, window, &inner.health.borrow(), now_ms());
    let mut last: Option<TimError> = None;
    loop {
        if next.delay_ms > 0 && pause(next.delay_ms as f64, o.signal.as_ref()).await {
            // Keep the last failure's code and status: they say why the call was waiting.
            let info = last
                .as_ref()
                .map_or_else(String::new, |e| format!(" (after: {})", e.message()));
            let e = last
                .take()
                .unwrap_or_else(|| TimError::new(Kind::Aborted, ""));
            let info = format!("the call was aborted while waiting to retry{info}");
            return Err(finish(
                TimError {
                    kind: Kind::Aborted,
                    info,
                    ..e
                },
                call.abort(),
            ));
        }
        let req = {
            let mut core = inner.core.borrow_mut();
            if next.refresh_usersig {
                core.forget_admin_usersig();
            }
            core.build(
                next.host,
                service,
                command,
                Some(&body),
                host::now_s(),
                host::random_u32(),
            )?
        };
        let (outcome, result) = match attempt(inner, &req, next.timeout_ms, class, o).await {
            Ok(v) => (Outcome::Ok, Ok(v)),
            Err((outcome, e)) => (outcome, Err(e)),
        };
        let step = call.next(
            outcome,
            &mut inner.health.borrow_mut(),
            now_ms(),
            host::random_u32(),
        );
        match (step, result) {
            (Step::Done { .. }, Ok(v)) => return Ok(v),
            (Step::Retry(a), Err(e)) => {
                last = Some(e);
                next = a;
            }
            (Step::GiveUp(g), Err(e)) => {
                let retryable = retry::transient(outcome);
                return Err(finish(TimError { retryable, ..e }, g));
            }
            // The policy answers Done exactly for Outcome::Ok; keep a clear error if that ever broke.
            (_, Ok(_)) | (Step::Done { .. }, Err(_)) => {
                return Err(TimError::new(
                    Kind::BadResponse,
                    "internal: retry state out of step",
                ))
            }
        }
    }
}

/// The last error, stamped with what the policy knows about the whole call.
fn finish(mut e: TimError, g: GiveUp) -> TimError {
    e.attempts = g.attempts;
    e.outcome_known = g.outcome_known;
    // Tencent's ErrorInfo stays verbatim; our own texts say why the retries stopped.
    if e.kind != Kind::Api && !matches!(g.stop, Stop::Permanent | Stop::Aborted) {
        let stop = g.stop.as_str();
        if g.attempts > 1 {
            e.info = format!("{} (gave up after {} attempts: {stop})", e.info, g.attempts);
        } else if g.stop == Stop::Ambiguous {
            e.info = format!("{} ({stop})", e.info);
        }
    }
    e
}

/// Waits `ms`, or until `signal` fires. True when it fired.
async fn pause(ms: f64, signal: Option<&AbortSignal>) -> bool {
    if signal.is_some_and(|s| s.aborted()) {
        return true;
    }
    let mut listener: Option<Function> = None;
    let mut timer = JsValue::UNDEFINED;
    let p = Promise::new(&mut |resolve, _| {
        timer = host::set_timeout(&resolve, ms);
        if let Some(s) = signal {
            s.add_event_listener("abort", &resolve);
        }
        listener = Some(resolve);
    });
    let _ = JsFuture::from(p).await;
    if let (Some(s), Some(f)) = (signal, &listener) {
        s.remove_event_listener("abort", f);
    }
    let fired = signal.is_some_and(|s| s.aborted());
    if fired {
        clear_timeout(&timer);
    }
    fired
}

pub(super) fn json_headers() -> JsValue {
    let h = Object::new();
    let _ = Reflect::set(&h, &"content-type".into(), &"application/json".into());
    h.into()
}

thread_local! {
    static DENO_UNPOOLED: std::cell::OnceCell<Option<JsValue>> = const { std::cell::OnceCell::new() };
}

/// In Deno, an HTTP client that never reuses a connection, or `None` elsewhere.
///
/// Deno's fetch resends a request by itself when a reused keep-alive connection closes before
/// an answer arrives, even a POST the server already processed (measured with Deno 2.9: one
/// `fetch`, two deliveries). We never see the first failure, so a write could be duplicated
/// (Unsafe endpoints) or reported as failed with a known outcome although it was processed
/// (any write). Writes therefore go out on fresh connections in Deno; reads keep pooling.
/// Node, Bun and workerd do not resend POSTs.
fn deno_unpooled_client() -> Option<JsValue> {
    DENO_UNPOOLED.with(|cell| {
        cell.get_or_init(|| {
            let deno = Reflect::get(&js_sys::global(), &"Deno".into())
                .ok()
                .filter(|d| d.is_object())?;
            let create = Reflect::get(&deno, &"createHttpClient".into())
                .ok()?
                .dyn_into::<Function>()
                .ok()?;
            let opts = Object::new();
            let _ = Reflect::set(&opts, &"poolMaxIdlePerHost".into(), &JsValue::from_f64(0.0));
            create.call1(&deno, &opts).ok().filter(|c| c.is_object())
        })
        .clone()
    })
}

/// What went wrong with a network step, told apart as well as the runtime lets us.
fn network_outcome(err: &JsValue) -> Outcome {
    if refused_before_sending(err) {
        Outcome::NotSent
    } else {
        Outcome::MaybeSent
    }
}

/// Connection failures that prove nothing left: refused, no such host, TLS/connect failures.
/// Runtimes say it differently (Node/undici `cause.code`, Bun `code`, Deno and workerd only in
/// the message); anything not recognised counts as possibly sent.
fn refused_before_sending(err: &JsValue) -> bool {
    const MARKERS: &[&str] = &[
        "ECONNREFUSED",
        "ENOTFOUND",
        "EAI_AGAIN",
        "UND_ERR_CONNECT_TIMEOUT",
        "ConnectionRefused",
        "Connection refused",
        "connection refused",
        "os error 111",
        "dns error",
        "failed to lookup address",
    ];
    let mut texts = Vec::new();
    let mut cur = err.clone();
    for _ in 0..4 {
        for key in ["code", "message"] {
            if let Some(s) = Reflect::get(&cur, &key.into())
                .ok()
                .and_then(|v| v.as_string())
            {
                texts.push(s);
            }
        }
        match Reflect::get(&cur, &"cause".into()) {
            Ok(c) if c.is_object() => cur = c,
            _ => break,
        }
    }
    texts.iter().any(|t| MARKERS.iter().any(|m| t.contains(m)))
}

/// Sends `req` once and returns the parsed answer, or what happened and the error to report.
async fn attempt(
    inner: &Inner,
    req: &SignedRequest,
    timeout_ms: u64,
    class: Retry,
    o: &CallOptions,
) -> Result<JsValue, (Outcome, TimError)> {
    let timeout = AbortSignal::timeout(timeout_ms as f64);
    let signal = match &o.signal {
        Some(user) => AbortSignal::any(&Array::of2(user, &timeout)),
        None => timeout.clone().unchecked_into(),
    };
    let init = Object::new();
    let _ = Reflect::set(&init, &"method".into(), &"POST".into());
    let _ = Reflect::set(&init, &"headers".into(), &json_headers());
    let _ = Reflect::set(&init, &"body".into(), &JsValue::from_str(&req.body));
    let _ = Reflect::set(&init, &"signal".into(), &signal);
    // Never follow a redirect: the URL carries the admin UserSig.
    let _ = Reflect::set(&init, &"redirect".into(), &"manual".into());
    if class != Retry::Read && inner.fetch.is_none() {
        if let Some(client) = deno_unpooled_client() {
            let _ = Reflect::set(&init, &"client".into(), &client);
        }
    }
    let failed = |stage: &str, err: &JsValue| -> (Outcome, TimError) {
        let unknown = |kind, text: String| TimError {
            outcome_known: false,
            ..TimError::new(kind, text)
        };
        if o.signal.as_ref().is_some_and(|s| s.aborted()) {
            (
                Outcome::Aborted,
                unknown(Kind::Aborted, format!("the call was aborted {stage}")),
            )
        } else if timeout.aborted() {
            (
                Outcome::TimedOut,
                unknown(
                    Kind::Timeout,
                    format!("no answer within {timeout_ms} ms ({stage})"),
                ),
            )
        } else {
            let outcome = if stage == "while sending" {
                network_outcome(err)
            } else {
                Outcome::MaybeSent
            };
            let e = TimError::new(Kind::Network, format!("the request failed {stage}"));
            (
                outcome,
                TimError {
                    outcome_known: outcome == Outcome::NotSent,
                    ..e
                },
            )
        }
    };
    let not_a_promise = || {
        (
            Outcome::Http(0),
            TimError::bad_input("the fetch option must return a Promise"),
        )
    };
    let promise = match &inner.fetch {
        Some(f) => f
            .call2(&JsValue::UNDEFINED, &JsValue::from_str(&req.url), &init)
            .map_err(|e| failed("while sending", &e))?
            .dyn_into::<Promise>()
            .map_err(|_| not_a_promise())?,
        None => host::global_fetch(&req.url, &init).map_err(|e| failed("while sending", &e))?,
    };
    let resp = JsFuture::from(promise)
        .await
        .map_err(|e| failed("while sending", &e))?;
    let status = Reflect::get(&resp, &"status".into())
        .ok()
        .and_then(|s| s.as_f64())
        .unwrap_or(0.0) as u16;
    let not_a_response = || {
        (
            Outcome::Http(0),
            TimError::bad_response(status, "fetch returned something that is not a Response"),
        )
    };
    let cap = inner.max_response_bytes;
    let text = match read_capped(&resp, cap).await {
        Ok(text) => text,
        Err(Read::TooLarge(declared)) => {
            let outcome = if status == 200 {
                Outcome::BadBody
            } else {
                Outcome::Http(status)
            };
            return Err((outcome, response::too_large(status, cap, declared)));
        }
        Err(Read::NotAResponse) => return Err(not_a_response()),
        Err(Read::Failed(e)) => return Err(failed("while reading the answer", &e)),
    };
    if let Err(e) = response::parse(status, &text) {
        let outcome = match e.kind {
            Kind::Api => Outcome::Api(e.code),
            _ if status != 200 => Outcome::Http(status),
            _ => Outcome::BadBody,
        };
        return Err((outcome, e));
    }
    js_sys::JSON::parse(&text).map_err(|_| {
        (
            Outcome::BadBody,
            TimError::bad_response(status, "response body is not JSON"),
        )
    })
}

/// Why an answer's body could not be read.
enum Read {
    /// Over the cap: by its `Content-Length` (the declared size) or while counting the bytes.
    TooLarge(Option<u64>),
    NotAResponse,
    Failed(JsValue),
}

/// `obj.name(...args)` when it is a function returning something; `None` otherwise.
fn call_method(obj: &JsValue, name: &str, arg: Option<&JsValue>) -> Option<JsValue> {
    let f = Reflect::get(obj, &name.into())
        .ok()?
        .dyn_into::<Function>()
        .ok()?;
    match arg {
        Some(a) => f.call1(obj, a).ok(),
        None => f.call0(obj).ok(),
    }
}

async fn await_value(v: JsValue) -> Result<JsValue, JsValue> {
    match v.dyn_into::<Promise>() {
        Ok(p) => JsFuture::from(p).await,
        Err(v) => Ok(v),
    }
}

/// The answer's body as text, at most `cap` bytes of it. A `Content-Length` over the cap is
/// refused before reading; the stream is counted as it arrives (the header may be absent or
/// lie) and cancelled once past the cap, so a hostile or broken server costs at most `cap`
/// bytes of memory. Decoded as `Response.text()` does (UTF-8, lossy, a leading BOM dropped).
/// A caller-supplied `fetch` answering an object without a stream falls back to its `text()`,
/// checked after the fact.
async fn read_capped(resp: &JsValue, cap: u32) -> Result<String, Read> {
    let headers = Reflect::get(resp, &"headers".into()).unwrap_or(JsValue::UNDEFINED);
    let body = Reflect::get(resp, &"body".into()).unwrap_or(JsValue::UNDEFINED);
    let cancel = |target: &JsValue| {
        if let Some(p) =
            call_method(target, "cancel", None).and_then(|p| p.dyn_into::<Promise>().ok())
        {
            // Nothing to wait for, but a rejection must not surface as unhandled (Node exits).
            wasm_bindgen_futures::spawn_local(async move {
                let _ = JsFuture::from(p).await;
            });
        }
    };
    if headers.is_object() {
        let declared = call_method(&headers, "get", Some(&"content-length".into()))
            .and_then(|v| v.as_string())
            .and_then(|h| response::declared_length(&h));
        if let Some(n) = declared.filter(|&n| n > u64::from(cap)) {
            if body.is_object() {
                cancel(&body);
            }
            return Err(Read::TooLarge(Some(n)));
        }
    }
    let too_long = || Read::TooLarge(None);
    let Some(reader) = body
        .is_object()
        .then(|| call_method(&body, "getReader", None))
        .flatten()
    else {
        if body.is_null() {
            return Ok(String::new());
        }
        let p = call_method(resp, "text", None).ok_or(Read::NotAResponse)?;
        let text = await_value(p).await.map_err(Read::Failed)?;
        // The JS length (UTF-16 units) is at most the UTF-8 length: check it before copying.
        let units = Reflect::get(&text, &"length".into())
            .ok()
            .and_then(|n| n.as_f64());
        if units.is_some_and(|n| n > f64::from(cap)) {
            return Err(too_long());
        }
        let text = text.as_string().ok_or(Read::NotAResponse)?;
        return if text.len() > cap as usize {
            Err(too_long())
        } else {
            Ok(text)
        };
    };
    let mut bytes: Vec<u8> = Vec::new();
    // Bounded: every chunk but empty ones adds at least one byte, and empty ones are capped too.
    for _ in 0..=(cap as u64 + 1024) {
        let step = call_method(&reader, "read", None).ok_or(Read::NotAResponse)?;
        let step = await_value(step).await.map_err(Read::Failed)?;
        if Reflect::get(&step, &"done".into())
            .ok()
            .is_some_and(|d| d.is_truthy())
        {
            let text = match String::from_utf8(bytes) {
                Ok(t) => t,
                Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
            };
            return Ok(match text.strip_prefix('\u{feff}') {
                Some(rest) => rest.to_owned(),
                None => text,
            });
        }
        let chunk = Reflect::get(&step, &"value".into()).unwrap_or(JsValue::UNDEFINED);
        let chunk = chunk
            .dyn_ref::<js_sys::Uint8Array>()
            .ok_or(Read::NotAResponse)?;
        if bytes.len() as u64 + u64::from(chunk.length()) > u64::from(cap) {
            cancel(&reader);
            return Err(too_long());
        }
        bytes.extend_from_slice(&chunk.to_vec());
    }
    cancel(&reader);
    Err(too_long())
}
