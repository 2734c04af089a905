//! The request builder's input checks never panic, and what they accept is safe to send:
//! - base URLs: an accepted `http://` URL is always a loopback host;
//! - client configuration and `build` with arbitrary base URL, admin id, servicename, command
//!   and body: an accepted request goes to the configured host under `/v4/<service>/<command>`
//!   with checked segments, and the admin UserSig never survives `redact`;
//! - catalog bodies: the endpoint's validation and the batch splitter agree (every part within
//!   the limit, the parts concatenate to the original list).
//!
//! Input: the first byte picks a catalog endpoint, the rest is split at NUL bytes into
//! base URL, admin id, servicename, command, body.
#![no_main]
use libfuzzer_sys::fuzz_target;
use tim_edge::api::{self, batch, rules, ENDPOINTS};
use tim_edge::client::{Client, Config};
use tim_edge::json::{self, Value};
use tim_edge::request::{check_segment, BaseUrl};

fn check_loopback(origin: &str) {
    if let Some(rest) = origin.strip_prefix("http://") {
        let host = rest.rsplit_once(':').map_or(rest, |(h, p)| {
            if p.chars().all(|c| c.is_ascii_digit()) {
                h
            } else {
                rest
            }
        });
        assert!(
            host == "localhost" || host == "[::1]" || host.starts_with("127."),
            "{origin}"
        );
    }
}

fn segment_ok(s: &str) -> bool {
    !s.is_empty() && s.len() <= 64 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

fuzz_target!(|data: &[u8]| {
    let Some((&sel, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    if let Ok(b) = BaseUrl::parse(&text) {
        check_loopback(&b.origin);
    }
    assert_eq!(check_segment("command", &text).is_ok(), segment_ok(&text));

    let mut parts = text.split('\0');
    let base = parts.next().unwrap_or("");
    let admin = parts.next().filter(|s| !s.is_empty());
    let service = parts.next().unwrap_or("openim");
    let command = parts.next().unwrap_or("sendmsg");
    let body = parts.next();

    let urls = [base.to_owned()];
    if let Ok(config) = Config::new(
        1400000000,
        "fuzz-key-0123456789",
        admin,
        None,
        Some(&urls),
        Some(5000),
    ) {
        assert!(!config.hosts.is_empty());
        assert!(!config.admin_id.is_empty() && config.admin_id.len() <= 32);
        let origin = format!("{}{}", config.hosts[0].origin, config.hosts[0].prefix);
        check_loopback(&config.hosts[0].origin);
        let mut client = Client::new(config);
        match client.build(sel as usize, service, command, body, 1_700_000_000, 7) {
            Ok(r) => {
                assert!(segment_ok(service) && segment_ok(command));
                let path = format!("{origin}/v4/{service}/{command}?");
                assert!(r.url.starts_with(&path), "{} vs {path}", r.url);
                assert!(!r.url.contains(char::is_whitespace));
                assert!(r.body.starts_with('{') && r.body.ends_with('}'));
                let sig = client.admin_usersig(1_700_000_000).to_owned();
                let redacted = client.redact(&r.url);
                assert!(!redacted.contains(&sig) && !redacted.contains(&sig.replace('*', "%2A")));
            }
            Err(e) => assert!(e.kind == tim_edge::error::Kind::BadInput),
        }
    }

    // The body against the picked endpoint's rules.
    let ep = &ENDPOINTS[sel as usize % ENDPOINTS.len()];
    let Ok(v) = json::parse(body.unwrap_or(&text)) else {
        return;
    };
    let valid = api::validate(ep, &v).is_ok();
    let parts = batch::split(ep, &v);
    let limit = ep.batch_limit as usize;
    let list = rules::batch_list(&ep.path()).filter(|l| l.splittable && limit > 0);
    let field = list.and_then(|l| {
        l.fields
            .iter()
            .find(|f| v.get(f).and_then(Value::as_array).is_some())
    });
    match (field, v.as_object()) {
        (Some(field), Some(_)) => {
            let original = v.get(field).and_then(Value::as_array).unwrap();
            let mut joined = Vec::new();
            for p in &parts {
                let items = p
                    .get(field)
                    .and_then(Value::as_array)
                    .expect("every part carries the list");
                joined.extend(items.iter().cloned());
            }
            assert_eq!(&joined, original);
            if parts.len() > 1 {
                assert!(parts.iter().all(|p| p
                    .get(field)
                    .and_then(Value::as_array)
                    .is_some_and(|a| a.len() <= limit)));
            }
        }
        _ => assert_eq!(parts, vec![v.clone()]),
    }
    if valid {
        // A valid body is within every limit, so it is never split.
        if list.is_some() {
            assert_eq!(parts.len(), 1, "a valid body was split");
        }
    }
});
