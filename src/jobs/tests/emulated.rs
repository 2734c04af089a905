//! Whole jobs against the emulator, driven by a small runner written here the way the JS
//! runners work (attempt, judge, retry / verify, crash and rerun). Faults are scripted: answers
//! lost after Tencent processed the request, requests lost before, rate limits, and runner
//! crashes with 30 s and 200 s restarts (inside and past sendmsg's 120 s dedup window). The
//! emulator's own history is the oracle: every recipient holds exactly one message, or was
//! reported failed. A blind runner under the same faults duplicates messages, so the oracle can
//! fail.

use super::{job, users};
use crate::client::{Client, Config};
use crate::emulator::{Emulator, Handled};
use crate::error::{classify, CodeClass};
use crate::jobs::check;
use crate::jobs::outcome::{judge, rerun, Attempt, CallError, Rerun, Result as R, Verdict};
use crate::jobs::{Job, Request};
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet, HashMap};

const APP: u32 = 1_400_000_018;
const KEY: &str = "jobs-test-key-0123456789abcdef";
const ADMIN: &str = "administrator";
const T0_MS: u64 = 1_767_225_600_000;

#[derive(Clone, Copy, PartialEq, Debug)]
enum Fault {
    None,
    /// Tencent processed it; the answer was lost.
    LostAfter,
    /// Lost on the way; nothing processed.
    LostBefore,
    /// 60018: too frequent, nothing processed.
    Busy,
    /// Processed, then the runner died before recording anything.
    Crash,
}

struct Crash;

struct Sim<'a> {
    emu: Emulator,
    client: Client,
    random: u32,
    job: &'a Job,
    items: HashMap<String, Value>,
    now_ms: u64,
    attempts: u64,
    fault: fn(u64) -> Fault,
    blind: bool,
    crashes: u32,
    reruns: Vec<Rerun>,
    checks: u32,
    started: Vec<Option<u64>>,
    done: BTreeSet<String>,
    failed: BTreeMap<String, i64>,
    unknown: BTreeSet<String>,
}

