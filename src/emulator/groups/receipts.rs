//! Group read receipts: a message sent with `NeedReadReceipt: 1` collects the members who read
//! it. group_msg_receipt records a member's receipt (what a client's "send read receipt" does;
//! `Group.CallbackAfterReadReceipt` follows), get_group_msg_receipt counts, and
//! get_group_msg_receipt_detail lists readers or non-readers, paged by Cursor.
//!
//! Private, Public and ChatRoom groups only (10007 for the others, the docs' type tables); a
//! message without receipts, recalled or unknown is 10062 ("the read receipt doesn't exist").

use super::super::{ApiError, Ctx, Outcome};
use super::extra::count;
use super::*;
use serde_json::json;

/// MsgSeqList items per call: the docs name no bound; the emulator's.
const MAX_SEQS: usize = 100;
/// get_group_msg_receipt_detail: Count is at most 200 (doc).
const MAX_COUNT: u64 = 200;
const NO_RECEIPT: i64 = 10062;

fn receipts_allowed(g: &Group) -> Result<(), ApiError> {
    match g.kind {
        Kind::AVChatRoom | Kind::Community => Err(ApiError::new(
            DENIED,
            "read receipts are for Private, Public and ChatRoom groups",
        )),
        _ => Ok(()),
    }
}

fn seqs(ctx: &Ctx<'_>) -> Result<Vec<u64>, ApiError> {
    let items = ctx.items("MsgSeqList", MAX_SEQS, BAD)?;
    items
        .iter()
        .map(|it| {
            it.get("MsgSeq")
                .and_then(Value::as_u64)
                .ok_or_else(|| bad("MsgSeqList", "items need a MsgSeq"))
        })
        .collect()
}

/// The message with receipts at `seq`, if any.
fn receipt_msg(g: &Group, seq: u64) -> Option<&Msg> {
    g.msgs
        .iter()
        .find(|m| m.seq == seq && m.ext.need_receipt && !m.recalled)
}

/// Members who have not read `m`: the group's members but its sender and its readers, in join
/// order (the readers in a set: a group can have 100000 members).
fn unread<'a>(g: &'a Group, m: &'a Msg) -> Vec<&'a str> {
    let read: std::collections::BTreeSet<&str> = m.ext.read_by.iter().map(String::as_str).collect();
    g.members
        .iter()
        .map(|x| x.id.as_str())
        .filter(|u| *u != m.from && !read.contains(u))
        .collect()
}

fn counts_of(g: &Group, m: &Msg) -> (usize, usize) {
    (m.ext.read_by.len(), unread(g, m).len())
}

pub fn counts(ctx: &mut Ctx<'_>) -> Outcome {
    let id = ctx.str("GroupId", BAD)?;
    let seqs = seqs(ctx)?;
    let g = ctx.state.groups.get(id)?;
    receipts_allowed(g)?;
    let list: Vec<Value> = seqs
        .into_iter()
        .map(|seq| match receipt_msg(g, seq) {
            Some(m) => {
                let (read, unread) = counts_of(g, m);
                json!({ "Code": 0, "MsgSeq": seq, "ReadNum": read, "UnreadNum": unread })
            }
            None => json!({ "Code": NO_RECEIPT, "MsgSeq": seq, "ReadNum": 0, "UnreadNum": 0 }),
        })
        .collect();
    Ok(json!({ "GroupMsgReceiptList": list }))
}

/// Filter 0 lists readers (`ReadList` of `{Read_Account}`), 1 non-readers (`UnreadList` of
/// `{Unread_Account}`). Cursor "" starts; the answer's Cursor continues. The last page answers
/// Cursor "0" and `IsFinish: 1` as the doc's example does; its field table calls the flag
/// `IsFinished`, so both are sent.
pub fn detail(ctx: &mut Ctx<'_>) -> Outcome {
    let id = ctx.str("GroupId", BAD)?;
    let seq = count(ctx, "MsgSeq", u64::MAX >> 1)?;
    let readers = match ctx.int("Filter", BAD)? {
        0 => true,
        1 => false,
        _ => return Err(bad("Filter", "must be 0 (read) or 1 (unread)")),
    };
    let start = match ctx.str("Cursor", BAD)? {
        "" => 0,
        c => c
            .parse::<usize>()
            .map_err(|_| bad("Cursor", "is not a cursor this endpoint returned"))?,
    };
    let n = count(ctx, "Count", MAX_COUNT)?;
    if n == 0 {
        return Err(bad("Count", "must be 1-200"));
    }
    let g = ctx.state.groups.get(id)?;
    receipts_allowed(g)?;
    let m = receipt_msg(g, seq)
        .ok_or_else(|| ApiError::new(NO_RECEIPT, "the message has no read receipts"))?;
    let all: Vec<&str> = if readers {
        m.ext.read_by.iter().map(String::as_str).collect()
    } else {
        unread(g, m)
    };
    let page = all.iter().skip(start).take(n as usize);
    let (key, item) = if readers {
        ("ReadList", "Read_Account")
    } else {
        ("UnreadList", "Unread_Account")
    };
    let list: Vec<Value> = page.map(|u| json!({ item: u })).collect();
    let end = start.saturating_add(list.len());
    let finished = end >= all.len();
    let mut out = json!({
        "MsgSeq": seq,
        "Cursor": if finished { "0".to_owned() } else { end.to_string() },
        "IsFinish": u8::from(finished),
        "IsFinished": u8::from(finished),
    });
    out[key] = list.into();
    Ok(out)
}

/// From_Account (a member) reads the listed messages: each must carry receipts (else 10062 and
/// nothing changes). Reading one's own message, or again, changes nothing.
pub fn mark_read(ctx: &mut Ctx<'_>) -> Outcome {
    let id = ctx.str("GroupId", BAD)?;
    let reader = ctx.user_id("From_Account", BAD)?;
    let seqs = seqs(ctx)?;
    if !ctx.exists(reader) {
        return Err(ApiError::new(NO_ACCOUNT, "From_Account is not imported"));
    }
    let now = ctx.now_s;
    let g = ctx.state.groups.get_mut(id)?;
    receipts_allowed(g)?;
    if g.member(reader).is_none() {
        return Err(ApiError::new(
            DENIED,
            "From_Account is not a member of the group",
        ));
    }
    if let Some(seq) = seqs.iter().find(|s| receipt_msg(g, **s).is_none()) {
        return Err(ApiError::new(
            NO_RECEIPT,
            field_msg(&seq.to_string(), "is not a message with read receipts"),
        ));
    }
    for m in g.msgs.iter_mut().filter(|m| seqs.contains(&m.seq)) {
        if m.from != reader && !m.ext.read_by.iter().any(|r| r == reader) {
            m.ext.read_by.push(reader.to_owned());
        }
    }
    let g = ctx.state.groups.get(id)?;
    let list: Vec<Value> = seqs
        .iter()
        .filter_map(|s| receipt_msg(g, *s))
        .map(|m| {
            let (read, unread) = counts_of(g, m);
            json!({
                "MsgSeq": m.seq,
                "ReadNum": read,
                "UnreadNum": unread,
                "ReadReceiptMembers": [{ "Member_Account": reader }],
            })
        })
        .collect();
    let kind = g.kind;
    ctx.after(
        "Group.CallbackAfterReadReceipt",
        json!({
            "GroupId": id,
            "Type": kind.name(),
            "GroupMsgReceiptList": list,
            "EventTime": now * 1000,
        }),
    );
    Ok(json!({}))
}
