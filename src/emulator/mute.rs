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
use crate::json::{Object, Value};
use std::collections::BTreeMap;

/// "Mute for good" (0xFFFFFFFF).
pub const FOREVER: u64 = 4_294_967_295;

// The codes this service documents (doc 1047/34923): 130004 no account field, 130005 the
// account field is not valid (also: not an imported account), 130008 neither duration given.
const NO_ACCOUNT: i64 = 130_004;
const BAD_ACCOUNT: i64 = 130_005;
const BAD_TIME: i64 = 130_008;

/// When each kind of mute ends: Unix seconds, `FOREVER` for good, absent when not muted.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Until {
    c2c: Option<u64>,
    group: Option<u64>,
}

#[derive(Debug, Clone, Default, PartialEq)]
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
    Route {
        service: "openconfigsvr",
        command: "setnospeaking",
        handler: set,
    },
    Route {
        service: "openconfigsvr",
        command: "getnospeaking",
        handler: get,
    },
];

fn account<'a>(ctx: &Ctx<'a>, key: &str) -> Result<&'a str, ApiError> {
    if !ctx.body.contains_key(key) {
        return Err(ApiError::new(NO_ACCOUNT, field_msg(key, "is required")));
    }
    let id = ctx.user_id(key, BAD_ACCOUNT)?;
    if !ctx.exists(id) {
        return Err(ApiError::new(
            BAD_ACCOUNT,
            field_msg(key, "is not an imported account"),
        ));
    }
    Ok(id)
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
    Ok(Object::new())
}

fn get(ctx: &mut Ctx<'_>) -> Outcome {
    let id = account(ctx, "Get_Account")?;
    let u = ctx.state.mute.by_id.get(id).copied().unwrap_or_default();
    let mut o = Object::new();
    o.insert(
        "C2CmsgNospeakingTime",
        Value::from(left(u.c2c, ctx.now_s) as i64),
    );
    o.insert(
        "GroupmsgNospeakingTime",
        Value::from(left(u.group, ctx.now_s) as i64),
    );
    Ok(o)
}

impl Persist for Mute {
    fn save(&self) -> Value {
        let mut o = Object::new();
        for (id, u) in &self.by_id {
            let mut e = Object::new();
            for (k, v) in [("C2C", u.c2c), ("Group", u.group)] {
                if let Some(t) = v {
                    e.insert(k, Value::from(t as i64));
                }
            }
            o.insert(id, Value::Object(e));
        }
        Value::Object(o)
    }

    fn load(v: &Value) -> Result<Self, String> {
        let o = v
            .as_object()
            .ok_or("must be an object of UserID -> mute end times")?;
        let mut by_id = BTreeMap::new();
        for (id, e) in o.iter() {
            let end = |k: &str| match e.get(k) {
                None => Ok(None),
                Some(t) => t
                    .as_u64()
                    .filter(|&t| t <= FOREVER)
                    .map(Some)
                    .ok_or("mute end times must be whole seconds up to 4294967295"),
            };
            let u = Until {
                c2c: end("C2C")?,
                group: end("Group")?,
            };
            by_id.insert(id.to_owned(), u);
        }
        Ok(Mute { by_id })
    }
}
