//! Accounts: import (one or many), delete, check, kick, online status.
//!
//! Nothing ever logs in to the emulator, so every account is `Offline` and a kick only checks
//! that the account exists. A nickname or avatar given at import is stored as the profile tags
//! `Tag_Profile_IM_Nick` / `Tag_Profile_IM_Image`, as Tencent does.

use super::routes::{Handler, Route};
use super::snapshot::Persist;
use super::{ApiError, Ctx, Outcome};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// The account family's "invalid parameter" code.
const BAD: i64 = 70402;
/// "Account not imported" in per-item results (doc 679/131708's reading of 70107).
const NOT_IMPORTED: i64 = 70107;

/// In a snapshot: `{UserID: import time}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Accounts {
    /// UserID -> import time (Unix seconds).
    by_id: BTreeMap<String, u64>,
}

impl Accounts {
    pub fn contains(&self, id: &str) -> bool {
        self.by_id.contains_key(id)
    }

    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
    }

    /// Every imported UserID, in UserID order (an all-user push reaches these).
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.by_id.keys().map(String::as_str)
    }

    pub fn import(&mut self, id: &str, now_s: u64) {
        self.by_id.entry(id.to_owned()).or_insert(now_s);
    }
}

pub const ROUTES: &[Route] = &[
    route("account_import", import_one),
    route("multiaccount_import", import_many),
    route("account_delete", delete),
    route("account_check", check),
    route("kick", kick),
    Route::new("openim", "query_online_status", online_status),
];

const fn route(command: &'static str, handler: Handler) -> Route {
    Route::new("im_open_login_svc", command, handler)
}

fn import_one(ctx: &mut Ctx<'_>) -> Outcome {
    let id = ctx.user_id("UserID", BAD)?;
    let nick = ctx.opt_str("Nick", BAD)?;
    let face = ctx.opt_str("FaceUrl", BAD)?;
    import(ctx, id, nick, face);
    Ok(json!({}))
}

fn import(ctx: &mut Ctx<'_>, id: &str, nick: Option<&str>, face: Option<&str>) {
    ctx.state.accounts.import(id, ctx.now_s);
    if let Some(n) = nick {
        ctx.state.profiles.set(id, "Tag_Profile_IM_Nick", n.into());
    }
    if let Some(f) = face {
        ctx.state.profiles.set(id, "Tag_Profile_IM_Image", f.into());
    }
}

/// Two body forms on one endpoint: `Accounts: [ids]` (old) or `AccountList: [{UserID, Nick,
/// FaceUrl}]` (new). Invalid items are reported in `FailAccounts`; the rest are imported.
fn import_many(ctx: &mut Ctx<'_>) -> Outcome {
    let old = ctx.body.contains_key("Accounts");
    let new = ctx.body.contains_key("AccountList");
    if old == new {
        return Err(ApiError::new(
            BAD,
            "give exactly one of Accounts or AccountList",
        ));
    }
    let items = ctx.array(if old { "Accounts" } else { "AccountList" }, BAD)?;
    if items.is_empty() || items.len() > 100 {
        return Err(ApiError::new(BAD, "import 1 to 100 accounts per request"));
    }
    let mut failed = Vec::new();
    for item in items {
        let (id, nick, face) = if old {
            (item.as_str(), None, None)
        } else {
            let o = item.as_object();
            let field = |k| o.and_then(|o| o.get(k)).and_then(Value::as_str);
            (field("UserID"), field("Nick"), field("FaceUrl"))
        };
        match id {
            Some(id) if !id.is_empty() && id.len() <= crate::usersig::MAX_USER_ID_BYTES => {
                import(ctx, id, nick, face)
            }
            Some(id) => failed.push(id.into()),
            None => failed.push(Value::Null),
        }
    }
    Ok(if failed.is_empty() {
        json!({})
    } else {
        json!({ "FailAccounts": failed })
    })
}

/// `[{UserID}]` items of `key`, each a valid UserID, at most 100.
fn id_items<'a>(ctx: &Ctx<'a>, key: &str) -> Result<Vec<&'a str>, ApiError> {
    let items = ctx.array(key, BAD)?;
    if items.is_empty() || items.len() > 100 {
        return Err(ApiError::new(BAD, "give 1 to 100 items"));
    }
    items
        .iter()
        .map(|it| {
            it.get("UserID")
                .and_then(Value::as_str)
                .filter(|id| !id.is_empty() && id.len() <= crate::usersig::MAX_USER_ID_BYTES)
                .ok_or_else(|| ApiError::new(BAD, "each item needs a UserID string of 1-32 bytes"))
        })
        .collect()
}

fn result_item(id: &str, ok: bool) -> Value {
    json!({
        "UserID": id,
        "ResultCode": if ok { 0 } else { NOT_IMPORTED },
        "ResultInfo": if ok { "" } else { "account not imported" },
    })
}

fn delete(ctx: &mut Ctx<'_>) -> Outcome {
    let ids = id_items(ctx, "DeleteItem")?;
    let mut out = Vec::new();
    for id in ids {
        let ok = ctx.state.accounts.by_id.remove(id).is_some();
        if ok {
            ctx.state.profiles.remove(id);
            ctx.state.friends.forget(id);
        }
        out.push(result_item(id, ok));
    }
    Ok(json!({ "ResultItem": out }))
}

fn check(ctx: &mut Ctx<'_>) -> Outcome {
    let ids = id_items(ctx, "CheckItem")?;
    let out = ids
        .into_iter()
        .map(|id| {
            let imported = ctx.state.accounts.contains(id);
            let mut o = result_item(id, true);
            o["AccountStatus"] = if imported { "Imported" } else { "NotImported" }.into();
            o
        })
        .collect::<Vec<_>>();
    Ok(json!({ "ResultItem": out }))
}

fn kick(ctx: &mut Ctx<'_>) -> Outcome {
    let id = ctx.user_id("UserID", BAD)?;
    if !ctx.exists(id) {
        return Err(ApiError::new(NOT_IMPORTED, "account not imported"));
    }
    Ok(json!({}))
}

fn online_status(ctx: &mut Ctx<'_>) -> Outcome {
    let ids = ctx.user_ids("To_Account", 500, BAD)?;
    let mut found = Vec::new();
    let mut errors = Vec::new();
    for id in ids {
        if ctx.exists(id) {
            found.push(json!({ "To_Account": id, "Status": "Offline" }));
        } else {
            errors.push(json!({ "To_Account": id, "ErrorCode": NOT_IMPORTED }));
        }
    }
    let mut o = json!({ "QueryResult": found });
    if !errors.is_empty() {
        o["ErrorList"] = errors.into();
    }
    Ok(o)
}

impl Persist for Accounts {}
