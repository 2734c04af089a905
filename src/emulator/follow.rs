//! Follow (`follow`): one-way follows between accounts, as the follow pages of 1047 (70345-70350)
//! and the `Follow.CallbackAfterFollowAdd` / `Follow.CallbackAfterFollowDelete` pages describe
//! them. The relationship-chain codes apply: 30001 invalid parameter, 30003 account not imported.
//!
//! The state is who follows whom since when; the reverse index (followers) is rebuilt from it
//! when a snapshot is read.

use super::routes::{Handler, Route};
use super::snapshot::Persist;
use super::{ApiError, Ctx, Outcome};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use std::collections::BTreeMap;

const BAD: i64 = 30001;
const NO_ACCOUNT: i64 = 30003;
/// Accounts one account may follow: the docs name no limit, this bound is the emulator's.
const MAX_FOLLOWING: usize = 10_000;
/// Profile tags a follow_get item carries when they are set (the doc's example shows these).
const PROFILE_TAGS: [&str; 4] = [
    "Tag_Profile_IM_Nick",
    "Tag_Profile_IM_Image",
    "Tag_Profile_IM_AllowType",
    "Tag_Profile_IM_SelfSignature",
];

type Times = BTreeMap<String, u64>;

/// In a snapshot: `{Following: {follower: {followed: since}}}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(from = "Saved", into = "Saved")]
pub struct Follow {
    following: BTreeMap<String, Times>,
    followers: BTreeMap<String, Times>,
}

#[derive(Clone, Default, Serialize, Deserialize)]
struct Saved {
    #[serde(rename = "Following")]
    following: BTreeMap<String, Times>,
}

impl From<Saved> for Follow {
    fn from(s: Saved) -> Follow {
        let mut f = Follow::default();
        for (a, list) in s.following {
            for (b, t) in list {
                f.add(&a, &b, t);
            }
        }
        f
    }
}

impl From<Follow> for Saved {
    fn from(f: Follow) -> Saved {
        Saved {
            following: f.following,
        }
    }
}

impl Persist for Follow {
    fn check(&self) -> Result<(), String> {
        let self_follow = self.following.iter().any(|(a, l)| l.contains_key(a));
        let too_many = self.following.values().any(|l| l.len() > MAX_FOLLOWING);
        if self_follow || too_many {
            return Err("follows must be between two accounts, at most 10000 each".into());
        }
        Ok(())
    }
}

impl Follow {
    pub fn is_empty(&self) -> bool {
        self.following.is_empty()
    }

    fn follows(&self, a: &str, b: &str) -> Option<u64> {
        self.following.get(a).and_then(|l| l.get(b)).copied()
    }

    fn add(&mut self, a: &str, b: &str, t: u64) {
        self.following
            .entry(a.into())
            .or_default()
            .insert(b.into(), t);
        self.followers
            .entry(b.into())
            .or_default()
            .insert(a.into(), t);
    }

    fn remove(&mut self, a: &str, b: &str) -> bool {
        let gone = drop_entry(&mut self.following, a, b);
        drop_entry(&mut self.followers, b, a);
        gone
    }

    /// Accounts `id` follows that follow `id` back, with the time the second follow happened.
    fn mutual(&self, id: &str) -> Times {
        let (Some(out), Some(back)) = (self.following.get(id), self.followers.get(id)) else {
            return Times::new();
        };
        out.iter()
            .filter_map(|(b, t)| back.get(b).map(|u| (b.clone(), (*t).max(*u))))
            .collect()
    }
}

/// How many entries `id` has in `map` (following or followers).
fn count(map: &BTreeMap<String, Times>, id: &str) -> usize {
    map.get(id).map_or(0, BTreeMap::len)
}

fn drop_entry(map: &mut BTreeMap<String, Times>, a: &str, b: &str) -> bool {
    let Some(list) = map.get_mut(a) else {
        return false;
    };
    let gone = list.remove(b).is_some();
    if list.is_empty() {
        map.remove(a);
    }
    gone
}

