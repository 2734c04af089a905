//! The answer envelope reader and what reads answers after it (the next-page rule, the batch
//! merge) never panic on any status or body, and classify by the success rule
//! (docs/RELIABILITY.md), checked here against the rule written out independently:
//! - a status other than 200 is always `bad-response` carrying that status;
//! - a 200 body that is not a JSON object is `bad-response`;
//! - `ErrorCode` decides when present: 0 succeeds whatever `ActionStatus` says, another integer
//!   is an `api` error carrying that code and the `ErrorInfo` string (or ""), anything else is
//!   `bad-response`; without `ErrorCode`, only `ActionStatus: "OK"` succeeds, and anything else
//!   is `bad-response`;
//! - the native `response::parse` and the wasm edge (`JSON.parse`, then serde-wasm-bindgen reads
//!   the `Envelope`, then `response::judge`) agree. The edge's view is modelled here: a property
//!   whose value is `null` is absent (serde-wasm-bindgen reads `null` as `None`), and a number is
//!   an integer exactly when `JSON.parse` gives a safe integer (`Number.isSafeInteger`), so
//!   `0.0` is 0 and 2^53 + 1 is not an integer;
//! - a next page, when there is one, is never the request that was just sent (no endless loop);
//!   the merge of two accepted answers is an object.
//!
//! Input: the first byte picks the status (mostly 200) and the paging rule, the rest is the body.
#![no_main]
use libfuzzer_sys::fuzz_target;
use serde_json::{Map, Value};
use tim_edge::api::{batch, paging};
use tim_edge::error::Kind;
use tim_edge::response;

/// 2^53 - 1, `Number.MAX_SAFE_INTEGER`.
const MAX_SAFE: f64 = 9_007_199_254_740_991.0;

/// An envelope property as the wasm edge sees it after `JSON.parse` and serde-wasm-bindgen.
fn edge_view(v: Option<&Value>) -> Option<Value> {
    match v? {
        Value::Null => None,
        Value::Number(n) => {
            // JSON.parse gives the double nearest to the text; an integer-valued safe double
            // reaches Rust as an i64, any other as an f64.
            let f = n.as_f64()?;
            if f.fract() == 0.0 && f.abs() <= MAX_SAFE {
                Some(Value::from(f as i64))
            } else {
                Some(Value::from(f))
            }
        }
        other => Some(other.clone()),
    }
}

#[derive(Debug, PartialEq)]
enum Expected {
    Ok,
    Api(i64, String),
    BadResponse,
}

/// The success rule, written out from its documentation.
fn expected(o: &Map<String, Value>) -> Expected {
    match edge_view(o.get("ErrorCode")) {
        Some(code) => match code.as_i64() {
            Some(0) => Expected::Ok,
            Some(n) => Expected::Api(
                n,
                edge_view(o.get("ErrorInfo"))
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default(),
            ),
            None => Expected::BadResponse,
        },
        None => match edge_view(o.get("ActionStatus")) {
            Some(Value::String(s)) if s == "OK" => Expected::Ok,
            _ => Expected::BadResponse,
        },
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&sel, rest)) = data.split_first() else {
        return;
    };
    // Mostly 200 (the interesting case); otherwise a status from the input.
    let status = if sel < 0xf0 {
        200
    } else {
        100 + u16::from(sel) * 2
    };
    let body = String::from_utf8_lossy(rest);
    let want = match serde_json::from_str::<Value>(&body) {
        _ if status != 200 => Expected::BadResponse,
        Ok(Value::Object(o)) => expected(&o),
        _ => Expected::BadResponse,
    };
    let got = response::parse(status, &body);
    match &got {
        Ok(_) => assert_eq!(want, Expected::Ok),
        Err(e) => {
            match e.kind {
                Kind::Api => assert_eq!(want, Expected::Api(e.code, e.info.clone())),
                Kind::BadResponse => assert_eq!(want, Expected::BadResponse),
                other => panic!("unexpected kind {other:?}"),
            }
            assert_eq!(e.http_status, status);
        }
    }

    // The edge's path on the same answer: the envelope it reads, judged by the same function.
    if let (200, Ok(Value::Object(o))) = (status, serde_json::from_str::<Value>(&body)) {
        let text = |k: &str| edge_view(o.get(k)).and_then(|v| v.as_str().map(str::to_owned));
        let code = match edge_view(o.get("ErrorCode")) {
            None => response::Code::Absent,
            Some(Value::Number(n)) => n
                .as_f64()
                .map_or(response::Code::NotInt, response::Code::of_f64),
            Some(_) => response::Code::NotInt,
        };
        let edge = response::judge(code, || text("ActionStatus"), || text("ErrorInfo"));
        assert_eq!(
            edge.as_ref()
                .map(|_| ())
                .map_err(|e| (e.kind, e.code, &e.info)),
            got.as_ref()
                .map(|_| ())
                .map_err(|e| (e.kind, e.code, &e.info)),
            "the edge and response::parse disagree"
        );
    }

    if let Ok(o) = got {
        // The answer may drive the next page of any paged endpoint.
        let rule = &paging::PAGING[sel as usize % paging::PAGING.len()];
        let answer = Value::Object(o);
        for req in [
            "{}",
            r#"{"Limit":2,"Offset":0}"#,
            r#"{"Next":"x","Limit":1,"ReqMsgSeq":9,"StartIndex":0}"#,
        ] {
            let req: Value = serde_json::from_str(req).unwrap();
            if let Ok(Some(next)) = paging::next_page(rule, &req, &answer) {
                assert_ne!(next, req, "next page repeats the request");
            }
        }
        let merged = batch::merge(&[answer.clone(), answer]);
        assert!(merged.is_object());
    }
});
