//! The group itself: create, destroy, profile read/modify, the app's group list, a user's joined
//! groups, owner change.

use super::super::ctx::{obj, s};
use super::super::{ApiError, Before, Ctx, Outcome};
use super::*;
use crate::json::Object;

/// Initial members per create_group (Tencent's doc: 100).
const MAX_INITIAL_MEMBERS: usize = 100;
/// Custom group IDs are at most 48 bytes.
const MAX_GROUP_ID: usize = 48;
/// get_appid_group_list pages hold at most this many IDs (also the default).
const MAX_APP_PAGE: u64 = 10_000;
const APPLY_OPTIONS: [&str; 3] = ["FreeAccess", "NeedPermission", "DisableApply"];
/// Base profile fields of get_group_info, in Tencent's order.
const BASE_FIELDS: [&str; 16] = [
    "Type",
    "Name",
    "Appid",
    "Introduction",
    "Notification",
    "FaceUrl",
    "Owner_Account",
    "CreateTime",
    "InfoSeq",
    "LastInfoTime",
    "LastMsgTime",
    "NextMsgSeq",
    "MemberNum",
    "MaxMemberNum",
    "ApplyJoinOption",
    "MuteAllMember",
];

struct NewMember<'a> {
    id: &'a str,
    admin: bool,
    app_data: Vec<Value>,
}

