//! Profiles: the `Tag_Profile_*` values of each account (portrait_set / portrait_get).
//!
//! The standard tags and their value rules are one table ([`STANDARD`], from Tencent's profile
//! page 269/3558); custom tags are `Tag_Profile_Custom_` plus an English keyword of at most 8
//! bytes. Tencent only accepts custom tags configured in the console; the emulator has no
//! console, so every well-formed custom tag is accepted.

use super::routes::Route;
use super::snapshot::Persist;
use super::{ApiError, Ctx, Outcome};
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

/// The profile family's "invalid parameter" code (Err_Profile_Comm_Decode_Fail in 269/1640).
const BAD: i64 = 40001;
/// "Requested account does not exist".
const NO_ACCOUNT: i64 = 40003;
/// "Profile field Value longer than 500 bytes".
const TOO_LONG: i64 = 40601;
/// portrait_get reads at most this many accounts (269/1640: "no more than 100").
const MAX_GET: usize = 100;
/// At most this many items in ProfileItem / TagList: Tencent documents no limit; the emulator
/// sets one so that a request cannot build a huge reply (100 accounts x repeated tags).
const MAX_TAGS: usize = 100;
/// Every string value is at most 500 bytes (269/3558).
const MAX_STRING: usize = 500;

const CUSTOM_PREFIX: &str = "Tag_Profile_Custom_";

/// What a standard tag's value must be.
#[derive(Clone, Copy)]
enum Kind {
    /// A string of at most 500 bytes.
    Text,
    /// One of these strings.
    OneOf(&'static [&'static str]),
    /// An unsigned 32-bit integer.
    U32,
}

pub const ALLOW_NEED_CONFIRM: &str = "AllowType_Type_NeedConfirm";
pub const ALLOW_ANY: &str = "AllowType_Type_AllowAny";
pub const ALLOW_DENY: &str = "AllowType_Type_DenyAny";
pub const ADMIN_FORBID_SEND_OUT: &str = "AdminForbid_Type_SendOut";

/// The standard profile tags (269/3558). Tag_Profile_IM_Location is 500 bytes on the current
/// Chinese page (older and international pages say 16); the newer limit is used.
const STANDARD: &[(&str, Kind)] = &[
    ("Tag_Profile_IM_Nick", Kind::Text),
    (
        "Tag_Profile_IM_Gender",
        Kind::OneOf(&[
            "Gender_Type_Unknown",
            "Gender_Type_Female",
            "Gender_Type_Male",
        ]),
    ),
    ("Tag_Profile_IM_BirthDay", Kind::U32),
    ("Tag_Profile_IM_Location", Kind::Text),
    ("Tag_Profile_IM_SelfSignature", Kind::Text),
    (
        "Tag_Profile_IM_AllowType",
        Kind::OneOf(&[ALLOW_NEED_CONFIRM, ALLOW_ANY, ALLOW_DENY]),
    ),
    ("Tag_Profile_IM_Language", Kind::U32),
    ("Tag_Profile_IM_Image", Kind::Text),
    ("Tag_Profile_IM_MsgSettings", Kind::U32),
    (
        "Tag_Profile_IM_AdminForbidType",
        Kind::OneOf(&["AdminForbid_Type_None", ADMIN_FORBID_SEND_OUT]),
    ),
    ("Tag_Profile_IM_Level", Kind::U32),
    ("Tag_Profile_IM_Role", Kind::U32),
];

/// In a snapshot: `{UserID: {tag: value}}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Profiles {
    /// UserID -> tag -> value.
    by_id: BTreeMap<String, Map<String, Value>>,
}

impl Profiles {
    pub fn set(&mut self, id: &str, tag: &str, value: Value) {
        self.by_id
            .entry(id.to_owned())
            .or_default()
            .insert(tag.to_owned(), value);
    }

    pub fn get(&self, id: &str, tag: &str) -> Option<&Value> {
        self.by_id.get(id).and_then(|o| o.get(tag))
    }

    /// A string tag's value, if set.
    pub fn get_str(&self, id: &str, tag: &str) -> Option<&str> {
        self.get(id, tag).and_then(Value::as_str)
    }

    pub fn remove(&mut self, id: &str) {
        self.by_id.remove(id);
    }
}

/// Whether `tag` names a profile field (a standard tag or a well-formed custom one).
pub fn is_profile_tag(tag: &str) -> bool {
    kind_of(tag).is_some()
}

/// `None` for an unknown tag; `Some(None)` for a custom tag (string or integer).
fn kind_of(tag: &str) -> Option<Option<Kind>> {
    if let Some(key) = tag.strip_prefix(CUSTOM_PREFIX) {
        let ok = !key.is_empty() && key.len() <= 8 && key.bytes().all(|b| b.is_ascii_alphabetic());
        return ok.then_some(None);
    }
    STANDARD
        .iter()
        .find(|(name, _)| *name == tag)
        .map(|(_, k)| Some(*k))
}

