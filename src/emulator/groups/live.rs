//! Live (AVChatRoom) groups: who is in the room, their marks, and the room's admins.
//!
//! People enter a live group through the client SDK, which the emulator does not have; the
//! emulator-only `Emulator::join_live_group` / `leave_live_group` (JS `joinLiveGroup` /
//! `leaveLiveGroup`) stand in for it. The REST side: get_online_member_num (group_open_http_svc),
//! get_members, modify_user_info (marks), check_members, get_admin_list and modify_admin
//! (group_open_avchatroom_http_svc).

use super::super::{ApiError, Ctx, Outcome, State};
use super::bans::is_banned;
use super::extra::{count, live_only};
use super::*;
use serde_json::json;

/// Accounts in one live room at once: the emulator's bound (Tencent's rooms are unbounded).
pub(super) const MAX_ONLINE: usize = 10_000;
/// "A live group can have at most 5 admins."
pub(super) const MAX_ADMINS: usize = 5;
/// get_members sees the 1000 latest arrivals and pages them 500 at a time (doc).
const MAX_LISTED: usize = 1000;
const PAGE: usize = 500;
/// modify_user_info: 500 accounts per call, 10 distinct marks per group, 1000 members per mark.
const MAX_MARK_ITEMS: usize = 500;
const MAX_MARKS: usize = 10;
const MAX_PER_MARK: usize = 1000;
/// Special marks the admin may set besides [1000, ...): 500 "always online", 600 "hidden".
const MARK_HIDDEN: u64 = 600;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Online {
    #[serde(rename = "Member_Account")]
    pub(super) id: String,
    #[serde(rename = "JoinTime")]
    pub(super) join_time: u64,
    /// The group's join counter at this arrival: newest first, and get_members' cursor.
    #[serde(rename = "Serial")]
    pub(super) serial: u64,
    #[serde(rename = "Marks", default, skip_serializing_if = "Vec::is_empty")]
    pub(super) marks: Vec<u64>,
}

/// The emulator-only join: `users` enter live group `group` as their client SDK would. Accounts
/// already in the room stay as they are; the admin and imported accounts only; banned accounts
/// are refused (as Tencent refuses their rejoin).
pub fn join(
    state: &mut State,
    admin: &str,
    group: &str,
    users: &[String],
    now_s: u64,
) -> Result<(), String> {
    check_users(state, admin, users)?;
    let g = live_group(&mut state.groups, group)?;
    if let Some(u) = users.iter().find(|u| is_banned(g, u, now_s)) {
        return Err(field_msg(u, "is banned from this live group"));
    }
    for u in users {
        if g.ext.online.iter().any(|m| &m.id == u) {
            continue;
        }
        if g.ext.online.len() >= MAX_ONLINE {
            return Err("the live group is full (the emulator keeps 10000 in a room)".into());
        }
        g.ext.join_serial += 1;
        g.ext.online.push(Online {
            id: u.clone(),
            join_time: now_s,
            serial: g.ext.join_serial,
            marks: Vec::new(),
        });
    }
    Ok(())
}

/// The emulator-only leave: `users` leave the room (and lose their marks, as Tencent clears
/// them); accounts not in the room are ignored.
pub fn leave(state: &mut State, admin: &str, group: &str, users: &[String]) -> Result<(), String> {
    check_users(state, admin, users)?;
    let g = live_group(&mut state.groups, group)?;
    g.ext.online.retain(|m| !users.contains(&m.id));
    Ok(())
}

fn check_users(state: &State, admin: &str, users: &[String]) -> Result<(), String> {
    if users.is_empty() || users.len() > 500 {
        return Err("userIds must hold 1-500 UserIDs".into());
    }
    match users
        .iter()
        .find(|u| u.as_str() != admin && !state.accounts.contains(u))
    {
        Some(u) => Err(field_msg(u, "is not an imported account")),
        None => Ok(()),
    }
}