pub fn create(ctx: &mut Ctx<'_>) -> Outcome {
    let kind = ctx.str("Type", BAD)?;
    let kind = Kind::parse(kind).ok_or_else(|| {
        bad(
            "Type",
            "must be Private, Public, ChatRoom, AVChatRoom or Community",
        )
    })?;
    let name = ctx.str("Name", BAD)?;
    if name.is_empty() || name.len() > 100 {
        return Err(bad("Name", "must be 1-100 bytes"));
    }
    let intro = opt_text(ctx, "Introduction", 400)?;
    let notice = opt_text(ctx, "Notification", 400)?;
    let face = opt_text(ctx, "FaceUrl", 100)?;
    let owner = match ctx.opt_str("Owner_Account", BAD)? {
        None => None,
        Some(_) => Some(ctx.user_id("Owner_Account", BAD)?),
    };
    if let Some(o) = owner {
        if !ctx.exists(o) {
            return Err(ApiError::new(NO_ACCOUNT, "Owner_Account is not imported"));
        }
    }
    let custom = ctx.opt_str("GroupId", BAD)?;
    if let Some(id) = custom {
        check_custom_id(kind, id)?;
        if ctx.state.groups.contains(id) {
            return Err(ApiError::new(10021, "GroupId is already in use"));
        }
    }
    let max = match opt_count(ctx, "MaxMemberCount")? {
        None => kind.default_max(),
        Some(n @ 1..=100_000) => n,
        Some(_) => return Err(bad("MaxMemberCount", "must be 1-100000")),
    };
    let apply = match ctx.opt_str("ApplyJoinOption", BAD)? {
        None => default_apply(kind),
        Some(a) if APPLY_OPTIONS.contains(&a) => a,
        Some(_) => return Err(bad("ApplyJoinOption", "is not a known option")),
    };
    let app_data = match ctx.body.get("AppDefinedData") {
        None | Some(Value::Null) => Vec::new(),
        Some(v) => key_values(v, "AppDefinedData")?,
    };
    let members = initial_members(ctx)?;
    if kind == Kind::AVChatRoom && !members.is_empty() {
        return Err(ApiError::new(
            DENIED,
            "AVChatRoom groups take no MemberList: members join through the client SDK",
        ));
    }
    let total = members.iter().filter(|m| Some(m.id) != owner).count()
        + usize::from(owner.is_some() && kind != Kind::AVChatRoom);
    if total as u64 > max {
        return Err(ApiError::new(10014, "MemberList exceeds MaxMemberCount"));
    }

    let member_list = Value::Array(
        members
            .iter()
            .map(|m| Value::Object(obj([("Member_Account", s(m.id))])))
            .collect(),
    );
    let owned = owner.map_or(0, |o| {
        ctx.state
            .groups
            .by_id
            .values()
            .filter(|g| g.owner.as_deref() == Some(o))
            .count() as u64
    });
    let before = obj([
        ("Operator_Account", s(ctx.admin)),
        ("Owner_Account", s(owner.unwrap_or(""))),
        ("Type", s(kind.name())),
        ("Name", s(name)),
        ("CreateGroupNum", num(owned)),
        ("MemberList", member_list.clone()),
        ("EventTime", num(ctx.now_s * 1000)),
    ]);
    match ctx.before("Group.CallbackBeforeCreateGroup", before) {
        Before::Pending => return Err(ApiError::new(0, "")),
        // A silent drop makes no sense for a creation: it is refused like a rejection.
        Before::Reject { custom: Some(e) } => return Err(e),
        Before::Reject { custom: None } | Before::Drop => {
            return Err(ApiError::new(
                10016,
                "the app's Group.CallbackBeforeCreateGroup refused the group",
            ))
        }
        Before::Allow | Before::AllowModified(_) => {}
    }

    let now = ctx.now_s;
    let groups = &mut ctx.state.groups;
    let id = match custom {
        Some(id) => id.to_owned(),
        None => generate_id(groups, kind)
            .ok_or_else(|| ApiError::new(10002, "could not generate a free GroupId"))?,
    };
    groups.serial += 1;
    let mut roster = Vec::new();
    if let (Some(o), false) = (owner, kind == Kind::AVChatRoom) {
        roster.push(Member::new(o, Role::Owner, now));
    }
    for m in &members {
        if roster.iter().any(|r| r.id == m.id) {
            continue;
        }
        let mut member = Member::new(m.id, if m.admin { Role::Admin } else { Role::Member }, now);
        member.app_data = m.app_data.clone();
        roster.push(member);
    }
    let group = Group {
        serial: groups.serial,
        kind,
        name: name.to_owned(),
        introduction: intro.unwrap_or("").to_owned(),
        notification: notice.unwrap_or("").to_owned(),
        face_url: face.unwrap_or("").to_owned(),
        owner: owner.map(str::to_owned),
        create_time: now,
        max_members: max,
        apply_join: apply.to_owned(),
        mute_all: false,
        app_data: app_data.clone(),
        info_seq: 0,
        last_info_time: now,
        members: roster,
        muted: BTreeMap::new(),
        msgs: Vec::new(),
        next_seq: 1,
        last_msg_time: 0,
    };
    groups.by_id.insert(id.clone(), group);
    ctx.after(
        "Group.CallbackAfterCreateGroup",
        obj([
            ("GroupId", s(&id)),
            ("Operator_Account", s(ctx.admin)),
            ("Owner_Account", s(owner.unwrap_or(""))),
            ("Type", s(kind.name())),
            ("Name", s(name)),
            ("MemberList", member_list),
            ("UserDefinedDataList", Value::Array(app_data)),
            ("EventTime", num(now * 1000)),
        ]),
    );
    Ok(obj([("GroupId", s(&id))]))
}

