// The figures of a job, from the emulator's state and the backend's arrival log, never from the
// runner's own view: messages per recipient (exactly one, or none for a recipient the runner
// reported failed), duplicates, silently lost recipients, the busiest one-second window of the
// send endpoint, and the duration against recipients / quota.

/** Messages from `from` in each recipient's history (the emulator's own state, read through its API). */
export async function messagesPerRecipient(admin, from, recipients) {
  const counts = new Map();
  for (const to of recipients) {
    let n = 0;
    try {
      const a = await admin.call('openim', 'admin_getroammsg', { Operator_Account: to, Peer_Account: from, MaxCnt: 100, MinTime: 0, MaxTime: 4000000000 });
      n = a.MsgList.filter((m) => m.From_Account === from).length;
    } catch (e) {
      if (e.code !== 90048) throw e; // 90048: not an account, so nothing was delivered to it
    }
    counts.set(to, n);
  }
  return counts;
}

/** The most units (`[time, units]` pairs) inside any half-open window [t, t + windowMs). */
export function busiestWindow(points, windowMs = 1000) {
  const p = [...points].sort((a, b) => a[0] - b[0]);
  let best = 0;
  let sum = 0;
  let j = 0;
  for (let i = 0; i < p.length; i++) {
    while (j < p.length && p[j][0] < p[i][0] + windowMs) sum += p[j++][1];
    best = Math.max(best, sum);
    sum -= p[i][1];
  }
  return best;
}

/**
 * status: the runner's final status (its failures with codes); counts: messages per recipient.
 * Answers the figures and the list of problems (empty when every rule holds).
 */
export function judgeDelivery({ recipients, counts, status }) {
  const failed = new Map(status.failures.map((f) => [f.id, f]));
  const unknown = new Set(status.unknown.map((u) => u.id));
  const f = { recipients: recipients.length, delivered: 0, reportedDone: status.counts.done, failed: failed.size, unknown: unknown.size, duplicates: 0, lost: 0, failedButDelivered: 0, codes: {} };
  const problems = [];
  for (const r of recipients) {
    const n = counts.get(r) ?? 0;
    if (n > 0) f.delivered++;
    if (n > 1) {
      f.duplicates += n - 1;
      problems.push(`${r}: ${n} messages`);
    }
    if (failed.has(r)) {
      const code = failed.get(r).code;
      f.codes[code] = (f.codes[code] ?? 0) + 1;
      if (n > 0) {
        f.failedButDelivered++;
        problems.push(`${r}: reported failed (${code}) but holds ${n}`);
      }
    } else if (n === 0 && !unknown.has(r)) {
      f.lost++;
      problems.push(`${r}: no message, not reported failed or unknown`);
    }
  }
  if (f.unknown) problems.push(`${f.unknown} recipients reported unknown`);
  if (status.state !== 'done') problems.push(`the job is ${status.state}, not done`);
  return { figures: f, problems };
}

/**
 * Pacing of `command` from the backend's arrivals: the busiest window of each quota, and the
 * duration (first to last arrival) against `units` / the binding quota. `downtimeMs`: time no
 * runner was alive (from a kill to the restarted runner's first request), reported, and left
 * out of the judged duration. `slack`: the allowed relative difference (null: not judged).
 */
export function judgePacing({ arrivals, command, quotas, units, downtimeMs = 0, slack = 0.1 }) {
  const mine = arrivals.filter((a) => a.command === command);
  const times = mine.map((a) => a.t);
  const durationMs = times.length ? Math.max(...times) - Math.min(...times) : 0;
  const problems = [];
  const windows = quotas.map((q) => {
    const busiest = busiestWindow(mine.map((a) => [a.t, q.per === 'item' ? a.items : 1]), q.windowMs);
    if (busiest > q.limit) problems.push(`${busiest} ${q.per === 'item' ? 'items' : 'requests'} of ${command} in one ${q.windowMs} ms window (quota ${q.limit})`);
    return { per: q.per ?? 'request', limit: q.limit, windowMs: q.windowMs, busiest };
  });
  // The binding quota: the one that takes longest for `units` (requests or items).
  const idealMs = Math.max(...quotas.map((q) => ((q.per === 'item' ? units.items : units.requests) / q.limit) * q.windowMs));
  const activeMs = durationMs - downtimeMs;
  const f = {
    requests: mine.length, windows, durationMs: Math.round(durationMs), downtimeMs: Math.round(downtimeMs), activeMs: Math.round(activeMs), idealMs,
    ratio: Number((durationMs / idealMs).toFixed(3)), activeRatio: Number((activeMs / idealMs).toFixed(3)),
  };
  if (slack !== null && Math.abs(activeMs - idealMs) > slack * idealMs) problems.push(`duration ${f.activeMs} ms (runner alive) is not within ${slack * 100}% of ${idealMs} ms`);
  return { figures: f, problems };
}

/**
 * How late a 10 ms timer fires in this process, beyond 25 ms, summed: a loaded machine stalls
 * every process on it, and pacing on a host that cannot keep time costs grants. Durations are
 * judged only when the stall total stays small.
 */
export function startStallProbe() {
  let stallMs = 0;
  let expected = Date.now() + 10;
  const timer = setInterval(() => {
    const late = Date.now() - expected;
    if (late > 25) stallMs += late;
    expected = Date.now() + 10;
  }, 10);
  return { stop: () => (clearInterval(timer), Math.round(stallMs)) };
}
