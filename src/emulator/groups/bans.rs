//! Banned members of live (AVChatRoom) groups: ban_group_member, unban_group_member and
//! get_group_ban_member. A banned account leaves the room and cannot rejoin (the emulator's
//! `joinLiveGroup` refuses it) until the ban ends or is lifted.

use super::super::{ApiError, Ctx, Outcome};
use super::extra::{count, live_only};
use super::*;
use serde_json::json;

/// At most 20 accounts per ban or unban (10005).
const MAX_PER_CALL: usize = 20;
/// get_group_ban_member pages hold at most 100 (also the default: the doc gives none).
const MAX_PAGE: u64 = 100;

fn accounts<'a>(ctx: &Ctx<'a>) -> Result<Vec<&'a str>, ApiError> {
    let n = ctx.array("Members_Account", BAD)?.len();
    if n > MAX_PER_CALL {
        return Err(ApiError::new(
            10005,
            "Members_Account holds over 20 accounts",
        ));
    }
    ctx.user_ids("Members_Account", MAX_PER_CALL, BAD)
}

pub fn ban(ctx: &mut Ctx<'_>) -> Outcome {
    let id = ctx.str("GroupId", BAD)?;
    let ids = accounts(ctx)?;
    let seconds = count(ctx, "Duration", u64::from(u32::MAX))?;
    if seconds == 0 {
        return Err(bad("Duration", "must be 1-4294967295 seconds"));
    }
    opt_text(ctx, "Description", 1000)?;
    if let Some(u) = ids.iter().find(|u| !ctx.exists(u)) {
        return Err(ApiError::new(NO_ACCOUNT, field_msg(u, "is not imported")));
    }
    let until = ctx.now_s.saturating_add(seconds);
    let g = ctx.state.groups.get_mut(id)?;
    live_only(g)?;
    for u in ids {
        g.ext.banned.insert(u.to_owned(), until);
        g.ext.online.retain(|m| m.id != u);
    }
    Ok(json!({}))
}

pub fn unban(ctx: &mut Ctx<'_>) -> Outcome {
    let id = ctx.str("GroupId", BAD)?;
    let ids = accounts(ctx)?;
    let g = ctx.state.groups.get_mut(id)?;
    live_only(g)?;
    for u in ids {
        g.ext.banned.remove(u);
    }
    Ok(json!({}))
}

/// Bans still running, in UserID order. `NextOffset` is the offset after this page, and 0 once a
/// page comes back empty: the doc's example answers `NextOffset: 2` for a two-ban list, so a
/// client that pages "until NextOffset is 0" makes one more, empty, call.
pub fn list(ctx: &mut Ctx<'_>) -> Outcome {
    let id = ctx.str("GroupId", BAD)?;
    let offset = count(ctx, "Offset", u64::from(u32::MAX))? as usize;
    let limit = match opt_count(ctx, "Limit")? {
        None => MAX_PAGE,
        Some(n @ 1..=MAX_PAGE) => n,
        Some(_) => return Err(bad("Limit", "must be 1-100")),
    };
    let now = ctx.now_s;
    let g = ctx.state.groups.get(id)?;
    live_only(g)?;
    let page: Vec<Value> = g
        .ext
        .banned
        .iter()
        .filter(|(_, &until)| until > now)
        .skip(offset)
        .take(limit as usize)
        .map(|(u, until)| json!({ "Member_Account": u, "BannedUntil": until }))
        .collect();
    let next = if page.is_empty() {
        0
    } else {
        offset + page.len()
    };
    Ok(json!({ "BannedAccountList": page, "NextOffset": next }))
}

/// Whether `user` is banned from group `g` now.
pub(super) fn is_banned(g: &Group, user: &str, now_s: u64) -> bool {
    g.ext.banned.get(user).is_some_and(|&until| until > now_s)
}
