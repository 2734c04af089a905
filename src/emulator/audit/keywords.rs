//! The keyword libraries (`im_msg_audit_mgr`): the local list (words with a WordType and a
//! FilterType) and one cloud library (words with a Label), both paged by Offset/Limit. Tencent
//! creates cloud libraries in its console; the emulator has exactly one, whose ID
//! `get_cloud_audit_keywords_ids` lists. Every call names the app in `SdkAppId`.
//! Codes (cloud pages): 2003 invalid parameter, 2016 too many keywords for one call; the
//! emulator uses them for the local list too.

use super::{request_id, Audit};
use crate::emulator::calendar::datetime;
use crate::emulator::ctx::field_msg;
use crate::emulator::routes::{Handler, Route};
use crate::emulator::{ApiError, Ctx, Outcome};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

const BAD: i64 = 2003;
const TOO_MANY: i64 = 2016;
/// Keywords per library: the emulator's bound (it keeps verdicts cheap).
const MAX_WORDS: usize = 1000;
const MAX_WORD_BYTES: usize = 255;
/// Local keywords per add / delete call (the catalog's 10); cloud ones per add call (emulator's).
const MAX_LOCAL_PER_CALL: usize = 10;
const MAX_CLOUD_ADD: usize = 100;
const MAX_CLOUD_DELETE: usize = 10;
const MAX_PAGE: i64 = 100;
const LABELS: [&str; 9] = [
    "Normal",
    "Illegal",
    "Abuse",
    "Polity",
    "Ad",
    "Porn",
    "Sexy",
    "Terror",
    "Composite",
];

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LocalWord {
    #[serde(rename = "Id")]
    id: u64,
    #[serde(rename = "Keyword")]
    pub keyword: String,
    /// 1 a word, 2 a regular expression.
    #[serde(rename = "WordType")]
    pub word_type: u8,
    /// 1 replace, 2 intercept.
    #[serde(rename = "FilterType")]
    pub filter_type: u8,
    #[serde(rename = "ReplacedContent")]
    replaced: String,
    #[serde(rename = "UpdateTime")]
    time: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CloudWord {
    #[serde(rename = "ID")]
    id: u64,
    #[serde(rename = "Content")]
    pub content: String,
    #[serde(rename = "Label")]
    pub label: String,
    #[serde(rename = "CreateTime")]
    time: u64,
}

pub fn check(a: &Audit) -> Result<(), String> {
    let local_ok = a.local.len() <= MAX_WORDS
        && a.local.iter().all(|w| {
            w.id <= a.last_local
                && matches!(w.word_type, 1 | 2)
                && matches!(w.filter_type, 1 | 2)
                && word_ok(&w.keyword)
        });
    let cloud_ok = a.cloud.len() <= MAX_WORDS
        && a.cloud.iter().all(|w| {
            w.id <= a.last_cloud && LABELS.contains(&w.label.as_str()) && word_ok(&w.content)
        });
    if local_ok && cloud_ok {
        Ok(())
    } else {
        Err("keywords break their limits".into())
    }
}

fn word_ok(w: &str) -> bool {
    !w.is_empty() && w.len() <= MAX_WORD_BYTES
}

pub const fn route(command: &'static str, handler: Handler) -> Route {
    Route::new("im_msg_audit_mgr", command, handler)
}

/// `SdkAppId` must name this app; the answer's RequestId is derived from the whole body.
fn app(ctx: &Ctx<'_>, command: &str) -> Result<String, ApiError> {
    if ctx.int("SdkAppId", BAD)? != i64::from(ctx.sdk_app_id) {
        return Err(ApiError::new(BAD, "SdkAppId is not this app's SDKAppID"));
    }
    Ok(request_id(&[
        command,
        &Value::Object(ctx.body.clone()).to_string(),
    ]))
}

fn bad(key: &str, what: &str) -> ApiError {
    ApiError::new(BAD, field_msg(key, what))
}

/// Offset (default 0) and Limit (1-100, default 100).
fn window(ctx: &Ctx<'_>) -> Result<(usize, usize), ApiError> {
    let offset = ctx.opt_int("Offset", BAD)?.unwrap_or(0);
    let limit = ctx.opt_int("Limit", BAD)?.unwrap_or(MAX_PAGE);
    if offset < 0 {
        return Err(bad("Offset", "must not be negative"));
    }
    if !(1..=MAX_PAGE).contains(&limit) {
        return Err(bad("Limit", "must be 1-100"));
    }
    Ok((
        usize::try_from(offset).unwrap_or(usize::MAX),
        limit as usize,
    ))
}

/// `LocalAuditWords`: 1-10 objects.
fn local_items<'a>(ctx: &Ctx<'a>) -> Result<&'a [Value], ApiError> {
    let items = ctx.array("LocalAuditWords", BAD)?;
    if items.is_empty() {
        return Err(bad("LocalAuditWords", "is empty"));
    }
    if items.len() > MAX_LOCAL_PER_CALL {
        return Err(ApiError::new(
            TOO_MANY,
            "LocalAuditWords holds at most 10 keywords",
        ));
    }
    if !items.iter().all(Value::is_object) {
        return Err(bad("LocalAuditWords", "items must be objects"));
    }
    Ok(items)
}

