//! What pushes target: the app's attribute names, each user's attribute values and tags. Both
//! services share these handlers; each keeps its own [`Targets`]. Every request is checked whole
//! before anything changes.

use super::*;
use serde_json::{json, Map};

/// `AttrNames: {"0": name, ...}` merged into the app's names. A number takes a new name (users'
/// values stay with the number); names must stay distinct. Push service: `AttrTypes` (0 UserID,
/// 1 RegistrationID) is fixed once set.
pub fn set_names(ctx: &mut Ctx<'_>, svc: Svc) -> Outcome {
    let given = numbered(ctx, "AttrNames")?;
    let mut names = ctx.state.push.targets(svc).names.clone();
    for (i, v) in &given {
        match v.as_str() {
            Some(n) if !n.is_empty() && n.len() <= MAX_LABEL => names.insert(*i, n.to_owned()),
            _ => return Err(attr_error("AttrNames values must be names of 1-50 bytes")),
        };
    }
    // Names stay distinct (attributes are set by name); the doc's failure example answers
    // "attrName:city already exists at index:1".
    let mut seen = BTreeMap::new();
    for (i, n) in &names {
        if let Some(first) = seen.insert(n, i) {
            return Err(attr_error(&format!(
                "attrName:{n} already exists at index:{first}"
            )));
        }
    }
    let mut types = ctx.state.push.targets(svc).types.clone();
    if ctx.body.contains_key("AttrTypes") {
        if svc == Svc::AllMember {
            return Err(bad("AttrTypes", "is a Push service (timpush) field"));
        }
        for (i, v) in numbered(ctx, "AttrTypes")? {
            let ty = v
                .as_u64()
                .filter(|&t| t <= 1)
                .ok_or_else(|| attr_error("AttrTypes values must be 0 or 1"))?
                as u8;
            if !names.contains_key(&i) {
                return Err(attr_error("AttrTypes names an attribute without a name"));
            }
            if types.insert(i, ty).is_some_and(|old| old != ty) {
                return Err(attr_error("an attribute's account type cannot change"));
            }
        }
    }
    let t = ctx.state.push.targets_mut(svc);
    t.names = names;
    t.types = types;
    Ok(json!({}))
}

/// `{"0": ..., "9": ...}`: an object keyed by attribute numbers.
fn numbered<'a>(ctx: &Ctx<'a>, key: &str) -> Result<Vec<(u8, &'a Value)>, ApiError> {
    let o = match ctx.body.get(key) {
        Some(Value::Object(o)) => o,
        Some(_) => return Err(bad(key, "must be an object")),
        None => return Err(bad(key, "is required")),
    };
    o.iter()
        .map(|(k, v)| match k.parse::<u8>() {
            Ok(i) if i < MAX_ATTRS && k.len() == 1 => Ok((i, v)),
            _ => Err(attr_error("attribute numbers are \"0\" to \"9\"")),
        })
        .collect()
}

fn numbered_map<V: Clone + Into<Value>>(m: &BTreeMap<u8, V>) -> Value {
    let o: Map<String, Value> = m
        .iter()
        .map(|(i, v)| (i.to_string(), v.clone().into()))
        .collect();
    Value::Object(o)
}

pub fn get_names(ctx: &mut Ctx<'_>, svc: Svc) -> Outcome {
    let t = ctx.state.push.targets(svc);
    let mut out = json!({ "AttrNames": numbered_map(&t.names) });
    if svc == Svc::TimPush {
        out["AttrTypes"] = numbered_map(&t.types);
    }
    Ok(out)
}

/// `UserAttrs: [{To_Account, Attrs: {name: value}}]`: values of the app's named attributes.
pub fn set_attrs(ctx: &mut Ctx<'_>, svc: Svc) -> Outcome {
    let t = ctx.state.push.targets(svc);
    let mut changes = Vec::new();
    for (id, item) in user_items(ctx, "UserAttrs", svc)? {
        let Some(Value::Object(attrs)) = item.get("Attrs") else {
            return Err(bad("Attrs", "must be an object of attribute name -> value"));
        };
        for (name, value) in attrs {
            let i = t
                .index_of(name)
                .ok_or_else(|| attr_error("Attrs names an attribute the app has not named"))?;
            match value.as_str() {
                Some(v) if v.len() <= MAX_LABEL => changes.push((id, (i, v))),
                _ => {
                    return Err(attr_error(
                        "attribute values are strings of at most 50 bytes",
                    ))
                }
            }
        }
    }
    let (changes, unknown) = split_known(ctx, svc, changes);
    let t = ctx.state.push.targets_mut(svc);
    for (id, (i, v)) in changes {
        t.attrs
            .entry(id.to_owned())
            .or_default()
            .insert(i, v.to_owned());
    }
    Ok(with_errors(json!({}), &unknown))
}

/// `UserAttrs: [{To_Account, Attrs: [names]}]`.
pub fn remove_attrs(ctx: &mut Ctx<'_>, svc: Svc) -> Outcome {
    let t = ctx.state.push.targets(svc);
    let mut removals = Vec::new();
    for (id, item) in user_items(ctx, "UserAttrs", svc)? {
        let Some(Value::Array(names)) = item.get("Attrs") else {
            return Err(bad("Attrs", "must be an array of attribute names"));
        };
        for name in names {
            let i = name
                .as_str()
                .and_then(|n| t.index_of(n))
                .ok_or_else(|| attr_error("Attrs names an attribute the app has not named"))?;
            removals.push((id, i));
        }
    }
    let (removals, unknown) = split_known(ctx, svc, removals);
    let t = ctx.state.push.targets_mut(svc);
    for (id, i) in removals {
        if let Some(a) = t.attrs.get_mut(id) {
            a.remove(&i);
            if a.is_empty() {
                t.attrs.remove(id);
            }
        }
    }
    Ok(with_errors(json!({}), &unknown))
}

