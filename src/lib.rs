//! tim-edge: a server SDK core for the Tencent Cloud Chat (TIM) REST API.
//!
//! Everything here is pure (no I/O, no clock, no randomness: those are arguments) and is
//! unit-tested natively with `cargo test`. The only host-facing code lives in [`wasm`], compiled
//! for `wasm32` alone.
//!
//! Module map:
//! - [`usersig`]: TLSSigAPIv2 generate / PrivateMapKey userbuf / decode / verify.
//! - [`region`]: region names to primary and backup admin hosts.
//! - [`body`]: request bodies as the caller wrote them (read, never rewritten).
//! - [`request`]: endpoint + credentials -> signed URL and JSON body.
//! - [`response`]: the ActionStatus / ErrorCode / ErrorInfo envelope -> result.
//! - [`client`]: configuration, hosts and the cached admin UserSig.
//! - [`webhook`]: callback Sign checks, the command table, replies.
//! - [`error`]: the one error type, its kinds, and the Tencent code table.
//! - [`retry`]: the retry policy as a pure state machine, host health, idempotency keys.
//! - [`jobs`]: bulk jobs: chunks, derived dedup keys, quota pacing, outcome checks (issue 18).
//! - [`emulator`]: a local in-memory stand-in for Tencent's REST backend (offline development).

pub mod api;
pub mod body;
pub mod client;
pub mod emulator;
pub mod error;
pub mod jobs;
pub mod region;
pub mod request;
pub mod response;
pub mod retry;
pub mod usersig;
pub mod webhook;

#[cfg(target_arch = "wasm32")]
pub mod wasm;
