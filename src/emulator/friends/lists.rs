//! Friend lists ("groups" in the sns API): group_add, group_delete, group_get. A friend's
//! lists are its `Tag_SNS_IM_Group`; friend_add / friend_update also create lists they name.

use super::{capped, list_name, owner, room_for_lists, Results, BAD};
use crate::emulator::{ApiError, Ctx, Outcome};
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};

/// The `GroupName` array: 1 or more distinct names of 1 to 30 bytes.
fn names<'a>(ctx: &Ctx<'a>) -> Result<Vec<&'a str>, ApiError> {
    let list = capped(ctx.body.get("GroupName"), "GroupName")?;
    if list.is_empty() {
        return Err(ApiError::new(BAD, "GroupName is empty"));
    }
    let names = list.iter().map(list_name).collect::<Result<Vec<_>, _>>()?;
    let mut seen = BTreeSet::new();
    if let Some(n) = names.iter().find(|n| !seen.insert(**n)) {
        return Err(ApiError::new(BAD, format!("GroupName lists {n} twice")));
    }
    Ok(names)
}

/// Creating a list that exists is an error (nothing changes); friends given in `To_Account`
/// join every new list, and a non-friend gets 32216 as in Tencent's example.
pub fn add(ctx: &mut Ctx<'_>) -> Outcome {
    let from = owner(ctx)?;
    let names = names(ctx)?;
    let members = match ctx.body.get("To_Account") {
        None | Some(Value::Null) => None,
        Some(_) => Some(ctx.user_ids("To_Account", 1000, BAD)?),
    };
    if let Some(c) = ctx.state.friends.chain(from) {
        if let Some(n) = names.iter().find(|n| c.lists.iter().any(|l| l == *n)) {
            return Err(ApiError::new(
                BAD,
                format!("friend list {n} already exists"),
            ));
        }
    }
    if !room_for_lists(&ctx.state.friends, from, &names) {
        return Err(ApiError::new(
            30011,
            "From_Account has the most friend lists allowed",
        ));
    }
    let chain = ctx.state.friends.chain_mut(from);
    for n in &names {
        chain.ensure_list(n);
    }
    let mut out = Results::default();
    for id in members.iter().flatten() {
        match chain.friends.get_mut(*id) {
            Some(e) => {
                // New lists: no entry holds them yet (an entry's lists are always the chain's).
                e.lists.extend(names.iter().map(|n| (*n).to_owned()));
                chain.seq.standard += 1;
                out.ok(id);
            }
            None => out.push(id, 32216, "To_Account is not a friend of From_Account"),
        }
    }
    let current = chain.seq.list;
    let mut reply = if members.is_some() {
        out.finish("ResultItem")
    } else {
        json!({})
    };
    reply["CurrentSequence"] = current.into();
    Ok(reply)
}

/// Deleting a list that does not exist is an error (nothing changes); the friends in a deleted
/// list stay friends.
pub fn delete(ctx: &mut Ctx<'_>) -> Outcome {
    let from = owner(ctx)?;
    let names = names(ctx)?;
    let known = |n: &&str| {
        ctx.state
            .friends
            .chain(from)
            .is_some_and(|c| c.lists.iter().any(|l| l == n))
    };
    if let Some(n) = names.iter().find(|n| !known(n)) {
        return Err(ApiError::new(BAD, format!("there is no friend list {n}")));
    }
    let chain = ctx.state.friends.chain_mut(from);
    let gone: BTreeSet<&str> = names.iter().copied().collect();
    chain.lists.retain(|l| !gone.contains(l.as_str()));
    chain.seq.list += 1;
    let mut touched = false;
    for e in chain.friends.values_mut() {
        let before = e.lists.len();
        e.lists.retain(|l| !gone.contains(l.as_str()));
        touched |= e.lists.len() != before;
    }
    chain.seq.standard += touched as u64;
    Ok(json!({ "CurrentSequence": chain.seq.list }))
}

/// All lists, or those named in `GroupName` (unknown names are skipped); with
/// `NeedFriend: "Need_Friend_Type_Yes"` each list carries its members.
pub fn get(ctx: &mut Ctx<'_>) -> Outcome {
    let from = owner(ctx)?;
    let wanted = match ctx.body.get("GroupName") {
        None | Some(Value::Null) => None,
        Some(_) => Some(names(ctx)?.into_iter().collect::<BTreeSet<_>>()),
    };
    let need_friend = match ctx.opt_str("NeedFriend", BAD)? {
        None => false,
        Some("Need_Friend_Type_Yes") => true,
        Some(_) => {
            return Err(ApiError::new(
                BAD,
                "NeedFriend must be Need_Friend_Type_Yes when given",
            ))
        }
    };
    ctx.opt_int("LastSequence", BAD)?;
    let Some(chain) = ctx.state.friends.chain(from) else {
        return Ok(json!({ "ResultItem": [], "CurrentSequence": 0 }));
    };
    // Members of every list in one pass over the friends.
    let mut members: BTreeMap<&str, Vec<Value>> = BTreeMap::new();
    for (id, e) in &chain.friends {
        for l in &e.lists {
            members
                .entry(l.as_str())
                .or_default()
                .push(id.as_str().into());
        }
    }
    let items = chain
        .lists
        .iter()
        .filter(|l| wanted.as_ref().is_none_or(|w| w.contains(l.as_str())))
        .map(|l| {
            let members = members.remove(l.as_str()).unwrap_or_default();
            let mut o = json!({ "GroupName": l, "FriendNumber": members.len() });
            if need_friend {
                o["To_Account"] = members.into();
            }
            o
        })
        .collect::<Vec<_>>();
    Ok(json!({ "ResultItem": items, "CurrentSequence": chain.seq.list }))
}
