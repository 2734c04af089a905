//! The retry policy as a pure state machine (docs/RELIABILITY.md explains every rule).
//!
//! The edge runs the loop: it asks [`Call::begin`] where and how long to try first, performs the
//! attempt, reports what happened as an [`Outcome`] with the current time and a random number,
//! and [`Call::next`] answers with a [`Step`]: wait this long and try again on this host with this
//! timeout, or stop. Nothing in here reads a clock, draws a random number or sleeps, so tests can
//! drive every path with a scripted transport and a virtual clock.
//!
//! The rules in one paragraph: at most `1 + max_retries` attempts (plus one after the admin
//! UserSig expired, 70001), all inside one overall deadline; a failure that proves the request was
//! not processed is retried for every endpoint; a failure that leaves it open (a reset or timeout
//! after sending, an internal error) is retried only for endpoints whose repetition is harmless
//! (`Retry::{Read, Idempotent, DedupKey}`); permanent errors are never retried. Connection
//! failures and 5xx move the next attempt to the next host.

mod hosts;
mod keys;
#[cfg(test)]
mod tests;

pub use hosts::{HostHealth, HOST_QUARANTINE_MS};
pub use keys::{dedup_fields, dedup_window_ms, fill_dedup_keys, RESEND_MARGIN_MS};

use crate::api::Retry;
use crate::error::{classify, CodeClass, TimError};

/// Attempts after the first one, by default (3 attempts in all).
pub const DEFAULT_MAX_RETRIES: u32 = 2;
/// Upper bound for `maxRetries`: more only burns the deadline.
pub const MAX_MAX_RETRIES: u32 = 10;
/// Per-attempt timeout. Tencent's backend allows itself 3 s per call; 10 s leaves room for the
/// network (the same figure as `client::DEFAULT_TIMEOUT_MS`).
pub const DEFAULT_TIMEOUT_MS: u32 = crate::client::DEFAULT_TIMEOUT_MS;
/// Overall time for one call, all attempts and waits included: three full attempts fit.
pub const DEFAULT_DEADLINE_MS: u32 = 30_000;
/// A retry is only started when at least this much time (or the whole per-attempt timeout, if
/// that is shorter) is left: a shorter attempt would mostly add another "outcome unknown".
pub const MIN_ATTEMPT_MS: u32 = 1_000;
/// Backoff after ordinary failures: full jitter over `min(cap, base * 2^n)`.
pub const BACKOFF_BASE_MS: u32 = 200;
pub const BACKOFF_CAP_MS: u32 = 5_000;
/// Backoff after a rate limit: Tencent counts requests per second, so the wait is at least half
/// of `min(cap, base * 2^n)` ("equal jitter") and starts at half a second.
pub const RATE_LIMIT_BASE_MS: u32 = 1_000;
pub const RATE_LIMIT_CAP_MS: u32 = 10_000;

/// The numbers one call runs under (client options, overridden per call).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    pub max_retries: u32,
    pub timeout_ms: u32,
    pub deadline_ms: u32,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            max_retries: DEFAULT_MAX_RETRIES,
            timeout_ms: DEFAULT_TIMEOUT_MS,
            deadline_ms: DEFAULT_DEADLINE_MS,
        }
    }
}

impl Policy {
    /// `self` with the given options applied; each is checked so bad values fail before sending.
    pub fn with(
        self,
        max_retries: Option<f64>,
        timeout_ms: Option<f64>,
        deadline_ms: Option<f64>,
    ) -> Result<Policy, TimError> {
        // Bounds are integers so the message formats no f64 (that pulls ~14 KB of float
        // printing into the wasm).
        let int = |name: &str, v: f64, min: u32, max: u32| -> Result<u32, TimError> {
            if v.fract() != 0.0 || !(min as f64..=max as f64).contains(&v) {
                return Err(TimError::bad_input(format!(
                    "{name} must be an integer from {min} to {max}"
                )));
            }
            Ok(v as u32)
        };
        let day = 86_400_000;
        Ok(Policy {
            max_retries: max_retries.map_or(Ok(self.max_retries), |v| {
                int("maxRetries", v, 0, MAX_MAX_RETRIES)
            })?,
            timeout_ms: timeout_ms.map_or(Ok(self.timeout_ms), |v| int("timeoutMs", v, 1, day))?,
            deadline_ms: deadline_ms
                .map_or(Ok(self.deadline_ms), |v| int("deadlineMs", v, 1, day))?,
        })
    }
}

