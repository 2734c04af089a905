//! Endpoint + credentials -> a signed URL and a JSON body (seed "RESTful API Overview"):
//! `POST https://<host>/v4/<servicename>/<command>?sdkappid=&identifier=&usersig=&random=&contenttype=json`.

use crate::error::TimError;

/// Where requests go: `origin` is `scheme://host[:port]`, `prefix` an optional path ("" or
/// "/some/path", no trailing slash) for proxies and stand-in servers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrl {
    pub origin: String,
    pub prefix: String,
}

impl BaseUrl {
    /// Parses a host name or URL. A bare host means https. `http://` is accepted only for
    /// loopback hosts, so local servers work and nothing leaves the machine in clear text.
    pub fn parse(input: &str) -> Result<BaseUrl, TimError> {
        let s = input.trim().trim_end_matches('/');
        let (scheme, rest) = match s.split_once("://") {
            Some((sc, rest)) => (sc.to_ascii_lowercase(), rest),
            None => ("https".to_owned(), s),
        };
        if scheme != "https" && scheme != "http" {
            return Err(TimError::bad_input(format!(
                "baseUrl must use https:// (got {scheme}://)"
            )));
        }
        let (authority, prefix) = match rest.find('/') {
            Some(i) => rest.split_at(i),
            None => (rest, ""),
        };
        if authority.is_empty() {
            return Err(TimError::bad_input("baseUrl has no host"));
        }
        if authority.contains('@')
            || rest.contains('?')
            || rest.contains('#')
            || rest.contains(char::is_whitespace)
        {
            return Err(TimError::bad_input("baseUrl must be scheme://host[:port][/path] without credentials, query or fragment"));
        }
        let host = host_of(authority)
            .ok_or_else(|| TimError::bad_input("baseUrl has an invalid host or port"))?;
        if scheme == "http" && !is_loopback(&host) {
            return Err(TimError::bad_input(
                "baseUrl: http:// is only allowed for loopback hosts (127.0.0.0/8, localhost, [::1]); use https://",
            ));
        }
        Ok(BaseUrl {
            origin: format!("{scheme}://{}", authority.to_ascii_lowercase()),
            prefix: prefix.to_owned(),
        })
    }
}

/// The host part of `host[:port]` / `[v6]:port`, with the port checked.
fn host_of(authority: &str) -> Option<String> {
    let (host, port) = if let Some(rest) = authority.strip_prefix('[') {
        let (h, after) = rest.split_once(']')?;
        // After `]` only `:port` may follow (fuzzing found `[::1]....` slipping through).
        let port = match after {
            "" => None,
            _ => Some(after.strip_prefix(':')?),
        };
        (format!("[{h}]"), port)
    } else {
        match authority.rsplit_once(':') {
            Some((h, p)) => (h.to_owned(), Some(p)),
            None => (authority.to_owned(), None),
        }
    };
    if let Some(p) = port {
        p.parse::<u16>().ok().filter(|&p| p > 0)?;
    }
    let valid =
        |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_' | ':' | '[' | ']');
    (!host.is_empty() && host.chars().all(valid)).then(|| host.to_ascii_lowercase())
}

fn is_loopback(host: &str) -> bool {
    if host == "localhost" || host == "[::1]" {
        return true;
    }
    let parts: Vec<&str> = host.split('.').collect();
    parts.len() == 4 && parts[0] == "127" && parts.iter().all(|p| p.parse::<u8>().is_ok())
}

/// Checks a servicename or command: letters, digits and `_` (every path in the catalog).
pub fn check_segment(what: &str, v: &str) -> Result<(), TimError> {
    if v.is_empty() || v.len() > 64 || !v.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
        return Err(TimError::bad_input(format!(
            "{what} must be 1-64 letters, digits or '_'"
        )));
    }
    Ok(())
}

/// Appends `v` percent-encoded: everything but RFC 3986 unreserved characters.
pub fn push_query_value(out: &mut String, v: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for &b in v.as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(HEX[(b >> 4) as usize] as char);
            out.push(HEX[(b & 15) as usize] as char);
        }
    }
}

/// The query up to the random number, `?sdkappid=..&identifier=..&usersig=..&random=`: the same
/// for every call signed with one admin UserSig, so the client builds it once per signature.
pub fn query_head(sdk_app_id: u32, identifier: &str, usersig: &str) -> String {
    let mut q = String::with_capacity(identifier.len() + usersig.len() * 5 / 4 + 48);
    q.push_str("?sdkappid=");
    push_u32(&mut q, sdk_app_id);
    q.push_str("&identifier=");
    push_query_value(&mut q, identifier);
    q.push_str("&usersig=");
    push_query_value(&mut q, usersig);
    q.push_str("&random=");
    q
}

/// The signed URL from a [`query_head`]. `service` and `command` must already be checked with
/// [`check_segment`].
pub fn url_with_query(
    base: &BaseUrl,
    service: &str,
    command: &str,
    query_head: &str,
    random: u32,
) -> String {
    const TAIL: &str = "&contenttype=json";
    let mut u = String::with_capacity(
        base.origin.len()
            + base.prefix.len()
            + service.len()
            + command.len()
            + query_head.len()
            + TAIL.len()
            + 15,
    );
    u.push_str(&base.origin);
    u.push_str(&base.prefix);
    u.push_str("/v4/");
    u.push_str(service);
    u.push('/');
    u.push_str(command);
    u.push_str(query_head);
    push_u32(&mut u, random);
    u.push_str(TAIL);
    u
}