/// An optional 1/2 field of a keyword item.
fn one_or_two(it: &Value, key: &str, default: u8) -> Result<u8, ApiError> {
    match it.get(key) {
        None | Some(Value::Null) => Ok(default),
        Some(v) => match v.as_u64() {
            Some(n @ (1 | 2)) => Ok(n as u8),
            _ => Err(bad(key, "must be 1 or 2")),
        },
    }
}

/// Adds (or, for a Keyword + WordType already listed, updates) 1-10 local keywords.
/// WordType defaults to 1 (word), FilterType to 2 (intercept).
pub fn add_local(ctx: &mut Ctx<'_>) -> Outcome {
    let rid = app(ctx, "add_local_audit_keywords")?;
    let mut words = Vec::new();
    for it in local_items(ctx)? {
        let keyword = it
            .get("Keyword")
            .and_then(Value::as_str)
            .filter(|k| word_ok(k));
        let keyword = keyword.ok_or_else(|| bad("Keyword", "must be a string of 1-255 bytes"))?;
        let word_type = one_or_two(it, "WordType", 1)?;
        let filter_type = one_or_two(it, "FilterType", 2)?;
        let replaced = match it.get("ReplacedContent") {
            None | Some(Value::Null) => "",
            Some(Value::String(s)) if s.len() <= MAX_WORD_BYTES => s.as_str(),
            Some(_) => {
                return Err(bad(
                    "ReplacedContent",
                    "must be a string of at most 255 bytes",
                ))
            }
        };
        words.push((keyword, word_type, filter_type, replaced));
    }
    let now = ctx.now_s;
    let a = &mut ctx.state.audit;
    let new = words
        .iter()
        .filter(|(k, t, ..)| !a.local.iter().any(|w| w.keyword == *k && w.word_type == *t))
        .count();
    if a.local.len() + new > MAX_WORDS {
        return Err(ApiError::new(
            TOO_MANY,
            "the emulator keeps at most 1000 local keywords",
        ));
    }
    for (keyword, word_type, filter_type, replaced) in words {
        match a
            .local
            .iter_mut()
            .find(|w| w.keyword == keyword && w.word_type == word_type)
        {
            Some(w) => {
                w.filter_type = filter_type;
                w.replaced = replaced.to_owned();
                w.time = now;
            }
            None => {
                a.last_local += 1;
                a.local.push(LocalWord {
                    id: a.last_local,
                    keyword: keyword.to_owned(),
                    word_type,
                    filter_type,
                    replaced: replaced.to_owned(),
                    time: now,
                });
            }
        }
    }
    Ok(json!({ "RequestId": rid }))
}

