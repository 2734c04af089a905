//! Subscribers: add, delete, modify one, list an account's subscribers (Next cursor), list a
//! user's subscriptions (Offset paging).

use super::*;
use base64::{engine::general_purpose::STANDARD, Engine as _};

/// add_subscriber takes at most 100 (doc 1047/60760); delete_subscriber states no bound, the
/// emulator takes the same 100.
const MAX_CHANGE: usize = 100;
/// Both lists page by at most 200 (docs 1047/60759, 60763).
const MAX_PAGE: u64 = 200;
/// A subscriber's CustomString (Tencent states no limit; the account's own is 3000 bytes).
const MAX_CUSTOM: usize = 3000;

/// Per-item `Result` (docs 1047/60760 and 60761): 0 failed, 1 done, 2 nothing to do (already a
/// subscriber / not one).
const FAILED: u8 = 0;
const DONE: u8 = 1;
const NOTHING: u8 = 2;

fn result(id: &str, r: u8) -> Value {
    json!({ "Subscriber_Account": id, "Result": r })
}

/// `SubscriberList: [{Subscriber_Account, CustomString?}]`, 1-100. Per item: 1 subscribed,
/// 2 already a subscriber (also a repeat in the request), 0 not an imported account or the
/// account is full (then `OfficialAccount.CallbackAfterOfficialAccountFull`).
pub fn add(ctx: &mut Ctx<'_>) -> Outcome {
    let id = account_id(ctx)?;
    let items = ctx.items("SubscriberList", MAX_CHANGE, BAD)?;
    let mut wanted = Vec::with_capacity(items.len());
    for it in items {
        let user = it
            .get("Subscriber_Account")
            .and_then(Value::as_str)
            .filter(|u| !u.is_empty() && u.len() <= crate::usersig::MAX_USER_ID_BYTES)
            .ok_or_else(|| bad("SubscriberList", "items need a Subscriber_Account UserID"))?;
        let custom = match it.get("CustomString") {
            None | Some(Value::Null) => "",
            Some(Value::String(s)) if s.len() <= MAX_CUSTOM => s,
            Some(_) => {
                return Err(bad(
                    "CustomString",
                    "must be a string of at most 3000 bytes",
                ))
            }
        };
        wanted.push((user, custom, ctx.exists(user)));
    }
    let now = ctx.now_s;
    let a = ctx.state.official.get_mut(id)?;
    let mut out = Vec::with_capacity(wanted.len());
    let mut added = Vec::new();
    let mut full = false;
    for (user, custom, imported) in wanted {
        let r = if a.subscribers.contains_key(user) {
            NOTHING
        } else if !imported {
            FAILED
        } else if a.subscribers.len() as u64 >= a.max_subscribers {
            full = true;
            FAILED
        } else {
            a.subscribers.insert(
                user.to_owned(),
                Subscriber {
                    subscribe_time: now,
                    custom_string: custom.to_owned(),
                    msg_flag: "AcceptAndNotify".into(),
                    last_send_msg_time: 0,
                },
            );
            added.push(user);
            DONE
        };
        out.push(result(user, r));
    }
    for user in added {
        let mut after = event(ctx, id);
        after["Subscriber_Account"] = user.into();
        ctx.after("OfficialAccount.CallbackAfterAddSubscriber", after);
    }
    if full {
        let after = event(ctx, id);
        ctx.after("OfficialAccount.CallbackAfterOfficialAccountFull", after);
    }
    Ok(json!({ "SubscriberList": out }))
}

/// `SubscriberToDel_Account: [ids]`, 1-100. Per item: 1 removed, 2 not a subscriber.
pub fn delete(ctx: &mut Ctx<'_>) -> Outcome {
    let id = account_id(ctx)?;
    let users = ctx.user_ids("SubscriberToDel_Account", MAX_CHANGE, BAD)?;
    let a = ctx.state.official.get_mut(id)?;
    let mut out = Vec::with_capacity(users.len());
    let mut removed = Vec::new();
    for user in users {
        let r = match a.subscribers.remove(user) {
            Some(_) => {
                removed.push(json!({ "Subscriber_Account": user }));
                DONE
            }
            None => NOTHING,
        };
        out.push(result(user, r));
    }
    if !removed.is_empty() {
        let mut after = event(ctx, id);
        after["SubscriberList"] = removed.into();
        ctx.after("OfficialAccount.CallbackAfterDeleteSubscriber", after);
    }
    Ok(json!({ "SubscriberList": out }))
}

