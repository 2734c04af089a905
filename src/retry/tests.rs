//! The retry policy driven by a scripted transport on a virtual clock.

use super::*;
use crate::api::Retry::{self, DedupKey, Idempotent, Read, Unsafe};

/// One scripted attempt: what the server does and how long it takes (ms). An attempt that takes
/// longer than its timeout ends as `TimedOut` when the timeout fires, as the edge makes it.
type Scripted = (Outcome, u64);

const HANG: u64 = u64::MAX / 4;
const T0: u64 = 1_700_000_000_000;

#[derive(Debug)]
struct Trace {
    /// (attempt, the instant it was sent)
    attempts: Vec<(Attempt, u64)>,
    last: Step,
    /// Virtual time when the call settled.
    settled_at: u64,
    end_ms: u64,
}

impl Trace {
    fn hosts(&self) -> Vec<usize> {
        self.attempts.iter().map(|(a, _)| a.host).collect()
    }
    fn gave_up(&self) -> GiveUp {
        match self.last {
            Step::GiveUp(g) => g,
            s => panic!("expected a give-up, got {s:?}"),
        }
    }
}

/// Runs one call. The script must cover every attempt the policy makes: running past its end
/// fails the test (too many attempts); leftover steps are checked by the callers via counts.
fn drive(
    policy: Policy,
    class: Retry,
    window: Option<u32>,
    health: &mut HostHealth,
    start: u64,
    script: &[Scripted],
    random: u32,
) -> Trace {
    let (mut call, mut attempt) = Call::begin(policy, class, window, health, start);
    let mut now = start;
    let mut attempts = Vec::new();
    for &(outcome, took) in script {
        now += attempt.delay_ms;
        attempts.push((attempt, now));
        let (outcome, took) = if took >= attempt.timeout_ms {
            (Outcome::TimedOut, attempt.timeout_ms)
        } else {
            (outcome, took)
        };
        now += took;
        let step = call.next(outcome, health, now, random);
        match step {
            Step::Retry(a) => attempt = a,
            last => {
                return Trace {
                    attempts,
                    last,
                    settled_at: now,
                    end_ms: call.end_ms(),
                }
            }
        }
    }
    panic!(
        "the policy made more attempts than the script has ({}): {attempts:?}",
        script.len()
    );
}

fn run(class: Retry, script: &[Scripted]) -> Trace {
    drive(
        Policy::default(),
        class,
        None,
        &mut HostHealth::new(2),
        T0,
        script,
        0x8000_0000,
    )
}

const ALL: [Retry; 4] = [Read, Idempotent, DedupKey, Unsafe];

#[test]
fn three_attempts_in_all_by_default() {
    for class in ALL {
        let t = run(class, &[(Outcome::NotSent, 5); 3]);
        assert_eq!(t.attempts.len(), 3, "{class:?}");
        assert_eq!(
            t.gave_up(),
            GiveUp {
                stop: Stop::Exhausted,
                attempts: 3,
                outcome_known: true
            }
        );
        let t = run(class, &[(Outcome::Refused(503), 5), (Outcome::Ok, 5)]);
        assert_eq!(t.last, Step::Done { attempts: 2 });
    }
    let p = Policy {
        max_retries: 5,
        ..Policy::default()
    };
    let t = drive(
        p,
        Read,
        None,
        &mut HostHealth::new(1),
        T0,
        &[(Outcome::Api(60018), 1); 6],
        0,
    );
    assert_eq!(t.gave_up().attempts, 6);
    let p = Policy {
        max_retries: 0,
        ..Policy::default()
    };
    let t = drive(
        p,
        Read,
        None,
        &mut HostHealth::new(1),
        T0,
        &[(Outcome::NotSent, 1)],
        0,
    );
    assert_eq!(
        t.gave_up(),
        GiveUp {
            stop: Stop::Exhausted,
            attempts: 1,
            outcome_known: true
        }
    );
}

