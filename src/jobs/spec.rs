//! A job spec, checked; its items, checked and de-duplicated; its chunks and requests.
//!
//! The spec (JSON, our option names in camelCase, Tencent's body verbatim):
//!
//! ```json
//! { "id": "spring-announcement", "endpoint": "openim/sendmsg",
//!   "body": { "From_Account": "news", "MsgBody": [{ "MsgType": "TIMTextElem", "MsgContent": { "Text": "Hi" } }] },
//!   "chunkSize": 100, "quotas": { "openim/sendmsg": [{ "limit": 200, "windowMs": 1000 }] },
//!   "guardMs": 25, "maxAttempts": 6, "settleMs": 5000 }
//! ```
//!
//! The body is what every request shares: the items' field and the key fields come from the job
//! and must not be in it. Requests are rebuilt from the spec whenever a runner needs them, so
//! every attempt at a request is the same bytes (Tencent's sendmsg key includes a CRC32 of the
//! content).

use super::keys;
use super::kinds::{self, Check, IdKind, Items, JobKind, Keys, CHECK_QUOTA};
use super::pacing::{Cost, Limiter, Per, Quota, DEFAULT_GUARD_MS};
use crate::error::TimError;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashSet};

pub const MAX_CHUNK: usize = 10_000;
pub const MAX_ITEMS: usize = 1_000_000;
pub const MAX_JOB_ID_BYTES: usize = 128;
/// Tencent's custom GroupId limit.
pub const MAX_GROUP_ID_BYTES: usize = 48;
const DEFAULT_MAX_ATTEMPTS: u32 = 6;
/// How long after a maybe-processed attempt ended a check may trust Tencent's state: its backend
/// gives itself 3 s per call; the rest is room for the history to be written.
const DEFAULT_SETTLE_MS: u32 = 5_000;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct RawSpec {
    id: String,
    endpoint: String,
    #[serde(default)]
    body: Map<String, Value>,
    chunk_size: Option<usize>,
    #[serde(default)]
    quotas: BTreeMap<String, Vec<Quota>>,
    guard_ms: Option<u32>,
    max_attempts: Option<u32>,
    settle_ms: Option<u32>,
}

/// A checked job spec.
pub struct Job {
    pub id: String,
    pub kind: &'static JobKind,
    pub body: Map<String, Value>,
    pub chunk_size: usize,
    /// Items per request: Tencent's limit, lowered when an item quota is smaller.
    pub per_request: usize,
    pub quotas: Vec<Quota>,
    pub check_quotas: Vec<Quota>,
    pub guard_ms: u32,
    pub max_attempts: u32,
    pub settle_ms: u32,
    /// False when Tencent keeps no history the check could find (online-only messages).
    pub verifiable: bool,
}

/// An item that cannot be sent, reported before anything is sent.
#[derive(Debug, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Invalid {
    pub index: usize,
    pub id: Option<String>,
    pub reason: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Plan {
    pub items: usize,
    pub chunk_size: usize,
    pub chunks: usize,
    pub requests: usize,
    /// When each chunk's first request may start, from time 0, at the full quota.
    pub starts: Vec<u64>,
    /// When the quota allows the request after the last: the job's shortest duration.
    pub expected_ms: u64,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Prepared {
    /// The items to send, normalised (`"u1"` -> `{"UserID":"u1"}` where Tencent wants objects).
    pub items: Vec<Value>,
    pub ids: Vec<String>,
    pub invalid: Vec<Invalid>,
    /// Ids listed more than once; each is sent once.
    pub duplicates: Vec<String>,
    pub plan: Plan,
    /// Pins the spec and items: a runner resuming a job compares it.
    pub fingerprint: String,
    /// The spec with every default filled in (what a runner stores).
    pub spec: Value,
}

/// One call to make: its body with keys, the ids it carries, what it costs on each quota.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Request {
    pub chunk: usize,
    pub index: usize,
    pub service: &'static str,
    pub command: &'static str,
    pub body: String,
    pub ids: Vec<String>,
    pub costs: Vec<Cost>,
    /// The key values in the body, in `key_fields` order (empty without keys).
    pub keys: Vec<u32>,
}

fn bad(msg: impl Into<String>) -> TimError {
    TimError::bad_input(msg)
}

