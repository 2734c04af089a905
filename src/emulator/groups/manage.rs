//! The group itself: create, destroy, profile changes, owner change (the read-only queries are
//! in `queries.rs`).

use super::super::{ApiError, Ctx, Outcome};
use super::*;
use serde_json::json;

/// Initial members per create_group (Tencent's doc: 100).
const MAX_INITIAL_MEMBERS: usize = 100;
/// Custom group IDs are at most 48 bytes.
const MAX_GROUP_ID: usize = 48;
pub(super) const APPLY_OPTIONS: [&str; 3] = ["FreeAccess", "NeedPermission", "DisableApply"];

/// The settings create_group and import_group read alike (import_group adds its own fields).
pub(super) struct NewGroup<'a> {
    pub name: &'a str,
    intro: &'a str,
    notice: &'a str,
    face: &'a str,
    pub owner: Option<&'a str>,
    pub custom: Option<&'a str>,
    max: u64,
    apply: &'a str,
    app_data: Vec<Value>,
}

impl<'a> NewGroup<'a> {
    /// Name, Introduction, Notification, FaceUrl, Owner_Account (imported), GroupId (free),
    /// MaxMemberCount, ApplyJoinOption and AppDefinedData, checked in that order.
    pub(super) fn read(ctx: &Ctx<'a>, kind: Kind) -> Result<Self, ApiError> {
        let name = ctx.str("Name", BAD)?;
        if name.is_empty() || name.len() > 100 {
            return Err(bad("Name", "must be 1-100 bytes"));
        }
        let intro = opt_text(ctx, "Introduction", 400)?.unwrap_or("");
        let notice = opt_text(ctx, "Notification", 400)?.unwrap_or("");
        let face = opt_text(ctx, "FaceUrl", 100)?.unwrap_or("");
        let owner = match ctx.opt_str("Owner_Account", BAD)? {
            None => None,
            Some(_) => Some(ctx.user_id("Owner_Account", BAD)?),
        };
        if owner.is_some_and(|o| !ctx.exists(o)) {
            return Err(ApiError::new(NO_ACCOUNT, "Owner_Account is not imported"));
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
        Ok(Self {
            name,
            intro,
            notice,
            face,
            owner,
            custom,
            max,
            apply,
            app_data,
        })
    }

    /// The custom GroupId, or a free generated one.
    pub(super) fn id(&self, groups: &mut Groups, kind: Kind) -> Result<String, ApiError> {
        match self.custom {
            Some(id) => Ok(id.to_owned()),
            None => generate_id(groups, kind)
                .ok_or_else(|| ApiError::new(10002, "could not generate a free GroupId")),
        }
    }

    /// The group as created at `created` (seconds) with `members`.
    pub(super) fn to_group(
        &self,
        serial: u64,
        kind: Kind,
        created: u64,
        members: Vec<Member>,
        support_topic: bool,
    ) -> Group {
        Group {
            serial,
            kind,
            name: self.name.to_owned(),
            introduction: self.intro.to_owned(),
            notification: self.notice.to_owned(),
            face_url: self.face.to_owned(),
            owner: self.owner.map(str::to_owned),
            create_time: created,
            max_members: self.max,
            apply_join: self.apply.to_owned(),
            mute_all: false,
            app_data: self.app_data.clone(),
            info_seq: 0,
            last_info_time: created,
            members,
            muted: BTreeMap::new(),
            msgs: Vec::new(),
            next_seq: 1,
            last_msg_time: 0,
            ext: super::extra::GroupExt {
                support_topic,
                ..Default::default()
            },
        }
    }
}

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
    let new = NewGroup::read(ctx, kind)?;
    let members = initial_members(ctx)?;
    // Topics exist only in Community groups that asked for them (the doc: "valid only for
    // communities"; other types ignore it).
    let support_topic = super::extra::opt_flag(ctx, "SupportTopic")? && kind == Kind::Community;
    if kind == Kind::AVChatRoom && !members.is_empty() {
        return Err(ApiError::new(
            DENIED,
            "AVChatRoom groups take no MemberList: members join through the client SDK",
        ));
    }
    let total = members.iter().filter(|m| Some(m.id) != new.owner).count()
        + usize::from(new.owner.is_some() && kind != Kind::AVChatRoom);
    if total as u64 > new.max {
        return Err(ApiError::new(10014, "MemberList exceeds MaxMemberCount"));
    }

