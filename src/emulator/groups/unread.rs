//! set_unread_msg_num: a member's unread count, as get_joined_group_list's SelfInfo shows it.

use super::super::{ApiError, Ctx, Outcome};
use super::extra::count;
use super::*;
use serde_json::json;

/// Capped at the group's stored messages (doc). ChatRoom and AVChatRoom groups keep no unread
/// counts: the call succeeds and changes nothing (doc: "no error will be returned").
pub fn set(ctx: &mut Ctx<'_>) -> Outcome {
    let id = ctx.str("GroupId", BAD)?;
    let user = ctx.user_id("Member_Account", BAD)?;
    let n = count(ctx, "UnreadMsgNum", u64::from(u32::MAX))?;
    let g = ctx.state.groups.get_mut(id)?;
    if matches!(g.kind, Kind::ChatRoom | Kind::AVChatRoom) {
        return Ok(json!({}));
    }
    let stored = g.msgs.len() as u64;
    let m = g
        .member_mut(user)
        .ok_or_else(|| ApiError::new(DENIED, "Member_Account is not a member of the group"))?;
    m.unread = n.min(stored);
    Ok(json!({}))
}
