//! Bulk jobs (issue 18): one message to many recipients, many account imports, many group
//! member adds, a push to many users, planned so that any runner (a Cloudflare Workflow, a Queue
//! consumer, a plain loop in Node or Deno) can execute them at Tencent's pace, stop anywhere and
//! continue without sending anything twice.
//!
//! The rules, in the order a runner meets them:
//!
//! 1. **A job is a spec plus items.** The spec names the endpoint (`service/command`) and the
//!    body every request shares (Tencent's fields, verbatim); the items are the recipients,
//!    accounts, members or groups. Items are checked and de-duplicated once, before anything is
//!    sent ([`spec::Job::prepare`]); bad ones are reported, never sent. The spec's fingerprint
//!    pins it: a runner that resumes a job with another spec or other items refuses.
//! 2. **Chunks.** Items are cut into chunks of `chunkSize` (a runner's unit of checkpointing),
//!    each chunk into requests of at most the endpoint's per-call limit ([`kinds`]).
//! 3. **Keys.** Where Tencent deduplicates, every request carries keys derived from the job id
//!    and the item (HMAC-SHA256, [`keys`]), so a resend of any request, by any runner, after any
//!    crash, carries the same keys as the first attempt.
//! 4. **Pacing.** Each request costs units on its endpoint's quotas (requests, or items for
//!    `batchsendmsg`'s per-minute message quota); a limiter grants each request a start time
//!    that keeps every window of every quota at or under its limit ([`pacing`]). The plan's
//!    schedule is the same limiter run from time 0.
//! 5. **Outcomes.** After each attempt, [`outcome::judge`] decides per item: done, failed (with
//!    Tencent's code), retry (known not processed), resend (maybe processed, but inside
//!    Tencent's dedup window with the same keys), verify (maybe processed, outside any window:
//!    ask Tencent's state first) or unknown (maybe processed and nothing can tell).
//! 6. **Unknown is resolved, never guessed.** A maybe-processed item is checked against Tencent's
//!    state ([`check`]: the recipient's history for messages, `account_check` for imports,
//!    `get_role_in_group` for member adds) and sent again only when the check says it is absent.
//!    Where no check exists (push), the item is reported as unknown.

pub mod check;
pub mod keys;
pub mod kinds;
pub mod outcome;
pub mod pacing;
pub mod spec;

#[cfg(test)]
mod tests;

pub use spec::{Job, Prepared, Request};
