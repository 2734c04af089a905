//! `openim/c2c_msg_read_receipt`: read receipts for one-to-one messages (doc 1047/77776).
//!
//! The reader (`Operator_Account`) sends receipts for messages the peer (`Peer_Account`) sent
//! them; each `C2CMsgInfo` item names one message by `From_Account` (must be the peer),
//! `To_Account` (must be the reader) and `MsgKey`. Everything is checked before anything is
//! answered; the emulator keeps no receipt state (no client SDK is there to be told).

use super::ctx::field_msg;
use super::routes::Route;
use super::{ApiError, Ctx, Outcome};
use serde_json::{json, Value};

/// The message family's code for a malformed body (as in `c2c.rs`).
const BAD: i64 = 90001;
/// An account that was never imported.
const NO_ACCOUNT: i64 = 20003;
/// No such message (or it was recalled).
const NO_MESSAGE: i64 = 20026;
/// Messages per call: the page states no bound; this one is the emulator's.
const MAX_ITEMS: usize = 100;

pub const ROUTES: &[Route] = &[Route::new("openim", "c2c_msg_read_receipt", read_receipt)];

fn account<'a>(ctx: &Ctx<'a>, key: &str) -> Result<&'a str, ApiError> {
    ctx.imported(key, BAD, NO_ACCOUNT)
}

fn read_receipt(ctx: &mut Ctx<'_>) -> Outcome {
    let reader = account(ctx, "Operator_Account")?;
    let peer = account(ctx, "Peer_Account")?;
    if reader == peer {
        return Err(ApiError::new(
            BAD,
            "Operator_Account and Peer_Account must differ",
        ));
    }
    let items = ctx.array("C2CMsgInfo", BAD)?;
    if items.is_empty() || items.len() > MAX_ITEMS {
        return Err(ApiError::new(BAD, "C2CMsgInfo must hold 1-100 messages"));
    }
    let conversation = ctx.state.c2c.conversation(reader, peer);
    for item in items {
        let field = |k: &str| item.get(k).and_then(Value::as_str);
        let (Some(from), Some(to), Some(key)) =
            (field("From_Account"), field("To_Account"), field("MsgKey"))
        else {
            return Err(ApiError::new(
                BAD,
                "each C2CMsgInfo item needs From_Account, To_Account and MsgKey strings",
            ));
        };
        if from != peer || to != reader {
            return Err(ApiError::new(
                BAD,
                "C2CMsgInfo: From_Account must be Peer_Account and To_Account Operator_Account",
            ));
        }
        let found = conversation
            .iter()
            .any(|m| m.key == key && m.from == from && m.to == to && !m.withdrawn);
        if !found {
            return Err(ApiError::new(
                NO_MESSAGE,
                field_msg(key, "is not a message Peer_Account sent Operator_Account"),
            ));
        }
    }
    Ok(json!({}))
}
