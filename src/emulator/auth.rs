//! The checks Tencent makes before it looks at a body: the method, the URL shape, the SDKAppID,
//! the UserSig (with the real algorithm), and that the caller is the app administrator.

use super::ApiError;
use crate::usersig::{verify, Rejection, SigningKey, Validation};

/// The endpoint a request names, once it passed every check.
#[derive(Debug, PartialEq, Eq)]
pub struct Target {
    pub service: String,
    pub command: String,
}

pub fn check(
    method: &str,
    url: &str,
    sdk_app_id: u32,
    admin: &str,
    key: &SigningKey,
    now_s: u64,
) -> Result<Target, ApiError> {
    if !method.eq_ignore_ascii_case("POST") {
        return Err(ApiError::new(60002, "REST API requests must be POST"));
    }
    let (path, query) = split_url(url);
    let target = parse_path(path)?;
    let q = Query::parse(query)?;

    let app = q
        .get("sdkappid")
        .ok_or_else(|| ApiError::new(60012, "the URL has no sdkappid"))?;
    let app: u32 = app
        .parse()
        .map_err(|_| ApiError::new(60012, "sdkappid in the URL is not a number"))?;
    if app != sdk_app_id {
        return Err(ApiError::new(
            70020,
            "sdkappid in the URL is not this emulator's SDKAppID",
        ));
    }
    let identifier = q
        .get("identifier")
        .filter(|s| !s.is_empty())
        .ok_or_else(|| ApiError::new(60004, "the URL has no identifier"))?;
    let usersig = q.get("usersig").unwrap_or_default();
    if usersig.is_empty() {
        return Err(ApiError::new(70002, "usersig in the URL is empty"));
    }
    match q.get("random") {
        Some(r) if !r.is_empty() && r.len() <= 10 && r.bytes().all(|b| b.is_ascii_digit()) => {}
        _ => {
            return Err(ApiError::new(
                60002,
                "random in the URL must be an unsigned 32-bit number",
            ))
        }
    }
    if q.get("contenttype").as_deref() != Some("json") {
        return Err(ApiError::new(60002, "contenttype in the URL must be json"));
    }

    let v = Validation {
        sdk_app_id,
        user_id: &identifier,
        now: now_s,
        userbuf: None,
    };
    verify(key, &usersig, &v).map_err(|r| {
        let (code, info) = match r {
            Rejection::Malformed => (70003, "usersig cannot be parsed"),
            Rejection::SdkAppIdMismatch => (70014, "usersig was generated for another SDKAppID"),
            Rejection::IdentifierMismatch => {
                (70013, "usersig was generated for another identifier")
            }
            Rejection::Expired => (70001, "usersig expired"),
            Rejection::UserBufMismatch | Rejection::BadSignature => {
                (70009, "usersig verification failed (wrong key?)")
            }
        };
        ApiError::new(code, info)
    })?;
    if identifier != admin {
        return Err(ApiError::new(
            60010,
            "the request needs the app administrator's identifier",
        ));
    }
    Ok(target)
}

/// Path and query of an absolute URL (or of a bare path).
fn split_url(url: &str) -> (&str, &str) {
    let rest = match url.find("://") {
        Some(i) => {
            let after = &url[i + 3..];
            match after.find(['/', '?']) {
                Some(j) => &after[j..],
                None => "",
            }
        }
        None => url,
    };
    let rest = rest.split('#').next().unwrap_or("");
    match rest.split_once('?') {
        Some((p, q)) => (p, q),
        None => (rest, ""),
    }
}

fn parse_path(path: &str) -> Result<Target, ApiError> {
    let mut parts = path.split('/');
    let ok = parts.next() == Some("") && parts.next() == Some("v4");
    let service = parts.next().unwrap_or("");
    let command = parts.next().unwrap_or("");
    if !ok || service.is_empty() || command.is_empty() || parts.next().is_some() {
        return Err(ApiError::new(
            60002,
            "the URL path must be /v4/<servicename>/<command>",
        ));
    }
    Ok(Target {
        service: service.to_owned(),
        command: command.to_owned(),
    })
}

/// Query parameters, percent-decoded. A repeated name is an error (which value would count?).
struct Query(Vec<(String, String)>);

impl Query {
    fn parse(q: &str) -> Result<Query, ApiError> {
        let mut out: Vec<(String, String)> = Vec::new();
        for pair in q.split('&').filter(|p| !p.is_empty()) {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let k = decode(k)?;
            if out.iter().any(|(x, _)| *x == k) {
                return Err(ApiError::new(60002, "a URL parameter is repeated"));
            }
            out.push((k, decode(v)?));
        }
        Ok(Query(out))
    }

    fn get(&self, name: &str) -> Option<String> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    }
}

fn decode(s: &str) -> Result<String, ApiError> {
    let bad = || ApiError::new(60002, "the URL has a malformed percent-escape");
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'%' => {
                let hex = b.get(i + 1..i + 3).ok_or_else(bad)?;
                let hi = (hex[0] as char).to_digit(16).ok_or_else(bad)?;
                let lo = (hex[1] as char).to_digit(16).ok_or_else(bad)?;
                out.push((hi * 16 + lo) as u8);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8(out).map_err(|_| bad())
}
