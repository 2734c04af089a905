//! `Emulator::inspect`: what the emulator did that Tencent's REST API gives no way to read back
//! (pushes reach devices, not state), as one JSON object with a member per kind of side effect.
//! Adding a kind is one row.

use super::State;
use serde_json::Value;

/// A member of the answer and what fills it.
type Section = (&'static str, fn(&State) -> Value);

const SECTIONS: &[Section] = &[("pushes", |s| s.push.inspect())];

pub fn inspect(state: &State) -> Value {
    let members = SECTIONS.iter().map(|(k, f)| ((*k).to_owned(), f(state)));
    Value::Object(members.collect())
}
