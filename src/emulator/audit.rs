//! Content moderation (`im_msg_audit`) and its keyword libraries (`im_msg_audit_mgr`).
//!
//! Tencent's verdicts come from its models; the emulator's come from the keyword libraries a test
//! fills through the same REST API, so they are deterministic and configurable:
//! - a text (or an image URL) that contains a keyword of the cloud library is `Block`, labelled
//!   with that keyword's `Label` (default `Illegal`; a keyword labelled `Normal` never matches);
//! - otherwise one that contains a local keyword whose FilterType is 2 (intercept) is `Block`,
//!   label `Illegal`; one that contains a local keyword with FilterType 1 (replace) is `Review`;
//! - anything else is `Pass`, label `Normal`, score 0 (Block 100, Review 50).
//!
//! Keywords match as plain, case-sensitive substrings; regular-expression keywords (WordType 2)
//! are stored and listed but never match. Audio and video are moderated asynchronously by Tencent
//! (the verdict arrives by webhook): the emulator answers their `RequestId` only. `RequestId`s are
//! UUID-shaped hex of a SHA-256 of the request, so the same request gets the same id.
//! Docs: content_moderation (doc 269, Chinese), the cloud keyword pages 1047/77829-77832; the
//! local keyword pages are not in our docs (FilterType 1 replace / 2 intercept and WordType
//! 1 word / 2 regex as the doocs Java SDK defines them).

mod keywords;

use super::routes::Route;
use super::snapshot::Persist;
use super::{ApiError, Ctx, Outcome};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

/// content_moderation's "invalid parameter".
const BAD: i64 = 60003;
/// Content over 8 KB.
const TOO_LONG: i64 = 93000;
const MAX_CONTENT_BYTES: usize = 8 * 1024;
/// Items per batch_content_moderation call (not in our docs; the emulator's bound).
const MAX_BATCH: usize = 100;
const AUDIT_NAMES: [&str; 6] = [
    "C2C",
    "Group",
    "UserInfo",
    "GroupInfo",
    "GroupMemberInfo",
    "RelationChain",
];
const CONTENT_TYPES: [&str; 4] = ["Text", "Image", "Audio", "Video"];

/// In a snapshot: `{Local: [...], LastLocalId, Cloud: [...], LastCloudId}` (see `audit/keywords.rs`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Audit {
    #[serde(rename = "Local")]
    local: Vec<keywords::LocalWord>,
    #[serde(rename = "LastLocalId")]
    last_local: u64,
    #[serde(rename = "Cloud")]
    cloud: Vec<keywords::CloudWord>,
    #[serde(rename = "LastCloudId")]
    last_cloud: u64,
}

impl Audit {
    pub fn is_empty(&self) -> bool {
        self.local.is_empty()
            && self.cloud.is_empty()
            && self.last_local == 0
            && self.last_cloud == 0
    }
}

impl Persist for Audit {
    fn check(&self) -> Result<(), String> {
        keywords::check(self)
    }
}

pub const ROUTES: &[Route] = &[
    Route::new("im_msg_audit", "content_moderation", moderate),
    Route::new("im_msg_audit", "batch_content_moderation", moderate_batch),
    keywords::route("add_local_audit_keywords", keywords::add_local),
    keywords::route("delete_local_audit_keywords", keywords::delete_local),
    keywords::route("get_local_audit_keywords", keywords::get_local),
    keywords::route("get_cloud_audit_keywords_ids", keywords::get_libraries),
    keywords::route("get_cloud_audit_keywords", keywords::get_cloud),
    keywords::route("add_cloud_audit_keywords", keywords::add_cloud),
    keywords::route("delete_cloud_audit_keywords", keywords::delete_cloud),
];

/// A UUID-shaped id: the first 16 bytes of SHA-256 over `parts` (each followed by a 0 byte).
fn request_id(parts: &[&str]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p.as_bytes());
        h.update([0]);
    }
    let hex: String = h.finalize()[..16]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