fn live_group<'a>(groups: &'a mut Groups, id: &str) -> Result<&'a mut Group, String> {
    let g = groups
        .by_id
        .get_mut(id)
        .ok_or_else(|| field_msg(id, "is not a group"))?;
    if g.kind != Kind::AVChatRoom {
        return Err(field_msg(id, "is not a live (AVChatRoom) group"));
    }
    Ok(g)
}

/// group_open_http_svc/get_online_member_num: how many are in the room now.
pub fn online_num(ctx: &mut Ctx<'_>) -> Outcome {
    let id = ctx.str("GroupId", BAD)?;
    let g = ctx.state.groups.get(id)?;
    live_only(g)?;
    Ok(json!({ "OnlineMemberNum": g.ext.online.len() }))
}

/// Newest arrivals first. `Timestamp` 0 starts; a non-zero `NextTimestamp` continues (it is the
/// emulator's join counter, not a time). With a `Mark`, only members carrying it; without, members
/// marked 600 are hidden (doc).
pub fn members(ctx: &mut Ctx<'_>) -> Outcome {
    let id = ctx.str("GroupId", BAD)?;
    let from = count(ctx, "Timestamp", u64::MAX >> 1)?;
    let mark = opt_count(ctx, "Mark")?;
    let g = ctx.state.groups.get(id)?;
    live_only(g)?;
    let listed = g.ext.online.iter().rev().take(MAX_LISTED);
    let wanted: Vec<&Online> = listed
        .filter(|m| match mark {
            Some(k) => m.marks.contains(&k),
            None => !m.marks.contains(&MARK_HIDDEN),
        })
        .filter(|m| from == 0 || m.serial < from)
        .collect();
    let page = &wanted[..wanted.len().min(PAGE)];
    let profile = |u: &str, tag: &str| ctx.state.profiles.get_str(u, tag).unwrap_or("").to_owned();
    let list: Vec<Value> = page
        .iter()
        .map(|m| {
            let mut o = json!({
                "Member_Account": m.id,
                "JoinTime": m.join_time,
                "NickName": profile(&m.id, "Tag_Profile_IM_Nick"),
                "Avatar": profile(&m.id, "Tag_Profile_IM_Image"),
            });
            if !m.marks.is_empty() {
                o["Marks"] = json!(m.marks);
            }
            o
        })
        .collect();
    let next = match page.last() {
        Some(m) if wanted.len() > page.len() => m.serial,
        _ => 0,
    };
    Ok(json!({ "MemberList": list, "NextTimestamp": next }))
}

/// modify_user_info: CommandType 1 sets, 2 removes the listed marks. Only accounts in the room
/// can be marked; the others are left out of the answer, and if none is in the room the call
/// fails (doc), here with 10004.
pub fn marks(ctx: &mut Ctx<'_>) -> Outcome {
    let id = ctx.str("GroupId", BAD)?;
    let set = match ctx.int("CommandType", BAD)? {
        1 => true,
        2 => false,
        _ => return Err(bad("CommandType", "must be 1 (set) or 2 (delete)")),
    };
    let items = ctx.items("MemberList", MAX_MARK_ITEMS, BAD)?;
    let mut wanted: Vec<(&str, Vec<u64>)> = Vec::with_capacity(items.len());
    for it in items {
        let user = member_account(it, "MemberList")?;
        let marks = it
            .get("Marks")
            .and_then(Value::as_array)
            .filter(|a| !a.is_empty() && a.len() <= MAX_MARKS)
            .ok_or_else(|| bad("MemberList", "items need Marks: 1-10 integers"))?;
        let marks = marks
            .iter()
            .map(|v| {
                v.as_u64()
                    .filter(|&k| k == 500 || k == MARK_HIDDEN || k >= 1000)
            })
            .collect::<Option<Vec<u64>>>()
            .ok_or_else(|| bad("Marks", "hold 500, 600 or integers from 1000"))?;
        wanted.push((user, marks));
    }
    let g = ctx.state.groups.get_mut(id)?;
    live_only(g)?;
    let mut online = g.ext.online.clone();
    let mut done = Vec::new();
    for (user, marks) in &wanted {
        let Some(m) = online.iter_mut().find(|m| m.id == *user) else {
            continue;
        };
        for k in marks {
            if set && !m.marks.contains(k) {
                m.marks.push(*k);
            } else if !set {
                m.marks.retain(|x| x != k);
            }
        }
        done.push(json!({ "Member_Account": user, "Marks": marks }));
    }
    if done.is_empty() {
        return Err(bad(
            "MemberList",
            "names no account that is in the live group",
        ));
    }
    let mut distinct: Vec<u64> = online
        .iter()
        .flat_map(|m| m.marks.iter().copied())
        .collect();
    distinct.sort_unstable();
    distinct.dedup();
    if distinct.len() > MAX_MARKS {
        return Err(bad("Marks", "a live group has at most 10 distinct marks"));
    }
    let crowded = distinct
        .iter()
        .any(|k| online.iter().filter(|m| m.marks.contains(k)).count() > MAX_PER_MARK);
    if crowded {
        return Err(bad("Marks", "a mark is set for at most 1000 members"));
    }
    g.ext.online = online;
    Ok(json!({ "CommandType": if set { 1 } else { 2 }, "MemberList": done }))
}

