//! The request builder's input checks never panic, and what they accept is safe to send:
//! - base URLs: an accepted `http://` URL is always a loopback host;
//! - client configuration and `build` with arbitrary base URL, admin id, servicename, command
//!   and body: an accepted request goes to the configured host under `/v4/<service>/<command>`
//!   with checked segments, and the admin UserSig never survives `redact`;
//! - catalog bodies: the batch splitter keeps its promises (fuzz_targets/common/split.rs: each
//!   member's text verbatim, every part parses, parts within the limit whose lists concatenate
//!   to the original list), and agrees with validation (a body that validates, read as the edge
//!   reads it with `body::read`, is never split).
//!
//! Input: the first byte picks a catalog endpoint, the rest is split at NUL bytes into
//! base URL, admin id, servicename, command, body.
#![no_main]
use libfuzzer_sys::fuzz_target;
use tim_edge::api::{self, batch, rules, ENDPOINTS};
use tim_edge::body;
use tim_edge::client::{Client, Config};
use tim_edge::request::{check_segment, BaseUrl};

#[path = "common/split.rs"]
mod split;

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
    let body = body.unwrap_or(&text);
    split::check(ep, body);
    let Ok(v) = body::read(body) else {
        return;
    };
    let splittable = rules::batch_list(&ep.path()).is_some_and(|l| l.splittable);
    if api::validate(ep, &v).is_ok() && splittable {
        // A valid body is within every limit, so it is never split.
        let parts = batch::split(ep, body).expect("a readable body splits");
        assert_eq!(parts.len(), 1, "a valid body was split");
    }
});
