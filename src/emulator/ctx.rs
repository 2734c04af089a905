//! What a route handler gets ([`Ctx`]) and returns ([`Outcome`]), plus the small readers every
//! domain uses so that a missing or mistyped field is the same clear Tencent-style error
//! everywhere.

use super::State;
use crate::usersig::MAX_USER_ID_BYTES;
use serde_json::{json, Map, Value};

/// A Tencent error answer: `ErrorCode` and `ErrorInfo`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub code: i64,
    pub info: String,
}

impl ApiError {
    pub fn new(code: i64, info: impl Into<String>) -> ApiError {
        ApiError {
            code,
            info: info.into(),
        }
    }

    pub(super) fn into_envelope(self) -> Value {
        json!({ "ErrorCode": self.code, "ErrorInfo": self.info })
    }
}

/// A handler's result: a JSON object of the response fields besides the envelope (which `mod.rs`
/// adds), or an error. For a partial failure put `ErrorCode`/`ErrorInfo` into the fields yourself.
/// Handlers build it with `json!({...})`, so adding a field with `v["Key"] = ...` cannot panic.
pub type Outcome = Result<Value, ApiError>;

/// A webhook the emulator sends to the app: `CallbackCommand` and the JSON body (which includes
/// `CallbackCommand` too, as Tencent's do).
#[derive(Debug, Clone, PartialEq)]
pub struct Callback {
    pub command: &'static str,
    pub body: Value,
}

/// What the app answered to a before-callback, read the way Tencent reads it
/// (spec/usersig-webhooks-errors.md): 0 allow (optionally with a modified body), 1 reject,
/// 2 silent drop; a custom code in [120001, 130000] rejects with that code and info.
#[derive(Debug, Clone, PartialEq)]
pub enum Before {
    /// Callbacks are off, or the app allowed it unchanged (or answered nothing usable: the
    /// emulator fails open, the default the SDK documents).
    Allow,
    /// Allowed with the app's reply object, for fields it may modify (`MsgBody`, ...).
    AllowModified(Map<String, Value>),
    /// Rejected: the caller answers with the endpoint's rejection code, unless the app gave a
    /// custom one (then `custom` holds it).
    Reject { custom: Option<ApiError> },
    /// Silently dropped: report success, store and deliver nothing.
    Drop,
    /// First pass: the callback was recorded; return at once (any `Err` will do, it is ignored).
    Pending,
}

pub struct Ctx<'a> {
    pub state: &'a mut State,
    pub body: &'a Map<String, Value>,
    pub now_s: u64,
    pub sdk_app_id: u32,
    pub admin: &'a str,
    callbacks: bool,
    before_reply: Option<&'a Value>,
    pending: Option<Callback>,
    after: Vec<Callback>,
}

