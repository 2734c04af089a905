//! The host edge: everything `#[wasm_bindgen]`. Thin on purpose: read JS arguments, call the pure
//! core, carry out I/O through the host's own globals, convert results back.
//!
//! - `host`: the host globals (fetch, timers, clock, randomness, Deno's HTTP client).
//! - `convert`: structured values across the boundary (serde-wasm-bindgen), checked by name.
//! - `signal`: the caller's AbortSignal and the per-attempt guard that keeps every deadline.
//! - `transport`: one attempt over fetch (send, capped read, one parse).
//! - `call`: the retry loop carrying out `crate::retry`'s decisions; `events`: hooks and metadata.
//! - `client`, `usersig`, `webhook`, `endpoints`: the exports; `error`: TimError to JS.

mod call;
mod client;
mod convert;
#[cfg(feature = "emulator")]
mod emulator;
mod endpoints;
mod error;
mod events;
mod host;
#[cfg(feature = "jobs")]
mod jobs;
mod signal;
mod transport;
mod usersig;
mod webhook;
