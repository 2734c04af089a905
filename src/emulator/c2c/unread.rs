//! Read state: admin_set_msg_read and get_c2c_unread_msg_num.

use super::{opt_time, BAD};
use crate::emulator::{Ctx, Outcome};
use serde_json::{json, Value};

/// Peer_Account's documented maximum (doc 1047/41046).
const MAX_PEERS: usize = 10;

/// Marks what `Peer_Account` sent to `Report_Account` up to `MsgReadTime` (default: now) read.
pub(super) fn set_read(ctx: &mut Ctx<'_>) -> Outcome {
    let reader = ctx.imported("Report_Account", BAD, 90048)?;
    let peer = ctx.imported("Peer_Account", BAD, 90048)?;
    let upto = opt_time(ctx, "MsgReadTime", BAD)?.unwrap_or(ctx.now_s);
    if let Some(list) = ctx.state.c2c.conversation_mut(reader, peer) {
        for m in list
            .iter_mut()
            .filter(|m| m.to == reader && m.from == peer && m.time <= upto)
        {
            m.unread = false;
        }
    }
    Ok(json!({}))
}

/// Without `Peer_Account`: `AllC2CUnreadMsgNum`. With it: `C2CUnreadMsgNumList` for those peers
/// (the two documented answer shapes), and `ErrorList` for peers that are not accounts.
pub(super) fn unread_num(ctx: &mut Ctx<'_>) -> Outcome {
    let owner = ctx.imported("To_Account", BAD, 90048)?;
    if ctx.body.get("Peer_Account").is_none_or(Value::is_null) {
        let all = ctx.state.c2c.unread_total(owner);
        return Ok(json!({ "AllC2CUnreadMsgNum": all }));
    }
    let peers = ctx.user_ids("Peer_Account", MAX_PEERS, BAD)?;
    let mut counts = Vec::new();
    let mut errors = Vec::new();
    for peer in peers {
        if ctx.exists(peer) {
            let n = ctx.state.c2c.unread(owner, peer);
            counts.push(json!({ "Peer_Account": peer, "C2CUnreadMsgNum": n }));
        } else {
            errors.push(json!({ "Peer_Account": peer, "ErrorCode": 70107 }));
        }
    }
    let mut out = json!({ "C2CUnreadMsgNumList": counts });
    if !errors.is_empty() {
        out["ErrorList"] = errors.into();
    }
    Ok(out)
}