#[test]
fn permanent_errors_are_never_retried() {
    // Bad input, no permission, account not found, UserSig invalid, 70050, 4xx.
    let permanent = [
        Outcome::Api(90001),
        Outcome::Api(20003),
        Outcome::Api(70003),
        Outcome::Api(70050),
        Outcome::Api(10056),
        Outcome::Http(400),
        Outcome::Http(404),
        Outcome::Http(413),
    ];
    for class in ALL {
        for o in permanent {
            let t = run(class, &[(o, 5)]);
            assert_eq!(
                t.gave_up(),
                GiveUp {
                    stop: Stop::Permanent,
                    attempts: 1,
                    outcome_known: true
                },
                "{class:?} {o:?}"
            );
        }
    }
}

#[test]
fn ambiguous_failures_are_resent_only_when_resending_is_harmless() {
    let ambiguous = [
        Outcome::MaybeSent,
        Outcome::TimedOut,
        Outcome::Http(500),
        Outcome::Http(502),
        Outcome::Http(503),
        Outcome::Http(504),
        Outcome::Http(408),
        Outcome::BadBody,
        Outcome::Api(20004),
        Outcome::Api(60008),
    ];
    for o in ambiguous {
        let t = run(Unsafe, &[(o, 5)]);
        assert_eq!(
            t.gave_up(),
            GiveUp {
                stop: Stop::Ambiguous,
                attempts: 1,
                outcome_known: false
            },
            "{o:?}"
        );
        for class in [Read, Idempotent, DedupKey] {
            let t = run(class, &[(o, 5), (Outcome::Ok, 5)]);
            assert_eq!(t.last, Step::Done { attempts: 2 }, "{class:?} {o:?}");
            let t = run(
                class,
                &[(o, 5), (Outcome::NotSent, 5), (Outcome::NotSent, 5)],
            );
            // An earlier attempt may have been processed, so a later failure cannot say it was not.
            assert_eq!(
                t.gave_up(),
                GiveUp {
                    stop: Stop::Exhausted,
                    attempts: 3,
                    outcome_known: false
                },
                "{class:?} {o:?}"
            );
        }
    }
    // Failures that prove nothing was processed are resent for every endpoint.
    for o in [
        Outcome::NotSent,
        Outcome::Refused(503),
        Outcome::Refused(408),
        Outcome::Refused(429),
        Outcome::Http(429),
        Outcome::Api(60007),
        Outcome::Api(60011),
        Outcome::Api(60018),
        Outcome::Api(60019),
    ] {
        let t = run(Unsafe, &[(o, 5), (Outcome::Ok, 5)]);
        assert_eq!(t.last, Step::Done { attempts: 2 }, "{o:?}");
    }
    // An Unsafe call that was retried safely and then hits an ambiguous failure stops there.
    let t = run(Unsafe, &[(Outcome::NotSent, 5), (Outcome::MaybeSent, 5)]);
    assert_eq!(
        t.gave_up(),
        GiveUp {
            stop: Stop::Ambiguous,
            attempts: 2,
            outcome_known: false
        }
    );
}