/// What one attempt came to, as the edge saw it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// HTTP 200 with `ActionStatus: OK`.
    Ok,
    /// HTTP 200 with a non-zero `ErrorCode`.
    Api(i64),
    /// An HTTP status other than 200.
    Http(u16),
    /// 408 or 503 that says the request was refused before any work: it carries `Retry-After`
    /// or Tencent's own envelope. Without either, a proxy in front of Tencent may have passed
    /// the request on before failing, so a plain 408/503 is [`Outcome::Http`], "maybe processed".
    Refused(u16),
    /// HTTP 200 whose body is not Tencent's envelope (a proxy's or DNS hijacker's page, a cut body).
    BadBody,
    /// The connection failed before the request left (refused, DNS failure, TLS handshake).
    NotSent,
    /// The connection failed after (part of) the request may have left (reset, closed early), or
    /// the runtime did not say which.
    MaybeSent,
    /// The attempt's timeout fired while waiting.
    TimedOut,
    /// The caller's signal fired while the attempt was in flight.
    Aborted,
}

/// Whether a failed attempt may have been processed by Tencent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Processed {
    No,
    Maybe,
}

/// What an outcome means for the retry decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fate {
    Success,
    /// Will fail the same way again (bad input, auth, not found, permission, 4xx).
    Permanent,
    /// The admin UserSig expired: sign a new one and try once more.
    SigExpired,
    Retryable {
        processed: Processed,
        rate_limited: bool,
        failover: bool,
    },
    Aborted,
}

fn fate(outcome: Outcome) -> Fate {
    use Processed::*;
    let retry = |processed, rate_limited, failover| Fate::Retryable {
        processed,
        rate_limited,
        failover,
    };
    match outcome {
        Outcome::Ok => Fate::Success,
        Outcome::Api(70001) => Fate::SigExpired,
        Outcome::Api(code) => match classify(code) {
            // Tencent refused for frequency before doing anything.
            CodeClass::RateLimited => retry(No, true, false),
            // "Internal error / timed out": the work may have been done in part.
            CodeClass::Transient => retry(Maybe, false, false),
            CodeClass::Permanent => Fate::Permanent,
        },
        // 429: refused for frequency before any work. 408/503 only when the answer says so
        // (Retry-After, or Tencent's envelope); a gateway's plain 503 may come after forwarding.
        Outcome::Http(429) | Outcome::Refused(429) => retry(No, true, false),
        Outcome::Refused(503) => retry(No, false, true),
        Outcome::Refused(_) => retry(No, false, false),
        Outcome::Http(408) => retry(Maybe, false, false),
        // 500, 502, 504, ...: a gateway may have passed the request on before failing.
        Outcome::Http(s) if s >= 500 => retry(Maybe, false, true),
        Outcome::Http(_) => Fate::Permanent,
        Outcome::BadBody => retry(Maybe, false, true),
        Outcome::NotSent => retry(No, false, true),
        Outcome::MaybeSent | Outcome::TimedOut => retry(Maybe, false, true),
        Outcome::Aborted => Fate::Aborted,
    }
}

/// Whether the failure is a passing condition, so that trying again later may succeed
/// (`TimError.retryable`). Whether that is *safe* is `outcome_known` and the endpoint's class.
pub fn transient(outcome: Outcome) -> bool {
    matches!(fate(outcome), Fate::Retryable { .. })
}

/// Whether an outcome says the host itself is unhealthy (used by [`HostHealth`]).
fn host_failed(outcome: Outcome) -> bool {
    matches!(fate(outcome), Fate::Retryable { failover: true, .. })
}