/// Checks one `{Tag, Value}` item; the error carries Tencent's code for what is wrong.
fn check_item(item: &Value) -> Result<(&str, &Value), ApiError> {
    let tag = item
        .get("Tag")
        .and_then(Value::as_str)
        .ok_or_else(|| ApiError::new(BAD, "each ProfileItem needs a Tag string"))?;
    let value = item
        .get("Value")
        .ok_or_else(|| ApiError::new(BAD, format!("ProfileItem {tag} has no Value")))?;
    let kind =
        kind_of(tag).ok_or_else(|| ApiError::new(BAD, format!("{tag} is not a profile tag")))?;
    let text_ok = |v: &str| {
        if v.len() > MAX_STRING {
            Err(ApiError::new(
                TOO_LONG,
                format!("{tag} is over {MAX_STRING} bytes"),
            ))
        } else {
            Ok(())
        }
    };
    match (kind, value) {
        (Some(Kind::Text) | None, Value::String(v)) => text_ok(v)?,
        (Some(Kind::OneOf(allowed)), Value::String(v)) if allowed.contains(&v.as_str()) => {}
        (Some(Kind::U32), v) if v.as_u64().is_some_and(|n| n <= u32::MAX as u64) => {}
        (None, v) if v.as_u64().is_some() => {}
        (Some(Kind::OneOf(allowed)), _) => {
            return Err(ApiError::new(
                BAD,
                format!("{tag} must be one of {}", allowed.join(", ")),
            ))
        }
        (Some(Kind::U32), _) => {
            return Err(ApiError::new(
                BAD,
                format!("{tag} must be an unsigned 32-bit integer"),
            ))
        }
        _ => {
            return Err(ApiError::new(
                BAD,
                format!("{tag} has a value of the wrong type"),
            ))
        }
    }
    Ok((tag, value))
}

pub const ROUTES: &[Route] = &[
    Route::new("profile", "portrait_set", set),
    Route::new("profile", "portrait_get", get),
];

/// All items are checked before any is stored: one bad item fails the request and changes
/// nothing.
fn set(ctx: &mut Ctx<'_>) -> Outcome {
    let id = ctx.user_id("From_Account", BAD)?;
    if !ctx.exists(id) {
        return Err(ApiError::new(
            NO_ACCOUNT,
            format!("From_Account {id} is not imported"),
        ));
    }
    let items = ctx.array("ProfileItem", BAD)?;
    if items.is_empty() || items.len() > MAX_TAGS {
        return Err(ApiError::new(BAD, "ProfileItem holds 1 to 100 items"));
    }
    let checked = items
        .iter()
        .map(check_item)
        .collect::<Result<Vec<_>, _>>()?;
    for (tag, value) in checked {
        ctx.state.profiles.set(id, tag, value.clone());
    }
    let body = json!({
        "Operator_Account": ctx.admin,
        "From_Account": id,
        "ProfileItem": items,
        "EventTime": ctx.now_s * 1000,
    });
    ctx.after("Profile.CallbackPortraitSet", body);
    Ok(json!({}))
}

/// Unset tags are left out of an account's `ProfileItem` (the emulator invents no defaults).
fn get(ctx: &mut Ctx<'_>) -> Outcome {
    let ids = ctx.user_ids("To_Account", MAX_GET, BAD)?;
    let tags = ctx.array("TagList", BAD)?;
    if tags.is_empty() || tags.len() > MAX_TAGS {
        return Err(ApiError::new(BAD, "TagList holds 1 to 100 tags"));
    }
    let tags = tags
        .iter()
        .map(|t| match t.as_str() {
            Some(t) if is_profile_tag(t) => Ok(t),
            Some(t) => Err(ApiError::new(BAD, format!("{t} is not a profile tag"))),
            None => Err(ApiError::new(BAD, "TagList items must be strings")),
        })
        .collect::<Result<Vec<_>, _>>()?;
    let mut items = Vec::new();
    let mut failed = Vec::new();
    for id in ids {
        if !ctx.exists(id) {
            items.push(json!({
                "To_Account": id,
                "ResultCode": NO_ACCOUNT,
                "ResultInfo": "account not imported",
            }));
            failed.push(id);
            continue;
        }
        let profile: Vec<Value> = tags
            .iter()
            .filter_map(|t| {
                let v = ctx.state.profiles.get(id, t)?;
                Some(json!({ "Tag": t, "Value": v }))
            })
            .collect();
        items.push(json!({
            "To_Account": id,
            "ProfileItem": profile,
            "ResultCode": 0,
            "ResultInfo": "",
        }));
    }
    let mut out = json!({ "UserProfileItem": items });
    if !failed.is_empty() {
        out["Fail_Account"] = failed.into();
    }
    Ok(out)
}

impl Persist for Profiles {}
