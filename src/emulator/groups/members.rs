//! Membership: add, delete, modify a member, list members, mute (forbid_send_msg) and the muted
//! list. AVChatRoom groups track no members (people join them through the client SDK), so the
//! membership calls refuse them with 10007 as Tencent documents; muting still works there.

use super::super::{ApiError, Ctx, Outcome};
use super::*;
use serde_json::json;

const MSG_FLAGS: [&str; 3] = ["AcceptAndNotify", "AcceptNotNotify", "Discard"];

fn no_live(g: &Group) -> Result<(), ApiError> {
    if g.kind == Kind::AVChatRoom {
        return Err(ApiError::new(
            DENIED,
            "AVChatRoom groups do not support this call (members join through the client SDK)",
        ));
    }
    Ok(())
}

/// Result per member: 0 failed (not imported), 1 added, 2 already a member.
pub fn add(ctx: &mut Ctx<'_>) -> Outcome {
    let id = ctx.str("GroupId", BAD)?;
    let items = ctx.array("MemberList", BAD)?;
    if items.is_empty() {
        return Err(bad("MemberList", "is empty"));
    }
    if items.len() > 300 {
        return Err(ApiError::new(10005, "MemberList holds over 300 accounts"));
    }
    let silence = ctx.opt_int("Silence", BAD)?;
    if silence.is_some_and(|v| v != 0 && v != 1) {
        return Err(bad("Silence", "must be 0 or 1"));
    }
    let ids = items
        .iter()
        .map(|it| member_account(it, "MemberList"))
        .collect::<Result<Vec<_>, _>>()?;
    let exists: Vec<bool> = ids.iter().map(|id| ctx.exists(id)).collect();
    let now = ctx.now_s;
    let g = ctx.state.groups.get_mut(id)?;
    no_live(g)?;
    let mut results = Vec::with_capacity(ids.len());
    let mut fresh = Vec::new();
    for (id, exists) in ids.iter().zip(exists) {
        let result = if !exists {
            0
        } else if g.member(id).is_some() || fresh.contains(id) {
            2
        } else {
            fresh.push(*id);
            1
        };
        results.push(json!({ "Member_Account": id, "Result": result }));
    }
    if (g.members.len() + fresh.len()) as u64 > g.max_members {
        return Err(ApiError::new(10014, "the group is full"));
    }
    for id in &fresh {
        g.members.push(Member::new(id, Role::Member, now));
    }
    let kind = g.kind;
    if !fresh.is_empty() {
        ctx.after(
            "Group.CallbackAfterNewMemberJoin",
            json!({
                "GroupId": id,
                "Type": kind.name(),
                "JoinType": "Invited",
                "Operator_Account": ctx.admin,
                "NewMemberList": account_items(&fresh),
                "EventTime": now * 1000,
            }),
        );
    }
    Ok(json!({ "MemberList": results }))
}

pub fn delete(ctx: &mut Ctx<'_>) -> Outcome {
    let id = ctx.str("GroupId", BAD)?;
    let ids = ctx.user_ids("MemberToDel_Account", 100, BAD)?;
    let silence = ctx.opt_int("Silence", BAD)?;
    if silence.is_some_and(|v| v != 0 && v != 1) {
        return Err(bad("Silence", "must be 0 or 1"));
    }
    opt_text(ctx, "Reason", 1024)?;
    let g = ctx.state.groups.get_mut(id)?;
    no_live(g)?;
    if ids.iter().any(|d| g.owner.as_deref() == Some(*d)) {
        return Err(ApiError::new(
            DENIED,
            "the owner cannot be removed (change_group_owner or destroy_group first)",
        ));
    }
    let gone: Vec<&str> = ids
        .iter()
        .copied()
        .filter(|d| g.member(d).is_some())
        .collect();
    g.members.retain(|m| !ids.contains(&m.id.as_str()));
    for d in &ids {
        g.muted.remove(*d);
    }
    let kind = g.kind;
    if !gone.is_empty() {
        ctx.after(
            "Group.CallbackAfterMemberExit",
            json!({
                "GroupId": id,
                "Type": kind.name(),
                "ExitType": "Kicked",
                "Operator_Account": ctx.admin,
                "ExitMemberList": account_items(&gone),
                "EventTime": ctx.now_s * 1000,
            }),
        );
    }
    Ok(json!({}))
}