fn initial_members<'a>(ctx: &Ctx<'a>) -> Result<Vec<NewMember<'a>>, ApiError> {
    let items: &'a [Value] = match ctx.body.get("MemberList") {
        None | Some(Value::Null) => return Ok(Vec::new()),
        Some(Value::Array(a)) => a,
        Some(_) => return Err(bad("MemberList", "must be an array")),
    };
    if items.len() > MAX_INITIAL_MEMBERS {
        return Err(ApiError::new(10005, "MemberList holds over 100 accounts"));
    }
    let mut out = Vec::with_capacity(items.len());
    for it in items {
        let id = it
            .get("Member_Account")
            .and_then(Value::as_str)
            .filter(|id| !id.is_empty() && id.len() <= crate::usersig::MAX_USER_ID_BYTES)
            .ok_or_else(|| bad("MemberList", "items need a Member_Account of 1-32 bytes"))?;
        if !ctx.exists(id) {
            return Err(ApiError::new(
                NO_ACCOUNT,
                field_msg(id, "in MemberList is not imported"),
            ));
        }
        let admin = match it.get("Role") {
            None | Some(Value::Null) => false,
            Some(r) if r.as_str() == Some("Admin") => true,
            Some(_) => return Err(bad("MemberList", "Role may only be Admin")),
        };
        let app_data = match it.get("AppMemberDefinedData") {
            None | Some(Value::Null) => Vec::new(),
            Some(v) => key_values(v, "AppMemberDefinedData")?,
        };
        out.push(NewMember {
            id,
            admin,
            app_data,
        });
    }
    Ok(out)
}

/// Custom IDs: printable ASCII, at most 48 bytes. `@TGS#` is the prefix of generated IDs, so
/// other types may not use it; Community IDs must start with `@TGS#_` (Tencent's rule).
fn check_custom_id(kind: Kind, id: &str) -> Result<(), ApiError> {
    if id.is_empty() || id.len() > MAX_GROUP_ID {
        return Err(bad("GroupId", "must be 1-48 bytes"));
    }
    if !id.bytes().all(|b| (0x21..=0x7e).contains(&b)) {
        return Err(bad("GroupId", "must be printable ASCII without spaces"));
    }
    match (kind, id.starts_with("@TGS#")) {
        (Kind::Community, _) if !id.starts_with("@TGS#_") => Err(bad(
            "GroupId",
            "of a Community group must start with @TGS#_",
        )),
        (Kind::Community, _) | (_, false) => Ok(()),
        (_, true) => Err(bad(
            "GroupId",
            "may not start with @TGS# (generated IDs do)",
        )),
    }
}

/// `@TGS#` + the type's tag + 9 base-32 characters of the serial, scrambled by an odd
/// multiplier (a bijection mod 2^45, so distinct serials give distinct IDs).
fn generate_id(groups: &mut Groups, kind: Kind) -> Option<String> {
    const DIGITS: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    // A custom Community ID may have taken a generated one: try a few serials.
    for _ in 0..8 {
        let serial = groups.serial + 1;
        let mut v = serial.wrapping_mul(0x2545_F491_4F6C_DD1D) & ((1 << 45) - 1);
        let mut id = String::from("@TGS#");
        id.push(kind.id_tag());
        for _ in 0..9 {
            id.push(char::from(DIGITS.get((v & 31) as usize).copied()?));
            v >>= 5;
        }
        if !groups.contains(&id) {
            return Some(id);
        }
        groups.serial = serial;
    }
    None
}

fn default_apply(kind: Kind) -> &'static str {
    match kind {
        Kind::Private => "DisableApply",
        Kind::ChatRoom | Kind::AVChatRoom => "FreeAccess",
        Kind::Public | Kind::Community => "NeedPermission",
    }
}

pub fn destroy(ctx: &mut Ctx<'_>) -> Outcome {
    let id = ctx.str("GroupId", BAD)?;
    let g = ctx.state.groups.by_id.remove(id).ok_or_else(no_group)?;
    let members = g
        .members
        .iter()
        .map(|m| Value::Object(obj([("Member_Account", s(&m.id))])))
        .collect();
    ctx.after(
        "Group.CallbackAfterGroupDestroyed",
        obj([
            ("GroupId", s(id)),
            ("Type", s(g.kind.name())),
            ("Owner_Account", s(g.owner.as_deref().unwrap_or(""))),
            ("Name", s(&g.name)),
            ("MemberList", Value::Array(members)),
            ("EventTime", num(ctx.now_s * 1000)),
        ]),
    );
    Ok(Object::new())
}

