//! Groups: create, destroy, info, members, messages and history, app group list, joined groups, owner change, member mute.

use super::routes::Route;
use super::snapshot::Persist;
use crate::json::{Object, Value};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Groups {}

pub const ROUTES: &[Route] = &[];

impl Persist for Groups {
    fn save(&self) -> Value {
        Value::Object(Object::new())
    }

    fn load(_v: &Value) -> Result<Self, String> {
        Ok(Groups {})
    }
}
