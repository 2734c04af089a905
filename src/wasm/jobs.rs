//! Bulk jobs for JS (`tim-edge/jobs`): the planner and the limiter of [`crate::jobs`]. Specs,
//! items, requests and answers cross as JSON text (once per chunk or per request, never per
//! byte of a hot path); every decision is the pure core's.

use super::error::js;
use crate::error::TimError;
use crate::jobs::check::{self, CheckRequest};
use crate::jobs::outcome::{self, Attempt, CallError};
use crate::jobs::pacing::{Cost, Limiter, Quota};
use crate::jobs::Job;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::prelude::*;

fn parse<T: DeserializeOwned>(text: &str, what: &str) -> Result<T, JsValue> {
    serde_json::from_str(text).map_err(|e| js(TimError::bad_input(format!("{what}: {e}"))))
}

fn text<T: Serialize>(v: &T) -> String {
    // Our own plain structs: serialising them cannot fail.
    serde_json::to_string(v).unwrap_or_default()
}

/// Times cross as JS numbers (ms since the epoch); negative or NaN ones count as 0.
fn ms(v: f64) -> u64 {
    if v.is_finite() && v > 0.0 {
        v as u64
    } else {
        0
    }
}

/// One checked job spec and every decision about it.
#[wasm_bindgen]
pub struct JobPlanner {
    job: Job,
}

#[wasm_bindgen]
impl JobPlanner {
    #[wasm_bindgen(constructor)]
    pub fn new(spec: &str) -> Result<JobPlanner, JsValue> {
        Job::parse(spec).map(|job| JobPlanner { job }).map_err(js)
    }

    /// The spec with every default filled in (JSON).
    pub fn spec(&self) -> String {
        self.job.to_value().to_string()
    }

    /// `{ items, ids, invalid, duplicates, plan, fingerprint, spec }` for the items (a JSON array).
    pub fn prepare(&self, items: &str) -> Result<String, JsValue> {
        let items: Vec<Value> = parse(items, "items")?;
        self.job.prepare(&items).map(|p| text(&p)).map_err(js)
    }

    /// The requests of chunk `index` (JSON array of `{ chunk, index, service, command, body, ids, costs, keys }`).
    pub fn chunk(&self, index: usize, items: &str) -> Result<String, JsValue> {
        let items: Vec<Value> = parse(items, "items")?;
        self.job.chunk(index, &items).map(|r| text(&r)).map_err(js)
    }

    /// Request `request` of chunk `chunk` carrying `items` only (the same keys).
    pub fn request(&self, chunk: usize, request: usize, items: &str) -> Result<String, JsValue> {
        let items: Vec<Value> = parse(items, "items")?;
        self.job
            .request(chunk, request, &items)
            .map(|r| text(&r))
            .map_err(js)
    }

    /// The verdict on one attempt. `result` is `{ "answer": {...} }` or `{ "error": {TimError fields} }`;
    /// `maybe_before`: an earlier attempt at these items may have been processed.
    pub fn judge(
        &self,
        ids: &str,
        result: &str,
        attempt: u32,
        first_ms: f64,
        now_ms: f64,
        maybe_before: bool,
    ) -> Result<String, JsValue> {
        let ids: Vec<String> = parse(ids, "ids")?;
        let result: Value = parse(result, "result")?;
        let at = Attempt {
            number: attempt.max(1),
            first_ms: ms(first_ms),
            now_ms: ms(now_ms),
            maybe_before,
        };
        let verdict = match result.get("answer") {
            Some(answer) => outcome::judge(&self.job, &ids, outcome::Result::Answer(answer), at),
            None => {
                let e: CallError = result
                    .get("error")
                    .and_then(|e| CallError::deserialize(e).ok())
                    .unwrap_or(CallError {
                        kind: String::new(),
                        code: 0,
                        info: String::new(),
                        retryable: false,
                        outcome_known: false,
                        http_status: 0,
                    });
                outcome::judge(&self.job, &ids, outcome::Result::Error(&e), at)
            }
        };
        Ok(text(&verdict))
    }