/// A string-list member of a filter object (`ResponseFilter.GroupBaseInfoFilter`, ...).
fn sub_filter<'a>(parent: Option<&'a Value>, key: &str) -> Result<Option<Vec<&'a str>>, ApiError> {
    match parent.and_then(|p| p.get(key)) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Array(items)) => items
            .iter()
            .map(|v| v.as_str().ok_or_else(|| bad(key, "items must be strings")))
            .collect::<Result<Vec<_>, _>>()
            .map(Some),
        Some(_) => Err(bad(key, "must be an array")),
    }
}

/// The base profile fields `want` selects.
fn base_info(g: &Group, app_id: u32, want: &dyn Fn(&str) -> bool) -> Object {
    let mut o = Object::new();
    for field in BASE_FIELDS {
        if !want(field) {
            continue;
        }
        let v = match field {
            "Type" => s(g.kind.name()),
            "Name" => s(&g.name),
            "Appid" => num(u64::from(app_id)),
            "Introduction" => s(&g.introduction),
            "Notification" => s(&g.notification),
            "FaceUrl" => s(&g.face_url),
            "Owner_Account" => s(g.owner.as_deref().unwrap_or("")),
            "CreateTime" => num(g.create_time),
            "InfoSeq" => num(g.info_seq),
            "LastInfoTime" => num(g.last_info_time),
            "LastMsgTime" => num(g.last_msg_time),
            "NextMsgSeq" => num(g.next_seq),
            "MemberNum" => num(g.members.len() as u64),
            "MaxMemberNum" => num(g.max_members),
            "ApplyJoinOption" => s(&g.apply_join),
            _ => s(if g.mute_all { "On" } else { "Off" }),
        };
        o.insert(field, v);
    }
    o
}

pub fn info(ctx: &mut Ctx<'_>) -> Outcome {
    let ids = ctx.array("GroupIdList", BAD)?;
    if ids.is_empty() || ids.len() > 50 {
        return Err(bad("GroupIdList", "must hold 1-50 GroupIds"));
    }
    let filter = match ctx.body.get("ResponseFilter") {
        None | Some(Value::Null) => None,
        Some(f @ Value::Object(_)) => Some(f),
        Some(_) => return Err(bad("ResponseFilter", "must be an object")),
    };
    let base = sub_filter(filter, "GroupBaseInfoFilter")?;
    let member_fields = sub_filter(filter, "MemberInfoFilter")?;
    let group_keys = sub_filter(filter, "AppDefinedDataFilter_Group")?;
    let member_keys = sub_filter(filter, "AppDefinedDataFilter_GroupMember")?;
    let with_members = filter.is_none() || member_fields.is_some();
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        let id = id
            .as_str()
            .ok_or_else(|| bad("GroupIdList", "items must be strings"))?;
        let mut o = obj([("GroupId", s(id))]);
        let Some(g) = ctx.state.groups.by_id.get(id) else {
            let e = no_group();
            o.insert("ErrorCode", Value::from(e.code));
            o.insert("ErrorInfo", s(&e.info));
            out.push(Value::Object(o));
            continue;
        };
        o.insert("ErrorCode", Value::from(0));
        let want = |f: &str| base.as_ref().is_none_or(|b| b.contains(&f));
        for (k, v) in base_info(g, ctx.sdk_app_id, &want).iter() {
            o.insert(k, v.clone());
        }
        if let Some(keys) = &group_keys {
            o.insert("AppDefinedData", pick_keys(&g.app_data, keys));
        }
        if with_members && g.kind != Kind::AVChatRoom {
            let list = g
                .members
                .iter()
                .map(|m| {
                    Value::Object(members::member_info(
                        g,
                        m,
                        member_fields.as_deref(),
                        member_keys.as_deref(),
                        ctx.now_s,
                    ))
                })
                .collect();
            o.insert("MemberList", Value::Array(list));
        }
        out.push(Value::Object(o));
    }
    Ok(obj([("GroupInfo", Value::Array(out))]))
}

