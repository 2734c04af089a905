//! The client's pure state: configuration, the hosts to use, and the cached admin UserSig.
//! The wasm edge owns one of these and asks it for signed requests; it never signs on its own.

use crate::error::TimError;
use crate::region;
use crate::request::{self, BaseUrl};
use crate::usersig::{self, Fields, SigningKey};

/// Lifetime of the admin UserSig the client signs its calls with. Tencent advises at least 24 h.
pub const ADMIN_SIG_LIFETIME_S: u64 = 2 * 86400;
/// Re-sign once the cached admin UserSig is this old, well before it expires.
pub const ADMIN_SIG_REFRESH_AFTER_S: u64 = 86400;
/// Per-attempt timeout. Tencent's backend gives itself 3 s per REST call, so ours must be longer.
pub const DEFAULT_TIMEOUT_MS: u32 = 10_000;
pub const DEFAULT_ADMIN_ID: &str = "administrator";

pub struct Config {
    pub sdk_app_id: u32,
    pub key: SigningKey,
    /// The key's text, kept only so [`Client::redact`] can remove it from error messages.
    key_text: String,
    pub admin_id: String,
    /// Ordered: the first is the primary, the rest are fallbacks.
    pub hosts: Vec<BaseUrl>,
    pub timeout_ms: u32,
}

impl Config {
    /// `base_urls` (non-empty) overrides `region`; with neither, the default region is used.
    pub fn new(
        sdk_app_id: u32,
        key: &str,
        admin_id: Option<&str>,
        region_name: Option<&str>,
        base_urls: Option<&[String]>,
        timeout_ms: Option<u32>,
    ) -> Result<Config, TimError> {
        if sdk_app_id == 0 {
            return Err(TimError::bad_input("sdkAppId must be a positive integer"));
        }
        let key_text = key.to_owned();
        let key = SigningKey::new(key)?;
        let admin_id = admin_id.unwrap_or(DEFAULT_ADMIN_ID).to_owned();
        usersig::check_user_id(&admin_id, "adminId")?;
        let hosts = match base_urls {
            Some([]) => return Err(TimError::bad_input("baseUrl must not be an empty list")),
            Some(urls) => urls
                .iter()
                .map(|u| BaseUrl::parse(u))
                .collect::<Result<Vec<_>, _>>()?,
            None => {
                let name = region_name.unwrap_or(region::DEFAULT_REGION);
                let r = region::find(name).ok_or_else(|| {
                    let names: Vec<&str> = region::REGIONS.iter().map(|r| r.name).collect();
                    TimError::bad_input(format!(
                        "unknown region '{name}'; expected one of {}",
                        names.join(", ")
                    ))
                })?;
                vec![BaseUrl::parse(r.primary)?, BaseUrl::parse(r.backup)?]
            }
        };
        let timeout_ms = timeout_ms.unwrap_or(DEFAULT_TIMEOUT_MS);
        if timeout_ms == 0 {
            return Err(TimError::bad_input("timeoutMs must be a positive integer"));
        }
        Ok(Config {
            sdk_app_id,
            key,
            key_text,
            admin_id,
            hosts,
            timeout_ms,
        })
    }
}

/// A signed request, ready to POST.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedRequest {
    pub url: String,
    pub body: String,
}

/// The cached admin UserSig and what is derived from it.
struct AdminSig {
    sig: String,
    signed_at: u64,
    /// `?sdkappid=..&identifier=..&usersig=..&random=` ([`request::query_head`]): identical for
    /// every host and call until the signature changes, so it is encoded once per signature.
    query_head: String,
}

impl AdminSig {
    fn sign(c: &Config, now_s: u64) -> AdminSig {
        let f = Fields {
            identifier: &c.admin_id,
            sdk_app_id: c.sdk_app_id,
            time: now_s,
            expire: ADMIN_SIG_LIFETIME_S,
            userbuf: None,
        };
        // The config was checked when it was built, so signing cannot fail here; keep an
        // empty signature rather than panic if it ever did (Tencent answers 70003).
        let sig = usersig::generate(&c.key, &f).unwrap_or_default();
        let query_head = request::query_head(c.sdk_app_id, &c.admin_id, &sig);
        AdminSig {
            sig,
            signed_at: now_s,
            query_head,
        }
    }
}

pub struct Client {
    pub config: Config,
    admin_sig: Option<AdminSig>,
}

impl Client {
    pub fn new(config: Config) -> Client {
        Client {
            config,
            admin_sig: None,
        }
    }

    /// The admin UserSig, signed at most once per refresh period.
    pub fn admin_usersig(&mut self, now_s: u64) -> &str {
        &Self::current_admin_sig(&mut self.admin_sig, &self.config, now_s).sig
    }