impl<'a> Sim<'a> {
    fn new(job: &'a Job, fault: fn(u64) -> Fault) -> Sim<'a> {
        let urls = ["https://console.tim.qq.com".to_owned()];
        let config = Config::new(APP, KEY, Some(ADMIN), None, Some(&urls), None).unwrap();
        Sim {
            emu: Emulator::new(APP, KEY, ADMIN).unwrap(),
            client: Client::new(config),
            random: 0,
            job,
            items: HashMap::new(),
            now_ms: T0_MS,
            attempts: 0,
            fault,
            blind: false,
            crashes: 0,
            reruns: Vec::new(),
            checks: 0,
            started: Vec::new(),
            done: BTreeSet::new(),
            failed: BTreeMap::new(),
            unknown: BTreeSet::new(),
        }
    }

    /// One request through the emulator, as Tencent would answer it.
    fn tencent(&mut self, service: &str, command: &str, body: &str) -> Value {
        self.random += 1;
        let now_s = self.now_ms / 1000;
        let url = self
            .client
            .url(0, service, command, Some(body), now_s, self.random)
            .unwrap();
        match self.emu.handle("POST", &url, body.as_bytes(), now_s, None) {
            Handled::Reply { body, .. } => serde_json::from_str(&body).unwrap(),
            Handled::NeedsBefore(_) => panic!("no callbacks are configured"),
        }
    }

    fn ok(&mut self, service: &str, command: &str, body: Value) -> Value {
        let v = self.tencent(service, command, &body.to_string());
        assert_eq!(v["ActionStatus"], "OK", "{service}/{command}: {v}");
        v
    }

    /// An answer as the SDK reports it: the body when OK, else its TimError fields.
    fn as_result(answer: &Value) -> Result<Value, CallError> {
        if answer["ActionStatus"] == "OK" {
            return Ok(answer.clone());
        }
        let code = answer["ErrorCode"].as_i64().unwrap_or(0);
        let class = classify(code);
        Err(CallError {
            kind: "api".into(),
            code,
            info: answer["ErrorInfo"].as_str().unwrap_or("").into(),
            retryable: class != CodeClass::Permanent,
            outcome_known: class != CodeClass::Transient,
            http_status: 200,
        })
    }

    fn attempt(
        &mut self,
        req: &Request,
        number: u32,
        first_ms: u64,
        maybe_before: bool,
    ) -> Result<(Verdict, bool), Crash> {
        self.attempts += 1;
        self.now_ms += 5;
        let fault = (self.fault)(self.attempts);
        let lost = CallError {
            kind: "network".into(),
            code: 0,
            info: "connection reset".into(),
            retryable: true,
            outcome_known: false,
            http_status: 0,
        };
        let busy = CallError {
            kind: "api".into(),
            code: 60018,
            info: "too frequent".into(),
            retryable: true,
            outcome_known: true,
            http_status: 200,
        };
        let answer = match fault {
            Fault::LostBefore => Err(lost),
            Fault::Busy => Err(busy),
            _ => {
                let a = self.tencent(req.service, req.command, &req.body);
                match fault {
                    Fault::Crash => return Err(Crash),
                    Fault::LostAfter => Err(lost),
                    _ => Self::as_result(&a),
                }
            }
        };
        let at = Attempt {
            number,
            first_ms,
            now_ms: self.now_ms,
            maybe_before,
        };
        let maybe = matches!(&answer, Err(e) if !e.outcome_known);
        Ok(match &answer {
            Ok(a) => (judge(self.job, &req.ids, R::Answer(a), at), maybe),
            Err(e) => (judge(self.job, &req.ids, R::Error(e), at), maybe),
        })
    }

    fn request(&self, chunk: usize, index: usize, ids: &[String]) -> Request {
        let items: Vec<Value> = ids.iter().map(|id| self.items[id].clone()).collect();
        self.job.request(chunk, index, &items).unwrap()
    }

    /// Checks `ids` against Tencent's state; returns the absent ones.
    fn verify(&mut self, chunk: usize, index: usize, ids: &[String], first_ms: u64) -> Vec<String> {
        let mut absent = Vec::new();
        let checks = check::requests(self.job, chunk, index, ids, first_ms, self.now_ms);
        assert!(!checks.is_empty() || !self.job.verifiable);
        for mut c in checks {
            loop {
                self.checks += 1;
                let a = self.tencent(&c.service, &c.command, &c.body);
                let r = match a["ErrorCode"].as_i64() {
                    Some(0) => check::read(self.job, &c, &a),
                    code => check::read_error(self.job, &c, code.unwrap_or(0)),
                };
                self.done.extend(r.found);
                absent.extend(r.absent);
                self.unknown.extend(r.unresolved);
                match r.next {
                    Some(n) => c = n,
                    None => break,
                }
            }
        }
        absent
    }

    fn run_request(&mut self, mut req: Request, mut first_ms: u64) -> Result<(), Crash> {
        let (chunk, index) = (req.chunk, req.index);
        let mut number = 1;
        let mut rounds = 0;
        let mut maybe_before = false;
        loop {
            let (v, maybe) = self.attempt(&req, number, first_ms, maybe_before)?;
            maybe_before |= maybe;
            self.done.extend(v.done);
            for f in v.failed {
                self.failed.insert(f.id, f.code);
            }
            self.unknown.extend(v.unknown.into_iter().map(|f| f.id));
            let next: Vec<String> = if !v.retry.is_empty() {
                self.now_ms += v.retry_in_ms;
                number += 1;
                v.retry
            } else if !v.verify.is_empty() && self.blind {
                // The control: resend whatever is unclear, as a naive runner would.
                number = 1;
                first_ms = self.now_ms;
                maybe_before = false;
                v.verify
            } else if !v.verify.is_empty() {
                self.now_ms += u64::from(self.job.settle_ms);
                let absent = self.verify(chunk, index, &v.verify, first_ms);
                rounds += 1;
                if rounds > 3 {
                    self.unknown.extend(absent);
                    return Ok(());
                }
                number = 1;
                first_ms = self.now_ms;
                maybe_before = false; // checked: the absent ones were not processed
                absent
            } else {
                return Ok(());
            };
            if next.is_empty() {
                return Ok(());
            }
            req = self.request(chunk, index, &next);
        }
    }

    fn run_chunk(&mut self, c: usize, items: &[Value]) -> Result<(), Crash> {
        let reqs = self.job.chunk(c, items).unwrap();
        let mut work: Vec<Request> = Vec::new();
        if let Some(start) = self.started[c] {
            let how = if self.blind {
                Rerun::Resend
            } else {
                rerun(self.job, start, self.now_ms)
            };
            self.reruns.push(how);
            match how {
                Rerun::Resend => work = reqs,
                Rerun::Unknown => {
                    self.unknown.extend(reqs.into_iter().flat_map(|r| r.ids));
                    return Ok(());
                }
                Rerun::Verify => {
                    self.now_ms += u64::from(self.job.settle_ms);
                    for r in reqs {
                        let absent = self.verify(c, r.index, &r.ids, start);
                        if !absent.is_empty() {
                            work.push(self.request(c, r.index, &absent));
                        }
                    }
                    self.started[c] = Some(self.now_ms);
                }
            }
        } else {
            self.started[c] = Some(self.now_ms);
            work = reqs;
        }
        let first = self.started[c].unwrap();
        for r in work {
            self.run_request(r, first)?;
        }
        Ok(())
    }

    /// Runs the job to the end, restarting after each crash (30 s, then 200 s, alternately).
    fn run(&mut self, items: &[Value]) {
        let p = self.job.prepare(items).unwrap();
        for (v, id) in p.items.iter().zip(&p.ids) {
            self.items.insert(id.clone(), v.clone());
        }
        self.started = vec![None; p.plan.chunks];
        let mut finished = vec![false; p.plan.chunks];
        'restart: loop {
            for (c, finished) in finished.iter_mut().enumerate() {
                if *finished {
                    continue;
                }
                let size = self.job.chunk_size;
                let part = &p.items[c * size..((c + 1) * size).min(p.items.len())];
                if self.run_chunk(c, part).is_err() {
                    self.crashes += 1;
                    self.now_ms += if self.crashes % 2 == 1 {
                        30_000
                    } else {
                        200_000
                    };
                    continue 'restart;
                }
                *finished = true;
            }
            break;
        }
    }