pub fn modify(ctx: &mut Ctx<'_>) -> Outcome {
    let id = ctx.str("GroupId", BAD)?;
    let name = opt_text(ctx, "Name", 100)?;
    if name == Some("") {
        return Err(bad("Name", "must not be empty"));
    }
    let intro = opt_text(ctx, "Introduction", 400)?;
    let notice = opt_text(ctx, "Notification", 400)?;
    let face = opt_text(ctx, "FaceUrl", 100)?;
    let max = opt_count(ctx, "MaxMemberNum")?;
    if max.is_some_and(|n| !(1..=100_000).contains(&n)) {
        return Err(bad("MaxMemberNum", "must be 1-100000"));
    }
    let apply = ctx.opt_str("ApplyJoinOption", BAD)?;
    if apply.is_some_and(|a| !APPLY_OPTIONS.contains(&a)) {
        return Err(bad("ApplyJoinOption", "is not a known option"));
    }
    let mute_all = match ctx.opt_str("MuteAllMember", BAD)? {
        None => None,
        Some("On") => Some(true),
        Some("Off") => Some(false),
        Some(_) => return Err(bad("MuteAllMember", "must be On or Off")),
    };
    let app_data = match ctx.body.get("AppDefinedData") {
        None | Some(Value::Null) => None,
        Some(v) => Some(key_values(v, "AppDefinedData")?),
    };
    let now = ctx.now_s;
    let g = ctx.state.groups.get_mut(id)?;
    if max.is_some_and(|n| n < g.members.len() as u64) {
        return Err(bad("MaxMemberNum", "is below the current member count"));
    }
    let set = |dst: &mut String, v: Option<&str>| {
        if let Some(v) = v {
            *dst = v.to_owned();
        }
    };
    set(&mut g.name, name);
    set(&mut g.introduction, intro);
    set(&mut g.notification, notice);
    set(&mut g.face_url, face);
    set(&mut g.apply_join, apply);
    if let Some(n) = max {
        g.max_members = n;
    }
    if let Some(m) = mute_all {
        g.mute_all = m;
    }
    if let Some(items) = app_data {
        merge_key_values(&mut g.app_data, items);
    }
    g.touch_info(now);
    Ok(Object::new())
}

/// Tencent's custom-data update: a Key's Value replaces the old one; an empty Value deletes it.
pub(super) fn merge_key_values(dst: &mut Vec<Value>, items: Vec<Value>) {
    for it in items {
        let key = it
            .get("Key")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned();
        let empty = it.get("Value").and_then(Value::as_str) == Some("");
        dst.retain(|d| d.get("Key").and_then(Value::as_str) != Some(key.as_str()));
        if !empty {
            dst.push(it);
        }
    }
}

fn opt_kind(ctx: &Ctx<'_>) -> Result<Option<Kind>, ApiError> {
    match ctx.opt_str("GroupType", BAD)? {
        None => Ok(None),
        Some(t) => Kind::parse(t)
            .map(Some)
            .ok_or_else(|| bad("GroupType", "is not a group type")),
    }
}

/// Groups in creation order, optionally of one type.
fn in_order(groups: &Groups, kind: Option<Kind>) -> Vec<(&String, &Group)> {
    let mut v: Vec<_> = groups
        .by_id
        .iter()
        .filter(|(_, g)| kind.is_none_or(|k| g.kind == k))
        .collect();
    v.sort_by_key(|(_, g)| g.serial);
    v
}