/// Deletes 1-10 local keywords, each named by its `Id` or else its `Keyword` (and WordType when
/// given); one that is not listed is ignored.
pub fn delete_local(ctx: &mut Ctx<'_>) -> Outcome {
    let rid = app(ctx, "delete_local_audit_keywords")?;
    let mut picks = Vec::new();
    for it in local_items(ctx)? {
        let id = it.get("Id").and_then(Value::as_u64);
        let keyword = it.get("Keyword").and_then(Value::as_str);
        if id.is_none() && keyword.is_none() {
            return Err(bad("LocalAuditWords", "items need an Id or a Keyword"));
        }
        let word_type = match it.get("WordType") {
            None | Some(Value::Null) => None,
            Some(_) => Some(one_or_two(it, "WordType", 1)?),
        };
        picks.push((id, keyword, word_type));
    }
    ctx.state.audit.local.retain(|w| {
        !picks.iter().any(|(id, k, t)| match id {
            Some(id) => w.id == *id,
            None => Some(w.keyword.as_str()) == *k && t.is_none_or(|t| t == w.word_type),
        })
    });
    Ok(json!({ "RequestId": rid }))
}

/// FilterType 1 or 2 narrows the list (0 or absent: all), Keyword to words containing it.
pub fn get_local(ctx: &mut Ctx<'_>) -> Outcome {
    let rid = app(ctx, "get_local_audit_keywords")?;
    let (offset, limit) = window(ctx)?;
    let filter = ctx.opt_int("FilterType", BAD)?.unwrap_or(0);
    if !(0..=2).contains(&filter) {
        return Err(bad("FilterType", "must be 1 (replace) or 2 (intercept)"));
    }
    let needle = ctx.opt_str("Keyword", BAD)?.unwrap_or("");
    let all = &ctx.state.audit.local;
    let cur: Vec<&LocalWord> = all
        .iter()
        .filter(|w| {
            (filter == 0 || i64::from(w.filter_type) == filter) && w.keyword.contains(needle)
        })
        .collect();
    let regex = |ws: &mut dyn Iterator<Item = &LocalWord>| ws.filter(|w| w.word_type == 2).count();
    let page: Vec<Value> = cur
        .iter()
        .skip(offset)
        .take(limit)
        .map(|w| {
            json!({
                "Id": w.id,
                "Keyword": w.keyword,
                "WordType": w.word_type,
                "FilterType": w.filter_type,
                "ReplacedContent": w.replaced,
                "UpdateTime": datetime(w.time),
            })
        })
        .collect();
    Ok(json!({
        "RequestId": rid,
        "LocalAuditWords": page,
        "TotalCount": all.len(),
        "TotalRegCount": regex(&mut all.iter()),
        "CurCount": cur.len(),
        "CurRegCount": regex(&mut cur.iter().copied()),
    }))
}

/// The one cloud library's ID: UUID-shaped, derived from the SDKAppID.
fn library_id(ctx: &Ctx<'_>) -> String {
    request_id(&["keyword library", &ctx.sdk_app_id.to_string()])
}

fn library(ctx: &Ctx<'_>) -> Result<(), ApiError> {
    if ctx.str("LibID", BAD)? != library_id(ctx) {
        return Err(bad(
            "LibID",
            "is not a library of get_cloud_audit_keywords_ids",
        ));
    }
    Ok(())
}

pub fn get_libraries(ctx: &mut Ctx<'_>) -> Outcome {
    let rid = app(ctx, "get_cloud_audit_keywords_ids")?;
    let (offset, limit) = window(ctx)?;
    let lib = json!({
        "ID": library_id(ctx),
        "LibName": format!("4_7_{}_1", ctx.sdk_app_id),
        "Describe": "tim-edge emulator keyword library",
        "CreateTime": format!("{} +0800 CST", datetime(0)),
        "Suggestion": "Block",
    });
    let infos: Vec<Value> = [lib].into_iter().skip(offset).take(limit).collect();
    Ok(json!({ "RequestId": rid, "TotalCount": 1, "Infos": infos }))
}