    /// Messages from `from` in `user`'s history (the emulator's state, read through its API).
    fn messages_to(&mut self, user: &str, from: &str) -> usize {
        let body = json!({ "Operator_Account": user, "Peer_Account": from, "MaxCnt": 100, "MinTime": 0, "MaxTime": 4_000_000_000u64 });
        let a = self.tencent("openim", "admin_getroammsg", &body.to_string());
        if a["ErrorCode"] == 90048 {
            return 0; // not an account: nothing was delivered to it
        }
        assert_eq!(a["ActionStatus"], "OK", "{a}");
        a["MsgList"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|m| m["From_Account"] == from)
            .count()
    }

    fn import(&mut self, ids: &[Value]) {
        for part in ids.chunks(100) {
            self.ok(
                "im_open_login_svc",
                "multiaccount_import",
                json!({ "Accounts": part }),
            );
        }
    }
}

/// A fault every few attempts, and a crash every 97th.
fn faulty(k: u64) -> Fault {
    match k {
        _ if k.is_multiple_of(97) => Fault::Crash,
        _ if k.is_multiple_of(7) => Fault::LostAfter,
        _ if k.is_multiple_of(11) => Fault::LostBefore,
        _ if k.is_multiple_of(13) => Fault::Busy,
        _ => Fault::None,
    }
}

