//! Which host a call starts on: a small, pure memory of hosts that failed recently.
//!
//! After a connection failure, a timeout or a 5xx from a host, calls for the next
//! [`HOST_QUARANTINE_MS`] start on the next host in the list instead of paying for the failure
//! again. When the quarantine ends the host gets traffic again, so a primary that recovered is
//! used without any probing machinery.

use super::{host_failed, Outcome};

/// How long a failing host is skipped by new calls.
pub const HOST_QUARANTINE_MS: u64 = 30_000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostHealth {
    /// Per host (same order as the client's list): skipped until this instant (ms).
    down_until: Vec<u64>,
}

impl HostHealth {
    pub fn new(n_hosts: usize) -> HostHealth {
        HostHealth {
            down_until: vec![0; n_hosts.max(1)],
        }
    }

    pub fn len(&self) -> usize {
        self.down_until.len()
    }

    pub fn is_empty(&self) -> bool {
        self.down_until.is_empty()
    }

    /// The first host in list order that is not quarantined at `now_ms`; when all are, the one
    /// whose quarantine ends first.
    pub fn first_host(&self, now_ms: u64) -> usize {
        let healthy = self.down_until.iter().position(|&t| t <= now_ms);
        healthy.unwrap_or_else(|| {
            let soonest = self.down_until.iter().enumerate().min_by_key(|&(_, &t)| t);
            soonest.map_or(0, |(i, _)| i)
        })
    }

    /// Learns from one attempt on `host`: a failure of the host quarantines it, any answer of the
    /// host's own (success, an API error, a 4xx) clears it. An abort teaches nothing.
    pub fn record(&mut self, host: usize, outcome: Outcome, now_ms: u64) {
        let Some(slot) = self.down_until.get_mut(host) else {
            return;
        };
        if host_failed(outcome) {
            *slot = now_ms.saturating_add(HOST_QUARANTINE_MS);
        } else if outcome != Outcome::Aborted {
            *slot = 0;
        }
    }
}
