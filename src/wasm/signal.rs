//! The caller's `AbortSignal`, and the guard that ends an attempt on time whatever the host does.
//!
//! A signal from user code is checked for what it is: the runtime's own `AbortSignal` is used
//! directly; anything else (a polyfill, a test double, a signal from another realm) is used only
//! through the documented interface (`aborted` and `addEventListener('abort', ...)`), every access
//! caught; anything without that interface is a `bad-input` error before the call starts. The
//! caller's signal is never handed to the host (`fetch`, `AbortSignal.any`): the SDK passes its
//! own controller's signal and aborts it when the caller's fires.

use super::host;
use crate::error::TimError;
use js_sys::{Array, Function, Object, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    /// Any object used through AbortSignal's documented interface.
    pub type SignalLike;
    #[wasm_bindgen(method, structural, getter, catch)]
    fn aborted(this: &SignalLike) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, structural, getter = addEventListener, catch)]
    fn add_event_listener_member(this: &SignalLike) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, structural, catch, js_name = addEventListener)]
    fn add_event_listener(this: &SignalLike, kind: &str, f: &Function) -> Result<(), JsValue>;
    #[wasm_bindgen(method, structural, catch, js_name = removeEventListener)]
    fn remove_event_listener(this: &SignalLike, kind: &str, f: &Function) -> Result<(), JsValue>;
}

/// The caller's signal (per-call option `signal`).
pub enum CallerSignal {
    Native(web_sys::AbortSignal),
    Foreign(SignalLike),
}

impl CallerSignal {
    /// `undefined`/`null`: no signal. Otherwise an `AbortSignal`, or an object with a boolean
    /// `aborted` and an `addEventListener` function.
    pub fn read(v: JsValue) -> Result<Option<CallerSignal>, TimError> {
        if v.is_undefined() || v.is_null() {
            return Ok(None);
        }
        let v = match v.dyn_into::<web_sys::AbortSignal>() {
            Ok(native) => return Ok(Some(CallerSignal::Native(native))),
            Err(v) => v,
        };
        let refused = || {
            TimError::bad_input(
                "signal must be an AbortSignal (or an object with a boolean `aborted` and `addEventListener`)",
            )
        };
        if !v.is_object() {
            return Err(refused());
        }
        let like: SignalLike = v.unchecked_into();
        let has_interface = like.aborted().is_ok_and(|a| a.as_bool().is_some())
            && like
                .add_event_listener_member()
                .is_ok_and(|f| f.is_function());
        if has_interface {
            Ok(Some(CallerSignal::Foreign(like)))
        } else {
            Err(refused())
        }
    }

    /// Whether it fired. A foreign signal whose `aborted` throws counts as fired: a call that
    /// cannot tell whether it was cancelled stops rather than runs on.
    pub fn aborted(&self) -> bool {
        match self {
            CallerSignal::Native(s) => s.aborted(),
            CallerSignal::Foreign(s) => s.aborted().map_or(true, |a| a.is_truthy()),
        }
    }

    fn listen(&self, f: &Function) {
        // A listener that cannot be added leaves `aborted` checks between steps as the fallback.
        let _ = match self {
            CallerSignal::Native(s) => s.add_event_listener_with_callback("abort", f),
            CallerSignal::Foreign(s) => s.add_event_listener("abort", f),
        };
    }

    fn unlisten(&self, f: &Function) {
        let _ = match self {
            CallerSignal::Native(s) => s.remove_event_listener_with_callback("abort", f),
            CallerSignal::Foreign(s) => s.remove_event_listener("abort", f),
        };
    }
}

thread_local! {
    /// The reason the guard's timer rejects with: an object nothing else can produce.
    static TIMED_OUT: Object = Object::new();
    /// A rejection handler that ignores its argument, so a guard that fires while nothing is
    /// racing it never surfaces as an unhandled rejection (which ends a Node process).
    static IGNORE: Closure<dyn FnMut(JsValue)> = Closure::new(|_| {});
}

/// Marks a rejection of `p` as handled (nothing waits for it): a guard that fires while nothing
/// races it, a cancelled body's promise.
pub fn ignore(p: &Promise) {
    IGNORE.with(|f| {
        let _ = p.catch(f);
    });
}

/// Why a raced host promise did not settle in time.
#[derive(Debug)]
pub enum Interrupted {
    TimedOut,
    Aborted,
    /// The host promise itself rejected with this value.
    Rejected(JsValue),
}

/// One attempt's deadline and the caller's signal, as a promise that rejects when either fires.
/// Every await on the host races it, so an attempt ends on time even when `fetch` ignores its
/// signal or a body never finishes. Dropping the guard clears the timer and the listener.
pub struct Guard<'a> {
    promise: Promise,
    reject: Function,
    timer: JsValue,
    signal: Option<&'a CallerSignal>,
    /// The controller whose signal goes to `fetch`; aborted when the guard fires.
    pub controller: Option<web_sys::AbortController>,
}

impl<'a> Guard<'a> {
    pub fn new(ms: u64, signal: Option<&'a CallerSignal>) -> Guard<'a> {
        let mut reject = None;
        let promise = Promise::new(&mut |_resolve, rej| reject = Some(rej));
        let reject = reject.unwrap_or_else(|| Function::from(JsValue::UNDEFINED));
        ignore(&promise);
        let timer = TIMED_OUT.with(|t| host::set_timeout_with(&reject, ms as f64, t));
        if let Some(s) = signal {
            s.listen(&reject);
        }
        Guard {
            promise,
            reject,
            timer,
            signal,
            controller: web_sys::AbortController::new().ok(),
        }
    }

    /// The signal to hand to `fetch`.
    pub fn fetch_signal(&self) -> Option<web_sys::AbortSignal> {
        self.controller.as_ref().map(|c| c.signal())
    }

    /// Awaits `p` unless the deadline or the caller's signal comes first.
    pub async fn race(&self, p: &Promise) -> Result<JsValue, Interrupted> {
        let result = JsFuture::from(Promise::race(&Array::of2(p, &self.promise))).await;
        result
            .map_err(|reason| {
                if TIMED_OUT.with(|t| reason == JsValue::from(t)) {
                    Interrupted::TimedOut
                } else if self.signal.is_some_and(CallerSignal::aborted) {
                    Interrupted::Aborted
                } else {
                    Interrupted::Rejected(reason)
                }
            })
            .inspect_err(|e| {
                if !matches!(e, Interrupted::Rejected(_)) {
                    if let Some(c) = &self.controller {
                        c.abort();
                    }
                }
            })
    }
}

impl Drop for Guard<'_> {
    fn drop(&mut self) {
        host::clear_timeout(&self.timer);
        if let Some(s) = self.signal {
            s.unlisten(&self.reject);
        }
    }
}

/// Waits `ms`, or until the caller's signal fires. True when it fired.
pub async fn pause(ms: u64, signal: Option<&CallerSignal>) -> bool {
    if signal.is_some_and(CallerSignal::aborted) {
        return true;
    }
    let guard = Guard::new(ms, signal);
    let never = Promise::new(&mut |_, _| {});
    let fired = matches!(guard.race(&never).await, Err(Interrupted::Aborted));
    fired || signal.is_some_and(CallerSignal::aborted)
}