#[test]
fn backoff_stays_within_its_bounds() {
    for n in 0..16 {
        let e = (200u64 << n.min(20)).min(5_000);
        let r = (1000u64 << n.min(20)).min(10_000);
        assert_eq!(backoff_ms(n, false, 0), 0);
        assert_eq!(backoff_ms(n, false, u32::MAX), e - 1);
        assert_eq!(backoff_ms(n, true, 0), r / 2);
        assert_eq!(backoff_ms(n, true, u32::MAX), r - 1);
        let mut x = 0x1234_5678u32;
        for _ in 0..200 {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            assert!(backoff_ms(n, false, x) < e);
            assert!((r / 2..r).contains(&backoff_ms(n, true, x)));
        }
    }
    // The delays the machine hands out are these: first retry under 200 ms, second under 400 ms.
    let t = drive(
        Policy::default(),
        Read,
        None,
        &mut HostHealth::new(1),
        T0,
        &[(Outcome::NotSent, 1); 3],
        u32::MAX - 1,
    );
    let d: Vec<u64> = t.attempts.iter().map(|(a, _)| a.delay_ms).collect();
    assert!(
        d[0] == 0 && d[1] < 200 && d[2] < 400 && d[1] > 150 && d[2] > 300,
        "{d:?}"
    );
    // Rate limits wait at least half a second, then a second.
    let t = drive(
        Policy::default(),
        Unsafe,
        None,
        &mut HostHealth::new(1),
        T0,
        &[(Outcome::Api(60007), 1); 3],
        0,
    );
    let d: Vec<u64> = t.attempts.iter().map(|(a, _)| a.delay_ms).collect();
    assert!(
        d[1] >= 500 && d[1] < 1000 && d[2] >= 1000 && d[2] < 2000,
        "{d:?}"
    );
}

#[test]
fn every_attempt_ends_inside_the_deadline() {
    // A host that hangs: 10 s per attempt, 25 s in all -> 10 s, 10 s, then what is left.
    let p = Policy {
        deadline_ms: 25_000,
        ..Policy::default()
    };
    let t = drive(
        p,
        Read,
        None,
        &mut HostHealth::new(2),
        T0,
        &[(Outcome::Ok, HANG); 3],
        0,
    );
    let timeouts: Vec<u64> = t.attempts.iter().map(|(a, _)| a.timeout_ms).collect();
    assert_eq!(timeouts[..2], [10_000, 10_000]);
    assert_eq!(
        t.attempts[2].1 + timeouts[2],
        T0 + 25_000,
        "the third attempt is cut to fit"
    );
    assert_eq!(t.settled_at, T0 + 25_000);
    assert_eq!(
        t.gave_up(),
        GiveUp {
            stop: Stop::Exhausted,
            attempts: 3,
            outcome_known: false
        }
    );
    // A first attempt longer than the deadline is cut to it.
    let p = Policy {
        deadline_ms: 4_000,
        ..Policy::default()
    };
    let t = drive(
        p,
        Read,
        None,
        &mut HostHealth::new(2),
        T0,
        &[(Outcome::Ok, HANG)],
        0,
    );
    assert_eq!(
        (t.attempts[0].0.timeout_ms, t.settled_at),
        (4_000, T0 + 4_000)
    );
    assert_eq!(t.gave_up().stop, Stop::Deadline);
    // Not enough time for a useful retry after a rate limit: stop instead of a doomed attempt.
    let p = Policy {
        deadline_ms: 1_200,
        ..Policy::default()
    };
    let t = drive(
        p,
        Unsafe,
        None,
        &mut HostHealth::new(1),
        T0,
        &[(Outcome::Api(60018), 100)],
        0,
    );
    assert_eq!(
        t.gave_up(),
        GiveUp {
            stop: Stop::Deadline,
            attempts: 1,
            outcome_known: true
        }
    );
    // Short per-attempt timeouts still get their retries when they fit.
    let p = Policy {
        max_retries: 2,
        timeout_ms: 300,
        deadline_ms: 1_000,
    };
    let t = drive(
        p,
        Read,
        None,
        &mut HostHealth::new(2),
        T0,
        &[(Outcome::Ok, HANG); 3],
        0,
    );
    assert_eq!(t.attempts.len(), 3);
    assert!(t.settled_at <= T0 + 1_000);
}

