//! Community permission groups (group_open_http_svc): create / destroy / modify / get, their
//! topic permissions (add / set / delete / get) and their members (add / delete / list).
//! Community groups only (10007).
//!
//! The docs' response sections and error tables of these pages were not in our copies; the
//! answer shapes follow the package's types (pkg/types/endpoints-b.d.ts) and the codes the
//! group family uses: 10010 for a permission group (or a topic permission) that does not exist,
//! 110003 for an unknown topic (as the topic endpoints), 10021 for an ID or entry already there.

use super::super::{ApiError, Ctx, Outcome};
use super::extra::{
    account_items, community_only, cursor, opt_strings, printable, scrambled, strings,
};
use super::*;
use serde_json::json;

/// Permission groups per Community group (the emulator's bound; 10004 past it).
pub(super) const MAX_GROUPS: usize = 100;
/// destroy / get by ID: 20 IDs per call (doc, destroy).
const MAX_IDS: usize = 20;
/// get_permission_group pages: Limit at most 20 (doc); member pages at most 50 (doc).
const MAX_PAGE: u64 = 20;
const MAX_MEMBER_PAGE: u64 = 50;
/// Topic permissions per call (doc: 50) and members per call (doc: 100).
const MAX_TOPICS: usize = 50;
const MAX_MEMBERS: usize = 100;
const ID_PREFIX: &str = "@PMG#_";
const MAX_ID: usize = 48;
const MAX_TOPIC_ID: usize = 104;
const NOT_FOUND: i64 = NO_GROUP;
const NO_TOPIC: i64 = 110_003;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PermissionGroup {
    #[serde(rename = "PermissionGroupId")]
    pub(super) id: String,
    #[serde(rename = "PermissionGroupName")]
    name: String,
    #[serde(rename = "Permission")]
    permission: u64,
    #[serde(rename = "CustomString")]
    custom: String,
    /// UserIDs in the order they were added.
    #[serde(rename = "MemberList", default, skip_serializing_if = "Vec::is_empty")]
    members: Vec<String>,
    /// TopicId -> permission bits.
    #[serde(
        rename = "TopicPermission",
        default,
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    pub(super) topics: BTreeMap<String, u64>,
}

impl PermissionGroup {
    fn info(&self) -> Value {
        json!({
            "PermissionGroupId": self.id,
            "PermissionGroupName": self.name,
            "Permission": self.permission,
            "CustomString": self.custom,
            "MemberNum": self.members.len(),
        })
    }
}

fn community<'a>(groups: &'a mut Groups, id: &str) -> Result<&'a mut Group, ApiError> {
    let g = groups.get_mut(id)?;
    community_only(g)?;
    Ok(g)
}

fn find<'a>(g: &'a mut Group, id: &str) -> Result<&'a mut PermissionGroup, ApiError> {
    g.ext
        .permission_groups
        .iter_mut()
        .find(|p| p.id == id)
        .ok_or_else(not_found)
}

fn not_found() -> ApiError {
    ApiError::new(NOT_FOUND, "the permission group does not exist")
}

fn result(id: &str, code: i64, info: &str) -> Value {
    json!({ "PermissionGroupId": id, "ErrorCode": code, "ErrorInfo": info })
}

fn name_of<'a>(ctx: &Ctx<'a>, required: bool) -> Result<Option<&'a str>, ApiError> {
    let name = match required {
        true => Some(ctx.str("PermissionGroupName", BAD)?),
        false => ctx.opt_str("PermissionGroupName", BAD)?,
    };
    if name.is_some_and(|n| n.is_empty() || n.len() > 150) {
        return Err(bad("PermissionGroupName", "must be 1-150 bytes"));
    }
    Ok(name)
}

fn bits(ctx: &Ctx<'_>) -> Result<Option<u64>, ApiError> {
    opt_count(ctx, "Permission")
}