pub const ROUTES: &[Route] = &[
    route("follow_add", add),
    route("follow_delete", delete),
    route("follow_check", check),
    route("follow_get", get),
    route("follow_get_info", get_info),
];

const fn route(command: &'static str, handler: Handler) -> Route {
    Route::new("follow", command, handler)
}

/// `From_Account`: a UserID (30001) of an imported account (30003).
fn from<'a>(ctx: &Ctx<'a>) -> Result<&'a str, ApiError> {
    ctx.imported("From_Account", BAD, NO_ACCOUNT)
}

fn result(id: &str, code: i64, info: &str) -> Value {
    json!({ "To_Account": id, "ResultCode": code, "ResultInfo": info })
}

/// Follows 1-20 accounts. Per item: yourself 30001, not imported 30003, over the bound 30001;
/// one already followed answers 0 and keeps its time.
fn add(ctx: &mut Ctx<'_>) -> Outcome {
    let me = from(ctx)?;
    let items = ctx.array("FollowItem", BAD)?;
    if items.is_empty() || items.len() > 20 {
        return Err(ApiError::new(BAD, "FollowItem must hold 1-20 items"));
    }
    let mut targets = Vec::with_capacity(items.len());
    for it in items {
        match it.get("To_Account").and_then(Value::as_str) {
            Some(id) if !id.is_empty() && id.len() <= crate::usersig::MAX_USER_ID_BYTES => {
                targets.push(id)
            }
            _ => {
                return Err(ApiError::new(
                    BAD,
                    "each FollowItem needs a To_Account UserID",
                ))
            }
        }
    }
    let now = ctx.now_s;
    let mut out = Vec::with_capacity(targets.len());
    let mut added = Vec::new();
    for id in targets {
        let r = if id == me {
            result(id, BAD, "an account cannot follow itself")
        } else if !ctx.exists(id) {
            result(id, NO_ACCOUNT, "To_Account is not an imported account")
        } else if ctx.state.follow.follows(me, id).is_some() {
            result(id, 0, "")
        } else if count(&ctx.state.follow.following, me) >= MAX_FOLLOWING {
            result(
                id,
                BAD,
                "an account follows at most 10000 accounts in the emulator",
            )
        } else {
            ctx.state.follow.add(me, id, now);
            added.push(json!({ "To_Account": id }));
            result(id, 0, "")
        };
        out.push(r);
    }
    if !added.is_empty() {
        let event = json!({ "From_Account": me, "FollowList": added, "EventTime": now * 1000 });
        ctx.after("Follow.CallbackAfterFollowAdd", event);
    }
    Ok(json!({ "ResultItem": out }))
}

/// `To_Account`: 1 to `max` UserIDs.
fn targets<'a>(ctx: &Ctx<'a>, max: usize) -> Result<Vec<&'a str>, ApiError> {
    ctx.user_ids("To_Account", max, BAD)
}

/// Unfollows 1-20 accounts; one not followed answers 0 too (the catalog treats it as idempotent).
fn delete(ctx: &mut Ctx<'_>) -> Outcome {
    let me = from(ctx)?;
    let ids = targets(ctx, 20)?;
    let mut out = Vec::with_capacity(ids.len());
    let mut removed = Vec::new();
    for id in ids {
        if !ctx.exists(id) {
            out.push(result(
                id,
                NO_ACCOUNT,
                "To_Account is not an imported account",
            ));
            continue;
        }
        if ctx.state.follow.remove(me, id) {
            removed.push(id);
        }
        out.push(result(id, 0, ""));
    }
    if !removed.is_empty() {
        let event =
            json!({ "From_Account": me, "To_Account": removed, "EventTime": ctx.now_s * 1000 });
        ctx.after("Follow.CallbackAfterFollowDelete", event);
    }
    Ok(json!({ "ResultItem": out }))
}