/// `UserAttrs` in request order; an account without attributes gets `Attrs: {}` (the doc's
/// example answers so for an unknown one in all-member push; the Push service lists unknown
/// accounts in `ErrorList`).
pub fn get_attrs(ctx: &mut Ctx<'_>, svc: Svc) -> Outcome {
    let ids = account_list(ctx, "To_Account", 100, svc)?;
    let (ids, unknown) = split_known(ctx, svc, ids.into_iter().map(|id| (id, ())).collect());
    let t = ctx.state.push.targets(svc);
    let list: Vec<Value> = ids
        .iter()
        .map(|(id, ())| {
            let attrs: Map<String, Value> = t
                .attrs
                .get(*id)
                .into_iter()
                .flatten()
                .filter_map(|(i, v)| Some((t.names.get(i)?.clone(), v.as_str().into())))
                .collect();
            json!({ "To_Account": id, "Attrs": attrs })
        })
        .collect();
    Ok(with_errors(json!({ "UserAttrs": list }), &unknown))
}

/// `UserTags: [{To_Account, Tags}]` with 1-10 tags each; a user holds at most 100 tags, and a
/// Push-service app at most 1000 distinct ones. Push service: `Replace: 1` makes the given tags
/// the user's only ones (the doc's second example).
pub fn add_tags(ctx: &mut Ctx<'_>, svc: Svc) -> Outcome {
    let replace = match ctx.opt_int("Replace", BAD)? {
        None | Some(0) => false,
        Some(1) if svc == Svc::TimPush => true,
        Some(_) => return Err(bad("Replace", "must be 0 or 1 (Push service)")),
    };
    let (items, unknown) = split_known(ctx, svc, tag_items(ctx, svc)?);
    let t = ctx.state.push.targets(svc);
    // The new tag lists of the users named, checked before any is stored.
    let mut updated: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for (id, add) in items {
        let held = updated.entry(id).or_insert_with(|| match replace {
            true => Vec::new(),
            false => t.tags.get(id).cloned().unwrap_or_default(),
        });
        for tag in add {
            if !held.iter().any(|h| h == tag) {
                held.push(tag.to_owned());
            }
        }
        if held.len() > MAX_USER_TAGS {
            return Err(ApiError::new(
                TOO_MANY_TAGS,
                "a user holds at most 100 tags: remove some first",
            ));
        }
    }
    if svc == Svc::TimPush {
        let others = t
            .tags
            .iter()
            .filter(|(u, _)| !updated.contains_key(u.as_str()));
        let mut distinct: std::collections::BTreeSet<&str> = others
            .flat_map(|(_, ts)| ts.iter().map(String::as_str))
            .collect();
        distinct.extend(updated.values().flatten().map(String::as_str));
        if distinct.len() > MAX_APP_TAGS {
            return Err(ApiError::new(
                TOO_MANY_TAGS,
                "an app holds at most 1000 distinct tags",
            ));
        }
    }
    let t = ctx.state.push.targets_mut(svc);
    for (id, tags) in updated {
        match tags.is_empty() {
            true => t.tags.remove(id),
            false => t.tags.insert(id.to_owned(), tags),
        };
    }
    Ok(with_errors(json!({}), &unknown))
}

/// `UserTags: [{To_Account, Tags}]`: those tags go; tags a user does not hold are ignored.
pub fn remove_tags(ctx: &mut Ctx<'_>, svc: Svc) -> Outcome {
    let (items, unknown) = split_known(ctx, svc, tag_items(ctx, svc)?);
    let t = ctx.state.push.targets_mut(svc);
    for (id, gone) in items {
        if let Some(held) = t.tags.get_mut(id) {
            held.retain(|h| !gone.contains(&h.as_str()));
            if held.is_empty() {
                t.tags.remove(id);
            }
        }
    }
    Ok(with_errors(json!({}), &unknown))
}

fn tag_items<'a>(ctx: &Ctx<'a>, svc: Svc) -> Result<Vec<(&'a str, Vec<&'a str>)>, ApiError> {
    user_items(ctx, "UserTags", svc)?
        .into_iter()
        .map(|(id, item)| {
            let tags = item.get("Tags").ok_or_else(|| bad("Tags", "is required"))?;
            Ok((id, tag_list(tags, "Tags")?))
        })
        .collect()
}

/// `UserTags` in request order; an account without tags gets `Tags: []` (the Push service lists
/// unknown accounts in `ErrorList`).
pub fn get_tags(ctx: &mut Ctx<'_>, svc: Svc) -> Outcome {
    let ids = account_list(ctx, "To_Account", 100, svc)?;
    let (ids, unknown) = split_known(ctx, svc, ids.into_iter().map(|id| (id, ())).collect());
    let t = ctx.state.push.targets(svc);
    let list: Vec<Value> = ids
        .iter()
        .map(|(id, ())| json!({ "To_Account": id, "Tags": t.tags.get(*id).cloned().unwrap_or_default() }))
        .collect();
    Ok(with_errors(json!({ "UserTags": list }), &unknown))
}

/// `To_Account: [ids]`: every tag of those users goes.
pub fn clear_tags(ctx: &mut Ctx<'_>, svc: Svc) -> Outcome {
    let ids = account_list(ctx, "To_Account", 100, svc)?;
    let (ids, unknown) = split_known(ctx, svc, ids.into_iter().map(|id| (id, ())).collect());
    let t = ctx.state.push.targets_mut(svc);
    for (id, ()) in ids {
        t.tags.remove(id);
    }
    Ok(with_errors(json!({}), &unknown))
}