/// A custom PermissionGroupId is `@PMG#_` (the doc's example) and printable ASCII, 48 bytes at
/// most; generated ones are `@PMG#_` and 10 base-32 characters.
pub fn create(ctx: &mut Ctx<'_>) -> Outcome {
    let group = ctx.str("GroupId", BAD)?;
    let custom_id = ctx.opt_str("PermissionGroupId", BAD)?;
    if let Some(p) = custom_id {
        let rest = p.strip_prefix(ID_PREFIX).unwrap_or("");
        if rest.is_empty() || p.len() > MAX_ID || !printable(p) {
            return Err(bad(
                "PermissionGroupId",
                "must be @PMG#_ and printable ASCII, at most 48 bytes",
            ));
        }
    }
    let name = name_of(ctx, true)?.unwrap_or("");
    let permission = bits(ctx)?.ok_or_else(|| bad("Permission", "is required"))?;
    let custom = opt_text(ctx, "CustomString", 3000)?.unwrap_or("");
    let groups = &mut ctx.state.groups;
    let g = community(groups, group)?;
    if g.ext.permission_groups.len() >= MAX_GROUPS {
        return Err(bad(
            "GroupId",
            "has 100 permission groups (the emulator's limit)",
        ));
    }
    if custom_id.is_some_and(|p| g.ext.permission_groups.iter().any(|x| x.id == p)) {
        return Err(ApiError::new(10021, "PermissionGroupId is already in use"));
    }
    let id = match custom_id {
        Some(p) => p.to_owned(),
        None => loop {
            groups.ext.id_serial += 1;
            let mut id = String::from(ID_PREFIX);
            id.push_str(&scrambled(groups.ext.id_serial));
            let g = groups.get(group)?;
            if !g.ext.permission_groups.iter().any(|x| x.id == id) {
                break id;
            }
        },
    };
    let g = community(groups, group)?;
    g.ext.permission_groups.push(PermissionGroup {
        id: id.clone(),
        name: name.to_owned(),
        permission,
        custom: custom.to_owned(),
        members: Vec::new(),
        topics: BTreeMap::new(),
    });
    Ok(json!({ "PermissionGroupId": id }))
}

/// Each ID's own ErrorCode (10010 unknown).
pub fn destroy(ctx: &mut Ctx<'_>) -> Outcome {
    let group = ctx.str("GroupId", BAD)?;
    let ids = strings(ctx, "PermissionGroupIdList", MAX_IDS, MAX_ID)?;
    let g = community(&mut ctx.state.groups, group)?;
    let list: Vec<Value> = ids
        .iter()
        .map(|id| {
            let before = g.ext.permission_groups.len();
            g.ext.permission_groups.retain(|p| p.id != *id);
            if g.ext.permission_groups.len() < before {
                result(id, 0, "")
            } else {
                result(id, NOT_FOUND, "the permission group does not exist")
            }
        })
        .collect();
    Ok(json!({ "PermissionGroupResultList": list }))
}

pub fn modify(ctx: &mut Ctx<'_>) -> Outcome {
    let group = ctx.str("GroupId", BAD)?;
    let id = ctx.str("PermissionGroupId", BAD)?;
    let name = name_of(ctx, false)?;
    let permission = bits(ctx)?;
    let custom = opt_text(ctx, "CustomString", 3000)?;
    let g = community(&mut ctx.state.groups, group)?;
    let p = find(g, id)?;
    if let Some(n) = name {
        p.name = n.to_owned();
    }
    if let Some(b) = permission {
        p.permission = b;
    }
    if let Some(c) = custom {
        p.custom = c.to_owned();
    }
    Ok(json!({}))
}

