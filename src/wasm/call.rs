//! One logical call: attempts carried out as the pure retry policy ([`crate::retry`]) decides.
//!
//! This file only performs I/O and reports what happened; every decision (retry or not, which
//! host, how long to wait, how long an attempt may take) comes from [`Call::next`].

use super::client::Inner;
use super::convert;
use super::error::Trace;
use super::events::{self, Event, Meta};
use super::host;
use super::signal::{pause, CallerSignal, Guard};
use super::transport::{self, Answer, Failure, Stage};
use crate::api::{self, Retry};
use crate::error::{Kind, TimError};
use crate::request;
use crate::response::{self, Envelope};
use crate::retry::{self, Call, GiveUp, Outcome, Policy, Step, Stop};
use js_sys::Function;
use serde::Deserialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Per-call options: `{ signal, timeoutMs, maxRetries, deadlineMs }` over the client's defaults,
/// plus the JS layer's event emitter when hooks or a logger are set.
pub(super) struct CallOptions {
    signal: Option<CallerSignal>,
    policy: Policy,
    emitter: Option<Function>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct RawOptions {
    #[serde(default, with = "serde_wasm_bindgen::preserve")]
    signal: JsValue,
    #[serde(default, with = "serde_wasm_bindgen::preserve")]
    max_retries: JsValue,
    #[serde(default, with = "serde_wasm_bindgen::preserve")]
    timeout_ms: JsValue,
    #[serde(default, with = "serde_wasm_bindgen::preserve")]
    deadline_ms: JsValue,
}

/// Reads the call options (nothing to read, the common case, costs nothing).
pub(super) fn read_options(
    opts: JsValue,
    emitter: JsValue,
    defaults: Policy,
) -> Result<CallOptions, TimError> {
    let emitter = emitter.dyn_into::<Function>().ok();
    if opts.is_undefined() || opts.is_null() {
        return Ok(CallOptions {
            signal: None,
            policy: defaults,
            emitter,
        });
    }
    let raw: RawOptions = convert::options(opts, "call options")?;
    Ok(CallOptions {
        signal: CallerSignal::read(raw.signal)?,
        policy: read_policy(
            &raw.max_retries,
            &raw.timeout_ms,
            &raw.deadline_ms,
            defaults,
        )?,
        emitter,
    })
}

/// `maxRetries`, `timeoutMs`, `deadlineMs` over `defaults`, each checked by name.
pub(super) fn read_policy(
    max_retries: &JsValue,
    timeout_ms: &JsValue,
    deadline_ms: &JsValue,
    defaults: Policy,
) -> Result<Policy, TimError> {
    let number = |v: &JsValue, name: &str| -> Result<Option<f64>, TimError> {
        if v.is_undefined() || v.is_null() {
            return Ok(None);
        }
        v.as_f64()
            .map(Some)
            .ok_or_else(|| TimError::bad_input(format!("{name} must be a number")))
    };
    defaults.with(
        number(max_retries, "maxRetries")?,
        number(timeout_ms, "timeoutMs")?,
        number(deadline_ms, "deadlineMs")?,
    )
}

fn now_ms() -> u64 {
    host::now_ms().max(0.0) as u64
}

/// A failed call: the error, where it happened and, for a network failure, the host's error
/// rebuilt without secrets.
pub(super) struct Failed {
    pub error: TimError,
    pub trace: Trace,
    pub cause: JsValue,
}

impl From<TimError> for Failed {
    fn from(error: TimError) -> Self {
        Failed {
            error,
            trace: Trace::default(),
            cause: JsValue::UNDEFINED,
        }
    }
}

/// Runs the call to completion: the answer object, or the last attempt's error with `attempts`
/// and `outcomeKnown` filled in by the policy (which knows about every attempt, not just the last).
pub(super) async fn send(
    inner: &Inner,
    service: &str,
    command: &str,
    body: Option<&str>,
    o: &CallOptions,
) -> Result<JsValue, Failed> {
    let started = now_ms();
    let signal = o.signal.as_ref();
    if signal.is_some_and(CallerSignal::aborted) {
        return Err(TimError::new(Kind::Aborted, "the call was aborted before it was sent").into());
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
    // In Deno, writes that must not be duplicated avoid pooled connections (host.rs).
    let client = (class == Retry::Unsafe && inner.fetch.is_none())
        .then(host::deno_unpooled_client)
        .flatten();
    let mut last: Option<Failed> = None;
    loop {
        if next.delay_ms > 0 && pause(next.delay_ms, signal).await {
            // Keep the last failure's code and status: they say why the call was waiting.
            let mut f = last
                .take()
                .unwrap_or_else(|| TimError::new(Kind::Aborted, "").into());
            let info = if f.error.info.is_empty() {
                String::new()
            } else {
                format!(" (after: {})", f.error.message())
            };
            f.error.kind = Kind::Aborted;
            f.error.info = format!("the call was aborted while waiting to retry{info}");
            stamp(&mut f, started, call.abort());
            report_error(inner, o, service, command, &f, Stop::Aborted);
            return Err(f);
        }
        let random = host::random_u32();
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
                random,
            )?
        };
        let origin = inner.origin(next.host);
        if let Some(f) = &o.emitter {
            events::emit(
                f,
                &Event {
                    kind: "request",
                    service,
                    command,
                    attempt: next.number,
                    host: origin,
                    request_id: random,
                    url: Some(events::redact_url(&req.url)),
                    ..Event::default()
                },
            );
        }
        let attempt_started = now_ms();
        let result = {
            let guard = Guard::new(next.timeout_ms, signal);
            let sent = transport::Request {
                url: &req.url,
                body: &req.body,
                fetch: inner.fetch.as_ref(),
                client: client.clone(),
                max_bytes: inner.max_response_bytes,
            };
            transport::attempt(&sent, &guard).await
        };
        let judged = judge(inner, result, next.timeout_ms);
        let (outcome, status) = match &judged {
            Ok((_, status)) => (Outcome::Ok, *status),
            Err((outcome, f)) => (*outcome, f.error.http_status),
        };
        if let Some(f) = &o.emitter {
            events::emit(
                f,
                &Event {
                    kind: "response",
                    service,
                    command,
                    attempt: next.number,
                    host: origin,
                    request_id: random,
                    status: (status != 0).then_some(status),
                    error_code: match outcome {
                        Outcome::Api(code) => Some(code),
                        Outcome::Ok => Some(0),
                        _ => None,
                    },
                    duration_ms: Some(now_ms().saturating_sub(attempt_started)),
                    outcome: Some(outcome_name(outcome)),
                    ..Event::default()
                },
            );
        }
        let step = call.next(
            outcome,
            &mut inner.health.borrow_mut(),
            now_ms(),
            host::random_u32(),
        );
        match (step, judged) {
            (Step::Done { attempts }, Ok((answer, status))) => {
                events::remember(
                    &answer,
                    &Meta {
                        service,
                        command,
                        status,
                        host: origin,
                        request_id: random,
                        attempts,
                        duration_ms: now_ms().saturating_sub(started),
                    },
                );
                return Ok(answer);
            }
            (Step::Retry(a), Err((_, mut f))) => {
                f.trace.request_id = Some(random);
                f.trace.host = origin.to_owned();
                if let Some(emitter) = &o.emitter {
                    events::emit(
                        emitter,
                        &Event {
                            kind: "retry",
                            service,
                            command,
                            attempt: a.number,
                            host: origin,
                            request_id: random,
                            status: (f.error.http_status != 0).then_some(f.error.http_status),
                            error_code: (f.error.kind == Kind::Api).then_some(f.error.code),
                            decision: Some(if a.refresh_usersig {
                                "refresh-usersig"
                            } else if a.host != next.host {
                                "failover"
                            } else {
                                "retry"
                            }),
                            delay_ms: Some(a.delay_ms),
                            next_host: Some(inner.origin(a.host)),
                            message: Some(inner.core.borrow().redact(&f.error.message())),
                            ..Event::default()
                        },
                    );
                }
                last = Some(f);
                next = a;
            }
            (Step::GiveUp(g), Err((_, mut f))) => {
                f.error.retryable = retry::transient(outcome);
                f.trace.request_id = Some(random);
                f.trace.host = origin.to_owned();
                stamp(&mut f, started, g);
                report_error(inner, o, service, command, &f, g.stop);
                return Err(f);
            }
            // The policy answers Done exactly for Outcome::Ok; keep a clear error if that ever broke.
            (_, Ok(_)) | (Step::Done { .. }, Err(_)) => {
                return Err(
                    TimError::new(Kind::BadResponse, "internal: retry state out of step").into(),
                )
            }
        }
    }
}

