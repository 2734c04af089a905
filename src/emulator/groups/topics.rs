//! Community topics: create_topic, get_topic, modify_topic, destroy_topic and
//! get_online_member_num (million_group_open_http_svc), import_topic (group_open_http_svc), with
//! `Group.CallbackBeforeCreateTopic`, `Group.CallbackAfterCreateTopic`,
//! `Group.CallbackAfterTopicInfoChanged` and `Group.CallbackAfterTopicDestroyed`.
//!
//! Topics live in Community groups created with `SupportTopic: 1` (another group type: 10007;
//! a Community group without topics: 11000). Topic IDs are the docs' shapes: generated
//! `<GroupId>@TOPIC#_@TOPIC#<10 characters>`, custom `<GroupId>@TOPIC#_<custom part>`.
//! Messages in topics are not emulated (send_group_msg and the history calls answer 10004 for a
//! TopicId), so a topic's NextMsgSeq is 1 and its LastMsgTime 0.

use super::super::{ApiError, Ctx, Outcome};
use super::extra::{community_only, opt_on_off, opt_strings, printable, scrambled, strings};
use super::*;
use serde_json::json;

/// Topics per Community group: the emulator's bound (10037 past it, the docs' "too many topics").
pub(super) const MAX_TOPICS: usize = 100;
/// TopicIdList items per call (the emulator's bound).
const MAX_IDS: usize = 100;
/// The custom part of a topic ID: printable ASCII, like custom group IDs.
const MAX_CUSTOM: usize = 48;
const MAX_ID: usize = 48 + 8 + MAX_CUSTOM;
const TOPIC_MARK: &str = "@TOPIC#_";
/// Per-topic "does not exist" (the docs' 110003, "the topic has been deleted").
const NO_TOPIC: i64 = 110_003;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Topic {
    #[serde(rename = "TopicId")]
    pub(super) id: String,
    #[serde(rename = "TopicName")]
    name: String,
    #[serde(
        rename = "From_Account",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    from: Option<String>,
    #[serde(rename = "CustomString")]
    custom: String,
    #[serde(rename = "FaceUrl")]
    face_url: String,
    #[serde(rename = "Notification")]
    notification: String,
    #[serde(rename = "Introduction")]
    introduction: String,
    #[serde(rename = "CreateTime")]
    create_time: u64,
    #[serde(rename = "MuteAllMember")]
    mute_all: bool,
}

impl Topic {
    /// Every field of get_topic's TopicInfo.
    fn info(&self, group: &str) -> Value {
        json!({
            "TopicId": self.id,
            "GroupID": group,
            "TopicName": self.name,
            "CustomString": self.custom,
            "FaceUrl": self.face_url,
            "Notification": self.notification,
            "Introduction": self.introduction,
            "CreateTime": self.create_time,
            "LastMsgTime": 0,
            "NextMsgSeq": 1,
            "MuteAllMember": if self.mute_all { "On" } else { "Off" },
        })
    }
}

/// The group of a topic call: a Community group with topics.
fn topic_group<'a>(groups: &'a mut Groups, id: &str) -> Result<&'a mut Group, ApiError> {
    let g = groups.get_mut(id)?;
    community_only(g)?;
    if !g.ext.support_topic {
        return Err(ApiError::new(
            11000,
            "the group does not support topics (create it with SupportTopic 1)",
        ));
    }
    Ok(g)
}

/// The request fields create_topic and import_topic share.
struct NewTopic<'a> {
    custom_id: Option<&'a str>,
    name: &'a str,
    from: Option<&'a str>,
    custom: &'a str,
    face_url: &'a str,
    notification: &'a str,
    introduction: &'a str,
}