#[test]
fn deduplicated_sends_finish_inside_tencents_window() {
    let w = dedup_window_ms("openim", "sendmsg");
    assert_eq!(w, Some(120_000));
    let p = Policy {
        max_retries: 10,
        timeout_ms: 30_000,
        deadline_ms: 600_000,
    };
    let t = drive(
        p,
        DedupKey,
        w,
        &mut HostHealth::new(2),
        T0,
        &[(Outcome::Ok, HANG); 11],
        7,
    );
    assert_eq!(t.end_ms, T0 + 110_000);
    for (a, sent) in &t.attempts {
        assert!(sent + a.timeout_ms <= T0 + 110_000, "{a:?}");
    }
    assert!(
        t.settled_at <= T0 + 110_000 && t.attempts.len() == 4,
        "{t:?}"
    );
    // Group messages have five minutes; endpoints without a window keep the caller's deadline.
    assert_eq!(
        dedup_window_ms("group_open_http_svc", "send_group_msg"),
        Some(300_000)
    );
    let (c, _) = Call::begin(p, DedupKey, Some(300_000), &HostHealth::new(1), T0);
    assert_eq!(c.end_ms(), T0 + 290_000);
    let (c, _) = Call::begin(p, Read, Some(120_000), &HostHealth::new(1), T0);
    assert_eq!(c.end_ms(), T0 + 600_000);
}

#[test]
fn connection_failures_and_5xx_move_to_the_next_host() {
    let t = run(
        Read,
        &[
            (Outcome::NotSent, 1),
            (Outcome::Http(502), 1),
            (Outcome::Ok, 1),
        ],
    );
    assert_eq!(t.hosts(), [0, 1, 0]);
    let p = Policy {
        max_retries: 4,
        ..Policy::default()
    };
    let t = drive(
        p,
        Read,
        None,
        &mut HostHealth::new(3),
        T0,
        &[
            (Outcome::MaybeSent, 1),
            (Outcome::TimedOut, 1),
            (Outcome::Http(503), 1),
            (Outcome::BadBody, 1),
            (Outcome::Ok, 1),
        ],
        1,
    );
    assert_eq!(t.hosts(), [0, 1, 2, 0, 1]);
    // The host answered: rate limits and Tencent's internal errors stay on it.
    let t = run(
        Read,
        &[
            (Outcome::Api(60018), 1),
            (Outcome::Api(20004), 1),
            (Outcome::Http(429), 1),
        ],
    );
    assert_eq!(t.hosts(), [0, 0, 0]);
}

#[test]
fn a_failing_host_is_skipped_for_a_while() {
    let mut h = HostHealth::new(2);
    let t = drive(
        Policy::default(),
        Read,
        None,
        &mut h,
        T0,
        &[(Outcome::NotSent, 1), (Outcome::Ok, 1)],
        0,
    );
    assert_eq!(t.hosts(), [0, 1]);
    let failed_at = t.attempts[0].1 + 1;
    // Later calls start on the backup until the quarantine ends, then go back to the primary.
    for dt in [1, 1_000, HOST_QUARANTINE_MS - 1] {
        assert_eq!(h.first_host(failed_at + dt), 1, "{dt}");
    }
    assert_eq!(h.first_host(failed_at + HOST_QUARANTINE_MS), 0);
    let t = drive(
        Policy::default(),
        Read,
        None,
        &mut h,
        failed_at + 5,
        &[(Outcome::Ok, 1)],
        0,
    );
    assert_eq!(t.hosts(), [1]);
    // When every host is down, start on the one that comes back first.
    h.record(1, Outcome::TimedOut, failed_at + 10);
    assert_eq!(h.first_host(failed_at + 20), 0);
    h.record(0, Outcome::Http(500), failed_at + 30);
    assert_eq!(h.first_host(failed_at + 40), 1);
    // A real answer from a host clears it; an abort or a rate limit does not count against it.
    h.record(0, Outcome::Api(20003), failed_at + 50);
    assert_eq!(h.first_host(failed_at + 60), 0);
    h.record(0, Outcome::Aborted, failed_at + 70);
    h.record(0, Outcome::Http(429), failed_at + 80);
    assert_eq!(h.first_host(failed_at + 90), 0);
    h.record(7, Outcome::NotSent, 0); // out of range: ignored
}