/// The last error, stamped with what the policy knows about the whole call.
fn stamp(f: &mut Failed, started: u64, g: GiveUp) {
    f.trace.duration_ms = now_ms().saturating_sub(started);
    let e = &mut f.error;
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
}

fn report_error(
    inner: &Inner,
    o: &CallOptions,
    service: &str,
    command: &str,
    failed: &Failed,
    stop: Stop,
) {
    let (e, t) = (&failed.error, &failed.trace);
    if let Some(f) = &o.emitter {
        events::emit(
            f,
            &Event {
                kind: "error",
                service,
                command,
                attempt: e.attempts,
                host: &t.host,
                request_id: t.request_id.unwrap_or(0),
                status: (e.http_status != 0).then_some(e.http_status),
                error_code: (e.kind == Kind::Api).then_some(e.code),
                duration_ms: Some(t.duration_ms),
                decision: Some(stop_name(stop)),
                kind_of_error: Some(e.kind.as_str()),
                message: Some(
                    inner
                        .core
                        .borrow()
                        .redact(&e.clone().at(service, command).message()),
                ),
                ..Event::default()
            },
        );
    }
}

fn stop_name(stop: Stop) -> &'static str {
    match stop {
        Stop::Permanent => "permanent",
        Stop::Exhausted => "retries-exhausted",
        Stop::Deadline => "deadline",
        Stop::Ambiguous => "not-resent",
        Stop::Aborted => "aborted",
    }
}

