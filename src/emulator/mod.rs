//! A local, in-memory stand-in for Tencent's Chat REST backend, for offline development and tests.
//!
//! Pure like the rest of the core: a request (method, URL, body bytes) and the time go in, a reply
//! comes out. The host edge (`src/wasm/emulator.rs`, built only with the `emulator` feature so the
//! production module does not carry it) turns `Request`s into calls of [`Emulator::handle`].
//!
//! Requests are checked the way Tencent checks them ([`auth`]): the URL, the admin identity and the
//! UserSig with the real algorithm, then the JSON body. Each domain file owns its state and a
//! route table; [`routes`] joins them. A current endpoint without a route answers "not emulated".
//!
//! Webhooks are two-phase because the core cannot wait for I/O: a handler that needs a
//! before-callback answer asks [`Ctx::before`]; on the first pass that records the callback and
//! the edge gets [`Handled::NeedsBefore`]. The edge calls the app, then calls `handle` again with
//! the app's answer. Handlers therefore ask before they change any state.

mod accounts;
mod auth;
mod c2c;
mod ctx;
mod friends;
mod groups;
mod mute;
mod profiles;
pub(crate) mod routes;
mod snapshot;
#[cfg(test)]
mod tests;
pub mod webhooks;

pub use ctx::{ApiError, Before, Callback, Ctx, Outcome};

use crate::usersig::{check_user_id, InputError, SigningKey};
use serde_json::{Map, Value};

/// Request bodies over this are refused before parsing (Tencent documents no limit; 1 MiB is far
/// above any legitimate REST body, and bounds the emulator's memory per request).
pub const MAX_BODY_BYTES: usize = 1 << 20;

/// Everything the emulator remembers. Each field is owned by the file of the same name.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct State {
    pub accounts: accounts::Accounts,
    pub profiles: profiles::Profiles,
    pub friends: friends::Friends,
    pub c2c: c2c::C2c,
    pub groups: groups::Groups,
    pub mute: mute::Mute,
}

/// What one call of [`Emulator::handle`] produced.
#[derive(Debug, Clone, PartialEq)]
pub enum Handled {
    /// The HTTP reply, and the after-callbacks the edge should deliver (only when callbacks are
    /// enabled).
    Reply {
        status: u16,
        body: String,
        after: Vec<Callback>,
    },
    /// Nothing changed yet: deliver this before-callback and call `handle` again with its answer.
    NeedsBefore(Callback),
}

pub struct Emulator {
    sdk_app_id: u32,
    admin: String,
    key: SigningKey,
    callbacks: bool,
    state: State,
}

impl core::fmt::Debug for Emulator {
    // The key stays out of debug dumps.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Emulator")
            .field("sdk_app_id", &self.sdk_app_id)
            .field("admin", &self.admin)
            .field("callbacks", &self.callbacks)
            .finish_non_exhaustive()
    }
}

impl Emulator {
    pub fn new(sdk_app_id: u32, key: &str, admin: &str) -> Result<Emulator, InputError> {
        if sdk_app_id == 0 {
            return Err(InputError("sdkAppId must be a positive integer".into()));
        }
        check_user_id(admin, "adminId")?;
        Ok(Emulator {
            sdk_app_id,
            admin: admin.to_owned(),
            key: SigningKey::new(key)?,
            callbacks: false,
            state: State::default(),
        })
    }

    pub fn sdk_app_id(&self) -> u32 {
        self.sdk_app_id
    }

    /// Whether handlers emit webhooks. The edge turns this on when it has a callback URL.
    pub fn set_callbacks(&mut self, on: bool) {
        self.callbacks = on;
    }

    pub fn state(&self) -> &State {
        &self.state
    }

    /// Handles one REST request. `before` is the app's answer to the before-callback that the
    /// previous call of `handle` for this same request asked for (`None` on the first pass).
    pub fn handle(
        &mut self,
        method: &str,
        url: &str,
        body: &[u8],
        now_s: u64,
        before: Option<&Value>,
    ) -> Handled {
        match self.dispatch(method, url, body, now_s, before) {
            Ok(Dispatched::Reply(obj, after)) => reply(obj, after),
            Ok(Dispatched::NeedsBefore(cb)) => Handled::NeedsBefore(cb),
            Err(e) => reply(e.into_envelope(), Vec::new()),
        }
    }

    fn dispatch(
        &mut self,
        method: &str,
        url: &str,
        body: &[u8],
        now_s: u64,
        before: Option<&Value>,
    ) -> Result<Dispatched, ApiError> {
        let target = auth::check(method, url, self.sdk_app_id, &self.admin, &self.key, now_s)?;
        let route = routes::find(&target.service, &target.command)?;
        if body.len() > MAX_BODY_BYTES {
            return Err(ApiError::new(60003, "request body is over 1 MiB"));
        }
        // Read as the SDK reads bodies (crate::body): a lone UTF-16 surrogate escape (what
        // `JSON.stringify` writes for a string cut inside an emoji) reads as U+FFFD, so whatever
        // the SDK sends, the emulator can read. Also 60003: invalid UTF-8, nesting past 127
        // levels, numbers past f64 (`1e400`); the answer gives serde_json's reason and position,
        // never the body.
        let text = std::str::from_utf8(body)
            .map_err(|_| ApiError::new(60003, "request body is not valid UTF-8"))?;
        let parsed: Value = serde_json::from_str(&crate::body::readable(text))
            .map_err(|e| ApiError::new(60003, format!("request body is not valid JSON: {e}")))?;
        let Value::Object(obj) = parsed else {
            return Err(ApiError::new(60003, "request body is not a JSON object"));
        };
        let mut ctx = Ctx::new(
            &mut self.state,
            &obj,
            now_s,
            self.sdk_app_id,
            &self.admin,
            self.callbacks,
            before,
        );
        let outcome = (route.handler)(&mut ctx);
        if let Some(cb) = ctx.take_pending() {
            return Ok(Dispatched::NeedsBefore(cb));
        }
        let after = ctx.take_after();
        outcome.map(|o| Dispatched::Reply(o, after))
    }

    /// The whole state as JSON text, for `restore` (on this or another emulator).
    pub fn snapshot(&self) -> Result<String, InputError> {
        snapshot::write(&self.state)
    }

    /// Replaces the state with a snapshot. On error the state is unchanged.
    pub fn restore(&mut self, text: &str) -> Result<(), InputError> {
        self.state = snapshot::read(text)?;
        Ok(())
    }
}

enum Dispatched {
    Reply(Value, Vec<Callback>),
    NeedsBefore(Callback),
}

/// Wraps a handler's fields in Tencent's envelope. A handler that reports a partial failure puts
/// its own `ErrorCode` (and `ErrorInfo`) in the object; `ActionStatus` follows the code.
/// Members come out in key order (serde_json's map), which JSON readers do not depend on.
fn reply(fields: Value, after: Vec<Callback>) -> Handled {
    let mut out = match fields {
        Value::Object(o) => o,
        _ => Map::new(),
    };
    let code = out.get("ErrorCode").and_then(Value::as_i64).unwrap_or(0);
    let info = out.get("ErrorInfo").and_then(Value::as_str).unwrap_or("");
    out.insert("ErrorInfo".into(), info.to_owned().into());
    out.insert("ErrorCode".into(), code.into());
    let status = if code == 0 { "OK" } else { "FAIL" };
    out.insert("ActionStatus".into(), status.into());
    Handled::Reply {
        status: 200,
        body: Value::Object(out).to_string(),
        after,
    }
}