fn msg_spec(endpoint: &str, chunk: usize) -> Value {
    json!({ "id": "spring", "endpoint": endpoint, "chunkSize": chunk,
        "body": { "From_Account": "news", "MsgBody": [{ "MsgType": "TIMTextElem", "MsgContent": { "Text": "Spring sale" } }] } })
}

/// Every recipient holds exactly one message from news, except the ones reported failed (which
/// hold none); nothing is left unknown. Returns the number of duplicates for the control.
fn audit(sim: &mut Sim<'_>, recipients: &[Value]) -> usize {
    let mut dupes = 0;
    for r in recipients {
        let id = r.as_str().unwrap();
        let n = sim.messages_to(id, "news");
        if sim.failed.contains_key(id) {
            assert_eq!(n, 0, "{id} reported failed but holds {n}");
        } else if n > 1 {
            dupes += n - 1;
        } else {
            assert_eq!(n, 1, "{id}: no message, yet not reported failed");
            assert!(
                sim.done.contains(id),
                "{id} holds its message but is not reported done"
            );
        }
    }
    dupes
}

#[test]
fn sendmsg_under_faults_and_crashes_delivers_each_message_once() {
    let j = job(&msg_spec("openim/sendmsg", 40));
    let mut sim = Sim::new(&j, faulty);
    let mut recipients = users(400);
    sim.import(&recipients);
    sim.import(&[json!("news")]);
    // Three recipients that were never imported: Tencent answers 20003 (known, permanent).
    recipients.extend(["ghost1", "ghost2", "ghost3"].map(Value::from));
    sim.run(&recipients);
    assert!(
        sim.crashes >= 3,
        "the script crashed the runner {} times",
        sim.crashes
    );
    // Both ways back from a crash happened (inside and past the window), and checks ran.
    assert!(
        sim.reruns.contains(&Rerun::Resend) && sim.reruns.contains(&Rerun::Verify),
        "{:?}",
        sim.reruns
    );
    assert!(sim.checks > 10, "{} checks", sim.checks);
    assert_eq!(audit(&mut sim, &recipients), 0, "duplicates");
    assert!(sim.unknown.is_empty(), "unknown: {:?}", sim.unknown);
    assert_eq!(sim.failed.len(), 3);
    assert!(sim.failed.values().all(|&c| c == 20003));
    assert_eq!(sim.done.len(), 400);
}

#[test]
fn the_audit_catches_a_blind_runner() {
    let j = job(&msg_spec("openim/sendmsg", 40));
    let mut sim = Sim::new(&j, faulty);
    sim.blind = true;
    let recipients = users(400);
    sim.import(&recipients);
    sim.import(&[json!("news")]);
    sim.run(&recipients);
    assert!(
        audit(&mut sim, &recipients) > 0,
        "a blind resend after the window must duplicate"
    );
}

#[test]
fn batchsendmsg_without_dedup_is_checked_recipient_by_recipient() {
    let spec = msg_spec("openim/batchsendmsg", 100);
    let mut spec = spec;
    spec["quotas"] = json!({ "openim/batchsendmsg": [{ "limit": 200, "windowMs": 1000 }, { "limit": 25, "windowMs": 1000, "per": "item" }] });
    let j = job(&spec);
    assert_eq!(j.per_request, 25);
    let mut sim = Sim::new(&j, |k| match k % 5 {
        0 => Fault::LostAfter,
        3 => Fault::LostBefore,
        _ if k == 9 => Fault::Crash,
        _ => Fault::None,
    });
    let mut recipients = users(300);
    sim.import(&recipients);
    sim.import(&[json!("news")]);
    recipients.push(json!("ghost"));
    sim.run(&recipients);
    assert_eq!(audit(&mut sim, &recipients), 0);
    assert!(sim.unknown.is_empty());
    assert_eq!(sim.failed.get("ghost"), Some(&90012));
}