pub fn modify(ctx: &mut Ctx<'_>) -> Outcome {
    let id = ctx.str("GroupId", BAD)?;
    let user = ctx.user_id("Member_Account", BAD)?;
    let role = match ctx.opt_str("Role", BAD)? {
        None => None,
        Some("Admin") => Some(Role::Admin),
        Some("Member") => Some(Role::Member),
        Some(_) => return Err(bad("Role", "must be Admin or Member")),
    };
    let flag = ctx.opt_str("MsgFlag", BAD)?;
    if flag.is_some_and(|f| !MSG_FLAGS.contains(&f)) {
        return Err(bad("MsgFlag", "is not a known option"));
    }
    let card = opt_text(ctx, "NameCard", 50)?;
    let mute = opt_count(ctx, "MuteTime")?;
    if mute.is_some_and(|t| t > u64::from(u32::MAX)) {
        return Err(bad("MuteTime", "is over 4294967295 seconds"));
    }
    let app_data = match ctx.body.get("AppMemberDefinedData") {
        None | Some(Value::Null) => None,
        Some(v) => Some(key_values(v, "AppMemberDefinedData")?),
    };
    let now = ctx.now_s;
    let g = ctx.state.groups.get_mut(id)?;
    no_live(g)?;
    let m = g
        .member_mut(user)
        .ok_or_else(|| ApiError::new(DENIED, "Member_Account is not a member of the group"))?;
    if role.is_some() && m.role == Role::Owner {
        return Err(ApiError::new(
            DENIED,
            "the owner's role changes only through change_group_owner",
        ));
    }
    if let Some(r) = role {
        m.role = r;
    }
    if let Some(f) = flag {
        m.msg_flag = f.to_owned();
    }
    if let Some(c) = card {
        m.name_card = c.to_owned();
    }
    if let Some(items) = app_data {
        manage::merge_key_values(&mut m.app_data, items);
    }
    if let Some(t) = mute {
        set_mute(g, user, t, now);
    }
    Ok(json!({}))
}

/// `[{Member_Account}]`, the shape of the membership callbacks' lists.
pub(super) fn account_items(ids: &[&str]) -> Value {
    ids.iter().map(|u| json!({ "Member_Account": u })).collect()
}

fn set_mute(g: &mut Group, user: &str, seconds: u64, now_s: u64) {
    if seconds == 0 {
        g.muted.remove(user);
    } else {
        g.muted
            .insert(user.to_owned(), now_s.saturating_add(seconds));
    }
}

/// One member's fields, as `fields` (MemberInfoFilter) and `keys` (AppDefinedDataFilter_
/// GroupMember) select; custom data only when asked for by key.
pub(super) fn member_info(
    g: &Group,
    m: &Member,
    fields: Option<&[&str]>,
    keys: Option<&[&str]>,
    now_s: u64,
) -> Value {
    let all = json!({
        "Role": m.role.name(),
        "JoinTime": m.join_time,
        // What the member has read: the emulator has no clients, so the latest message.
        "MsgSeq": g.next_seq.saturating_sub(1),
        "MsgFlag": m.msg_flag,
        "LastSendMsgTime": m.last_send,
        "ShutUpUntil": g.muted_until(&m.id, now_s),
        "NameCard": m.name_card,
        "AppMemberDefinedData": keys.map(|k| pick_keys(&m.app_data, k)),
    });
    let mut o = only(all, |f| {
        let asked = fields.is_none_or(|want| want.contains(&f));
        asked && (f != "AppMemberDefinedData" || keys.is_some())
    });
    o["Member_Account"] = m.id.as_str().into();
    o
}

/// Offset paging (Limit at most 6000, all when absent); Community groups page with a `Next`
/// cursor instead (Limit at most 100; the cursor is the offset as a decimal string).
pub fn list(ctx: &mut Ctx<'_>) -> Outcome {
    let id = ctx.str("GroupId", BAD)?;
    let fields = opt_strings(ctx, "MemberInfoFilter")?;
    let roles = opt_strings(ctx, "MemberRoleFilter")?;
    if let Some(r) = &roles {
        if r.iter().any(|r| Role::parse(r).is_none()) {
            return Err(bad("MemberRoleFilter", "holds an unknown role"));
        }
    }
    let keys = opt_strings(ctx, "AppDefinedDataFilter_GroupMember")?;
    let limit = opt_count(ctx, "Limit")?;
    let offset = opt_count(ctx, "Offset")?;
    let next = ctx.opt_str("Next", BAD)?;
    let g = ctx.state.groups.get(id)?;
    no_live(g)?;
    let community = g.kind == Kind::Community;
    let (start, limit) = if community {
        let start = match next {
            None | Some("") => 0,
            Some(n) => n
                .parse::<usize>()
                .map_err(|_| bad("Next", "is not a cursor this group returned"))?,
        };
        match limit {
            None => (start, 100),
            Some(l @ 1..=100) => (start, l as usize),
            Some(_) => return Err(bad("Limit", "must be 1-100 for Community groups")),
        }
    } else {
        if limit.is_some_and(|l| l > 6000) {
            return Err(bad("Limit", "must be at most 6000"));
        }
        let start = usize::try_from(offset.unwrap_or(0)).unwrap_or(usize::MAX);
        (start, limit.map_or(usize::MAX, |l| l as usize))
    };
    let matching: Vec<&Member> = g
        .members
        .iter()
        .filter(|m| roles.as_ref().is_none_or(|r| r.contains(&m.role.name())))
        .collect();
    let (fields, keys) = (fields.as_deref(), keys.as_deref());
    let page = matching.iter().skip(start).take(limit);
    let page: Vec<Value> = page
        .map(|m| member_info(g, m, fields, keys, ctx.now_s))
        .collect();
    let end = start.saturating_add(page.len());
    let mut out = json!({ "MemberNum": g.members.len(), "MemberList": page });
    if community {
        let cursor = if end < matching.len() {
            end.to_string()
        } else {
            String::new()
        };
        out["Next"] = cursor.into();
    }
    Ok(out)
}