fn read_new<'a>(ctx: &Ctx<'a>, group: &str) -> Result<NewTopic<'a>, ApiError> {
    let name = ctx.str("TopicName", BAD)?;
    if name.is_empty() || name.len() > 30 {
        return Err(bad("TopicName", "must be 1-30 bytes"));
    }
    let custom_id = ctx.opt_str("TopicId", BAD)?;
    if let Some(t) = custom_id {
        let part = t
            .strip_prefix(group)
            .and_then(|rest| rest.strip_prefix(TOPIC_MARK))
            .unwrap_or("");
        if part.is_empty() || part.len() > MAX_CUSTOM || !printable(part) {
            return Err(bad(
                "TopicId",
                "must be the GroupId, @TOPIC#_ and 1-48 printable ASCII characters",
            ));
        }
    }
    let from = match ctx.opt_str("From_Account", BAD)? {
        None => None,
        Some(_) => Some(ctx.user_id("From_Account", BAD)?),
    };
    if from.is_some_and(|f| !ctx.exists(f)) {
        return Err(ApiError::new(NO_ACCOUNT, "From_Account is not imported"));
    }
    Ok(NewTopic {
        custom_id,
        name,
        from,
        custom: opt_text(ctx, "CustomString", 3000)?.unwrap_or(""),
        face_url: opt_text(ctx, "FaceUrl", 100)?.unwrap_or(""),
        notification: opt_text(ctx, "Notification", 300)?.unwrap_or(""),
        introduction: opt_text(ctx, "Introduction", 240)?.unwrap_or(""),
    })
}

/// Checks that the topic can be added (group, room, ID free) without changing anything.
fn check_room(ctx: &mut Ctx<'_>, group: &str, new: &NewTopic<'_>) -> Result<(), ApiError> {
    let g = topic_group(&mut ctx.state.groups, group)?;
    if g.ext.topics.len() >= MAX_TOPICS {
        return Err(ApiError::new(
            10037,
            "the group has 100 topics (the emulator's limit)",
        ));
    }
    if let Some(t) = new.custom_id {
        if g.ext.topics.iter().any(|x| x.id == t) {
            return Err(ApiError::new(10021, "TopicId is already in use"));
        }
    }
    Ok(())
}

/// Adds the topic (after `check_room`) and answers its ID.
fn add(
    ctx: &mut Ctx<'_>,
    group: &str,
    new: &NewTopic<'_>,
    created: u64,
) -> Result<String, ApiError> {
    let groups = &mut ctx.state.groups;
    let id = match new.custom_id {
        Some(t) => t.to_owned(),
        None => loop {
            groups.ext.id_serial += 1;
            let mut id = String::from(group);
            id.push_str(TOPIC_MARK);
            id.push_str("@TOPIC#");
            id.push_str(&scrambled(groups.ext.id_serial));
            let g = groups.get(group)?;
            if !g.ext.topics.iter().any(|t| t.id == id) {
                break id;
            }
        },
    };
    let g = topic_group(groups, group)?;
    g.ext.topics.push(Topic {
        id: id.clone(),
        name: new.name.to_owned(),
        from: new.from.map(str::to_owned),
        custom: new.custom.to_owned(),
        face_url: new.face_url.to_owned(),
        notification: new.notification.to_owned(),
        introduction: new.introduction.to_owned(),
        create_time: created,
        mute_all: false,
    });
    Ok(id)
}

