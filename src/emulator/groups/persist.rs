//! Groups in a snapshot: `{"serial": n, "groups": {GroupId: {...}}}`, with Tencent's field
//! names where there is one. Loading checks every field and never panics on a hand-edited file.

use super::super::ctx::{obj, s};
use super::super::snapshot::Persist;
use super::*;
use crate::json::Object;

impl Persist for Groups {
    fn save(&self) -> Value {
        let mut groups = Object::new();
        for (id, g) in &self.by_id {
            groups.insert(id, save_group(g));
        }
        Value::Object(obj([
            ("serial", num(self.serial)),
            ("groups", Value::Object(groups)),
        ]))
    }

    fn load(v: &Value) -> Result<Self, String> {
        let serial = u(v, "serial")?;
        let groups = v
            .get("groups")
            .and_then(Value::as_object)
            .ok_or("groups must be an object of GroupId -> group")?;
        let mut by_id = BTreeMap::new();
        for (id, g) in groups.iter() {
            let g = load_group(g).map_err(|e| field_msg(id, &e))?;
            if g.serial > serial {
                return Err(field_msg(id, "has a serial above the snapshot's"));
            }
            by_id.insert(id.to_owned(), g);
        }
        Ok(Groups { by_id, serial })
    }
}

fn save_group(g: &Group) -> Value {
    let members = g.members.iter().map(|m| {
        Value::Object(obj([
            ("Member_Account", s(&m.id)),
            ("Role", s(m.role.name())),
            ("JoinTime", num(m.join_time)),
            ("MsgFlag", s(&m.msg_flag)),
            ("NameCard", s(&m.name_card)),
            ("LastSendMsgTime", num(m.last_send)),
            ("AppMemberDefinedData", Value::Array(m.app_data.clone())),
        ]))
    });
    let mut muted = Object::new();
    for (u, t) in &g.muted {
        muted.insert(u, num(*t));
    }
    let msgs = g.msgs.iter().map(|m| {
        let mut o = obj([
            ("MsgSeq", num(m.seq)),
            ("Random", num(m.random)),
            ("MsgTime", num(m.time)),
            ("From_Account", s(&m.from)),
            ("MsgBody", m.body.clone()),
            ("Recalled", Value::Bool(m.recalled)),
        ]);
        if let Some(c) = &m.cloud_data {
            o.insert("CloudCustomData", s(c));
        }
        if let Some(p) = &m.priority {
            o.insert("MsgPriority", s(p));
        }
        Value::Object(o)
    });
    let mut o = obj([
        ("serial", num(g.serial)),
        ("Type", s(g.kind.name())),
        ("Name", s(&g.name)),
        ("Introduction", s(&g.introduction)),
        ("Notification", s(&g.notification)),
        ("FaceUrl", s(&g.face_url)),
        ("CreateTime", num(g.create_time)),
        ("MaxMemberNum", num(g.max_members)),
        ("ApplyJoinOption", s(&g.apply_join)),
        ("MuteAllMember", Value::Bool(g.mute_all)),
        ("AppDefinedData", Value::Array(g.app_data.clone())),
        ("InfoSeq", num(g.info_seq)),
        ("LastInfoTime", num(g.last_info_time)),
        ("NextMsgSeq", num(g.next_seq)),
        ("LastMsgTime", num(g.last_msg_time)),
        ("MemberList", Value::Array(members.collect())),
        ("Muted", Value::Object(muted)),
        ("Messages", Value::Array(msgs.collect())),
    ]);
    if let Some(owner) = &g.owner {
        o.insert("Owner_Account", s(owner));
    }
    Value::Object(o)
}

fn u(v: &Value, key: &str) -> Result<u64, String> {
    v.get(key)
        .and_then(Value::as_u64)
        .ok_or_else(|| field_msg(key, "must be a whole number"))
}

fn text(v: &Value, key: &str) -> Result<String, String> {
    v.get(key)
        .and_then(Value::as_str)
        .map(str::to_owned)
        .ok_or_else(|| field_msg(key, "must be a string"))
}