fn check_text_id(id: &str, what: &str, max: usize) -> Result<(), String> {
    if id.is_empty() {
        return Err(format!("{what} must not be empty"));
    }
    if id.len() > max {
        return Err(format!(
            "{what} is {} bytes; at most {max} are allowed",
            id.len()
        ));
    }
    if id.chars().any(char::is_control) {
        return Err(format!("{what} must not contain control characters"));
    }
    Ok(())
}

impl Job {
    pub fn parse(spec: &str) -> Result<Job, TimError> {
        let raw: RawSpec = serde_json::from_str(spec).map_err(|e| bad(format!("job spec: {e}")))?;
        Job::from_raw(raw)
    }

    pub fn from_value(spec: &Value) -> Result<Job, TimError> {
        let raw = RawSpec::deserialize(spec).map_err(|e| bad(format!("job spec: {e}")))?;
        Job::from_raw(raw)
    }

    fn from_raw(raw: RawSpec) -> Result<Job, TimError> {
        check_text_id(&raw.id, "the job id", MAX_JOB_ID_BYTES).map_err(bad)?;
        let kind = kinds::find(&raw.endpoint).ok_or_else(|| {
            let known: Vec<String> = kinds::KINDS.iter().map(|k| k.path()).collect();
            bad(format!(
                "{} is not a bulk job endpoint; one of {}",
                raw.endpoint,
                known.join(", ")
            ))
        })?;
        let path = kind.path();
        for f in std::iter::once(&kind.field).chain(kind.key_fields) {
            if raw.body.contains_key(*f) {
                return Err(bad(format!(
                    "body.{f} must not be set: the job fills it for every request"
                )));
            }
        }
        for f in kind.required {
            if raw.body.get(*f).is_none_or(Value::is_null) {
                return Err(bad(format!("body.{f} is required for {path} jobs")));
            }
        }
        if let Some(from) = raw.body.get("From_Account") {
            let from = from
                .as_str()
                .ok_or_else(|| bad("body.From_Account must be a string"))?;
            crate::usersig::check_user_id(from, "body.From_Account")
                .map_err(|e| bad(e.to_string()))?;
        }
        if let Some(group) = raw.body.get("GroupId") {
            let group = group
                .as_str()
                .ok_or_else(|| bad("body.GroupId must be a string"))?;
            check_text_id(group, "body.GroupId", MAX_GROUP_ID_BYTES).map_err(bad)?;
        }
        if let Some(b) = raw.body.get("MsgBody") {
            if b.as_array().is_none_or(|a| a.is_empty()) {
                return Err(bad("body.MsgBody must be a non-empty array"));
            }
        }
        let check_path = kind.check.endpoint().map(|(s, c, _)| format!("{s}/{c}"));
        for (p, qs) in &raw.quotas {
            if *p != path && Some(p) != check_path.as_ref() {
                return Err(bad(format!("quotas.{p}: this job does not call {p}")));
            }
            if qs.is_empty() {
                return Err(bad(format!("quotas.{p} must list at least one quota")));
            }
            for q in qs {
                q.check().map_err(|e| bad(format!("quotas.{p}: {e}")))?;
            }
        }
        let quotas = raw
            .quotas
            .get(&path)
            .cloned()
            .unwrap_or_else(|| kind.quotas.to_vec());
        let check_quotas = check_path
            .and_then(|p| raw.quotas.get(&p).cloned())
            .unwrap_or_else(|| CHECK_QUOTA.to_vec());
        // A call may not carry more items than an item quota allows in one window.
        let per_request = quotas
            .iter()
            .filter(|q| q.per == Per::Item)
            .map(|q| q.limit as usize)
            .fold(kind.per_request, usize::min);
        let chunk_size = raw.chunk_size.unwrap_or(kind.default_chunk);
        if chunk_size == 0 || chunk_size > MAX_CHUNK {
            return Err(bad(format!("chunkSize must be 1 to {MAX_CHUNK}")));
        }
        let max_attempts = raw.max_attempts.unwrap_or(DEFAULT_MAX_ATTEMPTS);
        if !(1..=20).contains(&max_attempts) {
            return Err(bad("maxAttempts must be 1 to 20"));
        }
        let guard_ms = raw.guard_ms.unwrap_or(DEFAULT_GUARD_MS);
        if guard_ms > 10_000 {
            return Err(bad("guardMs must be 0 to 10000"));
        }
        let settle_ms = raw.settle_ms.unwrap_or(DEFAULT_SETTLE_MS);
        if settle_ms > 600_000 {
            return Err(bad("settleMs must be 0 to 600000"));
        }
        // Online-only messages are kept nowhere, so no history can show them.
        let verifiable = match kind.check {
            Check::RoamHistory => raw.body.get("MsgLifeTime").and_then(Value::as_u64) != Some(0),
            Check::GroupHistory => {
                raw.body.get("OnlineOnlyFlag").and_then(Value::as_u64) != Some(1)
            }
            Check::None => false,
            _ => true,
        };
        Ok(Job {
            id: raw.id,
            kind,
            body: raw.body,
            chunk_size,
            per_request,
            quotas,
            check_quotas,
            guard_ms,
            max_attempts,
            settle_ms,
            verifiable,
        })
    }

