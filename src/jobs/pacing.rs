//! Quotas and the limiter that keeps a job (or many jobs sharing one app) under them.
//!
//! A quota is `limit` units per `windowMs`, counted per request or per item (batchsendmsg's
//! 12,000 messages/min counts each recipient). Tencent does not say how it counts its windows,
//! so the limiter keeps **every** window of that length at or under the limit, which satisfies
//! fixed and sliding counting alike. Two rules together do it:
//!
//! - **Even spacing (GCRA).** Each unit takes `(windowMs + guardMs) / limit` ms; a request of `n`
//!   units starts no earlier than the theoretical arrival time and moves it `n` units on. With
//!   one unit per request this alone keeps every window at the limit, without bursts.
//! - **A sliding log.** A request of `n` units starts only when the units started in the window
//!   before it, plus `n`, fit the limit. This matters when costs vary (500 recipients, then 20).
//!
//! `guardMs` widens the window the limiter plans for: the times it grants are when a request may
//! leave, and hosts are late by varying amounts (timers, event loops, a network hop). Two
//! requests granted `window + guard` apart still arrive at least `window` apart when their
//! lateness differs by at most `guard`. It costs `guard / window` of throughput (2.5% at the
//! default 25 ms on a one-second quota).
//!
//! Grants are first come, first served and never earlier than a previous grant. The state is
//! plain data (serde) so a Durable Object can keep it across evictions.
//!
//! **Admission.** A grant is when a request *may* leave; a stalled host sends it later, and
//! several overdue requests then leave together. Where one process sends everything through
//! this limiter (the local runner), [`Limiter::admit`] checks the request against the sends
//! that really happened, in the unguarded window, just before it leaves: late requests wait
//! for room instead of crowding a window, and no grant is wasted. Runners that share a
//! limiter across isolates cannot see each other's sends; they take a new grant instead when
//! they woke later than the guard (the edge's rule).

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, VecDeque};

