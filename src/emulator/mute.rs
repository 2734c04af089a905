//! Global mute (openconfigsvr setnospeaking / getnospeaking, docs 1047/34923 and 34924).
//!
//! A duration in seconds per account and kind: 0 unmutes, 4294967295 mutes for good, anything
//! else mutes until set time + duration. getnospeaking answers the time left (the doc's example
//! reads 7196 a few seconds after setting 7200). A sender muted for one-to-one messages gets
//! 20012 from sendmsg, before any before-callback; a group mute is read by the group domain
//! through [`Mute::group_muted`] (Tencent answers 10017 there).

use super::ctx::field_msg;
use super::routes::Route;
use super::snapshot::Persist;
use super::{ApiError, Ctx, Outcome};
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::collections::BTreeMap;

/// "Mute for good" (0xFFFFFFFF).
pub const FOREVER: u64 = 4_294_967_295;

// The codes this service documents (doc 1047/34923): 130004 no account field, 130005 the
// account field is not valid (also: not an imported account), 130008 neither duration given.
const NO_ACCOUNT: i64 = 130_004;
const BAD_ACCOUNT: i64 = 130_005;
const BAD_TIME: i64 = 130_008;

/// When each kind of mute ends: Unix seconds, `FOREVER` for good, absent when not muted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
struct Until {
    #[serde(rename = "C2C", default, skip_serializing_if = "Option::is_none")]
    c2c: Option<u64>,
    #[serde(rename = "Group", default, skip_serializing_if = "Option::is_none")]
    group: Option<u64>,
}

/// In a snapshot: `{UserID: {"C2C": end, "Group": end}}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Mute {
    by_id: BTreeMap<String, Until>,
}

impl Mute {
    pub fn c2c_muted(&self, id: &str, now_s: u64) -> bool {
        left(self.by_id.get(id).and_then(|u| u.c2c), now_s) > 0
    }

    pub fn group_muted(&self, id: &str, now_s: u64) -> bool {
        left(self.by_id.get(id).and_then(|u| u.group), now_s) > 0
    }
}

/// Seconds of mute left: `FOREVER` stays `FOREVER`, an end in the past is 0.
fn left(until: Option<u64>, now_s: u64) -> u64 {
    match until {
        None => 0,
        Some(FOREVER) => FOREVER,
        Some(end) => end.saturating_sub(now_s),
    }
}

/// A duration as the stored end time: `None` unmutes.
fn until(duration: u64, now_s: u64) -> Option<u64> {
    match duration {
        0 => None,
        // A finite mute never reaches the FOREVER marker, however late the clock.
        FOREVER => Some(FOREVER),
        d => Some(now_s.saturating_add(d).min(FOREVER - 1)),
    }
}

pub const ROUTES: &[Route] = &[
    Route::new("openconfigsvr", "setnospeaking", set),
    Route::new("openconfigsvr", "getnospeaking", get),
];

fn account<'a>(ctx: &Ctx<'a>, key: &str) -> Result<&'a str, ApiError> {
    if !ctx.body.contains_key(key) {
        return Err(ApiError::new(NO_ACCOUNT, field_msg(key, "is required")));
    }
    ctx.imported(key, BAD_ACCOUNT, BAD_ACCOUNT)
}

fn duration(ctx: &Ctx<'_>, key: &str) -> Result<Option<u64>, ApiError> {
    match ctx.opt_int(key, BAD_TIME)? {
        None => Ok(None),
        Some(n) => u64::try_from(n)
            .ok()
            .filter(|&d| d <= FOREVER)
            .map(Some)
            .ok_or_else(|| ApiError::new(BAD_TIME, field_msg(key, "must be 0 to 4294967295"))),
    }
}

fn set(ctx: &mut Ctx<'_>) -> Outcome {
    let id = account(ctx, "Set_Account")?;
    let c2c = duration(ctx, "C2CmsgNospeakingTime")?;
    let group = duration(ctx, "GroupmsgNospeakingTime")?;
    if c2c.is_none() && group.is_none() {
        return Err(ApiError::new(
            BAD_TIME,
            "give C2CmsgNospeakingTime or GroupmsgNospeakingTime",
        ));
    }
    let now = ctx.now_s;
    let entry = ctx.state.mute.by_id.entry(id.to_owned()).or_default();
    if let Some(d) = c2c {
        entry.c2c = until(d, now);
    }
    if let Some(d) = group {
        entry.group = until(d, now);
    }
    if *entry == Until::default() {
        ctx.state.mute.by_id.remove(id);
    }
    Ok(json!({}))
}

fn get(ctx: &mut Ctx<'_>) -> Outcome {
    let id = account(ctx, "Get_Account")?;
    let u = ctx.state.mute.by_id.get(id).copied().unwrap_or_default();
    Ok(json!({
        "C2CmsgNospeakingTime": left(u.c2c, ctx.now_s),
        "GroupmsgNospeakingTime": left(u.group, ctx.now_s),
    }))
}

impl Persist for Mute {
    fn check(&self) -> Result<(), String> {
        let ends = self.by_id.values().flat_map(|u| [u.c2c, u.group]);
        match ends.flatten().all(|t| t <= FOREVER) {
            true => Ok(()),
            false => Err("mute end times must be whole seconds up to 4294967295".into()),
        }
    }
}