/// The verdict fields of one text or image.
fn verdict(audit: &Audit, content: &str) -> Value {
    let mut hits: Vec<&str> = Vec::new();
    let mut label: Option<&str> = None;
    for w in audit
        .cloud
        .iter()
        .filter(|w| w.label != "Normal" && content.contains(w.content.as_str()))
    {
        label.get_or_insert(w.label.as_str());
        hits.push(&w.content);
    }
    let mut block = label.is_some();
    let mut review = false;
    for w in audit
        .local
        .iter()
        .filter(|w| w.word_type == 1 && content.contains(w.keyword.as_str()))
    {
        if w.filter_type == 2 {
            block = true;
        } else {
            review = true;
        }
        if !hits.contains(&w.keyword.as_str()) {
            hits.push(&w.keyword);
        }
    }
    let (result, score, label) = if block {
        ("Block", 100, label.unwrap_or("Illegal"))
    } else if review {
        ("Review", 50, "Illegal")
    } else {
        ("Pass", 0, "Normal")
    };
    let mut v = json!({ "Result": result, "Score": score, "Label": label });
    if !hits.is_empty() {
        v["Keywords"] = hits.into();
    }
    v
}

fn one_of<'a>(ctx: &Ctx<'a>, key: &str, allowed: &[&str]) -> Result<&'a str, ApiError> {
    let v = ctx.str(key, BAD)?;
    if !allowed.contains(&v) {
        return Err(ApiError::new(
            BAD,
            format!("{key} must be one of {}", allowed.join(", ")),
        ));
    }
    Ok(v)
}

fn content_ok(content: &str) -> Result<(), ApiError> {
    if content.is_empty() {
        return Err(ApiError::new(BAD, "Content is empty"));
    }
    if content.len() > MAX_CONTENT_BYTES {
        return Err(ApiError::new(TOO_LONG, "Content is over 8 KB"));
    }
    Ok(())
}

fn moderate(ctx: &mut Ctx<'_>) -> Outcome {
    let name = one_of(ctx, "AuditName", &AUDIT_NAMES)?;
    let kind = one_of(ctx, "ContentType", &CONTENT_TYPES)?;
    let content = ctx.str("Content", BAD)?;
    content_ok(content)?;
    ctx.opt_str("ExtSender", BAD)?;
    ctx.opt_str("ExtReceiver", BAD)?;
    let id = request_id(&[name, kind, content]);
    if kind == "Audio" || kind == "Video" {
        return Ok(json!({ "RequestId": id }));
    }
    let mut v = verdict(&ctx.state.audit, content);
    v["RequestId"] = id.into();
    Ok(v)
}

/// Texts and images only; a bad item gets its own ErrorCode (60003, or 93000 over 8 KB).
fn moderate_batch(ctx: &mut Ctx<'_>) -> Outcome {
    let name = one_of(ctx, "AuditName", &AUDIT_NAMES)?;
    let items = ctx.array("Contents", BAD)?;
    if items.is_empty() || items.len() > MAX_BATCH {
        return Err(ApiError::new(BAD, "Contents must hold 1-100 items"));
    }
    let mut out = Vec::with_capacity(items.len());
    for it in items {
        let Some(cid) = it.get("ContentId").and_then(Value::as_i64) else {
            return Err(ApiError::new(
                BAD,
                "each Contents item needs an integer ContentId",
            ));
        };
        let kind = it.get("ContentType").and_then(Value::as_str).unwrap_or("");
        let content = it.get("Content").and_then(Value::as_str);
        let checked = match (kind, content) {
            ("Text" | "Image", Some(c)) => content_ok(c).map(|()| c),
            _ => Err(ApiError::new(
                BAD,
                "ContentType must be Text or Image, with a Content string",
            )),
        };
        let r = match checked {
            Ok(c) => {
                let mut v = verdict(&ctx.state.audit, c);
                v["ErrorCode"] = 0.into();
                v["RequestId"] = request_id(&[name, kind, c]).into();
                v
            }
            Err(e) => json!({ "ErrorCode": e.code, "ErrorInfo": e.info }),
        };
        let mut r = r;
        r["ContentId"] = cid.into();
        out.push(r);
    }
    Ok(json!({ "AuditResults": out }))
}
