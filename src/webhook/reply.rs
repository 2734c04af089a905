//! The answers Tencent expects from a callback, as exact JSON.
//!
//! Every answer carries the envelope `{"ActionStatus":"OK","ErrorCode":n,"ErrorInfo":".."}`
//! (spec section 2.3). For before-callbacks `ErrorCode` decides: 0 allow (optionally with a
//! modified `MsgBody`/`CloudCustomData`), 1 refuse, 2 drop silently (the sender sees success).
//! A refusal may carry a custom code that reaches the sender together with `ErrorInfo`: C2C
//! message pages document [120001, 130000], group join pages [10100, 10200].

use crate::usersig::{check_user_id, InputError};
use serde::Serialize;
use serde_json::Value;

/// Custom refusal codes passed through to the sender.
pub const CUSTOM_CODE_RANGES: &[(i64, i64)] = &[(10100, 10200), (120001, 130000)];
/// Friend callbacks refuse one target with a `ResultCode` in this range.
pub const FRIEND_REFUSE_RANGE: (i64, i64) = (38000, 39000);
/// ErrorInfo and ResultInfo reach end users; keep them short.
const MAX_INFO_BYTES: usize = 1024;
/// Tencent caps list sizes far below this; the bound only keeps a reply small.
const MAX_ITEMS: usize = 1000;

#[derive(Debug, Clone, PartialEq)]
pub enum Reply {
    Allow,
    Reject {
        code: i64,
        info: String,
    },
    Drop,
    Modify {
        msg_body: Option<Value>,
        cloud_custom_data: Option<String>,
    },
    Friend(Vec<FriendResult>),
    InviteRefused(Vec<String>),
}

/// One entry of a friend before-callback's `ResultItem`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct FriendResult {
    #[serde(rename = "To_Account")]
    pub to_account: String,
    /// 0 allows; a value in [38000, 39000] refuses.
    pub result_code: i64,
    pub result_info: String,
}

/// A reply as Tencent reads it: the envelope first, then the reply's own fields.
#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct Wire<'a> {
    action_status: &'static str,
    error_code: i64,
    error_info: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    msg_body: Option<&'a Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cloud_custom_data: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    result_item: Option<&'a [FriendResult]>,
    #[serde(
        rename = "RefusedMembers_Account",
        skip_serializing_if = "Option::is_none"
    )]
    refused_members: Option<&'a [String]>,
}

fn bad(msg: impl Into<String>) -> InputError {
    InputError(msg.into())
}

fn check_info(info: &str, what: &str) -> Result<(), InputError> {
    if info.len() > MAX_INFO_BYTES {
        return Err(bad(format!("{what} is longer than {MAX_INFO_BYTES} bytes")));
    }
    Ok(())
}

impl Reply {
    /// Refuse. `code` defaults to 1; a custom code must be in a documented range.
    pub fn reject(code: Option<i64>, info: Option<String>) -> Result<Reply, InputError> {
        let code = code.unwrap_or(1);
        if code != 1
            && !CUSTOM_CODE_RANGES
                .iter()
                .any(|&(lo, hi)| (lo..=hi).contains(&code))
        {
            return Err(bad(
                "reject code must be 1, or a custom code in [10100, 10200] (groups) or [120001, 130000] (one-to-one messages)",
            ));
        }
        let info = info.unwrap_or_default();
        check_info(&info, "reject info")?;
        Ok(Reply::Reject { code, info })
    }

    /// Allow with a changed message. `MsgBody` must be a non-empty array of
    /// `{MsgType: string, MsgContent: object}`; `CloudCustomData` a string. At least one is needed.
    pub fn modify(
        msg_body: Option<Value>,
        cloud_custom_data: Option<String>,
    ) -> Result<Reply, InputError> {
        if msg_body.is_none() && cloud_custom_data.is_none() {
            return Err(bad("modify needs MsgBody or CloudCustomData"));
        }
        if let Some(body) = &msg_body {
            let elems = body
                .as_array()
                .filter(|a| !a.is_empty() && a.len() <= MAX_ITEMS);
            let elems = elems
                .ok_or_else(|| bad("MsgBody must be a non-empty array of message elements"))?;
            for e in elems {
                let ok = e.get("MsgType").is_some_and(Value::is_string)
                    && e.get("MsgContent").is_some_and(Value::is_object);
                if !ok {
                    return Err(bad(
                        "each MsgBody element needs a string MsgType and an object MsgContent",
                    ));
                }
            }
        }
        Ok(Reply::Modify {
            msg_body,
            cloud_custom_data,
        })
    }

