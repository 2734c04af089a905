//! Chatbots (`openim_robot_http_svc`): a chatbot is an account whose UserID starts with `@RBT#`
//! (docs 1047/55280-55282). Creating one imports the account and sets its profile; deleting one
//! only makes it stop being a chatbot ("the UserID of the bot account will not be deleted").
//! Codes: 10004 invalid parameter, 10008 more than 20 chatbots.

use super::ctx::field_msg;
use super::routes::{Handler, Route};
use super::snapshot::Persist;
use super::{ApiError, Ctx, Outcome};
use serde::{Deserialize, Serialize};
use serde_json::json;

const BAD: i64 = 10004;
const LIMIT: i64 = 10008;
const PREFIX: &str = "@RBT#";
const MAX_ROBOTS: usize = 20;
/// Profile text fields (as `profile/portrait_set` bounds them).
const MAX_TEXT_BYTES: usize = 500;

/// In a snapshot: the chatbots' UserIDs, in creation order.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Robots {
    ids: Vec<String>,
}

impl Robots {
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }
}

impl Persist for Robots {
    fn check(&self) -> Result<(), String> {
        let unique = self
            .ids
            .iter()
            .enumerate()
            .all(|(i, a)| !self.ids[..i].contains(a));
        if self.ids.len() <= MAX_ROBOTS && unique && self.ids.iter().all(|id| is_robot_id(id)) {
            Ok(())
        } else {
            Err("at most 20 distinct @RBT# UserIDs".into())
        }
    }
}

fn is_robot_id(id: &str) -> bool {
    id.len() > PREFIX.len()
        && id.len() <= crate::usersig::MAX_USER_ID_BYTES
        && id.starts_with(PREFIX)
}

pub const ROUTES: &[Route] = &[
    route("create_robot", create),
    route("delete_robot", delete),
    route("get_all_robots", list),
];

const fn route(command: &'static str, handler: Handler) -> Route {
    Route::new("openim_robot_http_svc", command, handler)
}

fn robot_id<'a>(ctx: &Ctx<'a>, key: &str) -> Result<&'a str, ApiError> {
    let id = ctx.str(key, BAD)?;
    if !is_robot_id(id) {
        return Err(ApiError::new(
            BAD,
            field_msg(key, "must start with @RBT# and be at most 32 bytes"),
        ));
    }
    Ok(id)
}

/// Creating one that exists answers 0 and sets the profile fields given ("repeatedly calling
/// this API with the same chatbot userid will create only one chatbot account").
fn create(ctx: &mut Ctx<'_>) -> Outcome {
    let id = robot_id(ctx, "UserID")?;
    let tags = [
        ("Nick", "Tag_Profile_IM_Nick"),
        ("FaceUrl", "Tag_Profile_IM_Image"),
        ("SelfSignature", "Tag_Profile_IM_SelfSignature"),
    ];
    let mut profile = Vec::new();
    for (key, tag) in tags {
        if let Some(v) = ctx.opt_str(key, BAD)? {
            if v.len() > MAX_TEXT_BYTES {
                return Err(ApiError::new(BAD, field_msg(key, "is over 500 bytes")));
            }
            profile.push((tag, v));
        }
    }
    let robots = &mut ctx.state.robots.ids;
    if !robots.iter().any(|r| r == id) {
        if robots.len() >= MAX_ROBOTS {
            return Err(ApiError::new(LIMIT, "an app has at most 20 chatbots"));
        }
        robots.push(id.to_owned());
    }
    ctx.state.accounts.import(id, ctx.now_s);
    for (tag, v) in profile {
        ctx.state.profiles.set(id, tag, v.into());
    }
    Ok(json!({}))
}

/// One that is not a chatbot (any more) answers 0 too: the catalog treats the call as idempotent.
fn delete(ctx: &mut Ctx<'_>) -> Outcome {
    let id = robot_id(ctx, "Robot_Account")?;
    ctx.state.robots.ids.retain(|r| r != id);
    Ok(json!({}))
}

fn list(ctx: &mut Ctx<'_>) -> Outcome {
    Ok(json!({ "Robot_Account": ctx.state.robots.ids }))
}
