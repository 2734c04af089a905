//! Operation endpoints: app statistics (`openconfigsvr/getappinfo`), message-history downloads
//! (`open_msg_svc/get_history`), server IPs (`ConfigSvc/GetIPList`) and chat media files
//! (`im_cos_msg/*`). Tencent's results are operational data the emulator does not have, so these
//! are answers-only: the documented shapes, filled deterministically from the request and the
//! emulator's state (docs/EMULATOR.md says with what). The one piece of state is the set of
//! media URLs blocked with forbid_illegal_object, so that get_cos_sig reports them.

use super::calendar::{date, datetime, parse_hour};
use super::ctx::field_msg;
use super::routes::Route;
use super::snapshot::Persist;
use super::{ApiError, Ctx, Outcome};
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;

/// The operation-data fields getappinfo can return (doc "Operations Data Fields That Can Be
/// Pulled"), `Date` aside.
const APP_INFO_FIELDS: [&str; 31] = [
    "AppName",
    "AppId",
    "Company",
    "ActiveUserNum",
    "RegistUserNumOneDay",
    "RegistUserNumTotal",
    "LoginTimes",
    "LoginUserNum",
    "UpMsgNum",
    "SendMsgUserNum",
    "APNSMsgNum",
    "C2CUpMsgNum",
    "C2CDownMsgNum",
    "C2CSendMsgUserNum",
    "C2CAPNSMsgNum",
    "MaxOnlineNum",
    "DownMsgNum",
    "ChainIncrease",
    "ChainDecrease",
    "GroupUpMsgNum",
    "GroupDownMsgNum",
    "GroupSendMsgUserNum",
    "GroupAPNSMsgNum",
    "GroupSendMsgGroupNum",
    "GroupJoinGroupTimes",
    "GroupQuitGroupTimes",
    "GroupNewGroupNum",
    "GroupAllGroupNum",
    "GroupDestroyGroupNum",
    "CallBackReq",
    "CallBackRsp",
];
/// getappinfo's "JSON parsing error of the request".
const APP_INFO_BAD: i64 = 130001;
const DAY_S: u64 = 86_400;
/// get_history: invalid parameter; not generated yet; expired (files live seven days).
const HISTORY_BAD: i64 = 1002;
const HISTORY_NOT_YET: i64 = 1004;
const HISTORY_EXPIRED: i64 = 1005;
const HISTORY_KEPT_S: u64 = 7 * DAY_S;
/// Download links (and COS signatures) are valid this long.
const LINK_S: u64 = 3600;
/// MD5 of zero bytes: the placeholder history file is empty.
const EMPTY_MD5: &str = "d41d8cd98f00b204e9800998ecf8427e";
/// The address the emulator's webhooks come from (their ClientIP).
const CALLBACK_IP: &str = "127.0.0.1";
/// im_cos_msg: the pages are not in our docs; the emulator answers a malformed body with the
/// common "invalid parameter" code.
const COS_BAD: i64 = 60003;
const MAX_COS_URLS: usize = 100;
const MAX_BLOCKED: usize = 10_000;

/// In a snapshot: the blocked media URLs.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Cos {
    blocked: BTreeSet<String>,
}

impl Cos {
    pub fn is_empty(&self) -> bool {
        self.blocked.is_empty()
    }
}

impl Persist for Cos {
    fn check(&self) -> Result<(), String> {
        if self.blocked.len() <= MAX_BLOCKED && self.blocked.iter().all(|u| is_url(u)) {
            Ok(())
        } else {
            Err("blocked media must be http(s) URLs, at most 10000".into())
        }
    }
}

pub const ROUTES: &[Route] = &[
    Route::new("openconfigsvr", "getappinfo", app_info),
    Route::new("open_msg_svc", "get_history", history),
    Route::new("ConfigSvc", "GetIPList", ip_list),
    Route::new("im_cos_msg", "forbid_illegal_object", forbid),
    Route::new("im_cos_msg", "allow_banned_object", allow),
    Route::new("im_cos_msg", "get_cos_sig", cos_sig),
];

/// One row per Beijing day of the last 30, yesterday first (as the doc's example orders them).
/// `AppId` is the SDKAppID, `AppName` "tim-edge emulator", `Company` "tim-edge",
/// `RegistUserNumTotal` and `GroupAllGroupNum` today's account and group counts; the emulator
/// counts nothing else, so every other number is "0". Values are strings, as in the doc.
fn app_info(ctx: &mut Ctx<'_>) -> Outcome {
    let wanted: Vec<&str> = match ctx.body.get("RequestField") {
        None | Some(Value::Null) => APP_INFO_FIELDS.to_vec(),
        Some(Value::Array(items)) => items
            .iter()
            .map(|v| {
                v.as_str()
                    .filter(|f| APP_INFO_FIELDS.contains(f))
                    .ok_or_else(|| {
                        ApiError::new(APP_INFO_BAD, "RequestField names an unknown field")
                    })
            })
            .collect::<Result<_, _>>()?,
        Some(_) => return Err(ApiError::new(APP_INFO_BAD, "RequestField must be an array")),
    };
    let value = |field: &str| -> String {
        match field {
            "AppName" => "tim-edge emulator".into(),
            "AppId" => ctx.sdk_app_id.to_string(),
            "Company" => "tim-edge".into(),
            "RegistUserNumTotal" => ctx.state.accounts.len().to_string(),
            "GroupAllGroupNum" => ctx.state.groups.len().to_string(),
            _ => "0".into(),
        }
    };
    let rows: Vec<Value> = (1..=30u64)
        .map(|back| {
            let mut row = Map::new();
            for f in &wanted {
                row.insert((*f).to_owned(), value(f).into());
            }
            row.insert(
                "Date".into(),
                date(ctx.now_s.saturating_sub(back * DAY_S)).into(),
            );
            Value::Object(row)
        })
        .collect();
    Ok(json!({ "Result": rows }))
}

