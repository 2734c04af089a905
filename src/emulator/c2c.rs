//! One-to-one messages: send (with Tencent's dedup keys), batch send, import, roaming history, withdraw, read state and unread counts.

use super::routes::Route;
use super::snapshot::Persist;
use crate::json::{Object, Value};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct C2c {}

pub const ROUTES: &[Route] = &[];

impl Persist for C2c {
    fn save(&self) -> Value {
        Value::Object(Object::new())
    }

    fn load(_v: &Value) -> Result<Self, String> {
        Ok(C2c {})
    }
}
