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

/// One row of the table as the package exports it (`endpoints`).
#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct Row<'a> {
    namespace: &'a str,
    method: &'a str,
    servicename: &'a str,
    command: &'a str,
    retry: &'a str,
    batch_limit: u16,
    batch_field: Option<&'a str>,
    batch_fields: &'a [&'a str],
    splittable: bool,
    paged: bool,
    page_items: Option<&'a str>,
    required: &'a [&'a str],
}

/// The table as the package exports it, as JSON text: `[{ namespace, method, servicename,
/// command, retry, batchLimit, batchField, batchFields, splittable, paged, pageItems, required }]`.
pub fn table() -> String {
    let rows: Vec<Row<'_>> = ENDPOINTS
        .iter()
        .map(|e| {
            let path = e.path();
            let list = rules::batch_list(&path);
            let paging = paging::paging(&path);
            Row {
                namespace: e.namespace,
                method: e.method,
                servicename: e.service,
                command: e.command,
                retry: e.retry.as_str(),
                batch_limit: e.batch_limit,
                batch_field: list.and_then(|l| l.fields.first().copied()),
                batch_fields: list.map_or(&[][..], |l| l.fields),
                splittable: list.is_some_and(|l| l.splittable && e.batch_limit > 0),
                paged: paging.is_some(),
                page_items: paging.map(|p| p.items).filter(|s| !s.is_empty()),
                required: rules::required(&path),
            }
        })
        .collect();
    // Serialising static strings and integers cannot fail.
    serde_json::to_string(&rows).unwrap_or_default()
}

#[cfg(test)]
mod tests;
