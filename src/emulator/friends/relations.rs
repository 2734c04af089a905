//! Friends: add (with Tencent's checks and the friend webhooks), import, update, delete and
//! check. The reads are in reads.rs.

use super::{
    add_source, capped, choice, custom_item, event_time, flag, list_name, owner, room_for_lists,
    text, Entry, Results, BAD, MAX_FRIENDS, MAX_REMARK, MAX_WORDING, NO_ACCOUNT,
};
use crate::emulator::profiles::{ADMIN_FORBID_SEND_OUT, ALLOW_ANY, ALLOW_DENY};
use crate::emulator::{ApiError, Before, Ctx, Outcome};
use serde_json::{json, Map, Value};
use std::collections::{BTreeMap, BTreeSet};

/// At most this many accounts per add/delete/check request (269/1643, /1644, /1646).
const MAX_BATCH: usize = 1000;
/// At most this many items per friend_import / friend_update request.
const MAX_IMPORT: usize = 100;

/// "Friend list groups reached the system limit".
const TOO_MANY_LISTS: i64 = 30011;

/// One requested friend (friend_add or friend_import item).
struct Req<'a> {
    to: &'a str,
    remark: &'a str,
    remark_time: Option<u64>,
    lists: Vec<&'a str>,
    source: &'a str,
    wording: &'a str,
    add_time: Option<u64>,
    custom: Vec<(&'a str, &'a Value)>,
}

impl<'a> Req<'a> {
    /// friend_add gives one `GroupName` string; friend_import a list and the extra fields.
    fn read(item: &'a Value, import: bool) -> Result<Req<'a>, ApiError> {
        let to = match item.get("To_Account").and_then(Value::as_str) {
            Some(t) if !t.is_empty() && t.len() <= crate::usersig::MAX_USER_ID_BYTES => t,
            _ => {
                return Err(ApiError::new(
                    BAD,
                    "each AddFriendItem needs a To_Account of 1 to 32 bytes",
                ))
            }
        };
        let lists = match item.get("GroupName") {
            None | Some(Value::Null) => Vec::new(),
            Some(v @ Value::Array(_)) if import => capped(Some(v), "GroupName")?
                .iter()
                .map(list_name)
                .collect::<Result<_, _>>()?,
            Some(v) if !import => vec![list_name(v)?],
            Some(_) => return Err(ApiError::new(BAD, "GroupName must be an array of names")),
        };
        let time = |key: &str| match item.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(v) => v
                .as_u64()
                .map(Some)
                .ok_or_else(|| ApiError::new(BAD, format!("{key} must be Unix seconds"))),
        };
        let custom = match item.get("CustomItem") {
            None | Some(Value::Null) => Vec::new(),
            Some(v @ Value::Array(_)) if import => capped(Some(v), "CustomItem")?
                .iter()
                .map(custom_item)
                .collect::<Result<_, _>>()?,
            Some(_) => return Err(ApiError::new(BAD, "CustomItem must be an array")),
        };
        Ok(Req {
            to,
            remark: text(item, "Remark", MAX_REMARK)?.unwrap_or(""),
            remark_time: if import { time("RemarkTime")? } else { None },
            lists,
            source: add_source(item)?,
            wording: text(item, "AddWording", MAX_WORDING)?.unwrap_or(""),
            add_time: if import { time("AddTime")? } else { None },
            custom,
        })
    }

    fn entry(&self, now_s: u64) -> Entry {
        let custom = self.custom.iter();
        let custom = custom
            .map(|(t, v)| ((*t).to_owned(), (*v).clone()))
            .collect();
        Entry {
            add_source: self.source.to_owned(),
            add_wording: self.wording.to_owned(),
            add_time: self.add_time.unwrap_or(now_s),
            remark: self.remark.to_owned(),
            remark_time: match self.remark_time {
                Some(t) => t,
                None if self.remark.is_empty() => 0,
                None => now_s,
            },
            lists: self.lists.iter().map(|l| (*l).to_owned()).collect(),
            custom,
        }
    }

    fn callback_item(&self) -> Value {
        json!({
            "To_Account": self.to,
            "Remark": self.remark,
            "GroupName": self.lists.first().copied().unwrap_or(""),
            "AddSource": self.source,
            "AddWording": self.wording,
        })
    }
}

/// A refused item: Tencent's code and our explanation.
type Refusal = Option<(i64, String)>;

