//! Dedup keys derived from the job id, so every attempt at an item, by any runner, at any time,
//! carries the same keys (rest-reliability-facts.md, B2).
//!
//! `HMAC-SHA256(key = job id, message = "<service>/<command>\n<label>")`, where the label is the
//! item's id (sendmsg, send_group_msg: one item per call) or `#<chunk>.<request>` (batch calls,
//! whose items share one call's keys). The first four bytes (big-endian) are the random field
//! (`MsgRandom` / `Random`), the next four `MsgSeq`. 0 becomes 1: it could read as "not set".
//!
//! Why derived, not drawn: Tencent's sendmsg key is sender + MsgSeq + MsgRandom + CRC32(body),
//! and does not name the recipient. Keys drawn at random would be lost with a crashed runner;
//! derived keys are recomputed. They must differ between recipients (two recipients with the
//! same keys and body would be one message to Tencent): 64 bits per item make a collision among
//! a million recipients a one-in-ten-million event (n² / 2⁶⁵).

use hmac::{Hmac, Mac};
use sha2::Sha256;

/// The two 32-bit values for `label` in job `job_id` on `path` (`service/command`).
pub fn derive(job_id: &str, path: &str, label: &str) -> [u32; 2] {
    // HMAC takes keys of any length, so new_from_slice cannot fail.
    let mut mac = Hmac::<Sha256>::new_from_slice(job_id.as_bytes()).expect("any key length");
    mac.update(path.as_bytes());
    mac.update(b"\n");
    mac.update(label.as_bytes());
    let d = mac.finalize().into_bytes();
    let word = |i: usize| u32::from_be_bytes([d[i], d[i + 1], d[i + 2], d[i + 3]]).max(1);
    [word(0), word(4)]
}

/// The label of a batch call's keys: its place in the job.
pub fn request_label(chunk: usize, request: usize) -> String {
    format!("#{chunk}.{request}")
}
