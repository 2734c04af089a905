//! The URL of a webhook the emulator sends, signed the way Tencent signs callbacks:
//! `?SdkAppid=&CallbackCommand=&contenttype=json&ClientIP=&OptPlatform=RESTAPI&RequestTime=&Sign=`
//! with `Sign = hex(SHA-256(token + RequestTime))` (spec/usersig-webhooks-errors.md).

use crate::json::push_int;
use crate::request::push_query_value;
use crate::webhook::sign;

/// `base` is the app's callback URL (it may carry its own query); `token` the callback token,
/// when the app configured one (without a token Tencent sends no `RequestTime`/`Sign`).
pub fn callback_url(
    base: &str,
    sdk_app_id: u32,
    command: &str,
    now_s: u64,
    token: Option<&str>,
) -> String {
    let mut u = String::with_capacity(base.len() + command.len() + 160);
    u.push_str(base);
    u.push(if base.contains('?') { '&' } else { '?' });
    u.push_str("SdkAppid=");
    push_int(&mut u, sdk_app_id as i64);
    u.push_str("&CallbackCommand=");
    push_query_value(&mut u, command);
    u.push_str("&contenttype=json&ClientIP=127.0.0.1&OptPlatform=RESTAPI");
    if let Some(token) = token {
        let mut t = String::new();
        push_int(&mut t, now_s as i64);
        u.push_str("&RequestTime=");
        u.push_str(&t);
        u.push_str("&Sign=");
        u.push_str(&sign(token, &t));
    }
    u
}