#[test]
fn an_expired_usersig_is_refreshed_once() {
    for class in ALL {
        let t = run(class, &[(Outcome::Api(70001), 5), (Outcome::Ok, 5)]);
        assert_eq!(t.last, Step::Done { attempts: 2 });
        let a = t.attempts[1].0;
        assert!(a.refresh_usersig && a.delay_ms == 0 && a.host == 0, "{a:?}");
        let t = run(class, &[(Outcome::Api(70001), 5), (Outcome::Api(70001), 5)]);
        assert_eq!(
            t.gave_up(),
            GiveUp {
                stop: Stop::Permanent,
                attempts: 2,
                outcome_known: true
            }
        );
    }
    // The refresh is outside the retry budget, even with retries off...
    let p = Policy {
        max_retries: 0,
        ..Policy::default()
    };
    let t = drive(
        p,
        Unsafe,
        None,
        &mut HostHealth::new(2),
        T0,
        &[(Outcome::Api(70001), 5), (Outcome::Ok, 5)],
        0,
    );
    assert_eq!(t.last, Step::Done { attempts: 2 });
    // ...and happens once per call, wherever it comes.
    let t = run(
        Read,
        &[
            (Outcome::NotSent, 5),
            (Outcome::Api(70001), 5),
            (Outcome::NotSent, 5),
            (Outcome::Api(70001), 5),
        ],
    );
    assert_eq!(
        t.gave_up(),
        GiveUp {
            stop: Stop::Permanent,
            attempts: 4,
            outcome_known: true
        }
    );
    assert_eq!(
        t.attempts.iter().filter(|(a, _)| a.refresh_usersig).count(),
        1
    );
}

#[test]
fn aborts_stop_at_once() {
    let t = run(Read, &[(Outcome::Aborted, 5)]);
    assert_eq!(
        t.gave_up(),
        GiveUp {
            stop: Stop::Aborted,
            attempts: 1,
            outcome_known: false
        }
    );
    let (mut c, _) = Call::begin(Policy::default(), Unsafe, None, &HostHealth::new(2), T0);
    let mut h = HostHealth::new(2);
    assert!(matches!(
        c.next(Outcome::NotSent, &mut h, T0 + 1, 0),
        Step::Retry(_)
    ));
    // Aborted in the wait before attempt 2: one attempt was made, and it was not processed.
    assert_eq!(
        c.abort(),
        GiveUp {
            stop: Stop::Aborted,
            attempts: 1,
            outcome_known: true
        }
    );
    // After an ambiguous first attempt the outcome stays unknown.
    let (mut c, _) = Call::begin(Policy::default(), Read, None, &HostHealth::new(2), T0);
    assert!(matches!(
        c.next(Outcome::MaybeSent, &mut h, T0 + 1, 0),
        Step::Retry(_)
    ));
    assert_eq!(
        c.abort(),
        GiveUp {
            stop: Stop::Aborted,
            attempts: 1,
            outcome_known: false
        }
    );
}