/// By PermissionGroupIdList (each with its ErrorCode), or all in creation order, Limit (1-20,
/// default 20) at a time with a `Next` cursor ("" first and when done; the offset as a string).
pub fn get(ctx: &mut Ctx<'_>) -> Outcome {
    let group = ctx.str("GroupId", BAD)?;
    let ids = opt_strings(ctx, "PermissionGroupIdList", MAX_IDS, MAX_ID)?;
    let limit = match opt_count(ctx, "Limit")? {
        None => MAX_PAGE,
        Some(n @ 1..=MAX_PAGE) => n,
        Some(_) => return Err(bad("Limit", "must be 1-20")),
    };
    let start = cursor(ctx, "Next")?;
    let g = community(&mut ctx.state.groups, group)?;
    let all = &g.ext.permission_groups;
    if let Some(ids) = ids {
        let list: Vec<Value> = ids
            .iter()
            .map(|id| match all.iter().find(|p| p.id == *id) {
                Some(p) => {
                    let mut o = p.info();
                    o["ErrorCode"] = 0.into();
                    o["ErrorInfo"] = "".into();
                    o
                }
                None => result(id, NOT_FOUND, "the permission group does not exist"),
            })
            .collect();
        return Ok(json!({ "PermissionGroupList": list, "Next": "" }));
    }
    let page: Vec<Value> = all
        .iter()
        .skip(start)
        .take(limit as usize)
        .map(PermissionGroup::info)
        .collect();
    let end = start.saturating_add(page.len());
    let next = if end < all.len() {
        end.to_string()
    } else {
        String::new()
    };
    Ok(json!({ "PermissionGroupList": page, "Next": next }))
}

/// `TopicPermissionList`: `[{TopicId, Permission}]`, 1-50 items.
fn topic_permissions<'a>(ctx: &Ctx<'a>) -> Result<Vec<(&'a str, u64)>, ApiError> {
    let items = ctx.items("TopicPermissionList", MAX_TOPICS, BAD)?;
    items
        .iter()
        .map(|it| {
            let topic = it
                .get("TopicId")
                .and_then(Value::as_str)
                .filter(|t| !t.is_empty());
            let bits = it.get("Permission").and_then(Value::as_u64);
            topic.zip(bits).ok_or_else(|| {
                bad(
                    "TopicPermissionList",
                    "items need a TopicId and a Permission",
                )
            })
        })
        .collect()
}

#[derive(Clone, Copy, PartialEq)]
enum Change {
    Add,
    Set,
    Delete,
}

/// Applies one change per topic; each topic gets its own result: 110003 the topic does not
/// exist, 10021 add finds a permission already there, 10010 set/delete find none.
fn change(ctx: &mut Ctx<'_>, how: Change, items: Vec<(&str, u64)>) -> Outcome {
    let group = ctx.str("GroupId", BAD)?;
    let id = ctx.str("PermissionGroupId", BAD)?;
    let g = community(&mut ctx.state.groups, group)?;
    let topic_ids: Vec<String> = g.ext.topics.iter().map(|t| t.id.clone()).collect();
    let p = find(g, id)?;
    let list: Vec<Value> = items
        .into_iter()
        .map(|(topic, bits)| {
            let had = p.topics.contains_key(topic);
            let (code, info) = if !topic_ids.iter().any(|t| t == topic) {
                (NO_TOPIC, "the topic does not exist")
            } else if how == Change::Add && had {
                (
                    10021,
                    "the permission group already has a permission for this topic",
                )
            } else if how != Change::Add && !had {
                (
                    NOT_FOUND,
                    "the permission group has no permission for this topic",
                )
            } else {
                if how == Change::Delete {
                    p.topics.remove(topic);
                } else {
                    p.topics.insert(topic.to_owned(), bits);
                }
                (0, "")
            };
            json!({ "TopicId": topic, "ErrorCode": code, "ErrorInfo": info })
        })
        .collect();
    Ok(json!({ "TopicPermissionResultList": list }))
}

pub fn add_topics(ctx: &mut Ctx<'_>) -> Outcome {
    let items = topic_permissions(ctx)?;
    change(ctx, Change::Add, items)
}

pub fn set_topics(ctx: &mut Ctx<'_>) -> Outcome {
    let items = topic_permissions(ctx)?;
    change(ctx, Change::Set, items)
}

pub fn delete_topics(ctx: &mut Ctx<'_>) -> Outcome {
    let ids = strings(ctx, "TopicIdList", MAX_TOPICS, MAX_TOPIC_ID)?;
    change(
        ctx,
        Change::Delete,
        ids.into_iter().map(|t| (t, 0)).collect(),
    )
}