    /// The friend before-callbacks' per-target answer.
    pub fn friend(items: Vec<FriendResult>) -> Result<Reply, InputError> {
        if items.is_empty() || items.len() > MAX_ITEMS {
            return Err(bad(format!(
                "friend results must list 1 to {MAX_ITEMS} accounts"
            )));
        }
        for it in &items {
            check_user_id(&it.to_account, "To_Account")?;
            let (lo, hi) = FRIEND_REFUSE_RANGE;
            if it.result_code != 0 && !(lo..=hi).contains(&it.result_code) {
                return Err(bad(
                    "ResultCode must be 0 (allow) or in [38000, 39000] (refuse)",
                ));
            }
            check_info(&it.result_info, "ResultInfo")?;
        }
        Ok(Reply::Friend(items))
    }

    /// `Group.CallbackBeforeInviteJoinGroup`: invite everyone except these accounts.
    pub fn invite_refused(accounts: Vec<String>) -> Result<Reply, InputError> {
        if accounts.len() > MAX_ITEMS {
            return Err(bad(format!(
                "RefusedMembers_Account lists at most {MAX_ITEMS} accounts"
            )));
        }
        for a in &accounts {
            check_user_id(a, "RefusedMembers_Account entry")?;
        }
        Ok(Reply::InviteRefused(accounts))
    }

    /// Builds a reply from a plain description, the form the JS layer sends:
    /// `{kind: "allow" | "reject" | "drop" | "modify" | "friend" | "invite", ...}`.
    pub fn from_spec(spec: &Value) -> Result<Reply, InputError> {
        let kind = spec.get("kind").and_then(Value::as_str).unwrap_or("");
        let opt_str = |name: &str| -> Result<Option<String>, InputError> {
            match spec.get(name) {
                None | Some(Value::Null) => Ok(None),
                Some(Value::String(s)) => Ok(Some(s.clone())),
                Some(_) => Err(bad(format!("{name} must be a string"))),
            }
        };
        match kind {
            "allow" => Ok(Reply::Allow),
            "drop" => Ok(Reply::Drop),
            "reject" => {
                let code = match spec.get("code") {
                    None | Some(Value::Null) => None,
                    Some(v) => Some(
                        v.as_i64()
                            .ok_or_else(|| bad("reject code must be an integer"))?,
                    ),
                };
                Reply::reject(code, opt_str("info")?)
            }
            "modify" => {
                let body = spec.get("MsgBody").filter(|v| !v.is_null()).cloned();
                Reply::modify(body, opt_str("CloudCustomData")?)
            }
            "friend" => {
                let items = spec
                    .get("results")
                    .and_then(Value::as_array)
                    .ok_or_else(|| bad("friend results must be an array"))?;
                let mut out = Vec::with_capacity(items.len());
                for it in items {
                    let to_account = it
                        .get("To_Account")
                        .and_then(Value::as_str)
                        .ok_or_else(|| bad("each friend result needs a To_Account string"))?;
                    let result_code = match it.get("ResultCode") {
                        None | Some(Value::Null) => 0,
                        Some(v) => v
                            .as_i64()
                            .ok_or_else(|| bad("ResultCode must be an integer"))?,
                    };
                    let result_info = match it.get("ResultInfo") {
                        None | Some(Value::Null) => String::new(),
                        Some(Value::String(s)) => s.clone(),
                        Some(_) => return Err(bad("ResultInfo must be a string")),
                    };
                    out.push(FriendResult {
                        to_account: to_account.to_owned(),
                        result_code,
                        result_info,
                    });
                }
                Reply::friend(out)
            }
            "invite" => {
                let list = spec
                    .get("refused")
                    .and_then(Value::as_array)
                    .ok_or_else(|| bad("refused accounts must be an array"))?;
                let accounts = list
                    .iter()
                    .map(|v| {
                        v.as_str()
                            .map(str::to_owned)
                            .ok_or_else(|| bad("refused accounts must be strings"))
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                Reply::invite_refused(accounts)
            }
            _ => Err(bad(
                "reply kind must be one of allow, reject, drop, modify, friend, invite",
            )),
        }
    }

    /// The `ErrorCode` this reply carries.
    pub fn error_code(&self) -> i64 {
        match self {
            Reply::Reject { code, .. } => *code,
            Reply::Drop => 2,
            _ => 0,
        }
    }

    /// The exact JSON body: envelope first, then the reply's own fields.
    pub fn to_json(&self) -> String {
        let mut wire = Wire {
            action_status: "OK",
            error_code: self.error_code(),
            error_info: "",
            msg_body: None,
            cloud_custom_data: None,
            result_item: None,
            refused_members: None,
        };
        match self {
            Reply::Reject { info, .. } => wire.error_info = info,
            Reply::Modify {
                msg_body,
                cloud_custom_data,
            } => {
                wire.msg_body = msg_body.as_ref();
                wire.cloud_custom_data = cloud_custom_data.as_deref();
            }
            Reply::Friend(items) => wire.result_item = Some(items),
            Reply::InviteRefused(accounts) => wire.refused_members = Some(accounts),
            Reply::Allow | Reply::Drop => {}
        }
        // Strings, integers and a JSON value: serialising cannot fail.
        serde_json::to_string(&wire).unwrap_or_default()
    }
}
