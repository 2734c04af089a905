//! Conversation groups and marks: per account, at most 20 named groups (51010; names of 1-32
//! bytes, 51011) holding conversations, and per conversation a 64-bit standard mark and a custom
//! mark of up to 256 bytes. At most 1000 conversations carry such data (51008). A group
//! conversation must name an existing group (51007, per item); a one-to-one conversation may
//! name any UserID (the docs give no code for it).
//!
//! `StandardMark` is written as the mark's bits in binary, highest set bit first (`SetMark`
//! `[1, 2, 3]` -> "1110"): the docs show such strings ("111001") without saying how bits map to
//! characters, so this is the emulator's reading. Bit numbers are 0-63.

use super::{owner, Conv, BAD};
use crate::emulator::ctx::field_msg;
use crate::emulator::{ApiError, Ctx, Outcome};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};

const NO_GROUP: i64 = 51007;
const MARK_COUNT: i64 = 51006;
const FULL: i64 = 51008;
const NO_CONTACT_GROUP: i64 = 51009;
const TOO_MANY_GROUPS: i64 = 51010;
const LONG_NAME: i64 = 51011;
const MAX_GROUPS: usize = 20;
const MAX_CONVS: usize = 1000;
const MAX_NAME_BYTES: usize = 32;
const MAX_CUSTOM_BYTES: usize = 256;
const MAX_MARK_ITEMS: usize = 100;
const MAX_SEARCH: usize = 300;
/// Conversations per get_contact_group page (not documented).
const PAGE: usize = 100;

