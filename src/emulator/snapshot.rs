//! `snapshot()` / `restore()`: the whole state as one JSON document, each domain writing and
//! reading its own member. The format carries a version so an old snapshot is refused clearly.

use super::State;
use crate::json::{self, Object, Value};
use crate::usersig::InputError;

const VERSION: i64 = 1;

/// A domain's state, as JSON and back.
pub trait Persist: Sized + Default {
    fn save(&self) -> Value;
    fn load(v: &Value) -> Result<Self, String>;
}

pub fn write(s: &State) -> Value {
    let mut o = Object::new();
    o.insert("version", Value::from(VERSION));
    o.insert("accounts", s.accounts.save());
    o.insert("profiles", s.profiles.save());
    o.insert("friends", s.friends.save());
    o.insert("c2c", s.c2c.save());
    o.insert("groups", s.groups.save());
    o.insert("mute", s.mute.save());
    Value::Object(o)
}

pub fn read(text: &str) -> Result<State, InputError> {
    let v = json::parse(text).map_err(|_| bad("is not JSON"))?;
    let o = v.as_object().ok_or_else(|| bad("is not a JSON object"))?;
    if o.get("version").and_then(Value::as_i64) != Some(VERSION) {
        return Err(bad("has an unknown version (expected 1)"));
    }
    fn part<T: Persist>(o: &Object, key: &str) -> Result<T, InputError> {
        match o.get(key) {
            None => Ok(T::default()),
            Some(v) => T::load(v).map_err(|e| {
                let mut m = String::from("snapshot member ");
                m.push_str(key);
                m.push_str(": ");
                m.push_str(&e);
                InputError(m)
            }),
        }
    }
    Ok(State {
        accounts: part(o, "accounts")?,
        profiles: part(o, "profiles")?,
        friends: part(o, "friends")?,
        c2c: part(o, "c2c")?,
        groups: part(o, "groups")?,
        mute: part(o, "mute")?,
    })
}

fn bad(what: &str) -> InputError {
    let mut m = String::from("snapshot ");
    m.push_str(what);
    InputError(m)
}