fn outcome_name(o: Outcome) -> &'static str {
    match o {
        Outcome::Ok => "ok",
        Outcome::Api(_) => "api-error",
        Outcome::Http(_) | Outcome::Refused(_) => "http-error",
        Outcome::BadBody => "bad-body",
        Outcome::NotSent | Outcome::MaybeSent => "network",
        Outcome::TimedOut => "timeout",
        Outcome::Aborted => "aborted",
    }
}

type Judged = Result<(JsValue, u16), (Outcome, Failed)>;

/// What the attempt came to: the answer, or the outcome for the policy and the error to report.
fn judge(inner: &Inner, result: Result<Answer, Failure>, timeout_ms: u64) -> Judged {
    let fail = |outcome, error: TimError| Err((outcome, Failed::from(error)));
    let unknown = |kind, text: String| TimError {
        outcome_known: false,
        ..TimError::new(kind, text)
    };
    let answer = match result {
        Ok(a) => a,
        Err(Failure::TimedOut(stage)) => {
            let text = format!("no answer within {timeout_ms} ms ({})", stage.as_str());
            return fail(Outcome::TimedOut, unknown(Kind::Timeout, text));
        }
        Err(Failure::Aborted(stage)) => {
            let text = format!("the call was aborted {}", stage.as_str());
            return fail(Outcome::Aborted, unknown(Kind::Aborted, text));
        }
        Err(Failure::Host(stage, err)) => {
            let outcome = if stage == Stage::Sending && refused_before_sending(&err) {
                Outcome::NotSent
            } else {
                Outcome::MaybeSent
            };
            let e = TimError {
                outcome_known: outcome == Outcome::NotSent,
                ..TimError::new(
                    Kind::Network,
                    format!("the request failed {}", stage.as_str()),
                )
            };
            let cause = sanitized_cause(inner, &err);
            return Err((
                outcome,
                Failed {
                    error: e,
                    trace: Trace::default(),
                    cause,
                },
            ));
        }
        // Only a caller-supplied fetch can do this: its mistake, reported as bad input.
        Err(Failure::NotAResponse) => {
            return fail(
                Outcome::Http(0),
                TimError::bad_input("the fetch option answered something that is not a Response"),
            )
        }
        Err(Failure::TooLarge { status, declared }) => {
            let outcome = if status == 200 {
                Outcome::BadBody
            } else {
                Outcome::Http(status)
            };
            let e = response::too_large(status, inner.max_response_bytes, declared);
            return fail(outcome, e);
        }
    };
    let Answer {
        status,
        json,
        retry_after,
    } = answer;
    if status != 200 {
        // Tencent's envelope or Retry-After on a 408/503 says it was refused before any work.
        let enveloped = json
            .as_ref()
            .and_then(envelope_of)
            .is_some_and(|e| e.error_code.is_some());
        let outcome = if matches!(status, 408 | 503) && (retry_after || enveloped) {
            Outcome::Refused(status)
        } else {
            Outcome::Http(status)
        };
        return fail(
            outcome,
            TimError::bad_response(status, format!("HTTP status {status}")),
        );
    }
    let Some(json) = json else {
        return fail(
            Outcome::BadBody,
            TimError::bad_response(200, "response body is not JSON"),
        );
    };
    let Some(env) = envelope_of(&json) else {
        return fail(
            Outcome::BadBody,
            TimError::bad_response(200, "response body is not a JSON object"),
        );
    };
    match response::judge(&env) {
        Ok(()) => Ok((json, status)),
        Err(e) if e.kind == Kind::Api => fail(Outcome::Api(e.code), e),
        Err(e) => fail(Outcome::BadBody, e),
    }
}

