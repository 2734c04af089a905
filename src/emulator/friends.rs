//! Relationship chain (service `sns`): friends, the blocklist and friend lists ("groups").
//!
//! Each account owns a [`Chain`]: its one-way friend entries, its blocklist and its list names,
//! plus the sequences Tencent returns so that clients can skip unchanged data. A two-way
//! friendship is simply two entries. Per-item failures go in `ResultItem` (and `Fail_Account`)
//! with `ErrorCode` 0, as Tencent's examples show (269/1643, 269/3718).
//!
//! Codes (error-codes.json, FAQ 269/32485): 30001 covers bad parameters *and* "already a
//! friend", "not a friend", "already blocked", "not blocked"; 30003 an unknown account;
//! 30010/30014 the 3000-friend limit; 30515/30525 blocklists; 30516 DenyAny; 30539 a request
//! that waits for the peer's confirmation; 31704 deleting a non-friend.

mod blocklist;
mod chain;
mod lists;
mod reads;
mod relations;

pub use chain::{Chain, Entry, Friends};

use super::routes::{Handler, Route};
use super::{ApiError, Ctx};
use serde_json::{json, Value};

const BAD: i64 = 30001;
const NO_ACCOUNT: i64 = 30003;

pub const ROUTES: &[Route] = &[
    route("friend_add", relations::add),
    route("friend_import", relations::import),
    route("friend_update", relations::update),
    route("friend_delete", relations::delete),
    route("friend_delete_all", relations::delete_all),
    route("friend_check", relations::check),
    route("friend_get", reads::get),
    route("friend_get_list", reads::get_list),
    route("black_list_add", blocklist::add),
    route("black_list_delete", blocklist::delete),
    route("black_list_get", blocklist::get),
    route("black_list_check", blocklist::check),
    route("group_add", lists::add),
    route("group_delete", lists::delete),
    route("group_get", lists::get),
];

const fn route(command: &'static str, handler: Handler) -> Route {
    Route::new("sns", command, handler)
}

/// `From_Account`: a valid UserID of an imported account (or the admin).
fn owner<'a>(ctx: &Ctx<'a>) -> Result<&'a str, ApiError> {
    let id = ctx.user_id("From_Account", BAD)?;
    if !ctx.exists(id) {
        return Err(ApiError::new(
            NO_ACCOUNT,
            format!("From_Account {id} is not imported"),
        ));
    }
    Ok(id)
}

/// Per-account results: `ResultItem` (or another key) plus `Fail_Account` when any failed.
#[derive(Default)]
struct Results {
    items: Vec<Value>,
    failed: Vec<Value>,
}

impl Results {
    fn ok(&mut self, id: &str) {
        self.push(id, 0, "");
    }

    fn push(&mut self, id: &str, code: i64, info: &str) {
        self.items
            .push(json!({ "To_Account": id, "ResultCode": code, "ResultInfo": info }));
        if code != 0 {
            self.failed.push(id.into());
        }
    }

    /// Adds extra fields (e.g. `Relation`) to the last item.
    fn extend_last(&mut self, key: &str, v: Value) {
        if let Some(Value::Object(o)) = self.items.last_mut() {
            o.insert(key.to_owned(), v);
        }
    }

    fn finish(self, key: &str) -> Value {
        let mut out = json!({ key: self.items });
        if !self.failed.is_empty() {
            out["Fail_Account"] = self.failed.into();
        }
        out
    }
}

/// `EventTime` of webhooks: Unix milliseconds.
fn event_time(ctx: &Ctx<'_>) -> u64 {
    ctx.now_s.saturating_mul(1000)
}

/// The most friends an account may have (Tencent's default limit).
const MAX_FRIENDS: usize = 3000;
/// Byte limits of the relationship fields (Tencent's relationship-chain field table).
const MAX_REMARK: usize = 96;
const MAX_LIST_NAME: usize = 30;
const MAX_WORDING: usize = 256;
const MAX_CUSTOM: usize = 500;
/// Bounds the emulator sets where Tencent documents none, so that one request cannot make it
/// do quadratic work or build a huge reply: tags, names or custom items per array, and friend
/// lists per account (30011 past it).
const MAX_TAGS: usize = 100;
const MAX_LISTS: usize = 1000;
const SOURCE_PREFIX: &str = "AddSource_Type_";
const CUSTOM_PREFIX: &str = "Tag_SNS_Custom_";