/// Random scripts against every class and a spread of policies: the invariants hold every time.
#[test]
fn invariants_hold_for_random_scripts() {
    let outcomes = [
        Outcome::Ok,
        Outcome::Api(60018),
        Outcome::Api(20004),
        Outcome::Api(20003),
        Outcome::Api(70001),
        Outcome::Http(502),
        Outcome::Http(503),
        Outcome::Http(404),
        Outcome::BadBody,
        Outcome::NotSent,
        Outcome::MaybeSent,
        Outcome::TimedOut,
    ];
    let mut x = 0x2545_F491u32;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        x
    };
    let mut health = HostHealth::new(2);
    let mut now = T0;
    for round in 0..5_000 {
        let policy = Policy {
            max_retries: next() % 5,
            timeout_ms: 200 + next() % 12_000,
            deadline_ms: 500 + next() % 40_000,
        };
        let class = ALL[round % 4];
        let window = if class == DedupKey && round % 8 == 2 {
            Some(120_000)
        } else {
            None
        };
        let script: Vec<Scripted> = (0..8)
            .map(|_| {
                (
                    outcomes[next() as usize % outcomes.len()],
                    u64::from(next() % 15_000),
                )
            })
            .collect();
        let t = drive(policy, class, window, &mut health, now, &script, next());
        let n = t.attempts.len();
        assert!(n as u32 <= policy.max_retries + 2, "{policy:?} {t:?}");
        assert!(t.end_ms <= now + u64::from(policy.deadline_ms));
        assert!(t.settled_at <= t.end_ms, "settled late: {t:?}");
        let refreshes = t.attempts.iter().filter(|(a, _)| a.refresh_usersig).count();
        assert!(refreshes <= 1);
        for (i, (a, sent)) in t.attempts.iter().enumerate() {
            assert!(
                sent + a.timeout_ms <= t.end_ms && a.timeout_ms <= u64::from(policy.timeout_ms)
            );
            assert!(a.delay_ms < 10_000);
            if i > 0 {
                let prev = script[i - 1].0;
                let took_whole_timeout = script[i - 1].1 >= t.attempts[i - 1].0.timeout_ms;
                let seen = if took_whole_timeout {
                    Outcome::TimedOut
                } else {
                    prev
                };
                assert!(
                    !matches!(fate(seen), Fate::Permanent | Fate::Success | Fate::Aborted),
                    "resent after {seen:?}"
                );
                if class == Unsafe {
                    assert!(
                        !matches!(
                            fate(seen),
                            Fate::Retryable {
                                processed: Processed::Maybe,
                                ..
                            }
                        ),
                        "unsafe resend after {seen:?}"
                    );
                }
            }
        }
        now = t.settled_at + u64::from(next() % 20_000);
    }
}

#[test]
fn options_are_checked() {
    let p = Policy::default()
        .with(Some(0.0), Some(500.0), Some(2_000.0))
        .unwrap();
    assert_eq!(
        p,
        Policy {
            max_retries: 0,
            timeout_ms: 500,
            deadline_ms: 2_000
        }
    );
    assert_eq!(
        Policy::default().with(None, None, None).unwrap(),
        Policy {
            max_retries: 2,
            timeout_ms: 10_000,
            deadline_ms: 30_000
        }
    );
    for (m, t, d) in [
        (Some(-1.0), None, None),
        (Some(1.5), None, None),
        (Some(11.0), None, None),
        (None, Some(0.0), None),
        (None, None, Some(f64::NAN)),
        (None, None, Some(1e12)),
    ] {
        assert_eq!(
            Policy::default().with(m, t, d).unwrap_err().kind,
            crate::error::Kind::BadInput,
            "{m:?} {t:?} {d:?}"
        );
    }
}