    let ids: Vec<&str> = members.iter().map(|m| m.id).collect();
    let member_list = super::members::account_items(&ids);
    let owned = new.owner.map_or(0, |o| {
        ctx.state
            .groups
            .by_id
            .values()
            .filter(|g| g.owner.as_deref() == Some(o))
            .count() as u64
    });
    let before = json!({
        "Operator_Account": ctx.admin,
        "Owner_Account": new.owner.unwrap_or(""),
        "Type": kind.name(),
        "Name": new.name,
        "CreateGroupNum": owned,
        "MemberList": member_list,
        "EventTime": ctx.now_s * 1000,
    });
    ctx.before_creation("Group.CallbackBeforeCreateGroup", before, "the group")?;

    let now = ctx.now_s;
    let groups = &mut ctx.state.groups;
    let id = new.id(groups, kind)?;
    groups.serial += 1;
    let mut roster = Vec::new();
    if let (Some(o), false) = (new.owner, kind == Kind::AVChatRoom) {
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
    let group = new.to_group(groups.serial, kind, now, roster, support_topic);
    groups.by_id.insert(id.clone(), group);
    ctx.after(
        "Group.CallbackAfterCreateGroup",
        json!({
            "GroupId": id,
            "Operator_Account": ctx.admin,
            "Owner_Account": new.owner.unwrap_or(""),
            "Type": kind.name(),
            "Name": new.name,
            "MemberList": member_list,
            "UserDefinedDataList": new.app_data,
            "EventTime": now * 1000,
        }),
    );
    Ok(json!({ "GroupId": id }))
}

/// A MemberList item's `Role`: absent, or Admin.
pub(super) fn member_is_admin(item: &Value) -> Result<bool, ApiError> {
    match item.get("Role") {
        None | Some(Value::Null) => Ok(false),
        Some(r) if r.as_str() == Some("Admin") => Ok(true),
        Some(_) => Err(bad("MemberList", "Role may only be Admin")),
    }
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
        let id = member_account(it, "MemberList")?;
        if !ctx.exists(id) {
            return Err(ApiError::new(
                NO_ACCOUNT,
                field_msg(id, "in MemberList is not imported"),
            ));
        }
        let admin = member_is_admin(it)?;
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
pub(super) fn check_custom_id(kind: Kind, id: &str) -> Result<(), ApiError> {
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

pub(super) fn default_apply(kind: Kind) -> &'static str {
    match kind {
        Kind::Private => "DisableApply",
        Kind::ChatRoom | Kind::AVChatRoom => "FreeAccess",
        Kind::Public | Kind::Community => "NeedPermission",
    }
}

pub fn destroy(ctx: &mut Ctx<'_>) -> Outcome {
    let id = ctx.str("GroupId", BAD)?;
    let g = ctx.state.groups.by_id.remove(id).ok_or_else(no_group)?;
    let ids: Vec<&str> = g.members.iter().map(|m| m.id.as_str()).collect();
    ctx.after(
        "Group.CallbackAfterGroupDestroyed",
        json!({
            "GroupId": id,
            "Type": g.kind.name(),
            "Owner_Account": g.owner.as_deref().unwrap_or(""),
            "Name": g.name,
            "MemberList": super::members::account_items(&ids),
            "EventTime": ctx.now_s * 1000,
        }),
    );
    Ok(json!({}))
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
    Ok(json!({}))
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
    Ok(json!({}))
}