#[test]
fn group_sends_imports_and_member_adds_complete_under_faults() {
    // Groups, each gets the announcement once.
    let gs = job(
        &json!({ "id": "g", "endpoint": "group_open_http_svc/send_group_msg", "chunkSize": 10,
        "body": { "MsgBody": [{ "MsgType": "TIMTextElem", "MsgContent": { "Text": "hello" } }] } }),
    );
    let mut sim = Sim::new(&gs, faulty);
    let groups: Vec<Value> = (0..60).map(|i| json!(format!("g{i}"))).collect();
    for g in &groups {
        sim.ok(
            "group_open_http_svc",
            "create_group",
            json!({ "Type": "Public", "Name": "g", "GroupId": g }),
        );
    }
    sim.run(&groups);
    for g in &groups {
        let a = sim.ok(
            "group_open_http_svc",
            "group_msg_get_simple",
            json!({ "GroupId": g, "ReqMsgNumber": 20 }),
        );
        assert_eq!(a["RspMsgList"].as_array().unwrap().len(), 1, "{g}: {a}");
    }
    assert_eq!(sim.done.len(), 60);

    // Imports: everything imported, nothing failed.
    let imp = job(
        &json!({ "id": "i", "endpoint": "im_open_login_svc/multiaccount_import", "chunkSize": 50 }),
    );
    let mut sim = Sim::new(&imp, faulty);
    let people = users(700);
    sim.run(&people);
    assert_eq!(
        (sim.done.len(), sim.failed.len(), sim.unknown.len()),
        (700, 0, 0)
    );
    let check = sim.ok(
        "im_open_login_svc",
        "account_check",
        json!({ "CheckItem": [{ "UserID": "user0" }, { "UserID": "user699" }] }),
    );
    assert!(check["ResultItem"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["AccountStatus"] == "Imported"));

    // Member adds into one group; a never-imported account fails with Result 0.
    let add = job(
        &json!({ "id": "a", "endpoint": "group_open_http_svc/add_group_member", "chunkSize": 100, "body": { "GroupId": "club" } }),
    );
    let mut sim = Sim::new(&add, faulty);
    let mut members = users(500);
    sim.import(&members);
    sim.ok(
        "group_open_http_svc",
        "create_group",
        json!({ "Type": "Public", "Name": "club", "GroupId": "club", "MaxMemberCount": 2000 }),
    );
    members.push(json!("ghost"));
    sim.run(&members);
    assert_eq!(sim.done.len(), 500);
    assert_eq!(sim.failed.keys().collect::<Vec<_>>(), ["ghost"]);
    let info = sim.ok(
        "group_open_http_svc",
        "get_group_member_info",
        json!({ "GroupId": "club" }),
    );
    assert_eq!(info["MemberNum"], 500);
}

#[test]
fn a_request_processed_then_refused_until_the_last_attempt_is_checked_not_failed() {
    // Attempt 1 is processed and its answer lost; attempts 2-7 are refused (60018, not
    // processed). The last refusal says nothing about attempt 1: the recipient holds the
    // message, so reporting it failed would be wrong.
    let j = job(&msg_spec("openim/sendmsg", 10));
    let mut sim = Sim::new(&j, |k| match k % 40 {
        1 => Fault::LostAfter,
        2..=7 => Fault::Busy,
        _ => Fault::None,
    });
    let recipients = users(60);
    sim.import(&recipients);
    sim.import(&[json!("news")]);
    sim.run(&recipients);
    assert_eq!(audit(&mut sim, &recipients), 0);
    assert!(sim.failed.is_empty(), "{:?}", sim.failed);
    assert!(sim.unknown.is_empty());
    assert!(sim.checks > 0, "the lost attempts were settled by checks");
}
