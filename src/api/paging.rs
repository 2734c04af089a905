//! Paged lists as data: for each paged endpoint, which response fields become the next request's
//! cursor and what says "done". `next_page` is pure: request + answer -> next request or `None`.
//!
//! Each rule follows the paging text of the endpoint's Tencent page (answer field names as in the
//! docs, also used by pkg/types). Lists whose paging the docs leave unclear (the message-extension
//! reads, which page by sequence) are left out: a wrong guess would end early and look like success.

use super::{is_path, Path};
use crate::error::TimError;
use serde_json::{Map, Value};

type Object = Map<String, Value>;

pub struct Paging {
    pub path: Path,
    /// `(request field, response field)`: copied into the next request when the answer has it.
    pub carry: &'static [(&'static str, &'static str)],
    /// Done when any of these holds.
    pub end: &'static [End],
    /// The answer's list of items ("" when it depends on the request, e.g. ReadList/UnreadList).
    pub items: &'static str,
}

pub enum End {
    /// Done when this answer field is 0, "" or absent (a cursor that ran out).
    Empty(&'static str),
    /// Done when this answer field equals the value (CompleteFlag = 1 and the like).
    Flag(&'static str, i64),
    /// Offset/Limit paging: the offset advances by the page's item count; done on a short page,
    /// when the request set no limit (the answer held everything) or when the total is reached.
    /// If the answer carries one of `carry`'s cursor fields instead (Community groups answer
    /// get_group_member_info with `Next`), that cursor drives paging and "" ends it.
    Offset {
        offset: &'static str,
        limit: &'static str,
        total: &'static str,
    },
    /// Done on a page with fewer items than the request's count field asked for.
    Short(&'static str),
    /// Group history: the next page asks for sequences below the smallest one returned.
    SeqBelow {
        request: &'static str,
        seq: &'static str,
    },
}

#[rustfmt::skip]
pub const PAGING: &[Paging] = &[
    Paging { path: ("openim", "admin_getroammsg"), carry: &[("MaxTime", "LastMsgTime"), ("LastMsgKey", "LastMsgKey")], end: &[End::Flag("Complete", 1)], items: "MsgList" },
    Paging { path: ("sns", "friend_get"), carry: &[("StartIndex", "NextStartIndex")], end: &[End::Flag("CompleteFlag", 1)], items: "UserDataItem" },
    Paging { path: ("sns", "black_list_get"), carry: &[("StartIndex", "StartIndex"), ("LastSequence", "CurruentSequence")], end: &[End::Empty("StartIndex")], items: "BlackListItem" },
    Paging { path: ("follow", "follow_get"), carry: &[("StartCursor", "NextCursor")], end: &[End::Empty("NextCursor")], items: "FollowItem" },
    Paging {
        path: ("recentcontact", "get_list"),
        carry: &[("TimeStamp", "TimeStamp"), ("StartIndex", "StartIndex"), ("TopTimeStamp", "TopTimeStamp"), ("TopStartIndex", "TopStartIndex")],
        end: &[End::Flag("CompleteFlag", 1)],
        items: "SessionItem",
    },
    Paging { path: ("recentcontact", "get_contact_group"), carry: &[("StartIndex", "NextStartIndex")], end: &[End::Flag("CompleteFlag", 1)], items: "ContactItem" },
    Paging { path: ("group_open_http_svc", "get_appid_group_list"), carry: &[("Next", "Next")], end: &[End::Empty("Next")], items: "GroupIdList" },
    Paging {
        path: ("group_open_http_svc", "get_group_member_info"),
        carry: &[("Next", "Next")],
        end: &[End::Offset { offset: "Offset", limit: "Limit", total: "MemberNum" }],
        items: "MemberList",
    },
    Paging {
        path: ("group_open_http_svc", "get_joined_group_list"),
        carry: &[],
        end: &[End::Offset { offset: "Offset", limit: "Limit", total: "TotalCount" }],
        items: "GroupIdList",
    },
    Paging { path: ("group_open_http_svc", "group_msg_get_simple"), carry: &[], end: &[End::SeqBelow { request: "ReqMsgSeq", seq: "MsgSeq" }], items: "RspMsgList" },
    // The list is ReadList or UnreadList, as the request's Filter asks.
    Paging { path: ("group_open_http_svc", "get_group_msg_receipt_detail"), carry: &[("Cursor", "Cursor")], end: &[End::Flag("IsFinished", 1), End::Empty("Cursor")], items: "" },
    Paging { path: ("group_open_http_svc", "get_group_ban_member"), carry: &[("Offset", "NextOffset")], end: &[End::Empty("NextOffset")], items: "BannedAccountList" },
    Paging { path: ("group_open_avchatroom_http_svc", "get_members"), carry: &[("Timestamp", "NextTimestamp")], end: &[End::Empty("NextTimestamp")], items: "MemberList" },
    Paging { path: ("group_open_http_svc", "get_permission_group"), carry: &[("Next", "Next")], end: &[End::Empty("Next")], items: "PermissionGroupList" },
    Paging { path: ("group_open_http_svc", "get_permission_group_member_list"), carry: &[("Next", "Next")], end: &[End::Empty("Next")], items: "MemberList" },
    Paging { path: ("official_account_open_http_svc", "get_subscriber_info"), carry: &[("Next", "Next")], end: &[End::Empty("Next")], items: "SubscriberList" },
    Paging {
        path: ("official_account_open_http_svc", "get_subscribed_official_account_list"),
        carry: &[("Offset", "Next")],
        end: &[End::Flag("CompleteFlag", 1)],
        items: "OfficialAccountInfoList",
    },
    Paging {
        path: ("official_account_open_http_svc", "official_account_msg_get_simple"),
        carry: &[("LastMsgKey", "LastMsgKey")],
        end: &[End::Short("ReqMsgNumber")],
        items: "RspMsgList",
    },
    // Keyword libraries: Offset/Limit (both required); TotalCount counts the whole library, not
    // the filtered result, so only a short or empty page ends these.
    Paging {
        path: ("im_msg_audit_mgr", "get_local_audit_keywords"),
        carry: &[],
        end: &[End::Offset { offset: "Offset", limit: "Limit", total: "" }],
        items: "LocalAuditWords",
    },
    Paging {
        path: ("im_msg_audit_mgr", "get_cloud_audit_keywords_ids"),
        carry: &[],
        end: &[End::Offset { offset: "Offset", limit: "Limit", total: "" }],
        items: "Infos",
    },
    Paging {
        path: ("im_msg_audit_mgr", "get_cloud_audit_keywords"),
        carry: &[],
        end: &[End::Offset { offset: "Offset", limit: "Limit", total: "" }],
        items: "Infos",
    },
];

pub fn paging(path: &str) -> Option<&'static Paging> {
    PAGING.iter().find(|p| is_path(p.path, path))
}

/// 0, "", false, null or absent.
fn is_empty(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => true,
        Some(Value::Number(n)) => n.as_f64() == Some(0.0),
        Some(Value::String(s)) => s.is_empty(),
        Some(Value::Bool(b)) => !b,
        Some(_) => false,
    }
}

fn count(resp: &Object, items: &str) -> usize {
    resp.get(items)
        .and_then(Value::as_array)
        .map_or(0, Vec::len)
}

/// A whole number in any notation (`20`, `20.0`, `2e1`).
fn int(v: Option<&Value>) -> Option<i64> {
    let n = v?.as_number()?;
    n.as_i64().or_else(|| {
        let f = n.as_f64()?;
        (f.fract() == 0.0 && f.abs() < 9.2e18).then_some(f as i64)
    })
}

fn bad((service, command): Path, what: &str) -> TimError {
    TimError::bad_response(200, format!("paging: {what}")).at(service, command)
}

/// The request for the page after `resp`, or `None` when `resp` was the last page.
/// An answer that would repeat the same request is an error, so a loop can never spin.
pub fn next_page(rule: &Paging, req: &Value, resp: &Value) -> Result<Option<Value>, TimError> {
    let (Some(req_obj), Some(resp_obj)) = (req.as_object(), resp.as_object()) else {
        return Err(bad(rule.path, "request and answer must be JSON objects"));
    };
    let mut next = req_obj.clone();
    let mut cursor_seen = false;
    for (to, from) in rule.carry {
        if let Some(v) = resp_obj.get(*from).filter(|v| !v.is_null()) {
            next.insert((*to).to_owned(), v.clone());
            cursor_seen = true;
        }
    }
    let n = count(resp_obj, rule.items);
    let mut done = false;
    for end in rule.end {
        done |= ended(rule, end, req_obj, resp_obj, &mut next, cursor_seen, n);
    }
    if done {
        return Ok(None);
    }
    if &next == req_obj {
        return Err(bad(
            rule.path,
            "the answer did not move the cursor; stopping instead of repeating the same page",
        ));
    }
    Ok(Some(Value::Object(next)))
}

/// Whether `end` says the answer was the last page; Offset and SeqBelow also write the next
/// position into `next`.
fn ended(
    rule: &Paging,
    end: &End,
    req_obj: &Object,
    resp_obj: &Object,
    next: &mut Object,
    cursor_seen: bool,
    n: usize,
) -> bool {
    match end {
        End::Empty(field) => is_empty(resp_obj.get(*field)),
        End::Flag(field, value) => int(resp_obj.get(*field)) == Some(*value),
        End::Short(field) => {
            n == 0 || int(req_obj.get(*field)).is_some_and(|want| (n as i64) < want)
        }
        End::Offset {
            offset,
            limit,
            total,
        } => {
            if cursor_seen {
                rule.carry
                    .iter()
                    .any(|(_, from)| is_empty(resp_obj.get(*from)))
            } else {
                match int(req_obj.get(*limit)) {
                    None => true,
                    Some(limit) if n == 0 || (n as i64) < limit => true,
                    Some(_) => {
                        let at = int(req_obj.get(*offset))
                            .unwrap_or(0)
                            .saturating_add(n as i64);
                        next.insert((*offset).to_owned(), Value::from(at));
                        int(resp_obj.get(*total)).is_some_and(|t| at >= t)
                    }
                }
            }
        }
        End::SeqBelow { request, seq } => {
            let smallest = resp_obj
                .get(rule.items)
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(|m| int(m.get(seq)))
                .min();
            match smallest {
                Some(s) if s > 1 => {
                    next.insert((*request).to_owned(), Value::from(s - 1));
                    false
                }
                _ => true,
            }
        }
    }
}
