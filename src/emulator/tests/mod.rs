//! Emulator tests. `support` drives the emulator with requests signed by the SDK's own client;
//! the UserSig checks are also tested against the official vectors (tests/auth.rs), which our
//! code did not produce.

mod accounts;
mod audit;
mod auth;
mod c2c;
mod calls;
mod coverage;
mod doc_requests;
mod follow;
mod framework;
mod friends;
mod groups;
mod groups_attrs;
mod groups_community;
mod groups_fields;
mod groups_history;
mod groups_imports;
mod groups_kit;
mod groups_live;
mod msg_ext;
mod mute;
mod official;
mod operation;
mod profiles;
mod push;
mod recent;
mod robots;

pub mod support {
    use crate::client::{Client, Config};
    use crate::emulator::{Callback, Emulator, Handled};
    use serde_json::Value;

    pub const APP: u32 = 1_400_000_001;
    pub const KEY: &str = "emulator-test-key-0123456789abcdef";
    pub const ADMIN: &str = "administrator";
    /// 2026-01-01T00:00:00Z, the tests' fixed clock.
    pub const NOW: u64 = 1_767_225_600;

    pub struct Rig {
        pub emu: Emulator,
        pub client: Client,
        pub now: u64,
        random: u32,
    }

    impl Rig {
        pub fn new() -> Rig {
            Rig::with(APP, KEY, ADMIN)
        }

        pub fn with(app: u32, key: &str, admin: &str) -> Rig {
            let urls = ["https://console.tim.qq.com".to_owned()];
            let config = Config::new(app, key, Some(admin), None, Some(&urls), None).unwrap();
            Rig {
                emu: Emulator::new(app, key, admin).unwrap(),
                client: Client::new(config),
                now: NOW,
                random: 1,
            }
        }

        /// A rig with `ids` imported.
        pub fn with_accounts(ids: &[&str]) -> Rig {
            let mut r = Rig::new();
            r.import(ids);
            r
        }

        /// Imports `ids` (multiaccount_import, 100 at a time).
        pub fn import(&mut self, ids: &[&str]) {
            for chunk in ids.chunks(100) {
                let body = serde_json::json!({ "Accounts": chunk }).to_string();
                self.ok("im_open_login_svc", "multiaccount_import", &body);
            }
        }

        /// This rig's snapshot and a fresh rig restored from it, checked to hold the same state.
        pub fn snapshot_round_trip(&self) -> (String, Rig) {
            let snap = self.emu.snapshot().unwrap();
            let mut other = Rig::new();
            other.emu.restore(&snap).unwrap();
            assert_eq!(other.emu.state(), self.emu.state());
            (snap, other)
        }

        /// The signed URL the SDK would send for this call.
        pub fn url(&mut self, service: &str, command: &str) -> String {
            self.random += 1;
            self.client
                .url(0, service, command, Some("{}"), self.now, self.random)
                .unwrap()
        }

        /// Sends `body` (JSON text) and returns the parsed reply; panics on a before-callback.
        pub fn call(&mut self, service: &str, command: &str, body: &str) -> Value {
            let url = self.url(service, command);
            self.raw("POST", &url, body)
        }

        pub fn raw(&mut self, method: &str, url: &str, body: &str) -> Value {
            match self
                .emu
                .handle(method, url, body.as_bytes(), self.now, None)
            {
                Handled::Reply { status, body, .. } => {
                    assert_eq!(status, 200);
                    serde_json::from_str::<Value>(&body).unwrap()
                }
                Handled::NeedsBefore(cb) => panic!("unexpected before-callback {}", cb.command),
            }
        }

        /// One POST straight into the emulator, `before` being the app's answer to a
        /// before-callback; the outcome as it is.
        pub fn handle(
            &mut self,
            service: &str,
            command: &str,
            body: &str,
            before: Option<&Value>,
        ) -> Handled {
            let url = self.url(service, command);
            self.emu
                .handle("POST", &url, body.as_bytes(), self.now, before)
        }

        /// One request with callbacks on: the reply and the after-callbacks it queued.
        pub fn with_callbacks(
            &mut self,
            service: &str,
            command: &str,
            body: &str,
        ) -> (Value, Vec<Callback>) {
            self.emu.set_callbacks(true);
            let h = self.handle(service, command, body, None);
            self.emu.set_callbacks(false);
            reply(h)
        }

        /// `call`, asserting success (`ActionStatus` OK, `ErrorCode` 0).
        pub fn ok(&mut self, service: &str, command: &str, body: &str) -> Value {
            let v = self.call(service, command, body);
            assert_eq!(code(&v), 0, "{service}/{command} failed: {v}");
            assert_eq!(v.get("ActionStatus").and_then(Value::as_str), Some("OK"));
            v
        }

        /// `call`, asserting it fails with `want` (`ActionStatus` FAIL).
        pub fn fails(&mut self, service: &str, command: &str, body: &str, want: i64) -> Value {
            let v = self.call(service, command, body);
            assert_eq!(code(&v), want, "{service}/{command}: {v}");
            assert_eq!(v.get("ActionStatus").and_then(Value::as_str), Some("FAIL"));
            v
        }
    }

    /// Wrong-typed values for a field (floats and `1e2` are not integers, as in Tencent's answers).
    pub const WRONG: [&str; 6] = ["-7", "[1]", "true", "1.5", "1e2", r#"{"x":1}"#];

    /// `body` (a JSON object) with `field` set to each of [`WRONG`] in turn: (value, new body).
    pub fn mistyped<'a>(
        body: &'a Value,
        field: &'a str,
    ) -> impl Iterator<Item = (&'static str, String)> + 'a {
        WRONG.into_iter().map(move |w| {
            let mut o = body.as_object().unwrap().clone();
            o.insert(field.to_owned(), serde_json::from_str(w).unwrap());
            (w, Value::Object(o).to_string())
        })
    }

    /// The parsed reply and its after-callbacks; panics on a before-callback.
    pub fn reply(h: Handled) -> (Value, Vec<Callback>) {
        match h {
            Handled::Reply { body, after, .. } => (serde_json::from_str(&body).unwrap(), after),
            Handled::NeedsBefore(cb) => panic!("unexpected before-callback {}", cb.command),
        }
    }

    pub fn code(v: &Value) -> i64 {
        v.get("ErrorCode").and_then(Value::as_i64).unwrap()
    }
}