/// All topic permissions (TopicId order), or the named ones: an unnamed or unknown one answers
/// Permission 0 with its ErrorCode (10010).
pub fn get_topics(ctx: &mut Ctx<'_>) -> Outcome {
    let group = ctx.str("GroupId", BAD)?;
    let id = ctx.str("PermissionGroupId", BAD)?;
    let ids = opt_strings(ctx, "TopicIdList", MAX_TOPICS, MAX_TOPIC_ID)?;
    let g = community(&mut ctx.state.groups, group)?;
    let p = find(g, id)?;
    let entry = |t: &str, bits: u64| json!({ "TopicId": t, "Permission": bits, "ErrorCode": 0, "ErrorInfo": "" });
    let list: Vec<Value> = match ids {
        None => p.topics.iter().map(|(t, b)| entry(t, *b)).collect(),
        Some(ids) => ids
            .iter()
            .map(|t| match p.topics.get(*t) {
                Some(b) => entry(t, *b),
                None => json!({ "TopicId": t, "Permission": 0, "ErrorCode": NOT_FOUND,
                                "ErrorInfo": "the permission group has no permission for this topic" }),
            })
            .collect(),
    };
    Ok(json!({ "TopicPermissionResultList": list }))
}

/// Result per member: 0 not a member of the Community group, 1 added, 2 already in.
pub fn add_members(ctx: &mut Ctx<'_>) -> Outcome {
    let group = ctx.str("GroupId", BAD)?;
    let id = ctx.str("PermissionGroupId", BAD)?;
    let users = account_items(ctx, "MemberList", MAX_MEMBERS)?;
    let g = community(&mut ctx.state.groups, group)?;
    let in_group: Vec<bool> = users.iter().map(|u| g.member(u).is_some()).collect();
    let p = find(g, id)?;
    let list: Vec<Value> = users
        .iter()
        .zip(in_group)
        .map(|(u, member)| {
            let result = if !member {
                0
            } else if p.members.iter().any(|m| m == u) {
                2
            } else {
                p.members.push((*u).to_owned());
                1
            };
            json!({ "Member_Account": u, "Result": result })
        })
        .collect();
    Ok(json!({ "MemberList": list }))
}

/// Accounts not in the permission group are ignored.
pub fn delete_members(ctx: &mut Ctx<'_>) -> Outcome {
    let group = ctx.str("GroupId", BAD)?;
    let id = ctx.str("PermissionGroupId", BAD)?;
    let users = account_items(ctx, "MemberList", MAX_MEMBERS)?;
    let g = community(&mut ctx.state.groups, group)?;
    let p = find(g, id)?;
    p.members.retain(|m| !users.contains(&m.as_str()));
    Ok(json!({}))
}

/// Its members who are still in the Community group, with their group member profiles, Limit
/// (1-50, default 50) at a time, `Next` as in get_permission_group.
pub fn members(ctx: &mut Ctx<'_>) -> Outcome {
    let group = ctx.str("GroupId", BAD)?;
    let id = ctx.str("PermissionGroupId", BAD)?;
    let limit = match opt_count(ctx, "Limit")? {
        None => MAX_MEMBER_PAGE,
        Some(n @ 1..=MAX_MEMBER_PAGE) => n,
        Some(_) => return Err(bad("Limit", "must be 1-50")),
    };
    let start = cursor(ctx, "Next")?;
    let now = ctx.now_s;
    let g = community(&mut ctx.state.groups, group)?;
    let g = &*g;
    let p = g
        .ext
        .permission_groups
        .iter()
        .find(|p| p.id == id)
        .ok_or_else(not_found)?;
    // By ID once, not a scan per member: a Community group can have 100000 members.
    let by_id: BTreeMap<&str, &Member> = g.members.iter().map(|m| (m.id.as_str(), m)).collect();
    let current: Vec<&Member> = p
        .members
        .iter()
        .filter_map(|u| by_id.get(u.as_str()).copied())
        .collect();
    let page: Vec<Value> = current
        .iter()
        .skip(start)
        .take(limit as usize)
        .map(|m| super::members::member_info(g, m, None, None, now))
        .collect();
    let end = start.saturating_add(page.len());
    let next = if end < current.len() {
        end.to_string()
    } else {
        String::new()
    };
    Ok(json!({ "MemberList": page, "Next": next }))
}