pub fn forbid(ctx: &mut Ctx<'_>) -> Outcome {
    let id = ctx.str("GroupId", BAD)?;
    let ids = ctx.user_ids("Members_Account", 500, BAD)?;
    let t = ctx.int("MuteTime", BAD)?;
    let t = u64::try_from(t)
        .ok()
        .filter(|&t| t <= u64::from(u32::MAX))
        .ok_or_else(|| bad("MuteTime", "must be 0-4294967295 seconds"))?;
    if ctx.opt_str("TopicId", BAD)?.is_some() {
        return Err(bad("TopicId", "topic mutes are not emulated"));
    }
    let now = ctx.now_s;
    let g = ctx.state.groups.get_mut(id)?;
    if g.kind != Kind::AVChatRoom {
        if let Some(out) = ids.iter().find(|u| g.member(u).is_none()) {
            return Err(ApiError::new(
                DENIED,
                field_msg(out, "is not a member of the group"),
            ));
        }
    }
    for u in ids {
        set_mute(g, u, t, now);
    }
    Ok(json!({}))
}

pub fn muted(ctx: &mut Ctx<'_>) -> Outcome {
    let id = ctx.str("GroupId", BAD)?;
    if ctx.opt_str("TopicId", BAD)?.is_some() {
        return Err(bad("TopicId", "topic mutes are not emulated"));
    }
    let g = ctx.state.groups.get(id)?;
    let list = g
        .muted
        .iter()
        .filter(|(_, &until)| until > ctx.now_s)
        .map(|(u, until)| json!({ "Member_Account": u, "MutedUntil": until }))
        .collect::<Vec<_>>();
    Ok(json!({ "GroupId": id, "MutedAccountList": list }))
}

/// get_specified_group_member_info: up to 50 named members, filters as in `list`; names that
/// are not members are left out.
pub fn specified(ctx: &mut Ctx<'_>) -> Outcome {
    let id = ctx.str("GroupId", BAD)?;
    let ids = ctx.user_ids("Member_List_Account", 50, BAD)?;
    let fields = opt_strings(ctx, "MemberInfoFilter")?;
    let roles = opt_strings(ctx, "MemberRoleFilter")?;
    let keys = opt_strings(ctx, "AppDefinedDataFilter_GroupMember")?;
    let g = ctx.state.groups.get(id)?;
    no_live(g)?;
    let list = ids
        .iter()
        .filter_map(|u| g.member(u))
        .filter(|m| roles.as_ref().is_none_or(|r| r.contains(&m.role.name())))
        .map(|m| member_info(g, m, fields.as_deref(), keys.as_deref(), ctx.now_s))
        .collect::<Vec<_>>();
    Ok(json!({ "GroupId": id, "MemberList": list }))
}

/// get_role_in_group: each account's Role, or `NotMember`. A live group's owner is `Owner`.
pub fn roles(ctx: &mut Ctx<'_>) -> Outcome {
    let id = ctx.str("GroupId", BAD)?;
    let ids = ctx.user_ids("User_Account", 500, BAD)?;
    let g = ctx.state.groups.get(id)?;
    let list = ids
        .iter()
        .map(|u| {
            let role = match g.member(u) {
                Some(m) => m.role.name(),
                None if g.owner.as_deref() == Some(*u) => Role::Owner.name(),
                None => "NotMember",
            };
            json!({ "Member_Account": u, "Role": role })
        })
        .collect::<Vec<_>>();
    Ok(json!({ "UserIdList": list }))
}