/// One attempt to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attempt {
    /// 1 for the first attempt.
    pub number: u32,
    /// Index into the client's host list.
    pub host: usize,
    /// Wait this long before sending (0 for the first attempt).
    pub delay_ms: u64,
    /// Abort the attempt after this long; never past the call's deadline.
    pub timeout_ms: u64,
    /// Sign a fresh admin UserSig before this attempt (the last one said 70001).
    pub refresh_usersig: bool,
}

/// Why a call stopped without success.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// The error will not go away by repeating the request.
    Permanent,
    /// `maxRetries` used up.
    Exhausted,
    /// No time left for another useful attempt before `deadlineMs`.
    Deadline,
    /// The request may have been processed and the endpoint is not safe to resend.
    Ambiguous,
    /// The caller's signal fired.
    Aborted,
}

impl Stop {
    pub fn as_str(self) -> &'static str {
        match self {
            Stop::Permanent => "permanent error",
            Stop::Exhausted => "retries exhausted",
            Stop::Deadline => "deadline reached",
            Stop::Ambiguous => "not resent: the request may have been processed and this endpoint is not idempotent",
            Stop::Aborted => "aborted by the caller",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GiveUp {
    pub stop: Stop,
    pub attempts: u32,
    /// False when some attempt may have been processed (the caller cannot tell whether the
    /// call took effect).
    pub outcome_known: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The last attempt succeeded.
    Done {
        attempts: u32,
    },
    Retry(Attempt),
    GiveUp(GiveUp),
}

/// The state of one logical call across its attempts.
#[derive(Debug, Clone)]
pub struct Call {
    policy: Policy,
    class: Retry,
    /// The instant (ms) by which every attempt has ended.
    end_ms: u64,
    n_hosts: usize,
    attempt: Attempt,
    retries_used: u32,
    usersig_refreshed: bool,
    maybe_processed: bool,
    /// The transport may itself deliver a request twice without telling (Deno's fetch on a
    /// pooled connection): then an answer saying "not processed" does not prove that no earlier,
    /// unseen copy was processed.
    hidden_resends: bool,
}

impl Call {
    /// Starts a call at `now_ms`. `dedup_window_ms` (see [`dedup_window_ms`]) caps the deadline
    /// so that every resend of a deduplicated message reaches Tencent inside its window.
    pub fn begin(
        policy: Policy,
        class: Retry,
        dedup_window_ms: Option<u32>,
        health: &HostHealth,
        now_ms: u64,
    ) -> (Call, Attempt) {
        let mut budget = u64::from(policy.deadline_ms.max(1));
        if let (Retry::DedupKey, Some(w)) = (class, dedup_window_ms) {
            budget = budget.min(u64::from(keys::resend_span_ms(w)));
        }
        let end_ms = now_ms.saturating_add(budget);
        let attempt = Attempt {
            number: 1,
            host: health.first_host(now_ms),
            delay_ms: 0,
            timeout_ms: u64::from(policy.timeout_ms.max(1)).min(budget),
            refresh_usersig: false,
        };
        let call = Call {
            policy,
            class,
            end_ms,
            n_hosts: health.len().max(1),
            attempt,
            retries_used: 0,
            usersig_refreshed: false,
            maybe_processed: false,
            hidden_resends: false,
        };
        (call, attempt)
    }

    /// Marks the call as going through a transport that may resend a request on its own (see
    /// the field). Retry decisions do not change; a write's failure after a "not processed"
    /// answer then reports `outcome_known: false`, since an unseen copy may have been processed.
    pub fn with_hidden_resends(mut self) -> Call {
        self.hidden_resends = true;
        self
    }

    /// The instant (ms) by which the call settles.
    pub fn end_ms(&self) -> u64 {
        self.end_ms
    }

    /// Reports the outcome of the current attempt at `now_ms` and decides what comes next.
    /// `random` is any uniformly distributed 32-bit value; it picks the backoff delay.
    pub fn next(
        &mut self,
        outcome: Outcome,
        health: &mut HostHealth,
        now_ms: u64,
        random: u32,
    ) -> Step {
        health.record(self.attempt.host, outcome, now_ms);
        let attempts = self.attempt.number;
        let (processed, rate_limited, failover) = match fate(outcome) {
            Fate::Success => return Step::Done { attempts },
            Fate::Permanent => return self.give_up(Stop::Permanent),
            Fate::Aborted => {
                self.maybe_processed = true;
                return self.give_up(Stop::Aborted);
            }
            Fate::SigExpired if self.usersig_refreshed => return self.give_up(Stop::Permanent),
            Fate::SigExpired => {
                // Rejected at the door, so not processed; the refresh is outside the retry budget.
                self.usersig_refreshed = true;
                return self.schedule(now_ms, 0, self.attempt.host, true);
            }
            Fate::Retryable {
                processed,
                rate_limited,
                failover,
            } => (processed, rate_limited, failover),
        };
        if processed == Processed::Maybe {
            self.maybe_processed = true;
            if self.class == Retry::Unsafe {
                return self.give_up(Stop::Ambiguous);
            }
        } else if self.hidden_resends && self.class != Retry::Read {
            self.maybe_processed = true;
        }
        if self.retries_used >= self.policy.max_retries {
            return self.give_up(Stop::Exhausted);
        }
        let delay = backoff_ms(self.retries_used, rate_limited, random);
        let host = if failover {
            (self.attempt.host + 1) % self.n_hosts
        } else {
            self.attempt.host
        };
        let step = self.schedule(now_ms, delay, host, false);
        if matches!(step, Step::Retry(_)) {
            self.retries_used += 1;
        }
        step
    }

    /// The caller's signal fired while waiting for the attempt last handed out (during its
    /// backoff wait), so that attempt was never made.
    pub fn abort(&self) -> GiveUp {
        let made = self.attempt.number.saturating_sub(1);
        GiveUp {
            attempts: made,
            ..self.outcome(Stop::Aborted)
        }
    }

    fn schedule(&mut self, now_ms: u64, delay_ms: u64, host: usize, refresh_usersig: bool) -> Step {
        let start = now_ms.saturating_add(delay_ms);
        let left = self.end_ms.saturating_sub(start);
        let useful = u64::from(self.policy.timeout_ms.min(MIN_ATTEMPT_MS));
        if left < useful.max(1) {
            return self.give_up(Stop::Deadline);
        }
        self.attempt = Attempt {
            number: self.attempt.number + 1,
            host,
            delay_ms,
            timeout_ms: u64::from(self.policy.timeout_ms).min(left),
            refresh_usersig,
        };
        Step::Retry(self.attempt)
    }

    fn give_up(&self, stop: Stop) -> Step {
        Step::GiveUp(self.outcome(stop))
    }

    fn outcome(&self, stop: Stop) -> GiveUp {
        GiveUp {
            stop,
            attempts: self.attempt.number,
            outcome_known: !self.maybe_processed,
        }
    }
}

/// The wait before retry number `n + 1`. Ordinary failures: full jitter, uniform in
/// `[0, min(cap, base * 2^n))`. Rate limits: uniform in `[e/2, e)` with `e = min(cap, base * 2^n)`.
pub fn backoff_ms(n: u32, rate_limited: bool, random: u32) -> u64 {
    let (base, cap) = if rate_limited {
        (RATE_LIMIT_BASE_MS, RATE_LIMIT_CAP_MS)
    } else {
        (BACKOFF_BASE_MS, BACKOFF_CAP_MS)
    };
    let e = u64::from(base)
        .saturating_mul(1u64 << n.min(20))
        .min(u64::from(cap));
    let scaled = |span: u64| (span * u64::from(random)) >> 32;
    if rate_limited {
        e / 2 + scaled(e - e / 2)
    } else {
        scaled(e)
    }
}
