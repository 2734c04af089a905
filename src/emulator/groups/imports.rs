//! Imports for migrations: import_group (with its creation time), import_group_member (with
//! join times and unread counts) and import_group_msg (with send times). None sends a callback
//! (doc: "without triggering callbacks or delivering notifications"); live groups refuse all three
//! with 10007 (doc).

use super::super::{ApiError, Ctx, Outcome};
use super::extra::{opt_flag, MsgExt};
use super::manage::{member_is_admin, NewGroup};
use super::messages::check_body;
use super::*;
use serde_json::json;

/// import_group_member takes at most 300 members per call (doc; 10005 over).
const MAX_MEMBERS: usize = 300;
/// import_group_msg takes at most 7 messages per call (doc, both languages).
const MAX_MSGS: usize = 7;
/// A message body of more than 12000 bytes is refused per message (80002).
const MAX_MSG_BYTES: usize = 12_000;

fn no_live(g: &Group, what: &str) -> Result<(), ApiError> {
    if g.kind == Kind::AVChatRoom {
        let mut info = String::from("live (AVChatRoom) groups do not support importing ");
        info.push_str(what);
        return Err(ApiError::new(DENIED, info));
    }
    Ok(())
}

/// As create_group (the same field rules), plus CreateTime (not in the future; default now) and
/// SupportTopic. The owner becomes the only member.
pub fn group(ctx: &mut Ctx<'_>) -> Outcome {
    let kind = ctx.str("Type", BAD)?;
    let kind = Kind::parse(kind)
        .ok_or_else(|| bad("Type", "must be Private, Public, ChatRoom or Community"))?;
    if kind == Kind::AVChatRoom {
        return Err(ApiError::new(
            DENIED,
            "AVChatRoom groups cannot be imported (create them with create_group)",
        ));
    }
    let new = NewGroup::read(ctx, kind)?;
    let created = opt_count(ctx, "CreateTime")?.unwrap_or(ctx.now_s);
    if created > ctx.now_s {
        return Err(bad("CreateTime", "is in the future"));
    }
    let support_topic = opt_flag(ctx, "SupportTopic")? && kind == Kind::Community;

    let groups = &mut ctx.state.groups;
    let id = new.id(groups, kind)?;
    groups.serial += 1;
    let members = new.owner.map(|o| Member::new(o, Role::Owner, created));
    let group = new.to_group(
        groups.serial,
        kind,
        created,
        members.into_iter().collect(),
        support_topic,
    );
    groups.by_id.insert(id.clone(), group);
    Ok(json!({ "GroupId": id }))
}

struct Incoming<'a> {
    id: &'a str,
    admin: bool,
    join_time: Option<u64>,
    unread: u64,
}

/// Result per member: 0 failed (not imported, or a JoinTime before the group's creation or in
/// the future: the doc's "cannot be imported"), 1 imported, 2 already a member.
pub fn members(ctx: &mut Ctx<'_>) -> Outcome {
    let id = ctx.str("GroupId", BAD)?;
    let items = ctx.array("MemberList", BAD)?;
    if items.is_empty() {
        return Err(bad("MemberList", "is empty"));
    }
    if items.len() > MAX_MEMBERS {
        return Err(ApiError::new(10005, "MemberList holds over 300 accounts"));
    }
    let mut incoming = Vec::with_capacity(items.len());
    for it in items {
        let id = member_account(it, "MemberList")?;
        let admin = member_is_admin(it)?;
        let number = |key: &str| match it.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(v) => v.as_u64().map(Some).ok_or_else(|| {
                bad(
                    "MemberList",
                    "JoinTime and UnreadMsgNum must be non-negative integers",
                )
            }),
        };
        let join_time = number("JoinTime")?;
        let unread = number("UnreadMsgNum")?.unwrap_or(0);
        incoming.push(Incoming {
            id,
            admin,
            join_time,
            unread,
        });
    }
    let exists: Vec<bool> = incoming.iter().map(|m| ctx.exists(m.id)).collect();
    let now = ctx.now_s;
    let g = ctx.state.groups.get_mut(id)?;
    no_live(g, "members")?;
    let stored = g.msgs.len() as u64;
    let mut results = Vec::with_capacity(incoming.len());
    let mut fresh: Vec<Member> = Vec::new();
    for (m, exists) in incoming.iter().zip(exists) {
        let joined = m.join_time.unwrap_or(now);
        let result = if !exists || joined < g.create_time || joined > now {
            0
        } else if g.member(m.id).is_some() || fresh.iter().any(|f| f.id == m.id) {
            2
        } else {
            let role = if m.admin { Role::Admin } else { Role::Member };
            let mut member = Member::new(m.id, role, joined);
            member.unread = m.unread.min(stored);
            fresh.push(member);
            1
        };
        results.push(json!({ "Member_Account": m.id, "Result": result }));
    }
    if (g.members.len() + fresh.len()) as u64 > g.max_members {
        return Err(ApiError::new(10014, "the group is full"));
    }
    g.members.extend(fresh);
    Ok(json!({ "MemberList": results }))
}