fn refuse(code: i64, info: &str) -> Refusal {
    Some((code, info.to_owned()))
}

/// The checks friend_add and friend_import share: yourself, unknown account, listed twice in
/// this request (`seen`), already a friend.
fn basic_checks(ctx: &Ctx<'_>, from: &str, to: &str, seen: &mut BTreeSet<String>) -> Refusal {
    let f = &ctx.state.friends;
    if to == from {
        return refuse(BAD, "an account cannot add itself as a friend");
    }
    if !ctx.exists(to) {
        return refuse(NO_ACCOUNT, "To_Account is not imported");
    }
    if !seen.insert(to.to_owned()) {
        return refuse(BAD, "To_Account is listed twice in this request");
    }
    if f.has_friend(from, to) {
        return refuse(BAD, "To_Account is already a friend of From_Account");
    }
    None
}

/// friend_add's further checks: blocklists, AdminForbidType, the peer's AllowType (unless
/// forced or the peer already lists `from`), the peer's friend limit.
fn add_checks(ctx: &Ctx<'_>, from: &str, to: &str, both: bool, force: bool) -> Refusal {
    let f = &ctx.state.friends;
    let p = &ctx.state.profiles;
    if f.has_blocked(from, to) {
        return refuse(30515, "To_Account is in From_Account's blocklist");
    }
    if f.has_blocked(to, from) {
        return refuse(30525, "From_Account is in To_Account's blocklist");
    }
    if p.get_str(from, "Tag_Profile_IM_AdminForbidType") == Some(ADMIN_FORBID_SEND_OUT) {
        return refuse(
            30009,
            "From_Account may not send friend requests (AdminForbidType)",
        );
    }
    // A peer that already lists `from` has agreed; otherwise its AllowType decides, unless forced.
    if !force && !f.has_friend(to, from) {
        match p.get_str(to, "Tag_Profile_IM_AllowType") {
            Some(ALLOW_ANY) => {}
            Some(ALLOW_DENY) => return refuse(30516, "To_Account's AllowType is DenyAny"),
            _ => {
                return refuse(
                    30539,
                    "To_Account's AllowType is NeedConfirm: the request waits for approval \
                     (pending requests are not emulated; use ForceAddFlags 1 or AllowType_Type_AllowAny)",
                )
            }
        }
    }
    if both && !f.has_friend(to, from) && f.friend_count(to) >= MAX_FRIENDS {
        return refuse(30014, "To_Account has the most friends allowed");
    }
    None
}

/// Records `entry` as `owner`'s friend `friend` (and any new list names).
fn befriend(ctx: &mut Ctx<'_>, owner: &str, friend: &str, entry: Entry) {
    let chain = ctx.state.friends.chain_mut(owner);
    for l in &entry.lists {
        chain.ensure_list(l);
    }
    if !entry.custom.is_empty() {
        chain.seq.custom += 1;
    }
    chain.friends.insert(friend.to_owned(), entry);
    chain.seq.standard += 1;
}

/// A `PairList` item of the friend webhooks.
fn pair(from: &str, to: &str, initiator: &str) -> Value {
    json!({ "From_Account": from, "To_Account": to, "Initiator_Account": initiator })
}

fn items<'a>(ctx: &Ctx<'a>, max: usize) -> Result<&'a [Value], ApiError> {
    let items = ctx.array("AddFriendItem", BAD)?;
    if items.is_empty() || items.len() > max {
        return Err(ApiError::new(
            BAD,
            format!("AddFriendItem holds 1 to {max} items"),
        ));
    }
    Ok(items)
}

