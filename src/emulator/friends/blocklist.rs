//! The blocklist. Blocking ends the friendship both ways (269/3718: "拉黑时会解除双向好友关系");
//! friend_add checks it (30515 / 30525 in relations.rs).

use super::{event_time, owner, Results, BAD, NO_ACCOUNT};
use crate::emulator::{ApiError, Ctx, Outcome};
use serde_json::{json, Value};

/// At most this many accounts per request (269/3718).
const MAX_BATCH: usize = 1000;

fn pair(from: &str, to: &str) -> Value {
    json!({ "From_Account": from, "To_Account": to })
}

fn after(ctx: &mut Ctx<'_>, command: &'static str, pairs: Vec<Value>) {
    if !pairs.is_empty() {
        let body = json!({ "PairList": pairs, "EventTime": event_time(ctx) });
        ctx.after(command, body);
    }
}

pub fn add(ctx: &mut Ctx<'_>) -> Outcome {
    let from = owner(ctx)?;
    let ids = ctx.user_ids("To_Account", MAX_BATCH, BAD)?;
    let mut results = Results::default();
    let mut pairs = Vec::new();
    for to in ids {
        if to == from {
            results.push(to, BAD, "an account cannot block itself");
        } else if !ctx.exists(to) {
            results.push(to, NO_ACCOUNT, "To_Account is not imported");
        } else if ctx.state.friends.has_blocked(from, to) {
            results.push(to, BAD, "To_Account is already in the blocklist");
        } else {
            let now = ctx.now_s;
            let chain = ctx.state.friends.chain_mut(from);
            chain.blocked.insert(to.to_owned(), now);
            chain.seq.block += 1;
            ctx.state.friends.unfriend(from, to);
            ctx.state.friends.unfriend(to, from);
            pairs.push(pair(from, to));
            results.ok(to);
        }
    }
    after(ctx, "Sns.CallbackBlackListAdd", pairs);
    Ok(results.finish("ResultItem"))
}

pub fn delete(ctx: &mut Ctx<'_>) -> Outcome {
    let from = owner(ctx)?;
    let ids = ctx.user_ids("To_Account", MAX_BATCH, BAD)?;
    let mut results = Results::default();
    let mut pairs = Vec::new();
    for to in ids {
        if ctx.state.friends.has_blocked(from, to) {
            let chain = ctx.state.friends.chain_mut(from);
            chain.blocked.remove(to);
            chain.seq.block += 1;
            pairs.push(pair(from, to));
            results.ok(to);
        } else {
            results.push(to, BAD, "To_Account is not in the blocklist");
        }
    }
    after(ctx, "Sns.CallbackBlackListDelete", pairs);
    Ok(results.finish("ResultItem"))
}

/// Pages of `MaxLimited` in UserID order; the returned `StartIndex` is 0 on the last page.
/// `LastSequence` is read but every call returns the page (the emulator does not skip
/// unchanged data).
pub fn get(ctx: &mut Ctx<'_>) -> Outcome {
    let from = owner(ctx)?;
    let start = usize::try_from(ctx.int("StartIndex", BAD)?)
        .map_err(|_| ApiError::new(BAD, "StartIndex must be >= 0"))?;
    let max = ctx.int("MaxLimited", BAD)?;
    let max = usize::try_from(max)
        .ok()
        .filter(|m| (1..=MAX_BATCH).contains(m))
        .ok_or_else(|| ApiError::new(BAD, "MaxLimited must be 1 to 1000"))?;
    if ctx.int("LastSequence", BAD)? < 0 {
        return Err(ApiError::new(BAD, "LastSequence must be >= 0"));
    }
    let (items, total, seq) = match ctx.state.friends.chain(from) {
        Some(c) => {
            let items: Vec<Value> = c
                .blocked
                .iter()
                .skip(start)
                .take(max)
                .map(|(id, t)| json!({ "To_Account": id, "AddBlackTimeStamp": t }))
                .collect();
            (items, c.blocked.len(), c.seq.block)
        }
        None => (Vec::new(), 0, 0),
    };
    let end = start.saturating_add(items.len());
    let next = if end >= total { 0 } else { end };
    Ok(json!({ "BlackListItem": items, "StartIndex": next, "CurrentSequence": seq }))
}

pub fn check(ctx: &mut Ctx<'_>) -> Outcome {
    super::relations::relation_check(
        ctx,
        ["BlackCheckResult_Type_Both", "BlackCheckResult_Type_Single"],
        [
            "BlackCheckResult_Type_BothWay",
            "BlackCheckResult_Type_AWithB",
            "BlackCheckResult_Type_BWithA",
            "BlackCheckResult_Type_NO",
        ],
        super::Friends::has_blocked,
        "BlackListCheckItem",
    )
}
