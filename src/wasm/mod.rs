//! The host edge: everything `#[wasm_bindgen]`. Thin on purpose: read JS arguments, call the pure
//! core, carry out I/O through the host's own globals, convert results back.

mod args;
mod call;
mod client;
#[cfg(feature = "emulator")]
mod emulator;
mod endpoints;
mod error;
#[cfg(feature = "jobs")]
mod jobs;
mod js;
mod usersig;
mod webhook;