    /// `"resend"`, `"verify"` or `"unknown"` for a chunk begun at `started_ms` and never finished.
    pub fn rerun(&self, started_ms: f64, now_ms: f64) -> String {
        text(&outcome::rerun(&self.job, ms(started_ms), ms(now_ms)))
            .trim_matches('"')
            .to_owned()
    }

    /// The checks for `ids` (JSON array) of a request first attempted at `first_ms`.
    pub fn checks(
        &self,
        chunk: usize,
        request: usize,
        ids: &str,
        first_ms: f64,
        now_ms: f64,
    ) -> Result<String, JsValue> {
        let ids: Vec<String> = parse(ids, "ids")?;
        let checks = check::requests(&self.job, chunk, request, &ids, ms(first_ms), ms(now_ms));
        Ok(text(&checks))
    }

    /// `{ found, absent, unresolved, next }` from a check's answer.
    #[wasm_bindgen(js_name = readCheck)]
    pub fn read_check(&self, check: &str, answer: &str) -> Result<String, JsValue> {
        let check: CheckRequest = parse(check, "check")?;
        let answer: Value = parse(answer, "answer")?;
        Ok(text(&check::read(&self.job, &check, &answer)))
    }

    /// The same for a check that failed with Tencent's `code`.
    #[wasm_bindgen(js_name = readCheckError)]
    pub fn read_check_error(&self, check: &str, code: f64) -> Result<String, JsValue> {
        let check: CheckRequest = parse(check, "check")?;
        Ok(text(&check::read_error(&self.job, &check, code as i64)))
    }
}

/// The quota limiter (one per app, shared by every job that sends through it).
#[wasm_bindgen]
pub struct JobLimiter {
    inner: Limiter,
}

#[wasm_bindgen]
impl JobLimiter {
    #[wasm_bindgen(constructor)]
    pub fn new(guard_ms: u32) -> JobLimiter {
        JobLimiter {
            inner: Limiter::new(guard_ms),
        }
    }

    /// A limiter from `state()` text.
    pub fn restore(state: &str) -> Result<JobLimiter, JsValue> {
        Ok(JobLimiter {
            inner: parse(state, "limiter state")?,
        })
    }

    pub fn state(&self) -> String {
        text(&self.inner)
    }

    /// Start times (ms) for requests with these costs (a JSON array of cost arrays), in order.
    pub fn reserve(&mut self, now_ms: f64, costs: &str) -> Result<Vec<f64>, JsValue> {
        let costs: Vec<Vec<Cost>> = parse(costs, "costs")?;
        for c in costs.iter().flatten() {
            c.quota.check().map_err(|e| js(TimError::bad_input(e)))?;
        }
        let now = ms(now_ms);
        Ok(costs
            .iter()
            .map(|c| self.inner.reserve(now, c) as f64)
            .collect())
    }

    /// 0 when a request with these costs (a JSON array) may leave now (recorded as sent), else
    /// the ms to wait: the check against real sends, for runners that send through this limiter.
    pub fn admit(&mut self, now_ms: f64, costs: &str) -> Result<f64, JsValue> {
        let costs: Vec<Cost> = parse(costs, "costs")?;
        Ok(self.inner.admit(ms(now_ms), &costs) as f64)
    }

    /// The request admitted at `admitted_ms` (with these costs, JSON) left at `sent_ms`.
    pub fn restamp(&mut self, admitted_ms: f64, sent_ms: f64, costs: &str) -> Result<(), JsValue> {
        let costs: Vec<Cost> = parse(costs, "costs")?;
        self.inner.restamp(ms(admitted_ms), ms(sent_ms), &costs);
        Ok(())
    }

    /// After a "too frequent" answer: `bucket` gets nothing for one window of `quota` (JSON).
    pub fn penalize(&mut self, now_ms: f64, bucket: &str, quota: &str) -> Result<(), JsValue> {
        let q: Quota = parse(quota, "quota")?;
        self.inner.penalize(ms(now_ms), bucket, &q);
        Ok(())
    }

    #[wasm_bindgen(js_name = forgetIdle)]
    pub fn forget_idle(&mut self, now_ms: f64) {
        self.inner.forget_idle(ms(now_ms));
    }
}