/// In a snapshot: `{Groups: [{GroupName, GroupId, Contacts}], LastGroupId, Data: {conversation:
/// {StandardMark, CustomMark, Timestamp}}}`; every conversation in a group has a `Data` entry.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Contacts {
    #[serde(rename = "Groups")]
    groups: Vec<Group>,
    #[serde(rename = "LastGroupId")]
    last_id: u64,
    #[serde(rename = "Data")]
    data: BTreeMap<Conv, Meta>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Group {
    #[serde(rename = "GroupName")]
    name: String,
    #[serde(rename = "GroupId")]
    id: u64,
    #[serde(rename = "Contacts")]
    convs: Vec<Conv>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
struct Meta {
    #[serde(rename = "StandardMark")]
    standard: u64,
    #[serde(rename = "CustomMark")]
    custom: String,
    /// The last change to the conversation's marks or groups.
    #[serde(rename = "Timestamp")]
    time: u64,
}

impl Contacts {
    pub fn check(&self) -> Result<(), String> {
        let mut names = BTreeSet::new();
        let mut ids = BTreeSet::new();
        let groups_ok = self.groups.len() <= MAX_GROUPS
            && self.groups.iter().all(|g| {
                names.insert(g.name.as_str())
                    && ids.insert(g.id)
                    && g.id <= self.last_id
                    && !g.name.is_empty()
                    && g.name.len() <= MAX_NAME_BYTES
                    && g.convs.iter().all(|c| self.data.contains_key(c))
            });
        let data_ok = self.data.len() <= MAX_CONVS
            && self
                .data
                .iter()
                .all(|(c, m)| c.is_valid() && m.custom.len() <= MAX_CUSTOM_BYTES);
        if groups_ok && data_ok {
            Ok(())
        } else {
            Err("conversation groups or marks break their limits".into())
        }
    }

    fn find(&self, name: &str) -> Result<usize, ApiError> {
        self.groups
            .iter()
            .position(|g| g.name == name)
            .ok_or_else(|| {
                ApiError::new(
                    NO_CONTACT_GROUP,
                    field_msg(name, "is not a conversation group"),
                )
            })
    }

    /// Whether one more conversation may carry data.
    fn has_room(&self, conv: &Conv) -> bool {
        self.data.contains_key(conv) || self.data.len() < MAX_CONVS
    }

    fn touch(&mut self, conv: &Conv, now: u64) -> &mut Meta {
        let m = self.data.entry(conv.clone()).or_default();
        m.time = now;
        m
    }

    /// Drops a conversation's entry once it has no mark and is in no group.
    fn tidy(&mut self, conv: &Conv) {
        let empty = self
            .data
            .get(conv)
            .is_some_and(|m| m.standard == 0 && m.custom.is_empty());
        if empty && !self.groups.iter().any(|g| g.convs.contains(conv)) {
            self.data.remove(conv);
        }
    }

    fn item(&self, conv: &Conv, meta: Option<&Meta>) -> Value {
        let mut o = conv.item("ToGroupId");
        let ids: Vec<u64> = self
            .groups
            .iter()
            .filter(|g| g.convs.contains(conv))
            .map(|g| g.id)
            .collect();
        if let Some(m) = meta {
            if m.standard != 0 {
                o["StandardMark"] = format!("{:b}", m.standard).into();
            }
            if !m.custom.is_empty() {
                o["CustomMark"] = m.custom.as_str().into();
            }
        }
        if !ids.is_empty() {
            o["ContactGroupId"] = ids.into();
        }
        o["Timestamp"] = meta.map_or(0, |m| m.time).into();
        o
    }

    fn group_items(&self) -> Vec<Value> {
        self.groups
            .iter()
            .map(|g| group_item(&g.name, g.id))
            .collect()
    }
}

fn group_item(name: &str, id: u64) -> Value {
    json!({ "GroupName": name, "GroupId": id })
}

/// A `ContactItem`: `{Type: 1, To_Account}` or `{Type: 2, ToGroupId}`.
fn contact(v: &Value) -> Result<Conv, ApiError> {
    let id = |k: &str| v.get(k).and_then(Value::as_str).filter(|s| !s.is_empty());
    match v.get("Type").and_then(Value::as_i64) {
        Some(1) => match id("To_Account") {
            Some(u) if u.len() <= crate::usersig::MAX_USER_ID_BYTES => Ok(Conv::c2c(u)),
            _ => Err(ApiError::new(
                BAD,
                "a Type 1 ContactItem needs a To_Account UserID",
            )),
        },
        Some(2) => id("ToGroupId")
            .map(Conv::group)
            .ok_or_else(|| ApiError::new(BAD, "a Type 2 ContactItem needs a ToGroupId")),
        _ => Err(ApiError::new(
            BAD,
            "a ContactItem needs Type 1 (one-to-one) or 2 (group)",
        )),
    }
}

fn contacts_at(v: Option<&Value>, key: &str, max: usize) -> Result<Vec<Conv>, ApiError> {
    match v {
        Some(Value::Array(items)) if items.len() <= max => items.iter().map(contact).collect(),
        Some(Value::Array(_)) => Err(ApiError::new(BAD, field_msg(key, "has too many items"))),
        _ => Err(ApiError::new(BAD, field_msg(key, "must be an array"))),
    }
}

/// 0, or 51007 for a group that does not exist.
fn usable(ctx: &Ctx<'_>, conv: &Conv) -> i64 {
    if conv.kind() == 2 && !ctx.state.groups.contains(conv.id()) {
        NO_GROUP
    } else {
        0
    }
}

fn info(code: i64) -> &'static str {
    match code {
        0 => "",
        NO_GROUP => "the group does not exist",
        FULL => "at most 1000 conversations carry groups or marks",
        _ => "failed",
    }
}

/// A conversation group name: 1-32 bytes.
fn group_name(v: Option<&Value>, key: &str) -> Result<String, ApiError> {
    match v.and_then(Value::as_str) {
        Some("") | None => Err(ApiError::new(
            BAD,
            field_msg(key, "must be a non-empty string"),
        )),
        Some(s) if s.len() > MAX_NAME_BYTES => {
            Err(ApiError::new(LONG_NAME, field_msg(key, "is over 32 bytes")))
        }
        Some(s) => Ok(s.to_owned()),
    }
}

