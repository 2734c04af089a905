use crate::jobs::pacing::{Cost, Limiter, Quota};

/// The most units that start inside any half-open window `[t, t + window)`.
fn busiest_window(grants: &[(u64, u32)], window: u64) -> u64 {
    let mut worst = 0;
    for (i, &(t, _)) in grants.iter().enumerate() {
        let n: u64 = grants[i..]
            .iter()
            .take_while(|g| g.0 < t + window)
            .map(|g| u64::from(g.1))
            .sum();
        worst = worst.max(n);
    }
    worst
}

fn cost(bucket: &str, q: Quota, units: u32) -> Cost {
    Cost {
        bucket: bucket.into(),
        quota: q,
        units,
    }
}

/// A small deterministic generator (xorshift) for arrival times and sizes.
fn rng(mut x: u64) -> impl FnMut(u64) -> u64 {
    move |m| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x % m
    }
}

#[test]
fn one_unit_requests_are_evenly_spaced_and_never_over_the_quota() {
    for (limit, window, guard) in [(200, 1000, 25), (50, 1000, 0), (7, 1000, 10), (30, 250, 5)] {
        let q = Quota::requests(limit, window);
        let mut l = Limiter::new(guard);
        let mut next = rng(u64::from(limit) + 1);
        let mut now = 0;
        let mut grants = Vec::new();
        for _ in 0..3000 {
            now += next(3 * u64::from(window) / u64::from(limit)); // sometimes idle, mostly backlogged
            let at = l.reserve(now, &[cost("b", q, 1)]);
            assert!(at >= now);
            assert!(
                grants.last().is_none_or(|&(p, _)| at >= p),
                "grants are in order"
            );
            grants.push((at, 1));
        }
        // Rounding up to whole ms never lets more in than the (unguarded) window allows.
        assert!(
            busiest_window(&grants, u64::from(window)) <= u64::from(limit),
            "{limit}/{window}"
        );
    }
}

#[test]
fn a_backlog_drains_at_the_guarded_rate() {
    let q = Quota::requests(100, 1000);
    let mut l = Limiter::new(20);
    let grants: Vec<u64> = (0..1000)
        .map(|_| l.reserve(0, &[cost("b", q, 1)]))
        .collect();
    // 1000 requests at 100 per 1020 ms: the last starts at 999 * 10.2 ms.
    assert_eq!(grants[999], 10_190);
    assert_eq!(
        busiest_window(&grants.iter().map(|&t| (t, 1)).collect::<Vec<_>>(), 1000),
        99
    );
}

#[test]
fn varied_costs_stay_under_every_window_of_every_quota() {
    // batchsendmsg's pair: 200 calls/s and 12,000 recipients/min, with calls of 1..500.
    let calls = Quota::requests(200, 1000);
    let msgs = Quota::items(12_000, 60_000);
    let mut l = Limiter::new(0);
    let mut next = rng(99);
    let mut now = 0;
    let mut per_call = Vec::new();
    let mut per_msg = Vec::new();
    let mut units = 0u64;
    for _ in 0..2000 {
        now += next(400);
        let n = 1 + next(500) as u32;
        let at = l.reserve(now, &[cost("c", calls, 1), cost("m", msgs, n)]);
        per_call.push((at, 1));
        per_msg.push((at, n));
        units += u64::from(n);
    }
    assert!(busiest_window(&per_call, 1000) <= 200);
    assert!(busiest_window(&per_msg, 60_000) <= 12_000);
    // Varied sizes cost some throughput (the sliding log waits for whole calls to leave the
    // window): within 4% of 5 ms per message.
    let last = per_msg.last().unwrap().0;
    assert!(
        last <= units * 5 * 104 / 100,
        "{last} ms for {units} messages"
    );
    // Equal sizes run at the quota: 100 calls of 500 take 100 * 2.5 s (the last starts at 247.5 s).
    let mut l = Limiter::new(0);
    let at: Vec<u64> = (0..100)
        .map(|_| l.reserve(0, &[cost("c", calls, 1), cost("m", msgs, 500)]))
        .collect();
    assert_eq!(at[99], 247_500);
}