pub const DEFAULT_GUARD_MS: u32 = 25;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Per {
    Request,
    Item,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Quota {
    pub limit: u32,
    pub window_ms: u32,
    #[serde(default = "per_request")]
    pub per: Per,
}

fn per_request() -> Per {
    Per::Request
}

impl Quota {
    pub const fn requests(limit: u32, window_ms: u32) -> Quota {
        Quota {
            limit,
            window_ms,
            per: Per::Request,
        }
    }
    pub const fn items(limit: u32, window_ms: u32) -> Quota {
        Quota {
            limit,
            window_ms,
            per: Per::Item,
        }
    }
    /// The units a request of `items` items costs on this quota.
    pub fn units(&self, items: usize) -> u32 {
        match self.per {
            Per::Request => 1,
            Per::Item => items as u32,
        }
    }
    pub fn check(&self) -> Result<(), String> {
        if self.limit == 0 || self.window_ms == 0 {
            return Err("a quota needs limit >= 1 and windowMs >= 1".into());
        }
        if self.window_ms > 86_400_000 {
            return Err("a quota's windowMs is at most one day".into());
        }
        Ok(())
    }
}

/// What one request costs on one quota. `bucket` names the quota (`openim/batchsendmsg#1`), so
/// every job of an app that sends through the same limiter shares it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Cost {
    pub bucket: String,
    pub quota: Quota,
    pub units: u32,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct Bucket {
    /// Theoretical arrival time of the next unit (ms).
    tat: f64,
    /// Starts (ms) and units of the grants still inside the (guarded) window.
    log: VecDeque<(f64, u32)>,
}

impl Bucket {
    fn earliest(&self, q: &Quota, units: u32, guard_ms: u32) -> f64 {
        let window = f64::from(q.window_ms) + f64::from(guard_ms);
        let mut at = self.tat;
        let mut total: u64 = self.log.iter().map(|e| u64::from(e.1)).sum();
        let mut log = self.log.iter();
        while total + u64::from(units) > u64::from(q.limit) {
            match log.next() {
                Some(&(t, n)) => {
                    total -= u64::from(n);
                    at = at.max(t + window);
                }
                None => break, // more units than the limit: Quota::check and the planner refuse
            }
        }
        at
    }

    fn record(&mut self, at: f64, q: &Quota, units: u32, guard_ms: u32) {
        let window = f64::from(q.window_ms) + f64::from(guard_ms);
        let spacing = window / f64::from(q.limit);
        self.tat = at + spacing * f64::from(units);
        self.log.push_back((at, units));
        while self.log.front().is_some_and(|&(t, _)| t + window <= at) {
            self.log.pop_front();
        }
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Limiter {
    guard_ms: u32,
    buckets: BTreeMap<String, Bucket>,
    /// Sends admitted (ms, units) per bucket, inside their window.
    #[serde(default)]
    sent: BTreeMap<String, VecDeque<(f64, u32)>>,
}

impl Limiter {
    pub fn new(guard_ms: u32) -> Limiter {
        Limiter {
            guard_ms,
            buckets: BTreeMap::new(),
            sent: BTreeMap::new(),
        }
    }

    /// 0 when a request with these costs may leave at `now_ms` (and it is recorded as sent),
    /// else how long to wait for room in the (guarded) windows of the sends that really happened.
    pub fn admit(&mut self, now_ms: u64, costs: &[Cost]) -> u64 {
        let now = now_ms as f64;
        let mut at = now;
        for c in costs {
            // The whole guard: room for the moment between admission and the wire (the host's
            // own queue of work runs in between).
            let window = f64::from(c.quota.window_ms) + f64::from(self.guard_ms);
            let log = self.sent.entry(c.bucket.clone()).or_default();
            while log.front().is_some_and(|&(t, _)| t + window <= now) {
                log.pop_front();
            }
            let mut total: u64 = log.iter().map(|e| u64::from(e.1)).sum();
            for &(t, n) in log.iter() {
                if total + u64::from(c.units) <= u64::from(c.quota.limit) {
                    break;
                }
                total -= u64::from(n);
                at = at.max(t + window);
            }
        }
        if at > now {
            return (at - now).ceil() as u64;
        }
        for c in costs {
            self.sent
                .entry(c.bucket.clone())
                .or_default()
                .push_back((now, c.units));
        }
        0
    }

    /// A request admitted at `admitted_ms` really left at `sent_ms`: the host ran other work in
    /// between (a stall longer than the guard). Its record moves there, so it counts in every
    /// window the request really falls in, and no later admission crowds that window.
    pub fn restamp(&mut self, admitted_ms: u64, sent_ms: u64, costs: &[Cost]) {
        let (from, to) = (admitted_ms as f64, sent_ms as f64);
        if to <= from {
            return;
        }
        for c in costs {
            let Some(log) = self.sent.get_mut(&c.bucket) else {
                continue;
            };
            let Some(i) = log.iter().rposition(|&(t, n)| t == from && n == c.units) else {
                continue;
            };
            log.remove(i);
            let at = log.partition_point(|&(t, _)| t <= to);
            log.insert(at, (to, c.units));
        }
    }

    /// The time (ms, same clock as `now_ms`) at which a request with these costs may start, and
    /// the costs booked at that time. Never earlier than `now_ms` or an earlier grant.
    pub fn reserve(&mut self, now_ms: u64, costs: &[Cost]) -> u64 {
        let mut at = now_ms as f64;
        for c in costs {
            if let Some(b) = self.buckets.get(&c.bucket) {
                at = at.max(b.earliest(&c.quota, c.units, self.guard_ms));
            }
        }
        for c in costs {
            let b = self.buckets.entry(c.bucket.clone()).or_default();
            b.record(at, &c.quota, c.units, self.guard_ms);
        }
        at.ceil() as u64
    }

    /// After Tencent answered "too frequent" (other traffic shares the app's quota): nothing
    /// more is granted on `bucket` for one window from `now_ms`.
    pub fn penalize(&mut self, now_ms: u64, bucket: &str, quota: &Quota) {
        let b = self.buckets.entry(bucket.to_owned()).or_default();
        let until = now_ms as f64 + f64::from(quota.window_ms);
        b.tat = b.tat.max(until);
    }

    /// Buckets idle for a day are forgotten (a long-lived Durable Object would otherwise grow).
    pub fn forget_idle(&mut self, now_ms: u64) {
        let now = now_ms as f64;
        self.buckets.retain(|_, b| b.tat + 86_400_000.0 > now);
        self.sent
            .retain(|_, log| log.back().is_some_and(|&(t, _)| t + 86_400_000.0 > now));
    }
}
