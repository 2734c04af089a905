// One job run end to end for the `jobs` row: an emulator behind the backend (optionally with
// network faults), a runner process (Node or Deno) killed with SIGKILL at random moments and
// started again on the same checkpoint, injected step failures inside it, then the audit.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startBackend } from './backend.mjs';
import { messagesPerRecipient, judgeDelivery, judgePacing, startStallProbe } from './audit.mjs';

const MARK = '@@JOB ';
const APP = 1400000018;
const KEY = 'jobs-row-key-0123456789abcdef0123';
const MSG = [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'The spring update is out.' } }];

function prng(seed) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    return x / 4294967296;
  };
}

/** Starts the runner; resolves { result, killed, ms }. `killAfterMs`: SIGKILL it then. */
function runOnce({ runtime, denoBin, cwd, config, killAfterMs, deadline }) {
  const started = Date.now();
  const [cmd, args] = runtime === 'deno'
    ? [denoBin, ['run', '--allow-net=127.0.0.1', '--allow-read', '--allow-write', '--allow-env', 'tests/jobs/child.mjs', JSON.stringify(config)]]
    : [process.execPath, ['tests/jobs/child.mjs', JSON.stringify(config)]];
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DENO_NO_UPDATE_CHECK: '1' } });
    let out = '';
    let err = '';
    let killed = false;
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const kill = () => {
      killed = true;
      child.kill('SIGKILL');
    };
    const t1 = killAfterMs === undefined ? null : setTimeout(kill, killAfterMs);
    const t2 = setTimeout(kill, Math.max(1000, deadline - Date.now()));
    child.on('close', () => {
      clearTimeout(t1);
      clearTimeout(t2);
      const line = out.split('\n').find((l) => l.startsWith(MARK));
      resolve({ result: line ? JSON.parse(line.slice(MARK.length)) : null, killed, ms: Date.now() - started, stderr: err.slice(-2000) });
    });
  });
}

/**
 * o: { name, runtime, tim: { TimClient }, Emulator, scratchDir, denoBin, endpoint, n, ghosts,
 *      quotas, chunkSize, kills, failRate, faults, seed, timeoutS, guardMs, slack }
 * Answers { figures, problems, runs }.
 */