/// check_members: which of the named accounts are in the room, in request order.
pub fn check(ctx: &mut Ctx<'_>) -> Outcome {
    let id = ctx.str("GroupId", BAD)?;
    let ids = ctx.user_ids("Member_Account", 500, BAD)?;
    let g = ctx.state.groups.get(id)?;
    live_only(g)?;
    let inside: Vec<&str> = ids
        .into_iter()
        .filter(|u| g.ext.online.iter().any(|m| m.id == *u))
        .collect();
    Ok(json!({ "Member_Account": inside }))
}

/// Admins with their nickname and avatar from their profiles ("" when unset).
pub fn admins(ctx: &mut Ctx<'_>) -> Outcome {
    let id = ctx.str("GroupId", BAD)?;
    let g = ctx.state.groups.get(id)?;
    live_only(g)?;
    let profile = |u: &str, tag: &str| ctx.state.profiles.get_str(u, tag).unwrap_or("").to_owned();
    let list: Vec<Value> = g
        .ext
        .admins
        .iter()
        .map(|a| {
            json!({
                "Admin_Account": a,
                "Avatar": profile(a, "Tag_Profile_IM_Image"),
                "NickName": profile(a, "Tag_Profile_IM_Nick"),
            })
        })
        .collect();
    Ok(json!({ "Admin_List": list }))
}

/// CommandType 1 adds, 2 removes admins. They need not be in the room (doc); they must be
/// imported (10019). More than 5 admins is refused with 10004 (the doc names no code).
pub fn modify_admins(ctx: &mut Ctx<'_>) -> Outcome {
    let id = ctx.str("GroupId", BAD)?;
    let add = match ctx.int("CommandType", BAD)? {
        1 => true,
        2 => false,
        _ => return Err(bad("CommandType", "must be 1 (add) or 2 (remove)")),
    };
    let ids = ctx.user_ids("Admin_Account", MAX_ADMINS, BAD)?;
    if let Some(u) = ids.iter().find(|u| !ctx.exists(u)) {
        return Err(ApiError::new(NO_ACCOUNT, field_msg(u, "is not imported")));
    }
    let g = ctx.state.groups.get_mut(id)?;
    live_only(g)?;
    let mut admins = g.ext.admins.clone();
    for u in ids {
        let at = admins.iter().position(|a| a == u);
        match (add, at) {
            (true, None) => admins.push(u.to_owned()),
            (false, Some(i)) => {
                admins.remove(i);
            }
            _ => {}
        }
    }
    if admins.len() > MAX_ADMINS {
        return Err(bad("Admin_Account", "a live group has at most 5 admins"));
    }
    g.ext.admins = admins;
    Ok(json!({}))
}
