//! What `api::batch::split` promises for any text, shared by `body_read` and `request_build`:
//! - it never panics; it refuses (`NotJson`) only text that is not JSON at all;
//! - one part is the caller's text, verbatim;
//! - several parts happen only for an endpoint with a splittable list and a limit, and each part
//!   is a JSON object with the original's members, every member but the list copied verbatim
//!   (the same raw text), the list cut into chunks of at most `batch_limit` items, all full but
//!   the last, whose item texts concatenated are the original list's item texts;
//! - when `body::read` reads the original, it reads every part, and the parts' values are the
//!   original's with the list cut;
//! - a body that `body::read` reads as an object whose list (the first of the endpoint's list
//!   fields that holds an array) is longer than the limit is split. (A top-level key that is a
//!   lone surrogate escape, read as U+FFFD, is left out of this one property: serde_json cannot
//!   read such a key as a string, so `split` sends the body whole and validation refuses it.)
use serde_json::value::RawValue;
use serde_json::Value;
use std::collections::BTreeMap;
use tim_edge::api::{rules, Endpoint};
use tim_edge::{api, body};

type Raw<'a> = BTreeMap<String, &'a RawValue>;

fn items(raw: &RawValue) -> Option<Vec<&RawValue>> {
    serde_json::from_str(raw.get()).ok()
}

pub fn check(ep: &Endpoint, text: &str) {
    let read = body::read(text);
    let parts = match api::batch::split(ep, text) {
        Ok(parts) => parts,
        Err(_) => {
            assert!(read.is_err(), "split refused a body that body::read reads");
            assert!(serde_json::from_str::<&RawValue>(text).is_err());
            return;
        }
    };
    let limit = usize::from(ep.batch_limit);
    let list = rules::batch_list(&ep.path()).filter(|l| l.splittable && limit > 0);

    // The list as body::read sees it: when it is over the limit, the body must be split.
    let read_obj = read.as_ref().ok().and_then(Value::as_object);
    if let (Some(list), Some(obj)) = (list, read_obj) {
        let plain_keys = !obj.keys().any(|k| k.contains('\u{fffd}'));
        let found = list
            .fields
            .iter()
            .find_map(|f| obj.get(*f).and_then(Value::as_array));
        if let Some(a) = found.filter(|a| plain_keys && a.len() > limit) {
            assert_eq!(
                parts.len(),
                a.len().div_ceil(limit),
                "an oversized list was not cut"
            );
        }
    }

    if parts.len() == 1 {
        assert_eq!(parts[0], text, "one part must be the caller's text");
        return;
    }
    assert!(!parts.is_empty());
    let list = list.expect("only a splittable list with a limit is split");
    let members: Raw = serde_json::from_str(text).expect("a split body is a JSON object");
    let (field, original) = list
        .fields
        .iter()
        .find_map(|f| Some((*f, items(members.get(*f)?)?)))
        .expect("a split body has the list");
    assert!(original.len() > limit);
    let mut joined: Vec<&str> = Vec::new();
    let mut part_values = Vec::new();
    for (i, p) in parts.iter().enumerate() {
        let pm: Raw = serde_json::from_str(p).expect("every part is a JSON object");
        assert!(
            pm.keys().eq(members.keys()),
            "a part lost or gained a member"
        );
        for (k, v) in &pm {
            if k != field {
                assert_eq!(
                    v.get(),
                    members[k].get(),
                    "member {k} was not copied verbatim"
                );
            }
        }
        let chunk = items(pm[field]).expect("every part carries the list");
        assert!(!chunk.is_empty() && chunk.len() <= limit);
        if i + 1 < parts.len() {
            assert_eq!(chunk.len(), limit, "only the last part may be short");
        }
        joined.extend(chunk.iter().map(|r| r.get()));
        if read.is_ok() {
            part_values.push(body::read(p).expect("a part of a readable body reads"));
        }
    }
    let original: Vec<&str> = original.iter().map(|r| r.get()).collect();
    assert_eq!(
        joined, original,
        "the parts' lists do not concatenate to the original"
    );

    if let Ok(Value::Object(obj)) = &read {
        let mut joined = Vec::new();
        for pv in &part_values {
            let po = pv.as_object().expect("a part reads as an object");
            for (k, v) in po {
                if k != field {
                    assert_eq!(Some(v), obj.get(k), "member {k} reads differently");
                }
            }
            joined.extend(
                po[field]
                    .as_array()
                    .expect("the list reads")
                    .iter()
                    .cloned(),
            );
        }
        assert_eq!(Some(&Value::Array(joined)), obj.get(field));
    }
}