    /// The cached signature, re-signed (with a fresh query head) once it is due. Takes the
    /// fields apart so callers can keep reading the config while holding the answer.
    fn current_admin_sig<'a>(
        cache: &'a mut Option<AdminSig>,
        config: &Config,
        now_s: u64,
    ) -> &'a AdminSig {
        let fresh = matches!(cache, Some(a) if now_s >= a.signed_at && now_s - a.signed_at < ADMIN_SIG_REFRESH_AFTER_S);
        if !fresh {
            *cache = None;
        }
        cache.get_or_insert_with(|| AdminSig::sign(config, now_s))
    }

    /// Drops the cached admin UserSig (after Tencent said it expired).
    pub fn forget_admin_usersig(&mut self) {
        self.admin_sig = None;
    }

    /// The signed URL for a call to `hosts[host]` (wrapping around), after checking the segments
    /// and that `body` is a JSON object; the body itself is the caller's to send.
    pub fn url(
        &mut self,
        host: usize,
        service: &str,
        command: &str,
        body: Option<&str>,
        now_s: u64,
        random: u32,
    ) -> Result<String, TimError> {
        request::check_segment("servicename", service)?;
        request::check_segment("command", command)?;
        request::check_body(body)?;
        let query_head =
            &Self::current_admin_sig(&mut self.admin_sig, &self.config, now_s).query_head;
        let hosts = &self.config.hosts;
        // Config::new never leaves the list empty; answer an error rather than divide by zero.
        let base = hosts
            .get(host % hosts.len().max(1))
            .ok_or_else(|| TimError::bad_input("no host configured"))?;
        Ok(request::url_with_query(
            base, service, command, query_head, random,
        ))
    }

    /// Builds a signed request for `hosts[host]`.
    pub fn build(
        &mut self,
        host: usize,
        service: &str,
        command: &str,
        body: Option<&str>,
        now_s: u64,
        random: u32,
    ) -> Result<SignedRequest, TimError> {
        let url = self.url(host, service, command, body, now_s, random)?;
        let body = request::normalize_body(body)?;
        Ok(SignedRequest { url, body })
    }

    /// Removes every secret this client knows from `text` (defence in depth for error messages):
    /// the admin UserSig as it is and as it appears percent-encoded in URLs.
    pub fn redact(&self, text: &str) -> String {
        let mut out = text.to_owned();
        // The key too, should an answer ever echo it. Console keys are 64 characters; a key under
        // 8 characters is only ever a test key, and replacing it would mangle ordinary words.
        let key = &self.config.key_text;
        if key.len() >= 8 && out.contains(key.as_str()) {
            out = out.replace(key.as_str(), "<redacted>");
        }
        if let Some(a) = self.admin_sig.as_ref().filter(|a| !a.sig.is_empty()) {
            let mut encoded = String::new();
            request::push_query_value(&mut encoded, &a.sig);
            for secret in [&a.sig, &encoded] {
                if out.contains(secret.as_str()) {
                    out = out.replace(secret.as_str(), "<redacted>");
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn client() -> Client {
        Client::new(Config::new(1400000000, "k", None, None, None, None).unwrap())
    }

    #[test]
    fn defaults_to_singapore_with_its_backup() {
        let c = client();
        let hosts: Vec<&str> = c.config.hosts.iter().map(|h| h.origin.as_str()).collect();
        assert_eq!(
            hosts,
            [
                "https://adminapisgp.im.qcloud.com",
                "https://adminapisgp.my-imcloud.com"
            ]
        );
        assert_eq!(c.config.admin_id, "administrator");
        assert!(c.config.timeout_ms > 3000);
    }

    #[test]
    fn reuses_the_admin_usersig_until_the_refresh_period() {
        let mut c = client();
        let a = c.admin_usersig(1_700_000_000).to_owned();
        assert_eq!(
            c.admin_usersig(1_700_000_000 + ADMIN_SIG_REFRESH_AFTER_S - 1),
            a
        );
        let b = c
            .admin_usersig(1_700_000_000 + ADMIN_SIG_REFRESH_AFTER_S)
            .to_owned();
        assert_ne!(a, b);
        let d = usersig::decode(&b).unwrap();
        assert_eq!(
            (d.identifier.as_str(), d.time, d.expire),
            (
                "administrator",
                1_700_000_000 + ADMIN_SIG_REFRESH_AFTER_S,
                ADMIN_SIG_LIFETIME_S
            )
        );
        c.forget_admin_usersig();
        assert_ne!(
            c.admin_usersig(1_700_000_000 + ADMIN_SIG_REFRESH_AFTER_S + 1),
            b
        );
    }

    /// The query carrying the admin UserSig, cut out of a URL independently of how it was built.
    fn query_of(url: &str) -> (&str, &str) {
        let (path, query) = url.split_once('?').unwrap();
        (path, query)
    }

    fn usersig_in(url: &str) -> String {
        let (_, q) = query_of(url);
        let enc = q
            .split('&')
            .find_map(|kv| kv.strip_prefix("usersig="))
            .unwrap();
        // A UserSig uses base64 with '*', '-', '_'; only '*' needs percent-encoding.
        assert!(!enc.contains('%') || enc.contains("%2A"), "{enc}");
        enc.replace("%2A", "*")
    }

    fn two_host_client() -> Client {
        let hosts = [
            "http://127.0.0.1:1/a".to_owned(),
            "http://127.0.0.2:2".to_owned(),
        ];
        Client::new(Config::new(1400000000, "k", Some("ad min"), None, Some(&hosts), None).unwrap())
    }

    #[test]
    fn every_host_gets_its_own_origin_and_the_current_admin_usersig() {
        let mut c = two_host_client();
        let t = 1_700_000_000;
        let sig = c.admin_usersig(t).to_owned();
        for (host, origin) in [
            (0, "http://127.0.0.1:1/a/v4/openim/sendmsg"),
            (1, "http://127.0.0.2:2/v4/openim/sendmsg"),
            (2, "http://127.0.0.1:1/a/v4/openim/sendmsg"),
        ] {
            let url = c.url(host, "openim", "sendmsg", None, t + 5, 42).unwrap();
            let (path, query) = query_of(&url);
            assert_eq!(path, origin);
            assert!(query.starts_with("sdkappid=1400000000&identifier=ad%20min&usersig="));
            assert!(query.ends_with("&random=42&contenttype=json"), "{query}");
            assert_eq!(usersig_in(&url), sig);
            // The cached query gives the same URL as building it from scratch.
            let base = &c.config.hosts[host % 2];
            let fresh =
                request::signed_url(base, "openim", "sendmsg", 1400000000, "ad min", &sig, 42);
            assert_eq!(url, fresh);
        }
    }

    #[test]
    fn the_cached_query_follows_the_admin_usersig() {
        let mut c = two_host_client();
        let t = 1_700_000_000;
        let first = usersig_in(&c.url(0, "a", "b", None, t, 1).unwrap());
        assert_eq!(usersig::decode(&first).unwrap().time, t);
        // Refresh period over: both hosts carry the new signature.
        let later = t + ADMIN_SIG_REFRESH_AFTER_S;
        for host in [1, 0] {
            let sig = usersig_in(&c.url(host, "a", "b", None, later, 1).unwrap());
            assert_ne!(sig, first);
            assert_eq!(usersig::decode(&sig).unwrap().time, later);
        }
        // A clock that went backwards re-signs too.
        let back = usersig_in(&c.url(1, "a", "b", None, t - 10, 1).unwrap());
        assert_eq!(usersig::decode(&back).unwrap().time, t - 10);
        // Forgetting the signature (Tencent said it expired) re-signs at the next call.
        c.forget_admin_usersig();
        let renewed = usersig_in(&c.url(0, "a", "b", None, t - 9, 1).unwrap());
        assert_eq!(usersig::decode(&renewed).unwrap().time, t - 9);
        assert_eq!(c.admin_usersig(t - 9), renewed);
    }

    #[test]
    fn url_checks_what_build_checks() {
        let mut c = client();
        for (service, command, body) in [
            ("open/im", "x", None),
            ("openim", "", None),
            ("openim", "x", Some("[1]")),
            ("openim", "x", Some("\"s\"")),
        ] {
            let by_url = c.url(0, service, command, body, 1, 1).unwrap_err();
            let by_build = c.build(0, service, command, body, 1, 1).unwrap_err();
            assert_eq!(by_url.info, by_build.info);
            assert_eq!(by_url.kind, crate::error::Kind::BadInput);
        }
        let r = c
            .build(0, "openim", "x", Some(" {\"a\":1} "), 1, 9)
            .unwrap();
        assert_eq!(r.body, "{\"a\":1}");
        assert_eq!(r.url, c.url(0, "openim", "x", None, 1, 9).unwrap());
    }

    #[test]
    fn builds_and_rejects() {
        let mut c = client();
        let r = c
            .build(1, "openim", "sendmsg", None, 1_700_000_000, 7)
            .unwrap();
        assert!(r.url.starts_with("https://adminapisgp.my-imcloud.com/v4/openim/sendmsg?sdkappid=1400000000&identifier=administrator&usersig="));
        assert!(r.url.ends_with("&random=7&contenttype=json"));
        assert_eq!(r.body, "{}");
        assert!(c.build(0, "open/im", "x", None, 0, 0).is_err());
        let sig = c.admin_usersig(1_700_000_000).to_owned();
        assert_eq!(c.redact(&format!("x {sig} y")), "x <redacted> y");
        let long_key = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";
        let keyed = Client::new(Config::new(1, long_key, None, None, None, None).unwrap());
        assert_eq!(keyed.redact(&format!("key={long_key}.")), "key=<redacted>.");
        // In a URL the signature is percent-encoded ('*' -> %2A).
        let url = c.url(0, "openim", "x", None, 1_700_000_000, 1).unwrap();
        assert!(!c.redact(&url).contains(&sig.replace('*', "%2A")));
        assert!(c.redact(&url).contains("&usersig=<redacted>&"));
        for bad in [
            Config::new(0, "k", None, None, None, None),
            Config::new(1, "", None, None, None, None),
            Config::new(1, "k", Some(""), None, None, None),
            Config::new(1, "k", None, Some("mars"), None, None),
            Config::new(1, "k", None, None, Some(&[]), None),
            Config::new(
                1,
                "k",
                None,
                None,
                Some(&["http://example.com".into()]),
                None,
            ),
            Config::new(1, "k", None, None, None, Some(0)),
        ] {
            assert!(bad.is_err());
        }
    }
}
