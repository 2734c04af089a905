//! Read-only group queries: profiles (get_group_info), the app's group list with its `Next`
//! cursor, and a user's joined groups with Offset/Limit.

use super::super::{ApiError, Ctx, Outcome};
use super::*;
use serde_json::json;

/// get_appid_group_list pages hold at most this many IDs (also the default).
const MAX_APP_PAGE: u64 = 10_000;
/// A string-list member of a filter object (`ResponseFilter.GroupBaseInfoFilter`, ...).
fn sub_filter<'a>(parent: Option<&'a Value>, key: &str) -> Result<Option<Vec<&'a str>>, ApiError> {
    super::strings_at(parent.and_then(|p| p.get(key)), key)
}

/// The base profile fields of get_group_info that `want` selects.
fn base_info(g: &Group, app_id: u32, want: &dyn Fn(&str) -> bool) -> Value {
    let all = json!({
        "Type": g.kind.name(),
        "Name": g.name,
        "Appid": app_id,
        "Introduction": g.introduction,
        "Notification": g.notification,
        "FaceUrl": g.face_url,
        "Owner_Account": g.owner.as_deref().unwrap_or(""),
        "CreateTime": g.create_time,
        "InfoSeq": g.info_seq,
        "LastInfoTime": g.last_info_time,
        "LastMsgTime": g.last_msg_time,
        "NextMsgSeq": g.next_seq,
        "MemberNum": g.members.len(),
        "MaxMemberNum": g.max_members,
        "ApplyJoinOption": g.apply_join,
        "MuteAllMember": if g.mute_all { "On" } else { "Off" },
    });
    only(all, want)
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
        let Some(g) = ctx.state.groups.by_id.get(id) else {
            let e = no_group();
            out.push(json!({ "GroupId": id, "ErrorCode": e.code, "ErrorInfo": e.info }));
            continue;
        };
        let want = |f: &str| base.as_ref().is_none_or(|b| b.contains(&f));
        let mut o = base_info(g, ctx.sdk_app_id, &want);
        o["GroupId"] = id.into();
        o["ErrorCode"] = 0.into();
        if let Some(keys) = &group_keys {
            o["AppDefinedData"] = pick_keys(&g.app_data, keys);
        }
        if with_members && g.kind != Kind::AVChatRoom {
            let (fields, keys) = (member_fields.as_deref(), member_keys.as_deref());
            let list = g.members.iter();
            let list = list.map(|m| members::member_info(g, m, fields, keys, ctx.now_s));
            o["MemberList"] = list.collect();
        }
        out.push(o);
    }
    Ok(json!({ "GroupInfo": out }))
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
    let ids: Vec<Value> = page
        .iter()
        .map(|(id, _)| json!({ "GroupId": id }))
        .collect();
    Ok(json!({ "TotalCount": all.len(), "GroupIdList": ids, "Next": cursor }))
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
        let mut o = match &base {
            Some(b) => base_info(g, ctx.sdk_app_id, &|f| b.contains(&f)),
            None => json!({}),
        };
        o["GroupId"] = id.as_str().into();
        if let Some(f) = &self_fields {
            let me = json!({
                "Role": m.role.name(),
                "JoinTime": m.join_time,
                "MsgFlag": m.msg_flag,
                "UnreadMsgNum": 0,
            });
            o["SelfInfo"] = only(me, |k| f.contains(&k));
        }
        list.push(o);
    }
    Ok(json!({ "TotalCount": mine.len(), "GroupIdList": list }))
}
