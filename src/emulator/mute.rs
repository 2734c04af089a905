//! Global mute (openconfigsvr setnospeaking / getnospeaking).

use super::routes::Route;
use super::snapshot::Persist;
use crate::json::{Object, Value};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Mute {}

pub const ROUTES: &[Route] = &[];

impl Persist for Mute {
    fn save(&self) -> Value {
        Value::Object(Object::new())
    }

    fn load(_v: &Value) -> Result<Self, String> {
        Ok(Mute {})
    }
}
