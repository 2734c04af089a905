// Subprocesses for the ecosystem checks: every one bounded in time, in its own process group so
// a timeout (or the end of a server's check) stops everything it started.
import { spawn } from 'node:child_process';

const live = new Set();

function killGroup(child, signal = 'SIGKILL') {
  try {
    process.kill(-child.pid, signal);
  } catch { /* already gone */ }
}

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    for (const child of live) killGroup(child);
    process.exit(130);
  });
}

/**
 * Runs `cmd args` to completion (or `timeoutMs`). Resolves { code, stdout, stderr, ms } and
 * never rejects for a non-zero exit; `ok(result)` is the caller's question.
 */
export function run(cmd, args, { cwd, env, timeoutMs = 120000 } = {}) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    live.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      stderr += `\n(killed after ${timeoutMs} ms)`;
      killGroup(child);
    }, timeoutMs);
    const done = (code) => {
      clearTimeout(timer);
      live.delete(child);
      killGroup(child); // anything it left behind
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    };
    child.on('close', done);
    child.on('error', (e) => {
      stderr += e.message;
      done(-1);
    });
  });
}

/** Starts a long-running process; returns { child, output(), stop() }. */
export function start(cmd, args, { cwd, env } = {}) {
  const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  child.on('error', (e) => (output += e.message));
  return {
    child,
    output: () => output,
    stop() {
      killGroup(child, 'SIGTERM');
      setTimeout(() => killGroup(child), 2000).unref();
      live.delete(child);
    },
  };
}

/** The last line of `text` that parses as a JSON object. */
export function lastJson(text) {
  for (const line of text.trim().split('\n').reverse()) {
    try {
      const v = JSON.parse(line);
      if (v && typeof v === 'object') return v;
    } catch { /* not JSON */ }
  }
  throw new Error(`no JSON line in the output: ${text.trim().slice(-300) || '(empty)'}`);
}

/** A one-line summary of a failed command's output. */
export function failure(what, r) {
  const tail = `${r.stdout}\n${r.stderr}`.trim().split('\n').filter(Boolean).slice(-6).join(' | ');
  return new Error(`${what} exited with ${r.code}: ${tail.slice(0, 800)}`);
}