#[test]
fn dedup_keys_are_filled_once_and_never_override_the_caller() {
    let parse = |s: &str| serde_json::from_str::<serde_json::Value>(s).unwrap();
    let body = r#"{"From_Account":"a","To_Account":"b","MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"hi"}}]}"#;
    let filled = fill_dedup_keys("openim", "sendmsg", body, [11, 22]).unwrap();
    let v = parse(&filled);
    assert_eq!(
        (v["MsgRandom"].as_u64(), v["MsgSeq"].as_u64()),
        (Some(11), Some(22))
    );
    assert_eq!(v["MsgBody"], parse(body)["MsgBody"]);
    assert!(filled.ends_with(&body[1..]), "the caller's bytes are kept");
    // The caller's MsgRandom stays; only MsgSeq is added.
    let v =
        parse(&fill_dedup_keys("openim", "sendmsg", r#" { "MsgRandom": 5 } "#, [11, 22]).unwrap());
    assert_eq!(
        (v["MsgRandom"].as_u64(), v["MsgSeq"].as_u64()),
        (Some(5), Some(22))
    );
    let both = r#"{"MsgRandom":1,"MsgSeq":2}"#;
    assert_eq!(
        fill_dedup_keys("openim", "sendmsg", both, [11, 22]).unwrap(),
        both
    );
    // Group messages: Random. Empty bodies and zero randoms.
    assert_eq!(
        parse(&fill_dedup_keys("group_open_http_svc", "send_group_msg", "{}", [0, 9]).unwrap()),
        parse(r#"{"Random":1}"#)
    );
    let v =
        parse(&fill_dedup_keys("openim", "importmsg", r#"{"MsgTimeStamp":1}"#, [3, 4]).unwrap());
    assert_eq!(
        (
            v["MsgRandom"].as_u64(),
            v["MsgSeq"].as_u64(),
            v["MsgTimeStamp"].as_u64()
        ),
        (Some(3), Some(4), Some(1))
    );
    // Other endpoints: untouched, even batchsendmsg (Tencent documents no dedup there).
    assert_eq!(
        fill_dedup_keys("openim", "batchsendmsg", "{}", [1, 2]).unwrap(),
        "{}"
    );
    assert_eq!(
        fill_dedup_keys("im_open_login_svc", "account_import", "{not json", [1, 2]).unwrap(),
        "{not json"
    );
    assert_eq!(
        fill_dedup_keys("openim", "sendmsg", "{not json}", [1, 2])
            .unwrap_err()
            .kind,
        crate::error::Kind::BadInput
    );
}

/// Every endpoint the catalog marks `DedupKey` has its keys filled by us or documented as the
/// caller's: a new DedupKey row without either would be resent with nothing to deduplicate on.
#[test]
fn every_dedup_endpoint_has_its_keys() {
    // import_group_msg: each MsgList item carries Random and MsgTimeStamp, which only the caller
    // can know (they are the historical message's own).
    const CALLER_KEYED: &[(&str, &str)] = &[("group_open_http_svc", "import_group_msg")];
    // Official-account sends are deduplicated on identical content within five minutes.
    const CONTENT_KEYED: &[(&str, &str)] = &[(
        "official_account_open_http_svc",
        "send_official_account_msg",
    )];
    for e in crate::api::ENDPOINTS.iter().filter(|e| e.retry == DedupKey) {
        let at = (e.service, e.command);
        let filled = fill_dedup_keys(e.service, e.command, "{}", [1, 2]).unwrap() != "{}";
        let content =
            CONTENT_KEYED.contains(&at) && dedup_window_ms(e.service, e.command) == Some(300_000);
        assert!(
            filled || content || CALLER_KEYED.contains(&at),
            "{}/{} has no dedup keys",
            e.service,
            e.command
        );
    }
    // And the other way round: we fill keys only where the catalog expects them to matter.
    for (s, c) in [
        ("openim", "sendmsg"),
        ("openim", "importmsg"),
        ("group_open_http_svc", "send_group_msg"),
    ] {
        assert_eq!(
            crate::api::find(s, c).map(|e| e.retry),
            Some(DedupKey),
            "{s}/{c}"
        );
    }
}

#[test]
fn transient_failures_are_the_retryable_ones() {
    for o in [
        Outcome::NotSent,
        Outcome::MaybeSent,
        Outcome::TimedOut,
        Outcome::BadBody,
        Outcome::Http(503),
        Outcome::Refused(503),
        Outcome::Http(502),
        Outcome::Http(429),
        Outcome::Api(60018),
        Outcome::Api(20004),
    ] {
        assert!(transient(o), "{o:?}");
    }
    for o in [
        Outcome::Ok,
        Outcome::Aborted,
        Outcome::Http(404),
        Outcome::Api(20003),
        Outcome::Api(70001),
        Outcome::Api(70050),
    ] {
        assert!(!transient(o), "{o:?}");
    }
}