/// FollowType: 0 neither, 1 only To_Account follows From_Account, 2 only From_Account follows
/// To_Account, 3 both (doc 70349).
fn check(ctx: &mut Ctx<'_>) -> Outcome {
    let me = from(ctx)?;
    let ids = targets(ctx, 100)?;
    let f = &ctx.state.follow;
    let out: Vec<Value> = ids
        .into_iter()
        .map(|id| {
            if !ctx.exists(id) {
                let mut r = result(id, NO_ACCOUNT, "To_Account is not an imported account");
                r["FollowType"] = 0.into();
                return r;
            }
            let mine = u8::from(f.follows(me, id).is_some());
            let theirs = u8::from(f.follows(id, me).is_some());
            let mut r = result(id, 0, "");
            r["FollowType"] = (mine * 2 + theirs).into();
            r
        })
        .collect();
    Ok(json!({ "ResultItem": out }))
}

/// Followers (1), followed (2) or mutual (3), newest follow first (then by UserID), `WantNum` at
/// a time. `NextCursor` names the last item returned (`"<FollowTime>:<UserID>"`); "" when done.
fn get(ctx: &mut Ctx<'_>) -> Outcome {
    let me = from(ctx)?;
    let kind = ctx.int("FollowType", BAD)?;
    let want = ctx.int("WantNum", BAD)?;
    if !(1..=1000).contains(&want) {
        return Err(ApiError::new(BAD, "WantNum must be 1-1000"));
    }
    let cursor = ctx.str("StartCursor", BAD)?;
    let after = if cursor.is_empty() {
        None
    } else {
        let (t, id) = cursor
            .split_once(':')
            .and_then(|(t, id)| Some((t.parse::<u64>().ok()?, id)))
            .ok_or_else(|| ApiError::new(BAD, "StartCursor is not a NextCursor of follow_get"))?;
        Some((t, id))
    };
    let f = &ctx.state.follow;
    let owned;
    let list: &Times = match kind {
        1 => f.followers.get(me).unwrap_or(&EMPTY),
        2 => f.following.get(me).unwrap_or(&EMPTY),
        3 => {
            owned = f.mutual(me);
            &owned
        }
        _ => return Err(ApiError::new(BAD, "FollowType must be 1, 2 or 3")),
    };
    // Newest first, then by UserID: sort by (reversed time, id).
    let mut all: Vec<(u64, &str)> = list.iter().map(|(id, t)| (*t, id.as_str())).collect();
    all.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    let start = match after {
        None => 0,
        Some((t, id)) => all.partition_point(|&(u, x)| u > t || (u == t && x <= id)),
    };
    let page = &all[start..all.len().min(start + want as usize)];
    let done = start + page.len() == all.len();
    let items: Vec<Value> = page
        .iter()
        .map(|&(t, id)| {
            let mut o = json!({ "To_Account": id, "FollowTime": t });
            let tags: Vec<Value> = PROFILE_TAGS
                .iter()
                .filter_map(|tag| {
                    let v = ctx.state.profiles.get(id, tag)?;
                    Some(json!({ "Tag": tag, "Value": v }))
                })
                .collect();
            if !tags.is_empty() {
                o["ProfileItem"] = tags.into();
            }
            o
        })
        .collect();
    let next = match (done, page.last()) {
        (false, Some((t, id))) => format!("{t}:{id}"),
        _ => String::new(),
    };
    Ok(json!({ "FollowItem": items, "NextCursor": next }))
}

static EMPTY: Times = Times::new();

/// Counts of 1-20 accounts (not imported: 30003 with zero counts).
fn get_info(ctx: &mut Ctx<'_>) -> Outcome {
    from(ctx)?;
    let ids = targets(ctx, 20)?;
    let f = &ctx.state.follow;
    let out: Vec<Value> = ids
        .into_iter()
        .map(|id| {
            let (code, info) = if ctx.exists(id) {
                (0, "")
            } else {
                (NO_ACCOUNT, "To_Account is not an imported account")
            };
            let mut r = result(id, code, info);
            r["FollowerCount"] = count(&f.followers, id).into();
            r["FollowingCount"] = count(&f.following, id).into();
            r["MutualFollowingCount"] = f.mutual(id).len().into();
            r
        })
        .collect();
    Ok(json!({ "FollowInfo": out }))
}