pub fn add(ctx: &mut Ctx<'_>) -> Outcome {
    let from = owner(ctx)?;
    let items = items(ctx, MAX_BATCH)?;
    let both = choice(ctx, "AddType", "Add_Type_Both", "Add_Type_Single")?.unwrap_or(true);
    let force = flag(ctx, "ForceAddFlags")?;
    let reqs = items
        .iter()
        .map(|i| Req::read(i, false))
        .collect::<Result<Vec<_>, _>>()?;

    let mut seen = BTreeSet::new();
    let mut planned = ctx.state.friends.friend_count(from);
    let mut verdicts = Vec::with_capacity(reqs.len());
    for r in &reqs {
        let mut v = basic_checks(ctx, from, r.to, &mut seen)
            .or_else(|| add_checks(ctx, from, r.to, both, force));
        if v.is_none() && planned >= MAX_FRIENDS {
            v = refuse(30010, "From_Account has the most friends allowed");
        }
        if v.is_none() {
            planned += 1;
        }
        verdicts.push(v);
    }

    // The app may refuse single items (ResultCode in [38000, 39000]) before anything changes.
    let mut store = true;
    let asked: Vec<Value> = reqs
        .iter()
        .zip(&verdicts)
        .filter(|(_, v)| v.is_none())
        .map(|(r, _)| r.callback_item())
        .collect();
    if !asked.is_empty() {
        let body = json!({
            "Requester_Account": ctx.admin,
            "From_Account": from,
            "FriendItem": asked,
            "AddType": if both { "Add_Type_Both" } else { "Add_Type_Single" },
            "ForceAddFlags": u8::from(force),
            "EventTime": event_time(ctx),
        });
        match ctx.before("Sns.CallbackPrevFriendAdd", body) {
            Before::Pending => return Err(ApiError::new(0, "")),
            Before::Reject { custom } => {
                return Err(custom.unwrap_or_else(|| {
                    ApiError::new(
                        10016,
                        "the app's Sns.CallbackPrevFriendAdd refused the request",
                    )
                }))
            }
            Before::Drop => store = false,
            Before::AllowModified(reply) => apply_refusals(&reply, &reqs, &mut verdicts),
            Before::Allow => {}
        }
    }

    let mut results = Results::default();
    let mut pairs = Vec::new();
    for (r, v) in reqs.iter().zip(verdicts) {
        if let Some((code, info)) = v {
            results.push(r.to, code, &info);
            continue;
        }
        if store && !room_for_lists(&ctx.state.friends, from, &r.lists) {
            results.push(
                r.to,
                TOO_MANY_LISTS,
                "From_Account has the most friend lists allowed",
            );
            continue;
        }
        results.ok(r.to);
        if !store {
            continue;
        }
        let peer_new = both && !ctx.state.friends.has_friend(r.to, from);
        befriend(ctx, from, r.to, r.entry(ctx.now_s));
        pairs.push(pair(from, r.to, from));
        if peer_new {
            let back = Entry {
                add_source: r.source.to_owned(),
                add_time: ctx.now_s,
                ..Entry::default()
            };
            befriend(ctx, r.to, from, back);
            pairs.push(pair(r.to, from, from));
        }
    }
    if !pairs.is_empty() {
        let body = json!({
            "PairList": pairs,
            "ClientCmd": "friend_add",
            "Admin_Account": ctx.admin,
            "ForceFlag": u8::from(force),
            "EventTime": event_time(ctx),
        });
        ctx.after("Sns.CallbackFriendAdd", body);
    }
    Ok(results.finish("ResultItem"))
}