impl<'a> Ctx<'a> {
    pub(super) fn new(
        state: &'a mut State,
        body: &'a Map<String, Value>,
        now_s: u64,
        sdk_app_id: u32,
        admin: &'a str,
        callbacks: bool,
        before_reply: Option<&'a Value>,
    ) -> Ctx<'a> {
        Ctx {
            state,
            body,
            now_s,
            sdk_app_id,
            admin,
            callbacks,
            before_reply,
            pending: None,
            after: Vec::new(),
        }
    }

    /// Asks the app (when callbacks are on) whether to go ahead. Call it before changing any
    /// state; on [`Before::Pending`] return at once.
    pub fn before(&mut self, command: &'static str, body: Value) -> Before {
        if !self.callbacks {
            return Before::Allow;
        }
        let Some(reply) = self.before_reply else {
            self.pending = Some(Callback::new(command, body));
            return Before::Pending;
        };
        let Some(o) = reply.as_object() else {
            return Before::Allow;
        };
        match o.get("ErrorCode").and_then(Value::as_i64) {
            Some(0) => Before::AllowModified(o.clone()),
            Some(1) => Before::Reject { custom: None },
            Some(2) => Before::Drop,
            Some(c @ 120_001..=130_000) => Before::Reject {
                custom: Some(ApiError::new(
                    c,
                    o.get("ErrorInfo").and_then(Value::as_str).unwrap_or(""),
                )),
            },
            _ => Before::Allow,
        }
    }

    /// [`Ctx::before`] for a creation, which the app can only allow or refuse: a modification is
    /// ignored, and a silent drop (meaningless for a creation) is refused like a rejection, 10016
    /// "the app's <command> refused <what>" unless the app gave its own code. `Err` (ignored)
    /// while pending.
    pub fn before_creation(
        &mut self,
        command: &'static str,
        body: Value,
        what: &str,
    ) -> Result<(), ApiError> {
        match self.before(command, body) {
            Before::Pending => Err(ApiError::new(0, "")),
            Before::Reject { custom: Some(e) } => Err(e),
            Before::Reject { custom: None } | Before::Drop => {
                let mut info = String::from("the app's ");
                info.push_str(command);
                info.push_str(" refused ");
                info.push_str(what);
                Err(ApiError::new(10_016, info))
            }
            Before::Allow | Before::AllowModified(_) => Ok(()),
        }
    }

    /// The app's raw answer to the before-callback (on the second pass), for callbacks whose
    /// custom refusal codes lie outside [120001, 130000] (topic creation: [10100, 10200]).
    pub fn before_reply(&self) -> Option<&'a Value> {
        self.before_reply
    }

    /// Queues an after-callback (when callbacks are on).
    pub fn after(&mut self, command: &'static str, body: Value) {
        if self.callbacks {
            self.after.push(Callback::new(command, body));
        }
    }

    pub(super) fn take_pending(&mut self) -> Option<Callback> {
        self.pending.take()
    }

    pub(super) fn take_after(&mut self) -> Vec<Callback> {
        core::mem::take(&mut self.after)
    }

    // ---- body readers. `code` is the endpoint family's "invalid parameter" code.

    pub fn str(&self, key: &str, code: i64) -> Result<&'a str, ApiError> {
        match self.body.get(key) {
            Some(Value::String(s)) => Ok(s),
            Some(_) => Err(ApiError::new(code, field_msg(key, "must be a string"))),
            None => Err(ApiError::new(code, field_msg(key, "is required"))),
        }
    }

    pub fn opt_str(&self, key: &str, code: i64) -> Result<Option<&'a str>, ApiError> {
        match self.body.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(_) => Err(ApiError::new(code, field_msg(key, "must be a string"))),
        }
    }

    /// A UserID field: a non-empty string of at most 32 bytes.
    pub fn user_id(&self, key: &str, code: i64) -> Result<&'a str, ApiError> {
        let s = self.str(key, code)?;
        check_id(s, key, code)?;
        Ok(s)
    }

    pub fn int(&self, key: &str, code: i64) -> Result<i64, ApiError> {
        self.opt_int(key, code)?
            .ok_or_else(|| ApiError::new(code, field_msg(key, "is required")))
    }

    pub fn opt_int(&self, key: &str, code: i64) -> Result<Option<i64>, ApiError> {
        match self.body.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(v) => v
                .as_i64()
                .map(Some)
                .ok_or_else(|| ApiError::new(code, field_msg(key, "must be an integer"))),
        }
    }

    pub fn array(&self, key: &str, code: i64) -> Result<&'a [Value], ApiError> {
        match self.body.get(key) {
            Some(Value::Array(a)) => Ok(a),
            Some(_) => Err(ApiError::new(code, field_msg(key, "must be an array"))),
            None => Err(ApiError::new(code, field_msg(key, "is required"))),
        }
    }

    /// An array of 1..=`max` items.
    pub fn items(&self, key: &str, max: usize, code: i64) -> Result<&'a [Value], ApiError> {
        let items = self.array(key, code)?;
        if items.is_empty() || items.len() > max {
            let mut what = String::from("must hold 1-");
            what.push_str(&max.to_string());
            what.push_str(" items");
            return Err(ApiError::new(code, field_msg(key, &what)));
        }
        Ok(items)
    }

    /// An array of UserIDs (`["a","b"]`), each checked, with at most `max` items.
    pub fn user_ids(&self, key: &str, max: usize, code: i64) -> Result<Vec<&'a str>, ApiError> {
        let items = self.array(key, code)?;
        if items.is_empty() {
            return Err(ApiError::new(code, field_msg(key, "is empty")));
        }
        if items.len() > max {
            return Err(ApiError::new(code, field_msg(key, "has too many items")));
        }
        items
            .iter()
            .map(|v| {
                let s = v
                    .as_str()
                    .ok_or_else(|| ApiError::new(code, field_msg(key, "items must be strings")))?;
                check_id(s, key, code)?;
                Ok(s)
            })
            .collect()
    }

    /// A UserID field (`bad` when it is not one) naming an imported account or the admin
    /// (`unknown` when nobody has that ID).
    pub fn imported(&self, key: &str, bad: i64, unknown: i64) -> Result<&'a str, ApiError> {
        let id = self.user_id(key, bad)?;
        if !self.exists(id) {
            return Err(ApiError::new(
                unknown,
                field_msg(key, "is not an imported account"),
            ));
        }
        Ok(id)
    }

    /// Whether `id` is an imported account (the admin always is).
    pub fn exists(&self, id: &str) -> bool {
        id == self.admin || self.state.accounts.contains(id)
    }
}

impl Callback {
    /// `body` is a JSON object (handlers pass `json!({...})`). A batched body (`{"Events":
    /// [...]}`, the push results) names its command in each event only, as Tencent's do
    /// (1047/67551); every other body gets it at the top.
    pub fn new(command: &'static str, mut body: Value) -> Callback {
        if let Some(o) = body.as_object_mut() {
            if !o.contains_key("Events") {
                o.insert("CallbackCommand".into(), command.into());
            }
        }
        Callback { command, body }
    }
}

fn check_id(s: &str, key: &str, code: i64) -> Result<(), ApiError> {
    if s.is_empty() {
        return Err(ApiError::new(code, field_msg(key, "holds an empty UserID")));
    }
    if s.len() > MAX_USER_ID_BYTES {
        return Err(ApiError::new(
            code,
            field_msg(key, "holds a UserID over 32 bytes"),
        ));
    }
    Ok(())
}

/// `"<key> <what>"`, without `format!` (this file is in the emulator build only, but stays lean).
pub fn field_msg(key: &str, what: &str) -> String {
    let mut s = String::with_capacity(key.len() + what.len() + 1);
    s.push_str(key);
    s.push(' ');
    s.push_str(what);
    s
}

/// The element types of Tencent's message format (TIMMsgElement), for sendmsg and send_group_msg.
pub const MSG_ELEM_TYPES: [&str; 9] = [
    "TIMTextElem",
    "TIMLocationElem",
    "TIMFaceElem",
    "TIMCustomElem",
    "TIMSoundElem",
    "TIMImageElem",
    "TIMFileElem",
    "TIMVideoFileElem",
    "TIMRelayElem",
];
