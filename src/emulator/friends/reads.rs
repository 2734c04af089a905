//! The two friend reads: friend_get (every friend, paged) and friend_get_list (chosen tags of
//! chosen friends, profile tags included).

use super::{capped, custom_item, owner, Chain, Entry, Results, BAD, NO_ACCOUNT};
use crate::emulator::profiles;
use crate::emulator::{ApiError, Ctx, Outcome};
use serde_json::{json, Value};

/// At most this many accounts per friend_get_list request.
const MAX_BATCH: usize = 1000;
/// friend_get's page size (Tencent does not let the caller choose; the emulator uses 100).
const PAGE: usize = 100;

fn tag(tag: &str, v: Value) -> Value {
    json!({ "Tag": tag, "Value": v })
}

/// The standard `Tag_SNS_IM_*` value of an entry; `None` when unset (empty or zero).
fn standard_value(e: &Entry, name: &str) -> Option<Value> {
    let v = match name {
        "Tag_SNS_IM_AddSource" => json!(e.add_source),
        "Tag_SNS_IM_Remark" if !e.remark.is_empty() => json!(e.remark),
        "Tag_SNS_IM_Group" if !e.lists.is_empty() => json!(e.lists),
        "Tag_SNS_IM_AddTime" => json!(e.add_time),
        "Tag_SNS_IM_AddWording" if !e.add_wording.is_empty() => json!(e.add_wording),
        "Tag_SNS_IM_RemarkTime" if e.remark_time != 0 => json!(e.remark_time),
        _ => return None,
    };
    Some(v)
}

/// The standard tags friend_get returns, in Tencent's example order.
const STANDARD: &[&str] = &[
    "Tag_SNS_IM_AddSource",
    "Tag_SNS_IM_Remark",
    "Tag_SNS_IM_Group",
    "Tag_SNS_IM_AddTime",
    "Tag_SNS_IM_AddWording",
];

/// Pages of 100 in UserID order. A `StandardSequence` / `CustomSequence` equal to the current
/// (non-zero) one leaves that half of the data out, as documented.
pub fn get(ctx: &mut Ctx<'_>) -> Outcome {
    let from = owner(ctx)?;
    let start = ctx.int("StartIndex", BAD)?;
    let start =
        usize::try_from(start).map_err(|_| ApiError::new(BAD, "StartIndex must be >= 0"))?;
    let their_std = ctx.opt_int("StandardSequence", BAD)?.unwrap_or(0);
    let their_custom = ctx.opt_int("CustomSequence", BAD)?.unwrap_or(0);
    let empty = Chain::default();
    let chain = ctx.state.friends.chain(from).unwrap_or(&empty);
    let same = |theirs: i64, ours: u64| theirs != 0 && u64::try_from(theirs) == Ok(ours);
    let skip_std = same(their_std, chain.seq.standard);
    let skip_custom = same(their_custom, chain.seq.custom);
    let total = chain.friends.len();
    let page: Vec<Value> = chain
        .friends
        .iter()
        .skip(start)
        .take(PAGE)
        .map(|(id, e)| {
            let mut values = Vec::new();
            if !skip_std {
                for name in STANDARD {
                    if let Some(v) = standard_value(e, name) {
                        values.push(tag(name, v));
                    }
                }
            }
            if !skip_custom {
                for (t, v) in e.custom.iter() {
                    values.push(tag(t, v.clone()));
                }
            }
            json!({ "To_Account": id, "ValueItem": values })
        })
        .collect();
    let end = start.saturating_add(page.len());
    let complete = end >= total;
    Ok(json!({
        "UserDataItem": page,
        "StandardSequence": chain.seq.standard,
        "CustomSequence": chain.seq.custom,
        "FriendNum": total,
        "CompleteFlag": u8::from(complete),
        "NextStartIndex": if complete { 0 } else { end },
    }))
}

/// Whether friend_get_list can read `t`: a profile tag, a standard relationship tag or a
/// custom one.
fn readable(t: &str) -> bool {
    profiles::is_profile_tag(t)
        || t == "Tag_SNS_IM_RemarkTime"
        || STANDARD.contains(&t)
        || custom_item(&json!({ "Tag": t, "Value": "" })).is_ok()
}

pub fn get_list(ctx: &mut Ctx<'_>) -> Outcome {
    let from = owner(ctx)?;
    let ids = ctx.user_ids("To_Account", MAX_BATCH, BAD)?;
    let list = capped(ctx.body.get("TagList"), "TagList")?;
    if list.is_empty() {
        return Err(ApiError::new(BAD, "TagList is empty"));
    }
    let tags = list
        .iter()
        .map(|t| match t.as_str() {
            Some(t) if readable(t) => Ok(t),
            _ => Err(ApiError::new(
                BAD,
                "TagList holds Tag_Profile_* and Tag_SNS_* tag names",
            )),
        })
        .collect::<Result<Vec<_>, _>>()?;
    let mut results = Results::default();
    for to in ids {
        if !ctx.exists(to) {
            results.push(to, NO_ACCOUNT, "To_Account is not imported");
            continue;
        }
        let Some(e) = ctx
            .state
            .friends
            .chain(from)
            .and_then(|c| c.friends.get(to))
        else {
            results.push(to, BAD, "To_Account is not a friend of From_Account");
            continue;
        };
        let values: Vec<Value> = tags
            .iter()
            .filter_map(|t| {
                let v = if t.starts_with("Tag_Profile_") {
                    ctx.state.profiles.get(to, t).cloned()
                } else if let Some(v) = e.custom.get(*t) {
                    Some(v.clone())
                } else {
                    standard_value(e, t)
                };
                v.map(|v| tag(t, v))
            })
            .collect();
        results.ok(to);
        results.extend_last("SnsProfileItem", Value::Array(values));
    }
    Ok(results.finish("InfoItem"))
}
