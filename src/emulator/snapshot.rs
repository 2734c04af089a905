//! `snapshot()` / `restore()`: the whole state as one JSON document, one member per domain, each
//! domain's state written and read by serde derive. The format carries a version so an old
//! snapshot is refused clearly.

use super::State;
use crate::usersig::InputError;
use serde::{de::DeserializeOwned, Serialize};
use serde_json::{Map, Value};

const VERSION: i64 = 1;

/// A domain's state in a snapshot: serde reads the shape, `check` what the types cannot say
/// (ranges, order, uniqueness), so that a hand-edited snapshot cannot break an invariant.
pub trait Persist: Serialize + DeserializeOwned + Default {
    fn check(&self) -> Result<(), String> {
        Ok(())
    }
}

#[derive(Serialize)]
struct Written<'a> {
    version: i64,
    #[serde(flatten)]
    state: &'a State,
}

pub fn write(state: &State) -> Result<String, InputError> {
    let w = Written {
        version: VERSION,
        state,
    };
    serde_json::to_string(&w).map_err(|e| bad(&format!("could not be written: {e}")))
}

pub fn read(text: &str) -> Result<State, InputError> {
    let v: Value = serde_json::from_str(text).map_err(|_| bad("is not JSON"))?;
    let o = v.as_object().ok_or_else(|| bad("is not a JSON object"))?;
    if o.get("version").and_then(Value::as_i64) != Some(VERSION) {
        return Err(bad("has an unknown version (expected 1)"));
    }
    fn part<T: Persist>(o: &Map<String, Value>, key: &str) -> Result<T, InputError> {
        let Some(v) = o.get(key) else {
            return Ok(T::default());
        };
        let t = T::deserialize(v).map_err(|e| e.to_string());
        t.and_then(|t| t.check().map(|()| t))
            .map_err(|e| bad(&format!("member {key}: {e}")))
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
    InputError(format!("snapshot {what}"))
}