/// One group per call (the page says so), with its conversations.
pub fn create_group(ctx: &mut Ctx<'_>) -> Outcome {
    let me = owner(ctx)?;
    let items = ctx.array("GroupContactItem", BAD)?;
    let [item] = items else {
        return Err(ApiError::new(
            BAD,
            "GroupContactItem holds exactly one group per call",
        ));
    };
    let name = group_name(item.get("GroupName"), "GroupName")?;
    let convs = contacts_at(item.get("ContactItem"), "ContactItem", MAX_CONVS)?;
    let codes: Vec<i64> = convs.iter().map(|c| usable(ctx, c)).collect();
    let now = ctx.now_s;
    let c = ctx.state.recent.contacts.entry(me.to_owned()).or_default();
    if c.groups.iter().any(|g| g.name == name) {
        return Err(ApiError::new(
            BAD,
            field_msg(&name, "is already a conversation group"),
        ));
    }
    if c.groups.len() >= MAX_GROUPS {
        return Err(ApiError::new(
            TOO_MANY_GROUPS,
            "an account has at most 20 conversation groups",
        ));
    }
    c.last_id += 1;
    let id = c.last_id;
    let mut members = Vec::new();
    let mut results = Vec::with_capacity(convs.len());
    for (conv, mut code) in convs.into_iter().zip(codes) {
        if code == 0 && !c.has_room(&conv) {
            code = FULL;
        }
        if code == 0 && !members.contains(&conv) {
            c.touch(&conv, now);
            members.push(conv.clone());
        }
        results.push(json!({ "ContactItem": conv.item("ToGroupId"), "ResultCode": code, "ResultInfo": info(code) }));
    }
    c.groups.push(Group {
        name: name.clone(),
        id,
        convs: members,
    });
    Ok(
        json!({ "GroupResultItem": [{ "GroupItem": group_item(&name, id), "ResultItem": results }] }),
    )
}

/// One group per call; its conversations stay, with their marks.
pub fn delete_group(ctx: &mut Ctx<'_>) -> Outcome {
    let me = owner(ctx)?;
    let names = ctx.array("GroupName", BAD)?;
    let [name] = names else {
        return Err(ApiError::new(
            BAD,
            "GroupName holds exactly one name per call",
        ));
    };
    let name = name
        .as_str()
        .ok_or_else(|| ApiError::new(BAD, "GroupName items must be strings"))?;
    let c = ctx.state.recent.contacts.get_mut(me).ok_or_else(|| {
        ApiError::new(
            NO_CONTACT_GROUP,
            field_msg(name, "is not a conversation group"),
        )
    })?;
    let g = c.groups.remove(c.find(name)?);
    for conv in &g.convs {
        c.tidy(conv);
    }
    Ok(json!({ "GroupItem": [group_item(&g.name, g.id)] }))
}

