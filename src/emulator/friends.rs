//! Relationship chain: friends, friend groups (lists), blocklist.

use super::routes::Route;
use super::snapshot::Persist;
use crate::json::{Object, Value};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Friends {}

pub const ROUTES: &[Route] = &[];

impl Persist for Friends {
    fn save(&self) -> Value {
        Value::Object(Object::new())
    }

    fn load(_v: &Value) -> Result<Self, String> {
        Ok(Friends {})
    }
}
