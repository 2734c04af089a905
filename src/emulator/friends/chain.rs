//! The relationship state and its snapshot form.

use crate::emulator::snapshot::Persist;
use crate::json::{Object, Value};
use std::collections::BTreeMap;

/// Every account's relationship chain, by UserID. Accounts without any relation have no entry.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Friends {
    chains: BTreeMap<String, Chain>,
}

/// One account's side of its relationships.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Chain {
    /// Friend UserID -> what this account stores about that friend.
    pub friends: BTreeMap<String, Entry>,
    /// Blocked UserID -> when it was blocked (Unix seconds).
    pub blocked: BTreeMap<String, u64>,
    /// Friend-list names, in creation order.
    pub lists: Vec<String>,
    /// Bumped on every change of standard friend data (`StandardSequence`).
    pub standard_seq: u64,
    /// Bumped on every change of `Tag_SNS_Custom_*` data (`CustomSequence`).
    pub custom_seq: u64,
    /// Bumped on every change of the friend lists (`CurrentSequence` of group_*).
    pub list_seq: u64,
    /// Bumped on every blocklist change (`CurrentSequence` of black_list_get).
    pub block_seq: u64,
}

/// A one-way friend entry: the standard `Tag_SNS_IM_*` fields and the custom ones.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Entry {
    pub add_source: String,
    pub add_wording: String,
    pub add_time: u64,
    pub remark: String,
    pub remark_time: u64,
    pub lists: Vec<String>,
    /// `Tag_SNS_Custom_*` -> value.
    pub custom: Object,
}

impl Friends {
    pub fn chain(&self, id: &str) -> Option<&Chain> {
        self.chains.get(id)
    }

    pub fn chain_mut(&mut self, id: &str) -> &mut Chain {
        self.chains.entry(id.to_owned()).or_default()
    }

    /// Whether `b` is in `a`'s friend list (one-way).
    pub fn has_friend(&self, a: &str, b: &str) -> bool {
        self.chain(a).is_some_and(|c| c.friends.contains_key(b))
    }

    /// Whether `b` is in `a`'s blocklist. C2C messaging can use this: Tencent refuses a message
    /// to someone who blocked the sender.
    pub fn has_blocked(&self, a: &str, b: &str) -> bool {
        self.chain(a).is_some_and(|c| c.blocked.contains_key(b))
    }

    pub fn friend_count(&self, id: &str) -> usize {
        self.chain(id).map_or(0, |c| c.friends.len())
    }

    /// Removes `b` from `a`'s friends; whether it was there.
    pub fn unfriend(&mut self, a: &str, b: &str) -> bool {
        let Some(c) = self.chains.get_mut(a) else {
            return false;
        };
        let removed = c.friends.remove(b).is_some();
        c.standard_seq += removed as u64;
        removed
    }

    /// Drops everything about a deleted account: its own chain and its place in everyone
    /// else's. For account_delete.
    pub fn forget(&mut self, id: &str) {
        self.chains.remove(id);
        for c in self.chains.values_mut() {
            if c.friends.remove(id).is_some() {
                c.standard_seq += 1;
            }
            if c.blocked.remove(id).is_some() {
                c.block_seq += 1;
            }
        }
    }
}

impl Chain {
    /// Adds a list name if it is new; whether it was.
    pub fn ensure_list(&mut self, name: &str) -> bool {
        if self.lists.iter().any(|l| l == name) {
            return false;
        }
        self.lists.push(name.to_owned());
        self.list_seq += 1;
        true
    }
}

// ---- snapshot: { UserID: { friends: { id: {..} }, blocked: { id: t }, lists: [..], seq: [4] } }

fn strings(v: &[String]) -> Value {
    Value::Array(v.iter().map(|x| Value::String(x.clone())).collect())
}

fn int(n: u64) -> Value {
    Value::from(i64::try_from(n).unwrap_or(i64::MAX))
}