/// A subscriber's `CustomString`.
pub fn modify(ctx: &mut Ctx<'_>) -> Outcome {
    let id = account_id(ctx)?;
    let user = ctx.user_id("Subscriber_Account", BAD)?;
    let custom = match ctx.body.get("CustomString") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if s.len() <= MAX_CUSTOM => Some(s.as_str()),
        Some(_) => {
            return Err(bad(
                "CustomString",
                "must be a string of at most 3000 bytes",
            ))
        }
    };
    let a = ctx.state.official.get_mut(id)?;
    let s = a
        .subscribers
        .get_mut(user)
        .ok_or_else(|| bad("Subscriber_Account", "does not subscribe to this account"))?;
    if let Some(c) = custom {
        s.custom_string = c.to_owned();
    }
    Ok(json!({}))
}

/// Subscribers in UserID order. `Limit` 1-200 (all when absent); `Next` is "" at first and when
/// done, else an opaque cursor (the base64 of the last UserID returned).
pub fn list(ctx: &mut Ctx<'_>) -> Outcome {
    let id = account_id(ctx)?;
    let limit = opt_range(ctx, "Limit", 1, MAX_PAGE)?;
    let after = match ctx.opt_str("Next", BAD)? {
        None | Some("") => None,
        Some(c) => Some(
            STANDARD
                .decode(c)
                .ok()
                .and_then(|b| String::from_utf8(b).ok())
                .ok_or_else(|| bad("Next", "is not a cursor this call returned"))?,
        ),
    };
    let a = ctx.state.official.get(id)?;
    let rest = a.subscribers.iter().filter(|(u, _)| match &after {
        Some(last) => u.as_str() > last.as_str(),
        None => true,
    });
    let take = limit.map_or(usize::MAX, |l| l as usize);
    let mut page = Vec::new();
    let mut last = None;
    let mut rest = rest.peekable();
    while let Some((u, s)) = rest.next_if(|_| page.len() < take) {
        page.push(json!({
            "Subscriber_Account": u,
            "SubscribeTime": s.subscribe_time,
            "CustomString": s.custom_string,
            "MsgFlag": s.msg_flag,
            "LastSendMsgTime": s.last_send_msg_time,
        }));
        last = Some(u);
    }
    let next = match (rest.peek(), last) {
        (Some(_), Some(u)) => STANDARD.encode(u),
        _ => String::new(),
    };
    Ok(json!({
        "SubscriberNum": a.subscribers.len(),
        "SubscriberList": page,
        "Next": next,
    }))
}

/// The accounts `Subscriber_Account` subscribes to, in creation order: `Limit` 1-200 (default
/// 200), `Offset`; `CompleteFlag` 1 on the last page, `Next` the next Offset.
pub fn subscribed(ctx: &mut Ctx<'_>) -> Outcome {
    let user = user(ctx, "Subscriber_Account")?;
    let limit = opt_range(ctx, "Limit", 1, MAX_PAGE)?.unwrap_or(MAX_PAGE) as usize;
    let offset = opt_range(ctx, "Offset", 0, u64::from(u32::MAX))?.unwrap_or(0) as usize;
    let filter = base_info_filter(ctx)?;
    let mut mine: Vec<(&String, &Account)> = ctx
        .state
        .official
        .by_id
        .iter()
        .filter(|(_, a)| a.subscribers.contains_key(user))
        .collect();
    mine.sort_by_key(|(_, a)| a.serial);
    let total = mine.len();
    let page: Vec<Value> = mine
        .iter()
        .skip(offset)
        .take(limit)
        .map(|(id, a)| a.info(id, filter.as_deref()))
        .collect();
    let next = offset.saturating_add(page.len());
    Ok(json!({
        "TotalCount": total,
        "OfficialAccountInfoList": page,
        "CompleteFlag": u8::from(next >= total),
        "Next": next,
    }))
}