    pub fn path(&self) -> String {
        self.kind.path()
    }

    /// The spec with every default filled in.
    pub fn to_value(&self) -> Value {
        let mut quotas = Map::new();
        quotas.insert(
            self.path(),
            serde_json::to_value(&self.quotas).unwrap_or_default(),
        );
        if let Some((s, c, _)) = self.kind.check.endpoint() {
            quotas.insert(
                format!("{s}/{c}"),
                serde_json::to_value(&self.check_quotas).unwrap_or_default(),
            );
        }
        serde_json::json!({
            "id": self.id,
            "endpoint": self.path(),
            "body": self.body,
            "chunkSize": self.chunk_size,
            "quotas": quotas,
            "guardMs": self.guard_ms,
            "maxAttempts": self.max_attempts,
            "settleMs": self.settle_ms,
        })
    }

    /// An item's normalised form and id, or why it cannot be sent.
    pub fn item(&self, v: &Value) -> Result<(Value, String), String> {
        let (norm, id) = match (self.kind.items, v) {
            (Items::One | Items::Strings, Value::String(s)) => (v.clone(), s.clone()),
            (Items::Objects(f), Value::String(s)) => {
                let mut o = Map::new();
                o.insert(f.to_owned(), v.clone());
                (Value::Object(o), s.clone())
            }
            (Items::Objects(f), Value::Object(o)) => match o.get(f) {
                Some(Value::String(s)) => (v.clone(), s.clone()),
                _ => return Err(format!("an item object needs a string {f}")),
            },
            (Items::Objects(f), _) => {
                return Err(format!("an item must be a string or an object with {f}"))
            }
            _ => return Err("an item must be a string".into()),
        };
        match self.kind.ids {
            IdKind::User => crate::usersig::check_user_id(&id, "the id").map_err(|e| e.to_string()),
            IdKind::Group => check_text_id(&id, "the group id", MAX_GROUP_ID_BYTES),
        }?;
        Ok((norm, id))
    }

    /// Checks and de-duplicates the items (first occurrence wins) and plans the job.
    pub fn prepare(&self, items: &[Value]) -> Result<Prepared, TimError> {
        if items.len() > MAX_ITEMS {
            return Err(bad(format!(
                "a job takes at most {MAX_ITEMS} items; split it into several jobs"
            )));
        }
        let mut out = Vec::with_capacity(items.len());
        let mut ids = Vec::with_capacity(items.len());
        let mut invalid = Vec::new();
        let mut duplicates = Vec::new();
        let mut seen = HashSet::with_capacity(items.len());
        for (index, v) in items.iter().enumerate() {
            match self.item(v) {
                Ok((norm, id)) => {
                    if seen.insert(id.clone()) {
                        out.push(norm);
                        ids.push(id);
                    } else {
                        duplicates.push(id);
                    }
                }
                Err(reason) => invalid.push(Invalid {
                    index,
                    id: v.as_str().map(str::to_owned),
                    reason,
                }),
            }
        }
        let plan = self.plan(out.len());
        let spec = self.to_value();
        let mut h = Sha256::new();
        h.update(spec.to_string().as_bytes());
        h.update(b"\n");
        h.update(Value::Array(out.clone()).to_string().as_bytes());
        let fingerprint: String = h.finalize()[..16]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        Ok(Prepared {
            items: out,
            ids,
            invalid,
            duplicates,
            plan,
            fingerprint,
            spec,
        })
    }

