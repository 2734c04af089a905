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

pub struct Client {
    pub config: Config,
    admin_sig: Option<(String, u64)>,
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
        let fresh = matches!(&self.admin_sig, Some((_, at)) if now_s >= *at && now_s - *at < ADMIN_SIG_REFRESH_AFTER_S);
        if !fresh {
            let f = Fields {
                identifier: &self.config.admin_id,
                sdk_app_id: self.config.sdk_app_id,
                time: now_s,
                expire: ADMIN_SIG_LIFETIME_S,
                userbuf: None,
            };
            // The config was checked when it was built, so signing cannot fail here; keep an
            // empty signature rather than panic if it ever did (Tencent answers 70003).
            let sig = usersig::generate(&self.config.key, &f).unwrap_or_default();
            self.admin_sig = Some((sig, now_s));
        }
        self.admin_sig.as_ref().map_or("", |(s, _)| s.as_str())
    }

    /// Drops the cached admin UserSig (after Tencent said it expired).
    pub fn forget_admin_usersig(&mut self) {
        self.admin_sig = None;
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
        request::check_segment("servicename", service)?;
        request::check_segment("command", command)?;
        let body = request::normalize_body(body)?;
        let base = &self.config.hosts[host % self.config.hosts.len()];
        let base = base.clone();
        let (sdk_app_id, admin) = (self.config.sdk_app_id, self.config.admin_id.clone());
        let sig = self.admin_usersig(now_s);
        let url = request::signed_url(&base, service, command, sdk_app_id, &admin, sig, random);
        Ok(SignedRequest { url, body })
    }

    /// Removes every secret this client knows from `text` (defence in depth for error messages).
    pub fn redact(&self, text: &str) -> String {
        match &self.admin_sig {
            Some((sig, _)) if !sig.is_empty() && text.contains(sig.as_str()) => {
                text.replace(sig.as_str(), "<redacted>")
            }
            _ => text.to_owned(),
        }
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
