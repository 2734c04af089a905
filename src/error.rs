//! The one error type, its kinds, and how each Tencent `ErrorCode` is classified.
//!
//! Errors are values with a stable shape that the JS edge copies onto `TimError`. Nothing in here
//! ever holds a key or a UserSig: messages are written from fixed text plus non-secret inputs
//! (service names, field names, lengths).

/// What went wrong, coarsely. The strings are the JS-facing `kind` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Tencent answered with `ActionStatus: FAIL` / a non-zero `ErrorCode`.
    Api,
    /// The request could not be sent or its answer could not be read.
    Network,
    /// A per-attempt or overall deadline ran out.
    Timeout,
    /// The caller's `AbortSignal` fired.
    Aborted,
    /// A non-200 status, a body that is not JSON, or JSON without `ActionStatus`.
    BadResponse,
    /// Refused before anything was sent.
    BadInput,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Api => "api",
            Kind::Network => "network",
            Kind::Timeout => "timeout",
            Kind::Aborted => "aborted",
            Kind::BadResponse => "bad-response",
            Kind::BadInput => "bad-input",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimError {
    pub kind: Kind,
    /// Tencent's `ErrorCode`; 0 when there was no API answer.
    pub code: i64,
    pub info: String,
    pub retryable: bool,
    pub service: String,
    pub command: String,
    /// 0 when no HTTP answer arrived.
    pub http_status: u16,
    pub attempts: u32,
    /// False when the request may or may not have been processed (for example a timeout after
    /// the body was sent).
    pub outcome_known: bool,
}

impl TimError {
    pub fn new(kind: Kind, info: impl Into<String>) -> Self {
        TimError {
            kind,
            code: 0,
            info: info.into(),
            retryable: false,
            service: String::new(),
            command: String::new(),
            http_status: 0,
            attempts: 0,
            outcome_known: true,
        }
    }

    pub fn bad_input(info: impl Into<String>) -> Self {
        Self::new(Kind::BadInput, info)
    }

    /// An API answer with a non-zero `ErrorCode`.
    pub fn api(code: i64, info: impl Into<String>) -> Self {
        TimError {
            code,
            retryable: classify(code) != CodeClass::Permanent,
            http_status: 200,
            ..Self::new(Kind::Api, info)
        }
    }

    pub fn bad_response(http_status: u16, info: impl Into<String>) -> Self {
        TimError {
            http_status,
            retryable: http_status >= 500,
            ..Self::new(Kind::BadResponse, info)
        }
    }

    /// Attaches the endpoint the error belongs to.
    pub fn at(mut self, service: &str, command: &str) -> Self {
        self.service = service.to_owned();
        self.command = command.to_owned();
        self
    }

    /// A one-line message for `Error.message`.
    pub fn message(&self) -> String {
        let at = if self.service.is_empty() {
            String::new()
        } else {
            format!(" ({}/{})", self.service, self.command)
        };
        match self.kind {
            Kind::Api => format!("Tencent error {}: {}{at}", self.code, self.info),
            k => format!("{}: {}{at}", k.as_str(), self.info),
        }
    }
}

impl core::fmt::Display for TimError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(&self.message())
    }
}

impl From<crate::usersig::InputError> for TimError {
    fn from(e: crate::usersig::InputError) -> Self {
        TimError::bad_input(e.0)
    }
}

/// How an `ErrorCode` should be treated by a retrying caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeClass {
    /// Will fail again until the request, configuration or state changes.
    Permanent,
    /// Tencent refused for frequency: the request was not processed; back off longer.
    RateLimited,
    /// Internal error or timeout on Tencent's side: worth another try.
    Transient,
}

/// Codes whose text says "frequency over the limit" (data/error-codes.json).
const RATE_LIMITED: &[i64] = &[10006, 10023, 60007, 60011, 60018, 60019];
/// Codes whose text says "internal error / timeout, retry". 60008 reads "timed out, or HTTP
/// format error: check and retry"; we count it transient because our requests are well formed.
/// Codes the sources disagree on (10008, 20018, 50001, 51007, 60013, 70107, 70169) are permanent:
/// retrying on a guess hides real failures. 10056 (attribute write conflict) needs a re-read
/// first, so a blind retry cannot help; 70050 asks to wait a minute after fixing the UserSig.
const TRANSIENT: &[i64] = &[
    10002, 20004, 20005, 30006, 30007, 30008, 40006, 60008, 60014, 70114, 70202, 70500, 90992,
    90994, 90995, 91000,
];

pub fn classify(code: i64) -> CodeClass {
    if RATE_LIMITED.contains(&code) {
        CodeClass::RateLimited
    } else if TRANSIENT.contains(&code) {
        CodeClass::Transient
    } else {
        CodeClass::Permanent
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classification_agrees_with_the_shared_table() {
        // Every code the shared table marks retryable: true is retried by us, every false is not.
        let table: serde_json::Value =
            serde_json::from_str(include_str!("../data/error-codes.json")).unwrap();
        for e in table.as_array().unwrap() {
            let code = e["code"].as_i64().unwrap();
            let ours = classify(code);
            match &e["retryable"] {
                serde_json::Value::Bool(true) if code != 10056 => {
                    assert_ne!(ours, CodeClass::Permanent, "{code}")
                }
                serde_json::Value::Bool(false) => assert_eq!(ours, CodeClass::Permanent, "{code}"),
                _ => {}
            }
        }
        assert_eq!(classify(60007), CodeClass::RateLimited);
        assert_eq!(classify(70001), CodeClass::Permanent);
    }

    #[test]
    fn messages_name_the_endpoint() {
        let e = TimError::api(70001, "UserSig expired").at("openim", "sendmsg");
        assert_eq!(
            e.message(),
            "Tencent error 70001: UserSig expired (openim/sendmsg)"
        );
        assert!(!e.retryable);
        assert!(TimError::api(60018, "busy").retryable);
    }
}