    /// Chunks, requests and the schedule at the full quota from time 0.
    pub fn plan(&self, items: usize) -> Plan {
        let chunks = items.div_ceil(self.chunk_size);
        let mut limiter = Limiter::new(self.guard_ms);
        let mut starts = Vec::with_capacity(chunks);
        let mut requests = 0;
        for c in 0..chunks {
            let n = (items - c * self.chunk_size).min(self.chunk_size);
            let mut first = None;
            for size in self.request_sizes(n) {
                let at = limiter.reserve(0, &self.costs(size));
                first.get_or_insert(at);
                requests += 1;
            }
            starts.push(first.unwrap_or(0));
        }
        // The quota's next free time: reserve a zero-cost probe on every bucket.
        let probe: Vec<Cost> = self
            .costs(1)
            .into_iter()
            .map(|c| Cost { units: 0, ..c })
            .collect();
        let expected_ms = if requests == 0 {
            0
        } else {
            limiter.reserve(0, &probe)
        };
        Plan {
            items,
            chunk_size: self.chunk_size,
            chunks,
            requests,
            starts,
            expected_ms,
        }
    }

    fn request_sizes(&self, n: usize) -> Vec<usize> {
        let mut sizes = vec![self.per_request; n / self.per_request];
        if !n.is_multiple_of(self.per_request) {
            sizes.push(n % self.per_request);
        }
        sizes
    }

    /// What a request of `items` items costs on each of the endpoint's quotas.
    pub fn costs(&self, items: usize) -> Vec<Cost> {
        bucket_costs(&self.path(), &self.quotas, items)
    }

    /// The requests of chunk `index`, whose items are `items` (as `prepare` returned them).
    pub fn chunk(&self, index: usize, items: &[Value]) -> Result<Vec<Request>, TimError> {
        if items.len() > self.chunk_size {
            return Err(bad(format!(
                "chunk {index} has {} items; the job's chunkSize is {}",
                items.len(),
                self.chunk_size
            )));
        }
        items
            .chunks(self.per_request)
            .enumerate()
            .map(|(j, part)| self.request(index, j, part))
            .collect()
    }

    /// Request `request` of chunk `chunk` carrying `items` (all of its items, or the ones a
    /// check found missing): the same keys whatever the subset.
    pub fn request(
        &self,
        chunk: usize,
        request: usize,
        items: &[Value],
    ) -> Result<Request, TimError> {
        if items.is_empty() || items.len() > self.per_request {
            return Err(bad(format!(
                "a request carries 1 to {} items",
                self.per_request
            )));
        }
        let mut norm = Vec::with_capacity(items.len());
        let mut ids = Vec::with_capacity(items.len());
        for v in items {
            let (n, id) = self.item(v).map_err(bad)?;
            norm.push(n);
            ids.push(id);
        }
        let keys = self.keys(chunk, request, &ids[0]);
        let mut body = self.body.clone();
        for (f, k) in self.kind.key_fields.iter().zip(&keys) {
            body.insert((*f).to_owned(), Value::from(*k));
        }
        let list = match self.kind.items {
            Items::One => norm.swap_remove(0),
            _ => Value::Array(norm),
        };
        body.insert(self.kind.field.to_owned(), list);
        Ok(Request {
            chunk,
            index: request,
            service: self.kind.service,
            command: self.kind.command,
            body: Value::Object(body).to_string(),
            costs: self.costs(ids.len()),
            ids,
            keys,
        })
    }

    /// The key values for an item (`PerItem`) or a request (`PerRequest`).
    pub fn keys(&self, chunk: usize, request: usize, first_id: &str) -> Vec<u32> {
        let label = match self.kind.keys {
            Keys::None => return Vec::new(),
            Keys::PerItem => first_id.to_owned(),
            Keys::PerRequest => keys::request_label(chunk, request),
        };
        let k = keys::derive(&self.id, &self.path(), &label);
        k[..self.kind.key_fields.len()].to_vec()
    }
}

/// Costs of a request of `items` items on the quotas of `path`.
pub fn bucket_costs(path: &str, quotas: &[Quota], items: usize) -> Vec<Cost> {
    quotas
        .iter()
        .enumerate()
        .map(|(i, q)| Cost {
            bucket: format!("{path}#{i}"),
            quota: *q,
            units: q.units(items),
        })
        .collect()
}