/// Reads the app's `ResultItem` answer: a code in [38000, 39000] refuses that account.
fn apply_refusals(reply: &Map<String, Value>, reqs: &[Req<'_>], verdicts: &mut [Refusal]) {
    let Some(items) = reply.get("ResultItem").and_then(Value::as_array) else {
        return;
    };
    let mut refused = BTreeMap::new();
    for it in items {
        let code = it.get("ResultCode").and_then(Value::as_i64).unwrap_or(0);
        if !(38_000..=39_000).contains(&code) {
            continue;
        }
        let Some(to) = it.get("To_Account").and_then(Value::as_str) else {
            continue;
        };
        let info = it
            .get("ResultInfo")
            .and_then(Value::as_str)
            .unwrap_or("refused by the app's Sns.CallbackPrevFriendAdd");
        refused.entry(to).or_insert((code, info));
    }
    for (r, v) in reqs.iter().zip(verdicts.iter_mut()) {
        if let (None, Some((code, info))) = (&v, refused.get(r.to)) {
            *v = Some((*code, (*info).to_owned()));
        }
    }
}

/// One-way, with the stored fields given; no AllowType, blocklist or webhook involved.
pub fn import(ctx: &mut Ctx<'_>) -> Outcome {
    let from = owner(ctx)?;
    let items = items(ctx, MAX_IMPORT)?;
    let reqs = items
        .iter()
        .map(|i| Req::read(i, true))
        .collect::<Result<Vec<_>, _>>()?;
    let mut seen = BTreeSet::new();
    let mut results = Results::default();
    for r in &reqs {
        let mut v = basic_checks(ctx, from, r.to, &mut seen);
        if v.is_none() && ctx.state.friends.friend_count(from) >= MAX_FRIENDS {
            v = refuse(30010, "From_Account has the most friends allowed");
        }
        if v.is_none() && !room_for_lists(&ctx.state.friends, from, &r.lists) {
            v = refuse(
                TOO_MANY_LISTS,
                "From_Account has the most friend lists allowed",
            );
        }
        match v {
            Some((code, info)) => results.push(r.to, code, &info),
            None => {
                befriend(ctx, from, r.to, r.entry(ctx.now_s));
                results.ok(r.to);
            }
        }
    }
    Ok(results.finish("ResultItem"))
}

/// One parsed `SnsItem`.
enum Change<'a> {
    Remark(&'a str),
    Lists(Vec<&'a str>),
    Custom(&'a str, &'a Value),
}

fn read_change(item: &Value) -> Result<Change<'_>, ApiError> {
    match item.get("Tag").and_then(Value::as_str) {
        Some("Tag_SNS_IM_Remark") => match text(item, "Value", MAX_REMARK)? {
            Some(r) => Ok(Change::Remark(r)),
            None => Err(ApiError::new(BAD, "Tag_SNS_IM_Remark needs a string Value")),
        },
        Some("Tag_SNS_IM_Group") => Ok(Change::Lists(
            capped(item.get("Value"), "Tag_SNS_IM_Group")?
                .iter()
                .map(list_name)
                .collect::<Result<_, _>>()?,
        )),
        _ => custom_item(item)
            .map(|(t, v)| Change::Custom(t, v))
            .map_err(|_| {
                ApiError::new(
                    BAD,
                    "SnsItem tags are Tag_SNS_IM_Remark, Tag_SNS_IM_Group or Tag_SNS_Custom_* \
                 (with a string or integer Value)",
                )
            }),
    }
}

pub fn update(ctx: &mut Ctx<'_>) -> Outcome {
    let from = owner(ctx)?;
    let items = ctx.array("UpdateItem", BAD)?;
    if items.is_empty() || items.len() > MAX_IMPORT {
        return Err(ApiError::new(BAD, "UpdateItem holds 1 to 100 items"));
    }
    let mut updates = Vec::with_capacity(items.len());
    for it in items {
        let to = it
            .get("To_Account")
            .and_then(Value::as_str)
            .ok_or_else(|| ApiError::new(BAD, "each UpdateItem needs a To_Account"))?;
        let changes = capped(it.get("SnsItem"), "SnsItem")?;
        if changes.is_empty() {
            return Err(ApiError::new(BAD, "SnsItem is empty"));
        }
        let changes = changes
            .iter()
            .map(read_change)
            .collect::<Result<Vec<_>, _>>()?;
        updates.push((to, changes));
    }
    let mut results = Results::default();
    let now = ctx.now_s;
    for (to, changes) in updates {
        if !ctx.exists(to) {
            results.push(to, NO_ACCOUNT, "To_Account is not imported");
            continue;
        }
        if !ctx.state.friends.has_friend(from, to) {
            results.push(to, BAD, "To_Account is not a friend of From_Account");
            continue;
        }
        let new_lists: Vec<&str> = changes
            .iter()
            .flat_map(|c| match c {
                Change::Lists(names) => names.clone(),
                _ => Vec::new(),
            })
            .collect();
        if !room_for_lists(&ctx.state.friends, from, &new_lists) {
            results.push(
                to,
                TOO_MANY_LISTS,
                "From_Account has the most friend lists allowed",
            );
            continue;
        }
        let chain = ctx.state.friends.chain_mut(from);
        for c in &changes {
            if let Change::Lists(names) = c {
                for n in names {
                    chain.ensure_list(n);
                }
            }
        }
        let Some(entry) = chain.friends.get_mut(to) else {
            continue;
        };
        let (mut standard, mut custom) = (false, false);
        for c in changes {
            match c {
                Change::Remark(r) => {
                    entry.remark = r.to_owned();
                    entry.remark_time = now;
                    standard = true;
                }
                Change::Lists(names) => {
                    entry.lists = names.iter().map(|n| (*n).to_owned()).collect();
                    standard = true;
                }
                Change::Custom(tag, v) => {
                    entry.custom.insert(tag.to_owned(), v.clone());
                    custom = true;
                }
            }
        }
        chain.seq.standard += standard as u64;
        chain.seq.custom += custom as u64;
        results.ok(to);
    }
    Ok(results.finish("ResultItem"))
}

fn delete_type(ctx: &Ctx<'_>, default_both: bool) -> Result<bool, ApiError> {
    Ok(
        choice(ctx, "DeleteType", "Delete_Type_Both", "Delete_Type_Single")?
            .unwrap_or(default_both),
    )
}

fn after_delete(ctx: &mut Ctx<'_>, pairs: Vec<Value>) {
    if pairs.is_empty() {
        return;
    }
    let body = json!({
        "PairList": pairs,
        "ClientCmd": "friend_delete",
        "Admin_Account": ctx.admin,
        "EventTime": event_time(ctx),
    });
    ctx.after("Sns.CallbackFriendDelete", body);
}

/// Removes `to` from `from`'s friends (and `from` from `to`'s when `both`); the removed pairs.
fn remove(ctx: &mut Ctx<'_>, from: &str, to: &str, both: bool, pairs: &mut Vec<Value>) {
    if ctx.state.friends.unfriend(from, to) {
        pairs.push(pair(from, to, from));
    }
    if both && ctx.state.friends.unfriend(to, from) {
        pairs.push(pair(to, from, from));
    }
}

/// `DeleteType` defaults to two-way here (the SDK's researched reading of 269/1644).
pub fn delete(ctx: &mut Ctx<'_>) -> Outcome {
    let from = owner(ctx)?;
    let ids = ctx.user_ids("To_Account", MAX_BATCH, BAD)?;
    let both = delete_type(ctx, true)?;
    let mut results = Results::default();
    let mut pairs = Vec::new();
    for to in ids {
        if ctx.state.friends.has_friend(from, to) {
            remove(ctx, from, to, both, &mut pairs);
            results.ok(to);
        } else {
            results.push(to, 31704, "To_Account is not a friend of From_Account");
        }
    }
    after_delete(ctx, pairs);
    Ok(results.finish("ResultItem"))
}

/// `DeleteType` defaults to one-way here (269/1645: "默认删除单向好友").
pub fn delete_all(ctx: &mut Ctx<'_>) -> Outcome {
    let from = owner(ctx)?;
    let both = delete_type(ctx, false)?;
    let ids: Vec<String> = ctx
        .state
        .friends
        .chain(from)
        .map(|c| c.friends.keys().cloned().collect())
        .unwrap_or_default();
    let mut pairs = Vec::new();
    for to in &ids {
        remove(ctx, from, to, both, &mut pairs);
    }
    after_delete(ctx, pairs);
    Ok(json!({}))
}

pub fn check(ctx: &mut Ctx<'_>) -> Outcome {
    relation_check(
        ctx,
        ["CheckResult_Type_Both", "CheckResult_Type_Single"],
        [
            "CheckResult_Type_BothWay",
            "CheckResult_Type_AWithB",
            "CheckResult_Type_BWithA",
            "CheckResult_Type_NoRelation",
        ],
        super::Friends::has_friend,
        "InfoItem",
    )
}

/// friend_check and black_list_check: the same request and answer over a different one-way
/// relation (`has(a, b)`), with their own names. `kinds` is [both, single]; `names` are
/// [both ways, A with B, B with A, none].
pub fn relation_check(
    ctx: &mut Ctx<'_>,
    kinds: [&str; 2],
    names: [&'static str; 4],
    has: fn(&super::Friends, &str, &str) -> bool,
    list_key: &str,
) -> Outcome {
    let from = owner(ctx)?;
    let ids = ctx.user_ids("To_Account", MAX_BATCH, BAD)?;
    let both = choice(ctx, "CheckType", kinds[0], kinds[1])?
        .ok_or_else(|| ApiError::new(BAD, "CheckType is required"))?;
    let f = &ctx.state.friends;
    let mut results = Results::default();
    for to in ids {
        let relation = match (has(f, from, to), both && has(f, to, from)) {
            (true, true) => names[0],
            (true, false) => names[1],
            (false, true) => names[2],
            (false, false) => names[3],
        };
        if ctx.exists(to) {
            results.ok(to);
        } else {
            results.push(to, NO_ACCOUNT, "To_Account is not imported");
        }
        results.extend_last("Relation", relation.into());
    }
    Ok(results.finish(list_key))
}