pub fn create(ctx: &mut Ctx<'_>) -> Outcome {
    let group = ctx.str("GroupId", BAD)?;
    let new = read_new(ctx, group)?;
    check_room(ctx, group, &new)?;
    let operator = new.from.unwrap_or(ctx.admin);
    let asked = json!({
        "GroupId": group,
        "Type": "Community",
        "Operator_Account": operator,
        "Name": new.name,
        "EventTime": ctx.now_s * 1000,
    });
    ctx.before_creation("Group.CallbackBeforeCreateTopic", asked, "the topic")?;
    // This callback's own refusal range (its doc): [10100, 10200] with the app's ErrorInfo.
    let reply = ctx.before_reply();
    if let Some(code @ 10_100..=10_200) = reply
        .and_then(|r| r.get("ErrorCode"))
        .and_then(Value::as_i64)
    {
        let info = reply
            .and_then(|r| r.get("ErrorInfo"))
            .and_then(Value::as_str);
        return Err(ApiError::new(code, info.unwrap_or("")));
    }
    let now = ctx.now_s;
    let id = add(ctx, group, &new, now)?;
    let owner = ctx
        .state
        .groups
        .get(group)?
        .owner
        .clone()
        .unwrap_or_default();
    ctx.after(
        "Group.CallbackAfterCreateTopic",
        json!({
            "GroupId": group,
            "TopicId": id,
            "Type": "Community",
            "Operator_Account": operator,
            "Owner_Account": owner,
            "Name": new.name,
            "UserDefinedDataList": [],
            "EventTime": ctx.now_s * 1000,
        }),
    );
    Ok(json!({ "TopicId": id }))
}

/// import_topic: as create_topic with CreateTime (not in the future) and no callbacks.
pub fn import(ctx: &mut Ctx<'_>) -> Outcome {
    let group = ctx.str("GroupId", BAD)?;
    if ctx.opt_str("Type", BAD)?.is_some_and(|t| t != "Community") {
        return Err(bad("Type", "must be Community"));
    }
    let new = read_new(ctx, group)?;
    let created = opt_count(ctx, "CreateTime")?.unwrap_or(ctx.now_s);
    if created > ctx.now_s {
        return Err(bad("CreateTime", "is in the future"));
    }
    check_room(ctx, group, &new)?;
    let id = add(ctx, group, &new, created)?;
    Ok(json!({ "TopicId": id }))
}

/// Topics in creation order (or those named), each with its own ErrorCode (110003 unknown).
/// From_Account is required (doc); when it is a member of the group, SelfInfo has its mute end
/// (ShutUpTime), MsgSeq 0 (no topic messages) and MsgFlag. ResponseFilter keeps the named
/// TopicInfo fields, plus TopicId and GroupID (as the doc's example does).
pub fn get(ctx: &mut Ctx<'_>) -> Outcome {
    let group = ctx.str("GroupId", BAD)?;
    let from = ctx.user_id("From_Account", BAD)?;
    let ids = opt_strings(ctx, "TopicIdList", MAX_IDS, MAX_ID)?;
    let filter = match ctx.body.get("ResponseFilter") {
        None | Some(Value::Null) => None,
        Some(_) => Some(strings(ctx, "ResponseFilter", 32, 64)?),
    };
    let now = ctx.now_s;
    let g = topic_group(&mut ctx.state.groups, group)?;
    let g = &*g;
    let me = g.member(from).map(|m| {
        json!({
            "ShutUpTime": g.muted_until(from, now),
            "MsgSeq": 0,
            "MsgFlag": m.msg_flag,
        })
    });
    let entry = |t: &Topic| {
        let info = only(t.info(group), |k| {
            k == "TopicId" || k == "GroupID" || filter.as_ref().is_none_or(|f| f.contains(&k))
        });
        let mut o = json!({ "ErrorCode": 0, "ErrorInfo": "", "TopicInfo": info });
        if let Some(me) = &me {
            o["SelfInfo"] = me.clone();
        }
        o
    };
    let list: Vec<Value> = match ids {
        None => g.ext.topics.iter().map(entry).collect(),
        Some(ids) => ids
            .iter()
            .map(|id| match g.ext.topics.iter().find(|t| t.id == *id) {
                Some(t) => entry(t),
                None => json!({ "ErrorCode": NO_TOPIC, "ErrorInfo": "the topic does not exist",
                                "TopicInfo": { "TopicId": id } }),
            })
            .collect(),
    };
    Ok(json!({ "TopicAndSelfInfo": list }))
}

