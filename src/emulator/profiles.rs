//! Profiles: the `Tag_Profile_*` values of each account (portrait_set / portrait_get).

use super::routes::Route;
use super::snapshot::Persist;
use crate::json::{Object, Value};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Profiles {
    /// UserID -> tag -> value.
    by_id: BTreeMap<String, Object>,
}

impl Profiles {
    pub fn set(&mut self, id: &str, tag: &str, value: Value) {
        self.by_id
            .entry(id.to_owned())
            .or_default()
            .insert(tag, value);
    }

    pub fn get(&self, id: &str, tag: &str) -> Option<&Value> {
        self.by_id.get(id).and_then(|o| o.get(tag))
    }

    pub fn remove(&mut self, id: &str) {
        self.by_id.remove(id);
    }
}

pub const ROUTES: &[Route] = &[];

impl Persist for Profiles {
    fn save(&self) -> Value {
        let mut o = Object::new();
        for (id, tags) in &self.by_id {
            o.insert(id, Value::Object(tags.clone()));
        }
        Value::Object(o)
    }

    fn load(v: &Value) -> Result<Self, String> {
        let o = v.as_object().ok_or("must be an object of UserID -> tags")?;
        let mut by_id = BTreeMap::new();
        for (id, tags) in o.iter() {
            let tags = tags
                .as_object()
                .ok_or("each account's tags must be an object")?;
            by_id.insert(id.to_owned(), tags.clone());
        }
        Ok(Profiles { by_id })
    }
}