fn flag(v: &Value, key: &str) -> Result<bool, String> {
    match v.get(key) {
        Some(Value::Bool(b)) => Ok(*b),
        _ => Err(field_msg(key, "must be true or false")),
    }
}

fn list<'a>(v: &'a Value, key: &str) -> Result<&'a Vec<Value>, String> {
    v.get(key)
        .and_then(Value::as_array)
        .ok_or_else(|| field_msg(key, "must be an array"))
}

fn custom(v: &Value, key: &str) -> Result<Vec<Value>, String> {
    let items = v.get(key).ok_or_else(|| field_msg(key, "is missing"))?;
    key_values(items, key).map_err(|e| e.info)
}

fn load_group(v: &Value) -> Result<Group, String> {
    let kind = Kind::parse(&text(v, "Type")?).ok_or("Type is not a group type")?;
    let owner = match v.get("Owner_Account") {
        None => None,
        Some(_) => Some(text(v, "Owner_Account")?),
    };
    let mut members = Vec::new();
    for m in list(v, "MemberList")? {
        let id = text(m, "Member_Account")?;
        let role = Role::parse(&text(m, "Role")?).ok_or("a member's Role is unknown")?;
        if members.iter().any(|x: &Member| x.id == id) {
            return Err(field_msg(&id, "is listed twice"));
        }
        members.push(Member {
            id,
            role,
            join_time: u(m, "JoinTime")?,
            msg_flag: text(m, "MsgFlag")?,
            name_card: text(m, "NameCard")?,
            last_send: u(m, "LastSendMsgTime")?,
            app_data: custom(m, "AppMemberDefinedData")?,
        });
    }
    let mut muted = BTreeMap::new();
    let muted_obj = v
        .get("Muted")
        .and_then(Value::as_object)
        .ok_or("Muted must be an object of UserID -> time")?;
    for (user, t) in muted_obj.iter() {
        let t = t.as_u64().ok_or("mute times must be whole seconds")?;
        muted.insert(user.to_owned(), t);
    }
    let next_seq = u(v, "NextMsgSeq")?;
    let mut msgs: Vec<Msg> = Vec::new();
    for m in list(v, "Messages")? {
        let seq = u(m, "MsgSeq")?;
        if seq >= next_seq || msgs.last().is_some_and(|p| p.seq >= seq) {
            return Err("message sequences must ascend below NextMsgSeq".into());
        }
        msgs.push(Msg {
            seq,
            random: u(m, "Random")?,
            time: u(m, "MsgTime")?,
            from: text(m, "From_Account")?,
            body: Value::Array(list(m, "MsgBody")?.clone()),
            cloud_data: m
                .get("CloudCustomData")
                .map(|_| text(m, "CloudCustomData"))
                .transpose()?,
            priority: m
                .get("MsgPriority")
                .map(|_| text(m, "MsgPriority"))
                .transpose()?,
            recalled: flag(m, "Recalled")?,
        });
    }
    if msgs.len() > MAX_HISTORY {
        return Err("holds more messages than the emulator keeps".into());
    }
    Ok(Group {
        serial: u(v, "serial")?,
        kind,
        name: text(v, "Name")?,
        introduction: text(v, "Introduction")?,
        notification: text(v, "Notification")?,
        face_url: text(v, "FaceUrl")?,
        owner,
        create_time: u(v, "CreateTime")?,
        max_members: u(v, "MaxMemberNum")?,
        apply_join: text(v, "ApplyJoinOption")?,
        mute_all: flag(v, "MuteAllMember")?,
        app_data: custom(v, "AppDefinedData")?,
        info_seq: u(v, "InfoSeq")?,
        last_info_time: u(v, "LastInfoTime")?,
        members,
        muted,
        msgs,
        next_seq,
        last_msg_time: u(v, "LastMsgTime")?,
    })
}
