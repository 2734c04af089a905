//! The REST endpoint catalog: endpoints are data, not hand-written functions.

mod catalog;
pub use catalog::ENDPOINTS;

/// Whether a call may be sent again after an ambiguous failure (the request may have been
/// processed: a reset or timeout after sending).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Retry {
    /// Reads: repeating them changes nothing.
    Read,
    /// Writes whose repetition leaves the same state (for example importing an account).
    Idempotent,
    /// Writes that Tencent deduplicates by keys in the body, which the SDK fills once per call.
    DedupKey,
    /// Everything else: never resent after an ambiguous failure.
    Unsafe,
}

pub struct Endpoint {
    /// Client namespace in JS (`client.<namespace>.<method>`).
    pub namespace: &'static str,
    pub method: &'static str,
    pub service: &'static str,
    pub command: &'static str,
    pub retry: Retry,
    /// Most items one call takes (0: no documented limit).
    pub batch_limit: u16,
}

pub fn find(service: &str, command: &str) -> Option<&'static Endpoint> {
    ENDPOINTS.iter().find(|e| e.service == service && e.command == command)
}