/// Cursor paging: `Next` is the creation serial of the last group returned (0: start / done).
pub fn app_list(ctx: &mut Ctx<'_>) -> Outcome {
    let limit = match opt_count(ctx, "Limit")? {
        None | Some(0) => MAX_APP_PAGE,
        Some(n) if n <= MAX_APP_PAGE => n,
        Some(_) => return Err(bad("Limit", "must be at most 10000")),
    };
    let next = opt_count(ctx, "Next")?.unwrap_or(0);
    let kind = opt_kind(ctx)?;
    let all = in_order(&ctx.state.groups, kind);
    let rest: Vec<_> = all.iter().filter(|(_, g)| g.serial > next).collect();
    let page: Vec<_> = rest.iter().take(limit as usize).collect();
    let cursor = match page.last() {
        Some((_, g)) if rest.len() > page.len() => g.serial,
        _ => 0,
    };
    let ids = page
        .iter()
        .map(|(id, _)| Value::Object(obj([("GroupId", s(id))])))
        .collect();
    Ok(obj([
        ("TotalCount", num(all.len() as u64)),
        ("GroupIdList", Value::Array(ids)),
        ("Next", num(cursor)),
    ]))
}

pub fn joined(ctx: &mut Ctx<'_>) -> Outcome {
    let user = ctx.user_id("Member_Account", BAD)?;
    if !ctx.exists(user) {
        return Err(ApiError::new(NO_ACCOUNT, "Member_Account is not imported"));
    }
    let limit = opt_count(ctx, "Limit")?;
    let offset = opt_count(ctx, "Offset")?.unwrap_or(0);
    let kind = opt_kind(ctx)?;
    let filter = match ctx.body.get("ResponseFilter") {
        None | Some(Value::Null) => None,
        Some(f @ Value::Object(_)) => Some(f),
        Some(_) => return Err(bad("ResponseFilter", "must be an object")),
    };
    let base = sub_filter(filter, "GroupBaseInfoFilter")?;
    let self_fields = sub_filter(filter, "SelfInfoFilter")?;
    let mine: Vec<_> = in_order(&ctx.state.groups, kind)
        .into_iter()
        .filter_map(|(id, g)| g.member(user).map(|m| (id, g, m)))
        .collect();
    let page = mine
        .iter()
        .skip(usize::try_from(offset).unwrap_or(usize::MAX))
        .take(limit.map_or(usize::MAX, |l| usize::try_from(l).unwrap_or(usize::MAX)));
    let mut list = Vec::new();
    for (id, g, m) in page {
        let mut o = obj([("GroupId", s(id))]);
        if let Some(b) = &base {
            for (k, v) in base_info(g, ctx.sdk_app_id, &|f| b.contains(&f)).iter() {
                o.insert(k, v.clone());
            }
        }
        if let Some(f) = &self_fields {
            let mut me = Object::new();
            for (k, v) in [
                ("Role", s(m.role.name())),
                ("JoinTime", num(m.join_time)),
                ("MsgFlag", s(&m.msg_flag)),
                ("UnreadMsgNum", num(0)),
            ] {
                if f.contains(&k) {
                    me.insert(k, v);
                }
            }
            o.insert("SelfInfo", Value::Object(me));
        }
        list.push(Value::Object(o));
    }
    Ok(obj([
        ("TotalCount", num(mine.len() as u64)),
        ("GroupIdList", Value::Array(list)),
    ]))
}

pub fn change_owner(ctx: &mut Ctx<'_>) -> Outcome {
    let id = ctx.str("GroupId", BAD)?;
    let new = ctx.user_id("NewOwner_Account", BAD)?;
    if !ctx.exists(new) {
        return Err(ApiError::new(
            NO_ACCOUNT,
            "NewOwner_Account is not imported",
        ));
    }
    let now = ctx.now_s;
    let g = ctx.state.groups.get_mut(id)?;
    if g.kind != Kind::AVChatRoom {
        if g.member(new).is_none() {
            return Err(ApiError::new(
                DENIED,
                "NewOwner_Account is not a member of the group",
            ));
        }
        for m in &mut g.members {
            if m.role == Role::Owner {
                m.role = Role::Member;
            }
            if m.id == new {
                m.role = Role::Owner;
            }
        }
    }
    g.owner = Some(new.to_owned());
    g.touch_info(now);
    Ok(Object::new())
}