struct ImportMsg<'a> {
    from: &'a str,
    time: u64,
    random: u64,
    body: &'a Value,
    cloud: Option<&'a str>,
}

/// Messages are taken in order; each must be sent no earlier than the group's creation and the
/// group's latest message, and not in the future, else its Result is 10004 (doc). A body over
/// 12000 bytes is 80002. A repeat (same sender, SendTime and Random as a stored message) answers
/// the stored message's MsgSeq and stores nothing, so a retried import is harmless. Importing
/// resets every member's unread count to 0 (doc).
pub fn messages(ctx: &mut Ctx<'_>) -> Outcome {
    let id = ctx.str("GroupId", BAD)?;
    opt_flag(ctx, "RecentContactFlag")?;
    if ctx.opt_str("TopicId", BAD)?.is_some() {
        return Err(bad("TopicId", "topic messages are not emulated"));
    }
    let list = ctx.array("MsgList", BAD)?;
    if list.is_empty() || list.len() > MAX_MSGS {
        return Err(bad("MsgList", "must hold 1-7 messages"));
    }
    let mut msgs = Vec::with_capacity(list.len());
    for it in list {
        let from = it
            .get("From_Account")
            .and_then(Value::as_str)
            .filter(|id| !id.is_empty() && id.len() <= crate::usersig::MAX_USER_ID_BYTES)
            .ok_or_else(|| bad("MsgList", "items need a From_Account of 1-32 bytes"))?;
        let time = it
            .get("SendTime")
            .and_then(Value::as_u64)
            .ok_or_else(|| bad("MsgList", "items need a SendTime (Unix seconds)"))?;
        let random = match it.get("Random") {
            None | Some(Value::Null) => 0,
            Some(v) => v
                .as_u64()
                .filter(|&r| r <= u64::from(u32::MAX))
                .ok_or_else(|| bad("MsgList", "Random must be a 32-bit unsigned integer"))?,
        };
        let body = it
            .get("MsgBody")
            .ok_or_else(|| bad("MsgList", "items need a MsgBody"))?;
        check_body(
            body.as_array()
                .ok_or_else(|| bad("MsgBody", "must be an array"))?,
        )?;
        let cloud = match it.get("CloudCustomData") {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(s.as_str()),
            Some(_) => return Err(bad("CloudCustomData", "must be a string")),
        };
        if !ctx.exists(from) {
            return Err(ApiError::new(
                NO_ACCOUNT,
                field_msg(from, "is not imported"),
            ));
        }
        msgs.push(ImportMsg {
            from,
            time,
            random,
            body,
            cloud,
        });
    }
    let now = ctx.now_s;
    let g = ctx.state.groups.get_mut(id)?;
    no_live(g, "messages")?;
    let mut results = Vec::with_capacity(msgs.len());
    let mut stored_any = false;
    for m in msgs {
        let result =
            |seq: u64, code: i64| json!({ "MsgSeq": seq, "MsgTime": m.time, "Result": code });
        let repeat = g
            .msgs
            .iter()
            .rev()
            .find(|s| s.time == m.time && s.random == m.random && s.from == m.from);
        if let Some(s) = repeat {
            results.push(result(s.seq, 0));
            continue;
        }
        if m.body.to_string().len() > MAX_MSG_BYTES {
            results.push(result(0, 80002));
            continue;
        }
        let latest = g.msgs.last().map_or(0, |s| s.time);
        if m.time > now || m.time < g.create_time || m.time < latest {
            results.push(result(0, BAD));
            continue;
        }
        let seq = g.next_seq;
        g.next_seq += 1;
        g.msgs.push(Msg {
            seq,
            random: m.random,
            time: m.time,
            from: m.from.to_owned(),
            body: m.body.clone(),
            cloud_data: m.cloud.map(str::to_owned),
            priority: None,
            recalled: false,
            ext: MsgExt::default(),
        });
        if g.msgs.len() > MAX_HISTORY {
            g.msgs.remove(0);
        }
        g.last_msg_time = g.last_msg_time.max(m.time);
        stored_any = true;
        results.push(result(seq, 0));
    }
    if stored_any {
        for member in &mut g.members {
            member.unread = 0;
        }
    }
    Ok(json!({ "ImportMsgResult": results }))
}
