//! The REST endpoint catalog: endpoints are data, not hand-written functions.
//!
//! - [`catalog`]: one row per current endpoint (names, path, retry class, batch limit).
//! - [`rules`]: required fields, the list each batch limit counts, documented ranges.
//! - [`paging`]: how each paged list moves to its next page.
//! - [`validate`] and [`batch`]: the pure checks and split/merge the JS layer calls.

pub mod batch;
mod catalog;
pub mod paging;
pub mod rules;
mod validate;

pub use catalog::ENDPOINTS;
pub use validate::validate;

use serde_json::{json, Value};

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

impl Retry {
    /// The JS-facing name.
    pub fn as_str(self) -> &'static str {
        match self {
            Retry::Read => "read",
            Retry::Idempotent => "idempotent",
            Retry::DedupKey => "dedup-key",
            Retry::Unsafe => "unsafe",
        }
    }
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

impl Endpoint {
    /// `"servicename/command"`, the key of the rules and paging tables.
    pub fn path(&self) -> String {
        format!("{}/{}", self.service, self.command)
    }
}

pub fn find(service: &str, command: &str) -> Option<&'static Endpoint> {
    ENDPOINTS
        .iter()
        .find(|e| e.service == service && e.command == command)
}

/// The table as the package exports it: `[{ namespace, method, servicename, command, retry,
/// batchLimit, batchField, batchFields, splittable, paged, pageItems, required }]`.
pub fn table() -> Value {
    let rows: Vec<Value> = ENDPOINTS
        .iter()
        .map(|e| {
            let path = e.path();
            let list = rules::batch_list(&path);
            let paging = paging::paging(&path);
            json!({
                "namespace": e.namespace,
                "method": e.method,
                "servicename": e.service,
                "command": e.command,
                "retry": e.retry.as_str(),
                "batchLimit": e.batch_limit,
                "batchField": list.map(|l| l.fields[0]),
                "batchFields": list.map_or(&[][..], |l| l.fields),
                "splittable": list.is_some_and(|l| l.splittable && e.batch_limit > 0),
                "paged": paging.is_some(),
                "pageItems": paging.map(|p| p.items).filter(|s| !s.is_empty()),
                "required": rules::required(&path),
            })
        })
        .collect();
    Value::Array(rows)
}

#[cfg(test)]
mod tests;
