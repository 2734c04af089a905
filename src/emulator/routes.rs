//! The emulated endpoints: each domain file's route table, joined. A current endpoint of the
//! catalog without a route answers "not emulated"; anything else is an unknown command.

use super::{
    accounts, audit, c2c, follow, friends, groups, msg_ext, mute, official, operation, profiles,
    push, receipts, recent, robots, ApiError, Ctx, Outcome,
};

pub type Handler = fn(&mut Ctx<'_>) -> Outcome;

pub struct Route {
    pub service: &'static str,
    pub command: &'static str,
    pub handler: Handler,
}

impl Route {
    /// `handler` answers `v4/<service>/<command>`.
    pub const fn new(service: &'static str, command: &'static str, handler: Handler) -> Route {
        Route {
            service,
            command,
            handler,
        }
    }
}

/// Every domain's table. Adding a domain is one line here and one `ROUTES` in its file.
const TABLES: &[&[Route]] = &[
    accounts::ROUTES,
    profiles::ROUTES,
    friends::ROUTES,
    c2c::ROUTES,
    groups::ROUTES,
    groups::MORE_ROUTES,
    mute::ROUTES,
    push::ROUTES,
    official::ROUTES,
    receipts::ROUTES,
    msg_ext::ROUTES,
    follow::ROUTES,
    recent::ROUTES,
    robots::ROUTES,
    audit::ROUTES,
    operation::ROUTES,
];

pub fn all() -> impl Iterator<Item = &'static Route> {
    TABLES.iter().flat_map(|t| t.iter())
}

pub fn find(service: &str, command: &str) -> Result<&'static Route, ApiError> {
    if let Some(r) = all().find(|r| r.service == service && r.command == command) {
        return Ok(r);
    }
    let mut info = String::from("v4/");
    info.push_str(service);
    info.push('/');
    info.push_str(command);
    if crate::api::find(service, command).is_some() {
        info.push_str(" is a Tencent endpoint the tim-edge emulator does not emulate");
    } else {
        info.push_str(" is not a Tencent Chat REST command");
    }
    Err(ApiError::new(60009, info))
}