/// UpdateType 1 with UpdateGroupType 1 (rename) or 2 (add / remove conversations).
pub fn update_group(ctx: &mut Ctx<'_>) -> Outcome {
    let me = owner(ctx)?;
    if ctx.int("UpdateType", BAD)? != 1 {
        return Err(ApiError::new(BAD, "UpdateType must be 1"));
    }
    let Some(up) = ctx.body.get("UpdateGroup").filter(|v| v.is_object()) else {
        return Err(ApiError::new(BAD, "UpdateGroup must be an object"));
    };
    let kind = up.get("UpdateGroupType").and_then(Value::as_i64);
    let old = up
        .get("OldGroupName")
        .and_then(Value::as_str)
        .ok_or_else(|| ApiError::new(BAD, "UpdateGroup needs an OldGroupName string"))?;
    let now = ctx.now_s;
    match kind {
        Some(1) => {
            let new = group_name(up.get("NewGroupName"), "NewGroupName")?;
            let c = contacts_mut(ctx, me, old)?;
            let at = c.find(old)?;
            if new != old && c.groups.iter().any(|g| g.name == new) {
                return Err(ApiError::new(
                    BAD,
                    field_msg(&new, "is already a conversation group"),
                ));
            }
            c.groups[at].name = new.clone();
            let id = c.groups[at].id;
            Ok(json!({
                "UpdateType": 1,
                "UpdateGroupResult": { "UpdateGroupType": 1, "GroupName": new, "GroupId": id, "OldGroupName": old },
            }))
        }
        Some(2) => {
            let Some(Value::Array(list)) = up.get("ContactUpdateItem") else {
                return Err(ApiError::new(BAD, "ContactUpdateItem must be an array"));
            };
            if list.len() > MAX_CONVS {
                return Err(ApiError::new(BAD, "ContactUpdateItem has too many items"));
            }
            let mut ops = Vec::with_capacity(list.len());
            for it in list {
                let op = it.get("ContactOptType").and_then(Value::as_i64);
                if !matches!(op, Some(1 | 2)) {
                    return Err(ApiError::new(
                        BAD,
                        "ContactOptType must be 1 (add) or 2 (remove)",
                    ));
                }
                let conv = contact(it.get("ContactItem").unwrap_or(&Value::Null))?;
                let code = if op == Some(1) { usable(ctx, &conv) } else { 0 };
                ops.push((op == Some(1), conv, code));
            }
            let c = contacts_mut(ctx, me, old)?;
            let at = c.find(old)?;
            let mut results = Vec::with_capacity(ops.len());
            for (add, conv, mut code) in ops {
                let present = c.groups[at].convs.contains(&conv);
                if add && code == 0 && !present {
                    if c.has_room(&conv) {
                        c.groups[at].convs.push(conv.clone());
                        c.touch(&conv, now);
                    } else {
                        code = FULL;
                    }
                } else if !add && present {
                    c.groups[at].convs.retain(|x| x != &conv);
                    c.touch(&conv, now);
                    c.tidy(&conv);
                }
                results.push(json!({
                    "ContactOptType": if add { 1 } else { 2 },
                    "ContactItem": conv.item("ToGroupId"),
                    "ResultCode": code,
                    "ResultInfo": info(code),
                }));
            }
            let g = &c.groups[at];
            Ok(json!({
                "UpdateType": 1,
                "UpdateGroupResult": {
                    "UpdateGroupType": 2, "GroupName": g.name, "GroupId": g.id, "OldGroupName": old,
                    "ContactResultItem": results,
                },
            }))
        }
        _ => Err(ApiError::new(
            BAD,
            "UpdateGroupType must be 1 (rename) or 2 (conversations)",
        )),
    }
}

fn contacts_mut<'s>(
    ctx: &'s mut Ctx<'_>,
    me: &str,
    name: &str,
) -> Result<&'s mut Contacts, ApiError> {
    ctx.state.recent.contacts.get_mut(me).ok_or_else(|| {
        ApiError::new(
            NO_CONTACT_GROUP,
            field_msg(name, "is not a conversation group"),
        )
    })
}

/// Bit numbers 0-63 of `SetMark` / `ClearMark` as a mask.
fn bits(v: Option<&Value>, key: &str) -> Result<u64, ApiError> {
    let Some(v) = v.filter(|v| !v.is_null()) else {
        return Ok(0);
    };
    let bad = || ApiError::new(BAD, field_msg(key, "must be an array of bit numbers 0-63"));
    let items = v.as_array().ok_or_else(bad)?;
    items.iter().try_fold(0u64, |mask, b| match b.as_u64() {
        Some(n) if n < 64 => Ok(mask | 1 << n),
        _ => Err(bad()),
    })
}