/// An optional string member of an item object, at most `max` bytes.
fn text<'v>(item: &'v Value, key: &str, max: usize) -> Result<Option<&'v str>, ApiError> {
    match item.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(v)) if v.len() <= max => Ok(Some(v)),
        Some(Value::String(_)) => Err(ApiError::new(BAD, format!("{key} is over {max} bytes"))),
        Some(_) => Err(ApiError::new(BAD, format!("{key} must be a string"))),
    }
}

/// `AddSource`: required, `AddSource_Type_` plus a keyword of 1 to 8 bytes.
fn add_source(item: &Value) -> Result<&str, ApiError> {
    match text(item, "AddSource", usize::MAX)? {
        Some(v)
            if v.strip_prefix(SOURCE_PREFIX)
                .is_some_and(|k| (1..=8).contains(&k.len())) =>
        {
            Ok(v)
        }
        Some(_) => Err(ApiError::new(
            BAD,
            "AddSource must be AddSource_Type_ plus a keyword of at most 8 bytes",
        )),
        None => Err(ApiError::new(BAD, "AddSource is required")),
    }
}

/// A friend-list name: a string of 1 to 30 bytes.
fn list_name(v: &Value) -> Result<&str, ApiError> {
    match v.as_str() {
        Some(n) if !n.is_empty() && n.len() <= MAX_LIST_NAME => Ok(n),
        _ => Err(ApiError::new(
            BAD,
            "friend-list names must be strings of 1 to 30 bytes",
        )),
    }
}

/// A `Tag_SNS_Custom_*` tag with its value (a string of at most 500 bytes or an integer).
fn custom_item(item: &Value) -> Result<(&str, &Value), ApiError> {
    let tag = item.get("Tag").and_then(Value::as_str).unwrap_or("");
    let key = tag.strip_prefix(CUSTOM_PREFIX).unwrap_or("");
    if key.is_empty() || key.len() > 8 || !key.bytes().all(|b| b.is_ascii_alphabetic()) {
        return Err(ApiError::new(
            BAD,
            "custom relationship tags are Tag_SNS_Custom_ plus 1 to 8 letters",
        ));
    }
    match item.get("Value") {
        Some(v @ Value::String(x)) if x.len() <= MAX_CUSTOM => Ok((tag, v)),
        Some(v @ Value::Number(_)) if v.as_i64().is_some() => Ok((tag, v)),
        _ => Err(ApiError::new(
            BAD,
            format!("{tag} needs a Value: a string of at most 500 bytes or an integer"),
        )),
    }
}

/// An array of at most [`MAX_TAGS`] items.
fn capped<'v>(v: Option<&'v Value>, what: &str) -> Result<&'v [Value], ApiError> {
    match v.and_then(Value::as_array) {
        Some(a) if a.len() <= MAX_TAGS => Ok(a),
        Some(_) => Err(ApiError::new(
            BAD,
            format!("{what} holds more than {MAX_TAGS} items"),
        )),
        None => Err(ApiError::new(BAD, format!("{what} must be an array"))),
    }
}

/// Whether `owner` can have `names` as friend lists without passing [`MAX_LISTS`].
fn room_for_lists(friends: &Friends, owner: &str, names: &[&str]) -> bool {
    let lists = friends.chain(owner).map_or(&[][..], |c| &c.lists[..]);
    let new = names
        .iter()
        .filter(|n| !lists.iter().any(|l| l == *n))
        .count();
    lists.len() + new <= MAX_LISTS
}

/// A 0/1 flag member of the body (absent: 0).
fn flag(ctx: &Ctx<'_>, key: &str) -> Result<bool, ApiError> {
    match ctx.opt_int(key, BAD)? {
        None | Some(0) => Ok(false),
        Some(1) => Ok(true),
        Some(_) => Err(ApiError::new(BAD, format!("{key} must be 0 or 1"))),
    }
}

/// Which of two spellings an optional enum member holds (`None`: absent).
fn choice(ctx: &Ctx<'_>, key: &str, yes: &str, no: &str) -> Result<Option<bool>, ApiError> {
    match ctx.opt_str(key, BAD)? {
        None => Ok(None),
        Some(v) if v == yes => Ok(Some(true)),
        Some(v) if v == no => Ok(Some(false)),
        Some(_) => Err(ApiError::new(BAD, format!("{key} must be {yes} or {no}"))),
    }
}