#[test]
fn a_rate_limit_answer_pauses_the_bucket_for_a_window() {
    let q = Quota::requests(10, 1000);
    let mut l = Limiter::new(0);
    assert_eq!(l.reserve(0, &[cost("b", q, 1)]), 0);
    l.penalize(50, "b", &q);
    assert_eq!(l.reserve(60, &[cost("b", q, 1)]), 1050);
    // Other buckets are not affected.
    assert_eq!(l.reserve(60, &[cost("other", q, 1)]), 60);
}

#[test]
fn the_state_survives_a_round_trip() {
    let q = Quota::requests(5, 1000);
    let mut l = Limiter::new(0);
    for _ in 0..5 {
        l.reserve(0, &[cost("b", q, 1)]);
    }
    let text = serde_json::to_string(&l).unwrap();
    let mut back: Limiter = serde_json::from_str(&text).unwrap();
    assert_eq!(
        back.reserve(0, &[cost("b", q, 1)]),
        l.reserve(0, &[cost("b", q, 1)])
    );
    back.forget_idle(100_000_000);
    assert_eq!(back.reserve(100_000_000, &[cost("b", q, 1)]), 100_000_000);
}

#[test]
fn admission_holds_late_requests_to_the_windows_of_real_sends() {
    // A host that stalls: grants are smooth, but the requests wake in clumps. Every request
    // asks admit() before it leaves; the real sends never crowd a window, and nothing waits
    // longer than the window needs.
    let q = Quota::requests(50, 1000);
    let mut l = Limiter::new(0);
    let grants: Vec<u64> = (0..1000)
        .map(|_| l.reserve(0, &[cost("b", q, 1)]))
        .collect();
    let mut next = rng(7);
    let mut sends = Vec::new();
    let mut clock = 0u64;
    for g in grants {
        // Woken late: sometimes by a lot (a stall), in order.
        clock = clock.max(g + if next(10) == 0 { next(400) } else { next(5) });
        loop {
            match l.admit(clock, &[cost("b", q, 1)]) {
                0 => break,
                wait => clock += wait,
            }
        }
        sends.push((clock, 1));
    }
    assert!(busiest_window(&sends, 1000) <= 50);
    let last = sends.last().unwrap().0;
    assert!(
        last < 20_000 + 1_000,
        "1000 requests at 50/s took {last} ms"
    );
    // A request of more units than fit waits for exactly enough of the window to pass.
    let m = Quota::items(100, 1000);
    let mut l = Limiter::new(0);
    assert_eq!(l.admit(0, &[cost("m", m, 60)]), 0);
    assert_eq!(l.admit(10, &[cost("m", m, 60)]), 990);
    assert_eq!(l.admit(1000, &[cost("m", m, 60)]), 0);
}

#[test]
fn a_request_that_left_late_counts_from_when_it_left() {
    // One request a second, no guard. Admitted at 0, it reached the wire at 60 (the host ran
    // other work in between): the next may leave at 1060, not 1000.
    let q = Quota::requests(1, 1000);
    let mut l = Limiter::new(0);
    assert_eq!(l.admit(0, &[cost("b", q, 1)]), 0);
    l.restamp(0, 60, &[cost("b", q, 1)]);
    assert_eq!(l.admit(1000, &[cost("b", q, 1)]), 60);
    assert_eq!(l.admit(1060, &[cost("b", q, 1)]), 0);
    // Out of order: admitted at 2000 and 2010 (2 a second), the first left at 2500, after the
    // second; the log stays sorted, so both leave their window in time order.
    let q2 = Quota::requests(2, 1000);
    let mut l = Limiter::new(0);
    assert_eq!(l.admit(2000, &[cost("c", q2, 1)]), 0);
    assert_eq!(l.admit(2010, &[cost("c", q2, 1)]), 0);
    l.restamp(2000, 2500, &[cost("c", q2, 1)]);
    assert_eq!(l.admit(3010, &[cost("c", q2, 1)]), 0);
    assert_eq!(l.admit(3011, &[cost("c", q2, 1)]), 489);
    // A stamp that is not later, or names no admitted request, changes nothing.
    l.restamp(9999, 10_000, &[cost("c", q2, 1)]);
    l.restamp(3010, 3010, &[cost("c", q2, 1)]);
    assert_eq!(l.admit(3500, &[cost("c", q2, 1)]), 0);
}