export async function runScenario(o) {
  const rand = prng(o.seed);
  const dir = join(o.scratchDir, 'jobs-runs', o.name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const emulator = new o.Emulator({ sdkAppId: APP, key: KEY });
  const admin = new o.tim.TimClient({ sdkAppId: APP, key: KEY, fetch: emulator.fetch });
  const users = Array.from({ length: o.n }, (_, i) => `u${String(i).padStart(6, '0')}`);
  const ghosts = Array.from({ length: o.ghosts ?? 0 }, (_, i) => `ghost${i}`);
  const isImport = o.endpoint === 'im_open_login_svc/multiaccount_import';
  if (!isImport) await admin.account.importAccountsBatched({ Accounts: ['news', ...users] }, { concurrency: 4 });
  const items = isImport ? users : [...users, ...ghosts];
  const itemsFile = join(dir, 'items.json');
  writeFileSync(itemsFile, JSON.stringify(items));
  const backend = await startBackend({ emulator, faults: o.faults ?? null });
  const job = {
    id: `${o.name}-${o.seed}`,
    endpoint: o.endpoint,
    body: isImport ? {} : { From_Account: 'news', MsgBody: MSG },
    chunkSize: o.chunkSize,
    quotas: o.quotas,
    guardMs: o.guardMs ?? 25,
    settleMs: 1000,
  };
  const config = { baseUrl: backend.url, sdkAppId: APP, key: KEY, checkpoint: join(dir, 'job.ckpt'), sentLog: join(dir, 'sent.log'), job, itemsFile, failRate: o.failRate ?? 0, timeoutMs: 2000 };
  const deadline = Date.now() + (o.timeoutS ?? 120) * 1000;
  let figuresStall = 0;
  const runs = [];
  const probe = startStallProbe(); // this process: it serves the backend
  let final = null;
  try {
    let kills = o.kills ?? 0;
    while (!final && Date.now() < deadline) {
      // Kill somewhere in the first part of the remaining work, so restarts land mid-job.
      const killAfterMs = kills > 0 ? Math.round((o.killMinMs ?? 1500) + rand() * (o.killSpanMs ?? 4000)) : undefined;
      const spawnedAt = Date.now();
      const r = await runOnce({ runtime: o.runtime, denoBin: o.denoBin, cwd: o.scratchDir, config: { ...config, seed: o.seed + runs.length }, killAfterMs, deadline });
      runs.push({ spawnedAt, endedAt: spawnedAt + r.ms, killed: r.killed, ms: r.ms, injected: r.result?.injected ?? 0, stallMs: r.result?.stallMs ?? 0, run: r.result?.status?.run, ok: r.result?.ok ?? null });
      if (r.killed) kills--;
      else if (r.result?.ok) final = r.result.status;
      else throw new Error(`runner failed: ${r.result?.error ?? r.stderr}`);
    }
    if (!final) throw new Error(`no result within ${o.timeoutS} s (${runs.length} runs)`);
  } finally {
    figuresStall = probe.stop();
    await backend.close();
  }
  const problems = [];
  const figures = { runs: runs.length, kills: runs.filter((r) => r.killed).length, injectedStepFailures: runs.reduce((n, r) => n + r.injected, 0), faults: backend.injected };
  // Host stalls: the runner's (runs that finished report theirs) and this process's.
  const stallMs = Math.max(runs.reduce((n, r) => n + r.stallMs, 0), figuresStall);
  figures.lastRun = runs.at(-1).run;
  const command = o.endpoint.split('/')[1];
  if (isImport) {
    const status = final;
    const check = await admin.account.checkAccountsBatched({ CheckItem: users.map((UserID) => ({ UserID })) });
    const imported = check.ResultItem.filter((r) => r.AccountStatus === 'Imported').length;
    Object.assign(figures, { items: users.length, imported, reportedDone: status.counts.done, failed: status.counts.failed, unknown: status.counts.unknown });
    if (imported !== users.length) problems.push(`${users.length - imported} accounts not imported`);
    if (status.counts.done !== users.length) problems.push(`the runner reports ${status.counts.done} done`);
  } else {
    const counts = await messagesPerRecipient(admin, 'news', items);
    const d = judgeDelivery({ recipients: items, counts, status: final });
    Object.assign(figures, d.figures);
    problems.push(...d.problems);
    if (ghosts.length && d.figures.failed !== ghosts.length) problems.push(`${d.figures.failed} failed, expected the ${ghosts.length} ghosts`);
  }
  const units = { requests: o.endpoint === 'openim/sendmsg' ? items.length : Math.ceil(items.length / (o.perRequest ?? 1)), items: items.length };
  // The outgoing edge (judged): every request as the runner handed it to fetch.
  const sent = readFileSync(config.sentLog, 'utf8').split('\n').filter(Boolean).map((l) => {
    const [cmd, t, items] = l.split(' ');
    return { command: cmd, t: Number(t), items: Number(items) };
  });
  // No runner alive: from each kill to the next runner's first request.
  let downtimeMs = 0;
  const sends = sent.filter((a) => a.command === command).map((a) => a.t).sort((a, b) => a - b);
  for (let i = 1; i < runs.length; i++) {
    const first = sends.find((t) => t >= runs[i].spawnedAt);
    if (runs[i - 1].killed && first !== undefined) downtimeMs += first - runs[i - 1].endedAt;
  }
  const quotas = o.quotas[o.endpoint];
  const idealMs = Math.max(...quotas.map((q) => ((q.per === 'item' ? units.items : units.requests) / q.limit) * q.windowMs));
  // The duration is judged only when the host kept time (stalls under 5% of the ideal).
  const judged = o.slack !== null && stallMs <= 0.05 * idealMs;
  const edge = judgePacing({ arrivals: sent, command, quotas, units, downtimeMs, slack: judged ? (o.slack ?? 0.1) : null });
  const back = judgePacing({ arrivals: backend.arrivals, command, quotas, units, downtimeMs, slack: null });
  figures.pacing = { sent: edge.figures, arrived: back.figures, hostStallMs: stallMs, durationJudged: judged };
  problems.push(...edge.problems);
  return { figures, problems, runs };
}