impl Persist for Friends {
    fn save(&self) -> Value {
        let mut out = Object::new();
        for (id, c) in &self.chains {
            let mut friends = Object::new();
            for (f, e) in &c.friends {
                let mut o = Object::new();
                o.insert("AddSource", Value::String(e.add_source.clone()));
                o.insert("AddWording", Value::String(e.add_wording.clone()));
                o.insert("AddTime", int(e.add_time));
                o.insert("Remark", Value::String(e.remark.clone()));
                o.insert("RemarkTime", int(e.remark_time));
                o.insert("Group", strings(&e.lists));
                o.insert("Custom", Value::Object(e.custom.clone()));
                friends.insert(f, Value::Object(o));
            }
            let mut blocked = Object::new();
            for (b, t) in &c.blocked {
                blocked.insert(b, int(*t));
            }
            let mut o = Object::new();
            o.insert("friends", Value::Object(friends));
            o.insert("blocked", Value::Object(blocked));
            o.insert("lists", strings(&c.lists));
            let seqs = [c.standard_seq, c.custom_seq, c.list_seq, c.block_seq];
            o.insert("seq", Value::Array(seqs.iter().map(|n| int(*n)).collect()));
            out.insert(id, Value::Object(o));
        }
        Value::Object(out)
    }

    fn load(v: &Value) -> Result<Self, String> {
        let o = v
            .as_object()
            .ok_or("must be an object of UserID -> chain")?;
        let mut chains = BTreeMap::new();
        for (id, c) in o.iter() {
            chains.insert(id.to_owned(), load_chain(c)?);
        }
        Ok(Friends { chains })
    }
}

fn load_strings(v: Option<&Value>, what: &str) -> Result<Vec<String>, String> {
    let Some(v) = v else { return Ok(Vec::new()) };
    v.as_array()
        .ok_or_else(|| format!("{what} must be an array"))?
        .iter()
        .map(|x| {
            x.as_str()
                .map(str::to_owned)
                .ok_or_else(|| format!("{what} items must be strings"))
        })
        .collect()
}

fn load_u64(v: Option<&Value>, what: &str) -> Result<u64, String> {
    v.map_or(Ok(0), |v| {
        v.as_u64()
            .ok_or_else(|| format!("{what} must be a whole number"))
    })
}

fn load_str(o: &Object, key: &str) -> Result<String, String> {
    match o.get(key) {
        None => Ok(String::new()),
        Some(v) => v
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| format!("friend {key} must be a string")),
    }
}

fn load_chain(v: &Value) -> Result<Chain, String> {
    let o = v.as_object().ok_or("each chain must be an object")?;
    let mut c = Chain::default();
    if let Some(f) = o.get("friends") {
        let f = f.as_object().ok_or("friends must be an object")?;
        for (id, e) in f.iter() {
            let e = e.as_object().ok_or("each friend must be an object")?;
            let custom = match e.get("Custom") {
                None => Object::new(),
                Some(v) => v
                    .as_object()
                    .ok_or("friend Custom must be an object")?
                    .clone(),
            };
            c.friends.insert(
                id.to_owned(),
                Entry {
                    add_source: load_str(e, "AddSource")?,
                    add_wording: load_str(e, "AddWording")?,
                    add_time: load_u64(e.get("AddTime"), "AddTime")?,
                    remark: load_str(e, "Remark")?,
                    remark_time: load_u64(e.get("RemarkTime"), "RemarkTime")?,
                    lists: load_strings(e.get("Group"), "Group")?,
                    custom,
                },
            );
        }
    }
    if let Some(b) = o.get("blocked") {
        let b = b.as_object().ok_or("blocked must be an object")?;
        for (id, t) in b.iter() {
            c.blocked
                .insert(id.to_owned(), load_u64(Some(t), "block time")?);
        }
    }
    c.lists = load_strings(o.get("lists"), "lists")?;
    let seq = match o.get("seq") {
        None => Vec::new(),
        Some(v) => v
            .as_array()
            .ok_or("seq must be an array")?
            .iter()
            .map(|n| load_u64(Some(n), "seq"))
            .collect::<Result<Vec<_>, _>>()?,
    };
    let at = |i: usize| seq.get(i).copied().unwrap_or(0);
    c.standard_seq = at(0);
    c.custom_seq = at(1);
    c.list_seq = at(2);
    c.block_seq = at(3);
    Ok(c)
}
