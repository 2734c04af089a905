//! Jobs tests: the spec and plan tables, the keys against Python's hmac (an independent oracle),
//! the limiter's windows, the outcome table, and whole jobs run against the emulator (whose
//! dedup rules are written from Tencent's docs, not from ours) with lost answers and crashes.

mod emulated;
mod outcomes;
mod pacing;
mod spec;

use super::Job;
use serde_json::{json, Value};

pub fn send_spec() -> Value {
    json!({
        "id": "announce-1",
        "endpoint": "openim/sendmsg",
        "body": { "From_Account": "news", "MsgBody": [{ "MsgType": "TIMTextElem", "MsgContent": { "Text": "Spring sale" } }] },
    })
}

pub fn job(spec: &Value) -> Job {
    Job::from_value(spec).unwrap_or_else(|e| panic!("{}: {}", spec, e.info))
}

pub fn users(n: usize) -> Vec<Value> {
    (0..n).map(|i| Value::from(format!("user{i}"))).collect()
}