/// The signed URL. `service` and `command` must already be checked with [`check_segment`].
pub fn signed_url(
    base: &BaseUrl,
    service: &str,
    command: &str,
    sdk_app_id: u32,
    identifier: &str,
    usersig: &str,
    random: u32,
) -> String {
    let head = query_head(sdk_app_id, identifier, usersig);
    url_with_query(base, service, command, &head, random)
}

/// Appends `n` in decimal (no `core::fmt` on the per-request path).
fn push_u32(out: &mut String, mut n: u32) {
    let mut digits = [0u8; 10];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in &digits[i..] {
        out.push(d as char);
    }
}

/// Checks a body the way [`normalize_body`] does, without copying it.
pub fn check_body(body: Option<&str>) -> Result<(), TimError> {
    match body.map(str::trim) {
        None | Some("") => Ok(()),
        Some(b) if b.starts_with('{') && b.ends_with('}') => Ok(()),
        Some(_) => Err(TimError::bad_input("body must be a JSON object")),
    }
}

/// The body to send: `{}` when there is none; otherwise it must be a JSON object. The edge gives
/// us `JSON.stringify` output, so a look at the first character is enough to tell objects from
/// arrays, strings and numbers.
pub fn normalize_body(body: Option<&str>) -> Result<String, TimError> {
    check_body(body)?;
    match body.map(str::trim) {
        None | Some("") => Ok("{}".to_owned()),
        Some(b) => Ok(b.to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_base_urls() {
        let b = BaseUrl::parse("adminapisgp.im.qcloud.com").unwrap();
        assert_eq!(
            b,
            BaseUrl {
                origin: "https://adminapisgp.im.qcloud.com".into(),
                prefix: "".into()
            }
        );
        let b = BaseUrl::parse("http://127.0.0.1:8080/proxy/").unwrap();
        assert_eq!(
            b,
            BaseUrl {
                origin: "http://127.0.0.1:8080".into(),
                prefix: "/proxy".into()
            }
        );
        for ok in [
            "http://localhost:1",
            "http://[::1]:9",
            "http://127.255.0.1",
            "HTTPS://Example.com:443",
        ] {
            assert!(BaseUrl::parse(ok).is_ok(), "{ok}");
        }
        for bad in [
            "http://example.com",
            "http://127.0.0.1.evil.com",
            "http://128.0.0.1",
            "http://[::2]",
            "http://[::1].........",
            "http://[::1]evil.com",
            "https://[::1]x:80",
            "ftp://x",
            "https://",
            "https://u:p@host",
            "https://host?x=1",
            "https://host:99999",
            "https://ho st",
        ] {
            assert_eq!(
                BaseUrl::parse(bad).unwrap_err().kind,
                crate::error::Kind::BadInput,
                "{bad}"
            );
        }
    }

    #[test]
    fn builds_the_seed_url_with_every_value_encoded() {
        let b = BaseUrl::parse("https://console.tim.qq.com").unwrap();
        let u = signed_url(
            &b,
            "group_open_http_svc",
            "get_appid_group_list",
            88888888,
            "ad min&x",
            "a*b-c_",
            99999999,
        );
        assert_eq!(
            u,
            "https://console.tim.qq.com/v4/group_open_http_svc/get_appid_group_list?sdkappid=88888888&identifier=ad%20min%26x&usersig=a%2Ab-c_&random=99999999&contenttype=json"
        );
    }

    #[test]
    fn random_numbers_are_written_in_full() {
        let b = BaseUrl::parse("https://console.tim.qq.com").unwrap();
        for (random, text) in [(0, "0"), (7, "7"), (10, "10"), (u32::MAX, "4294967295")] {
            let u = signed_url(&b, "s", "c", 1, "a", "x", random);
            assert!(
                u.ends_with(&format!("&random={text}&contenttype=json")),
                "{u}"
            );
        }
    }

    #[test]
    fn segments_and_bodies_are_checked() {
        assert!(check_segment("servicename", "im_open_login_svc").is_ok());
        assert!(check_segment("servicename", "ConfigSvc").is_ok());
        for bad in ["", "a/b", "a?b", "../x", "a b"] {
            assert!(check_segment("command", bad).is_err(), "{bad}");
        }
        assert_eq!(normalize_body(None).unwrap(), "{}");
        assert_eq!(normalize_body(Some(" ")).unwrap(), "{}");
        assert_eq!(normalize_body(Some("{\"a\":1}")).unwrap(), "{\"a\":1}");
        for bad in ["[]", "\"x\"", "1", "null"] {
            assert!(normalize_body(Some(bad)).is_err(), "{bad}");
            assert!(check_body(Some(bad)).is_err(), "{bad}");
        }
        for ok in [None, Some(""), Some(" {} "), Some("{\"a\":1}")] {
            assert!(check_body(ok).is_ok(), "{ok:?}");
        }
    }
}