/// The envelope's three fields, read from the parsed answer (a JSON object; not an array).
fn envelope_of(answer: &JsValue) -> Option<Envelope> {
    if !answer.is_object() || js_sys::Array::is_array(answer) {
        return None;
    }
    serde_wasm_bindgen::from_value(answer.clone()).ok()
}

#[wasm_bindgen]
extern "C" {
    /// An error object from the host (`fetch`'s TypeError and its causes), read by its
    /// documented properties, every access caught.
    type ErrorLike;
    #[wasm_bindgen(method, structural, getter, catch)]
    fn name(this: &ErrorLike) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, structural, getter, catch)]
    fn message(this: &ErrorLike) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, structural, getter, catch)]
    fn code(this: &ErrorLike) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, structural, getter, catch)]
    fn cause(this: &ErrorLike) -> Result<JsValue, JsValue>;
}

/// The error and its causes, outermost first (at most four levels), as `(name, message, code)`.
fn error_chain(err: &JsValue) -> Vec<(Option<String>, Option<String>, Option<String>)> {
    let mut out = Vec::new();
    let mut cur = err.clone();
    for _ in 0..4 {
        if !cur.is_object() {
            break;
        }
        let e: &ErrorLike = cur.unchecked_ref();
        let text = |v: Result<JsValue, JsValue>| v.ok().and_then(|v| v.as_string());
        out.push((text(e.name()), text(e.message()), text(e.code())));
        cur = e.cause().unwrap_or(JsValue::UNDEFINED);
    }
    out
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
    error_chain(err).iter().any(|(_, message, code)| {
        [message, code]
            .into_iter()
            .flatten()
            .any(|t| MARKERS.iter().any(|m| t.contains(m)))
    })
}

/// The host's error as a chain of new `Error`s carrying `name`, `message` and `code`, with every
/// secret the client knows removed (Deno puts the whole URL, admin UserSig included, in its
/// message). Lets a caller tell DNS from TLS from a reset without seeing the URL's credentials.
fn sanitized_cause(inner: &Inner, err: &JsValue) -> JsValue {
    let core = inner.core.borrow();
    let mut cause = JsValue::UNDEFINED;
    for (name, message, code) in error_chain(err).into_iter().rev() {
        let e = js_sys::Error::new(&core.redact(&message.unwrap_or_default()));
        if let Some(n) = name {
            e.set_name(&n);
        }
        if let Some(c) = code {
            let _ = js_sys::Reflect::set(&e, &"code".into(), &core.redact(&c).into());
        }
        if !cause.is_undefined() {
            e.set_cause(&cause);
        }
        cause = e.into();
    }
    cause
}
