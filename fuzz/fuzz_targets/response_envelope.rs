//! The answer envelope reader and what reads answers after it (the next-page rule, the batch
//! merge) never panic on any status or body, and classify consistently:
//! - a status other than 200 is always `bad-response` carrying that status;
//! - `Ok` only when the body is a JSON object whose `ActionStatus` is the string "OK";
//! - an `api` error only for a JSON object with a string `ActionStatus` other than "OK";
//! - a next page, when there is one, is never the request that was just sent (no endless loop).
#![no_main]
use libfuzzer_sys::fuzz_target;
use tim_edge::api::{batch, paging};
use tim_edge::error::Kind;
use tim_edge::json::{self, Value};
use tim_edge::response;

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
    let parsed = json::parse(&body).ok();
    let action = parsed
        .as_ref()
        .and_then(|v| v.get("ActionStatus"))
        .and_then(Value::as_str);
    match response::parse(status, &body) {
        Ok(o) => {
            assert_eq!(status, 200);
            assert_eq!(o.get("ActionStatus").and_then(Value::as_str), Some("OK"));
            assert_eq!(action, Some("OK"));
            // The answer may drive the next page of any paged endpoint.
            let rule = &paging::PAGING[sel as usize % paging::PAGING.len()];
            let answer = Value::Object(o);
            for req in [
                "{}",
                r#"{"Limit":2,"Offset":0}"#,
                r#"{"Next":"x","Limit":1,"ReqMsgSeq":9,"StartIndex":0}"#,
            ] {
                let req = json::parse(req).unwrap();
                if let Ok(Some(next)) = paging::next_page(rule, &req, &answer) {
                    assert_ne!(next, req, "next page repeats the request");
                }
            }
            let merged = batch::merge(&[answer.clone(), answer]);
            assert!(merged.is_object());
        }
        Err(e) => match e.kind {
            Kind::Api => {
                assert_eq!(status, 200);
                assert!(matches!(action, Some(a) if a != "OK"));
            }
            Kind::BadResponse => {
                assert_eq!(e.http_status, status);
                assert!(status != 200 || action.is_none());
            }
            other => panic!("unexpected kind {other:?}"),
        },
    }
});