/// OptType 1 standard marks (SetMark, then ClearMark), 2 the custom mark, 3 both; 1-100 items
/// (51006).
pub fn mark(ctx: &mut Ctx<'_>) -> Outcome {
    let me = owner(ctx)?;
    let items = ctx.array("MarkItem", BAD)?;
    if items.is_empty() || items.len() > MAX_MARK_ITEMS {
        return Err(ApiError::new(
            MARK_COUNT,
            "MarkItem must hold 1-100 conversations",
        ));
    }
    struct Op {
        opt: i64,
        conv: Conv,
        set: u64,
        clear: u64,
        custom: Option<String>,
        code: i64,
    }
    let mut ops = Vec::with_capacity(items.len());
    for it in items {
        let opt = it.get("OptType").and_then(Value::as_i64).unwrap_or(0);
        if !(1..=3).contains(&opt) {
            return Err(ApiError::new(BAD, "OptType must be 1, 2 or 3"));
        }
        let conv = contact(it.get("ContactItem").unwrap_or(&Value::Null))?;
        let set = bits(it.get("SetMark"), "SetMark")?;
        let clear = bits(it.get("ClearMark"), "ClearMark")?;
        let custom = match it.get("CustomMark") {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) if s.len() <= MAX_CUSTOM_BYTES => Some(s.clone()),
            Some(_) => {
                return Err(ApiError::new(
                    BAD,
                    "CustomMark must be a string of at most 256 bytes",
                ))
            }
        };
        let code = usable(ctx, &conv);
        ops.push(Op {
            opt,
            conv,
            set,
            clear,
            custom,
            code,
        });
    }
    let now = ctx.now_s;
    let c = ctx.state.recent.contacts.entry(me.to_owned()).or_default();
    let mut results = Vec::with_capacity(ops.len());
    for mut op in ops {
        if op.code == 0 && !c.has_room(&op.conv) {
            op.code = FULL;
        }
        if op.code == 0 {
            let m = c.touch(&op.conv, now);
            if op.opt != 2 {
                m.standard = (m.standard | op.set) & !op.clear;
            }
            if op.opt != 1 {
                if let Some(s) = op.custom {
                    m.custom = s;
                }
            }
            c.tidy(&op.conv);
        }
        results.push(json!({
            "OptType": op.opt,
            "ContactItem": op.conv.item("ToGroupId"),
            "ResultCode": op.code,
            "ResultInfo": info(op.code),
        }));
    }
    if c.groups.is_empty() && c.data.is_empty() {
        ctx.state.recent.contacts.remove(me);
    }
    Ok(json!({ "ResultItem": results }))
}

/// Groups and marks of 1-300 named conversations (one without any: only Type, id, Timestamp 0).
pub fn search(ctx: &mut Ctx<'_>) -> Outcome {
    let me = owner(ctx)?;
    let convs = contacts_at(ctx.body.get("ContactItem"), "ContactItem", MAX_SEARCH)?;
    if convs.is_empty() {
        return Err(ApiError::new(BAD, "ContactItem is empty"));
    }
    let empty = Contacts::default();
    let c = ctx.state.recent.contacts.get(me).unwrap_or(&empty);
    let items: Vec<Value> = convs.iter().map(|v| c.item(v, c.data.get(v))).collect();
    Ok(json!({ "ContactResultItem": items, "GroupItem": c.group_items() }))
}

/// Every conversation with groups or marks, in conversation order, 100 per page from StartIndex;
/// NextStartIndex 0 and CompleteFlag 1 on the last page. Every page lists all groups.
pub fn get(ctx: &mut Ctx<'_>) -> Outcome {
    let me = owner(ctx)?;
    let start = super::count(ctx, "StartIndex")? as usize;
    let empty = Contacts::default();
    let c = ctx.state.recent.contacts.get(me).unwrap_or(&empty);
    let items: Vec<Value> = c
        .data
        .iter()
        .skip(start)
        .take(PAGE)
        .map(|(v, m)| c.item(v, Some(m)))
        .collect();
    let end = start.saturating_add(items.len());
    let done = end >= c.data.len();
    Ok(json!({
        "ContactItem": items,
        "GroupItem": c.group_items(),
        "CompleteFlag": u8::from(done),
        "NextStartIndex": if done { 0 } else { end },
    }))
}