/// Content narrows to words containing it; TotalCount counts the whole library.
pub fn get_cloud(ctx: &mut Ctx<'_>) -> Outcome {
    let rid = app(ctx, "get_cloud_audit_keywords")?;
    library(ctx)?;
    let (offset, limit) = window(ctx)?;
    let needle = ctx.opt_str("Content", BAD)?.unwrap_or("");
    let words = &ctx.state.audit.cloud;
    let infos: Vec<Value> = words
        .iter()
        .filter(|w| w.content.contains(needle))
        .skip(offset)
        .take(limit)
        .map(|w| json!({ "ID": w.id.to_string(), "Content": w.content, "CreateTime": datetime(w.time), "Label": w.label }))
        .collect();
    Ok(json!({ "RequestId": rid, "TotalCount": words.len(), "Infos": infos }))
}

/// Adds 1-100 words; a word already there gets the new Label. Label defaults to Illegal.
pub fn add_cloud(ctx: &mut Ctx<'_>) -> Outcome {
    let rid = app(ctx, "add_cloud_audit_keywords")?;
    library(ctx)?;
    let items = ctx.array("UserKeywords", BAD)?;
    if items.is_empty() {
        return Err(bad("UserKeywords", "is empty"));
    }
    if items.len() > MAX_CLOUD_ADD {
        return Err(ApiError::new(
            TOO_MANY,
            "UserKeywords holds at most 100 words",
        ));
    }
    let mut words = Vec::with_capacity(items.len());
    for it in items {
        let content = it
            .get("Content")
            .and_then(Value::as_str)
            .filter(|c| word_ok(c));
        let content = content.ok_or_else(|| bad("Content", "must be a string of 1-255 bytes"))?;
        let label = match it.get("Label") {
            None | Some(Value::Null) => "Illegal",
            Some(v) => v.as_str().filter(|l| LABELS.contains(l)).ok_or_else(|| {
                bad(
                    "Label",
                    "must be Normal, Illegal, Abuse, Polity, Ad, Porn, Sexy, Terror or Composite",
                )
            })?,
        };
        words.push((content, label));
    }
    let now = ctx.now_s;
    let a = &mut ctx.state.audit;
    let new = words
        .iter()
        .filter(|(c, _)| !a.cloud.iter().any(|w| w.content == *c))
        .count();
    if a.cloud.len() + new > MAX_WORDS {
        return Err(ApiError::new(
            TOO_MANY,
            "the emulator keeps at most 1000 cloud keywords",
        ));
    }
    for (content, label) in words {
        match a.cloud.iter_mut().find(|w| w.content == content) {
            Some(w) => w.label = label.to_owned(),
            None => {
                a.last_cloud += 1;
                a.cloud.push(CloudWord {
                    id: a.last_cloud,
                    content: content.to_owned(),
                    label: label.to_owned(),
                    time: now,
                });
            }
        }
    }
    Ok(json!({ "RequestId": rid }))
}

/// Deletes 1-10 words; `Details` says per word whether it was there.
pub fn delete_cloud(ctx: &mut Ctx<'_>) -> Outcome {
    let rid = app(ctx, "delete_cloud_audit_keywords")?;
    library(ctx)?;
    let items = ctx.array("Keywords", BAD)?;
    if items.is_empty() || items.len() > MAX_CLOUD_DELETE {
        return Err(bad("Keywords", "must hold 1-10 words"));
    }
    let words: Vec<&str> = items
        .iter()
        .map(|v| {
            v.as_str()
                .ok_or_else(|| bad("Keywords", "items must be strings"))
        })
        .collect::<Result<_, _>>()?;
    let cloud = &mut ctx.state.audit.cloud;
    let mut details = Vec::with_capacity(words.len());
    let mut count = 0;
    for word in words {
        let found = cloud.iter().position(|w| w.content == word);
        let id = found.map(|i| cloud.remove(i).id.to_string());
        count += usize::from(id.is_some());
        details.push(json!({
            "KeywordID": id.clone().unwrap_or_default(),
            "Keyword": word,
            "Deleted": id.is_some(),
            "ErrorInfo": if id.is_some() { "" } else { "not in the library" },
        }));
    }
    Ok(json!({ "RequestId": rid, "Details": details, "Count": count }))
}
