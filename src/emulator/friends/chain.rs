//! The relationship state; serde derive gives its snapshot form:
//! `{UserID: {friends: {id: {AddSource, ...}}, blocked: {id: time}, lists: [..], seq: [4]}}`.

use crate::emulator::snapshot::Persist;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// Every account's relationship chain, by UserID. Accounts without any relation have no entry.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Friends {
    chains: BTreeMap<String, Chain>,
}

/// One account's side of its relationships.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Chain {
    /// Friend UserID -> what this account stores about that friend.
    pub friends: BTreeMap<String, Entry>,
    /// Blocked UserID -> when it was blocked (Unix seconds).
    pub blocked: BTreeMap<String, u64>,
    /// Friend-list names, in creation order.
    pub lists: Vec<String>,
    pub seq: Seqs,
}

/// The sequences Tencent returns so that clients can skip unchanged data; `[standard, custom,
/// list, block]` in a snapshot.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[serde(from = "[u64; 4]", into = "[u64; 4]")]
pub struct Seqs {
    /// Bumped on every change of standard friend data (`StandardSequence`).
    pub standard: u64,
    /// Bumped on every change of `Tag_SNS_Custom_*` data (`CustomSequence`).
    pub custom: u64,
    /// Bumped on every change of the friend lists (`CurrentSequence` of group_*).
    pub list: u64,
    /// Bumped on every blocklist change (`CurrentSequence` of black_list_get).
    pub block: u64,
}

impl From<[u64; 4]> for Seqs {
    fn from([standard, custom, list, block]: [u64; 4]) -> Seqs {
        Seqs {
            standard,
            custom,
            list,
            block,
        }
    }
}

impl From<Seqs> for [u64; 4] {
    fn from(s: Seqs) -> [u64; 4] {
        [s.standard, s.custom, s.list, s.block]
    }
}

/// A one-way friend entry: the standard `Tag_SNS_IM_*` fields and the custom ones.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct Entry {
    pub add_source: String,
    pub add_wording: String,
    pub add_time: u64,
    pub remark: String,
    pub remark_time: u64,
    #[serde(rename = "Group")]
    pub lists: Vec<String>,
    /// `Tag_SNS_Custom_*` -> value.
    pub custom: Map<String, Value>,
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
        c.seq.standard += removed as u64;
        removed
    }

    /// Drops everything about a deleted account: its own chain and its place in everyone
    /// else's. For account_delete.
    pub fn forget(&mut self, id: &str) {
        self.chains.remove(id);
        for c in self.chains.values_mut() {
            if c.friends.remove(id).is_some() {
                c.seq.standard += 1;
            }
            if c.blocked.remove(id).is_some() {
                c.seq.block += 1;
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
        self.seq.list += 1;
        true
    }
}

impl Persist for Friends {}