/// A link to one placeholder file for an hour of the last seven days that is over: the URL (under
/// the reserved `.invalid` domain, so nothing downloads it) names the app, ChatType and hour, and
/// the sizes and MD5s describe an empty file. An hour not over yet is 1004; one older than seven
/// days 1005.
fn history(ctx: &mut Ctx<'_>) -> Outcome {
    let kind = ctx.str("ChatType", HISTORY_BAD)?;
    if kind != "C2C" && kind != "Group" {
        return Err(ApiError::new(HISTORY_BAD, "ChatType must be C2C or Group"));
    }
    let hour = ctx.str("MsgTime", HISTORY_BAD)?;
    let start = parse_hour(hour).ok_or_else(|| {
        ApiError::new(
            HISTORY_BAD,
            "MsgTime must be a YYYYMMDDHH hour (Beijing time)",
        )
    })?;
    let now = ctx.now_s;
    if start + 3600 > now {
        return Err(ApiError::new(
            HISTORY_NOT_YET,
            "that hour's file has not been generated yet",
        ));
    }
    if start + HISTORY_KEPT_S < now {
        return Err(ApiError::new(
            HISTORY_EXPIRED,
            "message history files are kept for seven days",
        ));
    }
    let url = format!(
        "https://tim-edge-emulator.invalid/msg_history/{}/{kind}/{hour}.gz",
        ctx.sdk_app_id
    );
    Ok(json!({
        "File": [{
            "URL": url,
            "ExpireTime": datetime(now + LINK_S),
            "FileSize": 0,
            "FileMD5": EMPTY_MD5,
            "GzipSize": 0,
            "GzipMD5": EMPTY_MD5,
        }],
    }))
}

/// The emulator's own webhook address (the `nettype` query parameter makes no difference).
fn ip_list(_ctx: &mut Ctx<'_>) -> Outcome {
    Ok(json!({ "IPList": [CALLBACK_IP] }))
}

fn is_url(s: &str) -> bool {
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"));
    rest.is_some_and(|r| !r.is_empty()) && s.len() <= 2048
}

fn raw_url<'a>(ctx: &Ctx<'a>) -> Result<&'a str, ApiError> {
    let url = ctx.str("RawURL", COS_BAD)?;
    if !is_url(url) {
        return Err(ApiError::new(COS_BAD, "RawURL must be an http(s) URL"));
    }
    Ok(url)
}

/// Blocks a media file: get_cos_sig reports it with Status 1 until allow_banned_object.
fn forbid(ctx: &mut Ctx<'_>) -> Outcome {
    let url = raw_url(ctx)?;
    let blocked = &mut ctx.state.cos.blocked;
    if !blocked.contains(url) && blocked.len() >= MAX_BLOCKED {
        return Err(ApiError::new(
            COS_BAD,
            "the emulator keeps at most 10000 blocked URLs",
        ));
    }
    blocked.insert(url.to_owned());
    Ok(json!({}))
}

fn allow(ctx: &mut Ctx<'_>) -> Outcome {
    let url = raw_url(ctx)?;
    ctx.state.cos.blocked.remove(url);
    Ok(json!({}))
}

/// Per URL, in request order: ResourceID its 1-based position, Status 1 when blocked, else 0,
/// and PreSigURL the URL with a deterministic `sign` (hex SHA-256 of the URL and the expiry) and
/// `t` (expiry, now + 1 hour) appended.
fn cos_sig(ctx: &mut Ctx<'_>) -> Outcome {
    let items = ctx.array("RawURLs", COS_BAD)?;
    if items.is_empty() || items.len() > MAX_COS_URLS {
        return Err(ApiError::new(COS_BAD, "RawURLs must hold 1-100 URLs"));
    }
    let expiry = ctx.now_s + LINK_S;
    let mut out = Vec::with_capacity(items.len());
    for (i, v) in items.iter().enumerate() {
        let url = v.as_str().filter(|u| is_url(u)).ok_or_else(|| {
            ApiError::new(COS_BAD, field_msg("RawURLs", "items must be http(s) URLs"))
        })?;
        let sign: String = Sha256::digest(format!("{url}\n{expiry}"))
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let join = if url.contains('?') { '&' } else { '?' };
        out.push(json!({
            "Code": 0,
            "Desc": "",
            "ResourceID": i + 1,
            "PreSigURL": format!("{url}{join}sign={sign}&t={expiry}"),
            "Status": u8::from(ctx.state.cos.blocked.contains(url)),
        }));
    }
    Ok(json!({ "PreSigURLs": out }))
}