/// Changes the given fields; an unknown topic is 10010 (doc). `Group.CallbackAfterTopicInfoChanged`
/// carries the changed Name / Introduction / Notification / FaceUrl and, beyond the doc's
/// example, the TopicId (without it the app cannot tell which topic changed).
pub fn modify(ctx: &mut Ctx<'_>) -> Outcome {
    let group = ctx.str("GroupId", BAD)?;
    let topic = ctx.str("TopicId", BAD)?;
    let name = opt_text(ctx, "TopicName", 30)?;
    if name == Some("") {
        return Err(bad("TopicName", "must not be empty"));
    }
    let from = match ctx.opt_str("From_Account", BAD)? {
        None => None,
        Some(_) => Some(ctx.user_id("From_Account", BAD)?),
    };
    let custom = opt_text(ctx, "CustomString", 3000)?;
    let face = opt_text(ctx, "FaceUrl", 100)?;
    let notice = opt_text(ctx, "Notification", 300)?;
    let intro = opt_text(ctx, "Introduction", 240)?;
    let mute_all = opt_on_off(ctx, "MuteAllMember")?;
    let g = topic_group(&mut ctx.state.groups, group)?;
    let t = g
        .ext
        .topics
        .iter_mut()
        .find(|t| t.id == topic)
        .ok_or_else(|| ApiError::new(NO_GROUP, "the topic does not exist or has been destroyed"))?;
    let set = |dst: &mut String, v: Option<&str>| {
        if let Some(v) = v {
            *dst = v.to_owned();
        }
    };
    set(&mut t.name, name);
    set(&mut t.custom, custom);
    set(&mut t.face_url, face);
    set(&mut t.notification, notice);
    set(&mut t.introduction, intro);
    if let Some(m) = mute_all {
        t.mute_all = m;
    }
    let mut event = json!({
        "GroupId": group,
        "TopicId": topic,
        "Type": "Community",
        "Operator_Account": from.unwrap_or(ctx.admin),
        "EventTime": ctx.now_s * 1000,
    });
    for (key, v) in [
        ("Name", name),
        ("Introduction", intro),
        ("Notification", notice),
        ("FaceUrl", face),
    ] {
        if let Some(v) = v {
            event[key] = v.into();
        }
    }
    ctx.after("Group.CallbackAfterTopicInfoChanged", event);
    Ok(json!({}))
}

/// Each topic's own ErrorCode (110003 unknown); destroyed topics also leave the permission
/// groups' topic permissions.
pub fn destroy(ctx: &mut Ctx<'_>) -> Outcome {
    let group = ctx.str("GroupId", BAD)?;
    let ids = strings(ctx, "TopicIdList", MAX_IDS, MAX_ID)?;
    let g = topic_group(&mut ctx.state.groups, group)?;
    let mut results = Vec::with_capacity(ids.len());
    let mut gone = Vec::new();
    for id in ids {
        let known = g.ext.topics.iter().any(|t| t.id == id);
        if known {
            g.ext.topics.retain(|t| t.id != id);
            for p in &mut g.ext.permission_groups {
                p.topics.remove(id);
            }
            gone.push(id);
            results.push(json!({ "ErrorCode": 0, "ErrorInfo": "", "TopicId": id }));
        } else {
            results.push(json!({ "ErrorCode": NO_TOPIC, "ErrorInfo": "the topic does not exist", "TopicId": id }));
        }
    }
    if !gone.is_empty() {
        ctx.after(
            "Group.CallbackAfterTopicDestroyed",
            json!({
                "GroupId": group,
                "Type": "Community",
                "Operator_Account": ctx.admin,
                "TopicIdList": gone,
                "EventTime": ctx.now_s * 1000,
            }),
        );
    }
    Ok(json!({ "DestroyResultItem": results }))
}

/// million_group_open_http_svc/get_online_member_num: no client is ever online in the
/// emulator, so 0 (answers-only). Community groups only.
pub fn online_num(ctx: &mut Ctx<'_>) -> Outcome {
    let group = ctx.str("GroupId", BAD)?;
    community_only(ctx.state.groups.get(group)?)?;
    Ok(json!({ "OnlineMemberNum": 0 }))
}
