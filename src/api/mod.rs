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

use crate::json::{push_int, push_string};

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
    /// `"servicename/command"`, the name the rules and paging lookups take.
    pub fn path(&self) -> String {
        let mut p = String::with_capacity(self.service.len() + 1 + self.command.len());
        p.push_str(self.service);
        p.push('/');
        p.push_str(self.command);
        p
    }
}

/// The key of the rules and paging tables: `(servicename, command)`. Two literals that the
/// compiler stores once with the catalog's, where a joined `"servicename/command"` string per row
/// cost ~6 KB of wasm data.
pub type Path = (&'static str, &'static str);

/// Whether `key` names `path` (`"servicename/command"`).
pub fn is_path(key: Path, path: &str) -> bool {
    path.split_once('/') == Some(key)
}

pub fn find(service: &str, command: &str) -> Option<&'static Endpoint> {
    ENDPOINTS
        .iter()
        .find(|e| e.service == service && e.command == command)
}

/// The table as the package exports it, as JSON text: `[{ namespace, method, servicename,
/// command, retry, batchLimit, batchField, batchFields, splittable, paged, pageItems, required }]`.
/// Written directly: one pass over static data needs no document model.
pub fn table() -> String {
    fn strings(out: &mut String, list: &[&str]) {
        out.push('[');
        for (i, s) in list.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            push_string(out, s);
        }
        out.push(']');
    }
    fn str_or_null(out: &mut String, s: Option<&str>) {
        match s {
            Some(s) => push_string(out, s),
            None => out.push_str("null"),
        }
    }
    let bool_text = |b: bool| if b { "true" } else { "false" };
    let mut out = String::from("[");
    for (i, e) in ENDPOINTS.iter().enumerate() {
        let path = e.path();
        let list = rules::batch_list(&path);
        let paging = paging::paging(&path);
        if i > 0 {
            out.push(',');
        }
        for (key, value) in [
            ("{\"namespace\":", e.namespace),
            (",\"method\":", e.method),
            (",\"servicename\":", e.service),
            (",\"command\":", e.command),
            (",\"retry\":", e.retry.as_str()),
        ] {
            out.push_str(key);
            push_string(&mut out, value);
        }
        out.push_str(",\"batchLimit\":");
        push_int(&mut out, e.batch_limit.into());
        out.push_str(",\"batchField\":");
        str_or_null(&mut out, list.and_then(|l| l.fields.first().copied()));
        out.push_str(",\"batchFields\":");
        strings(&mut out, list.map_or(&[][..], |l| l.fields));
        out.push_str(",\"splittable\":");
        out.push_str(bool_text(
            list.is_some_and(|l| l.splittable && e.batch_limit > 0),
        ));
        out.push_str(",\"paged\":");
        out.push_str(bool_text(paging.is_some()));
        out.push_str(",\"pageItems\":");
        str_or_null(&mut out, paging.map(|p| p.items).filter(|s| !s.is_empty()));
        out.push_str(",\"required\":");
        strings(&mut out, rules::required(&path));
        out.push('}');
    }
    out.push(']');
    out
}

#[cfg(test)]
mod tests;
