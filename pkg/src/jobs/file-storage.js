// Storage for the ledger in one file (Node, Deno, Bun): an append-only log of JSON lines, each
// a batch of key/value writes, flushed to disk (fdatasync) before `put` resolves. Opening replays
// it; a torn last line (a crash mid-write) is ignored, which loses at most that one batch, and a
// batch is only ever a begin or a commit, which the ledger's rules make safe to lose. When the
// log holds four times what is live, it is rewritten (to a temporary file, then renamed).
//
// One process at a time: `open` takes `<path>.lock` (with the process id) and refuses while
// another live process holds it; a lock left by a dead process is taken over.

import { MemoryLimiter } from './planner.js';

// Loaded on first use, so hosts without a file system never need it. The specifier is a
// variable so that type checkers (`deno publish` would want @types/node) and bundlers (webpack,
// Vite: told by the comments) leave it to the runtime.
const NODE_FS = 'node:fs';

async function fsModule() {
  return import(/* webpackIgnore: true */ /* @vite-ignore */ NODE_FS);
}

export class FileStorage {
  /** `readOnly`: no lock, no writes (reading the status of a job another process runs). */
  static async open(path, { readOnly = false } = {}) {
    const fs = await fsModule();
    const lock = readOnly ? null : `${path}.lock`;
    if (lock) takeLock(fs, lock);
    const s = new FileStorage(fs, path, lock);
    try {
      s.#replay();
      if (!readOnly) s.fd = fs.openSync(path, 'a');
    } catch (e) {
      s.#unlock();
      throw e;
    }
    return s;
  }

  #fs;
  #lock;
  constructor(fs, path, lock) {
    this.#fs = fs;
    this.path = path;
    this.#lock = lock;
    this.map = new Map();
    this.logBytes = 0;
  }

  #replay() {
    let text;
    try {
      text = this.#fs.readFileSync(this.path, 'utf8');
    } catch (e) {
      if (e.code === 'ENOENT') return;
      throw e;
    }
    this.logBytes = text.length;
    for (const line of text.split('\n')) {
      if (!line) continue;
      let batch;
      try {
        batch = JSON.parse(line);
      } catch {
        break; // a torn last write
      }
      for (const [k, v] of Object.entries(batch)) this.map.set(k, v);
    }
  }

  async get(key) {
    const v = this.map.get(key);
    return v === undefined ? undefined : structuredClone(v);
  }

  async list(prefix) {
    const out = new Map();
    for (const [k, v] of this.map) if (k.startsWith(prefix)) out.set(k, structuredClone(v));
    return out;
  }

  async put(entries) {
    if (this.fd === undefined) throw new Error(`${this.path} is open read-only`);
    const line = `${JSON.stringify(entries)}\n`;
    this.#fs.writeSync(this.fd, line);
    this.#fs.fdatasyncSync(this.fd);
    this.logBytes += line.length;
    for (const [k, v] of Object.entries(entries)) this.map.set(k, structuredClone(v));
    if (this.logBytes > 1 << 20) this.#maybeCompact();
  }

  #maybeCompact() {
    const live = [...this.map].reduce((n, [k, v]) => n + k.length + JSON.stringify(v).length + 4, 0);
    if (this.logBytes < 4 * live) return;
    const fs = this.#fs;
    const tmp = `${this.path}.tmp`;
    const fd = fs.openSync(tmp, 'w');
    let bytes = 0;
    for (const [k, v] of this.map) {
      const line = `${JSON.stringify({ [k]: v })}\n`;
      fs.writeSync(fd, line);
      bytes += line.length;
    }
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.closeSync(this.fd);
    fs.renameSync(tmp, this.path);
    this.fd = fs.openSync(this.path, 'a');
    this.logBytes = bytes;
  }

  close() {
    if (this.fd !== undefined) this.#fs.closeSync(this.fd);
    this.fd = undefined;
    this.#unlock();
  }

  #unlock() {
    if (!this.#lock) return;
    try {
      this.#fs.unlinkSync(this.#lock);
    } catch { /* already gone */ }
  }
}

function takeLock(fs, lock) {
  for (let i = 0; i < 2; i++) {
    try {
      fs.writeFileSync(lock, String(globalThis.process?.pid ?? 0), { flag: 'wx' });
      return;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      const pid = Number(fs.readFileSync(lock, 'utf8'));
      if (pid > 0 && alive(pid)) throw new Error(`${lock}: the job is being run by process ${pid}`);
      fs.unlinkSync(lock); // left by a process that is gone
    }
  }
  throw new Error(`${lock}: could not take the lock`);
}

function alive(pid) {
  try {
    globalThis.process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

/**
 * The quota limiter of a local job, its state kept in `<checkpoint>.limiter` after every grant
 * (written to a temporary file and renamed, so it is whole or absent). A runner restarted after a
 * kill starts from the grants of the one before it, so the restart cannot burst past the quota.
 * Not flushed to disk: a killed process's writes survive; a machine that loses power is down for
 * longer than any quota window.
 */
export class FileLimiter {
  static async open(path, { guardMs }) {
    const fs = await fsModule();
    let state;
    try {
      state = fs.readFileSync(path, 'utf8');
    } catch (e) {
      if (e.code !== 'ENOENT') throw e;
    }
    return new FileLimiter(fs, path, guardMs, state);
  }

  #fs;
  #inner;
  #dirty = false;
  constructor(fs, path, guardMs, state) {
    this.#fs = fs;
    this.path = path;
    try {
      this.#inner = new MemoryLimiter({ guardMs, state });
    } catch {
      this.#inner = new MemoryLimiter({ guardMs }); // unreadable: start fresh
    }
  }

  #save() {
    const tmp = `${this.path}.tmp`;
    this.#fs.writeFileSync(tmp, this.#inner.state());
    this.#fs.renameSync(tmp, this.path);
  }

  async reserve(costs) {
    const waits = await this.#inner.reserve(costs);
    this.#save();
    return waits;
  }

  admit(costs, now = Date.now()) {
    const wait = this.#inner.admit(costs, now);
    // Saved before the request leaves: a runner killed right after a send must not leave the
    // next one a file without it (that runner would admit one request too many into the same
    // window; seen once per 100,000-recipient run with three kills). A killed process keeps
    // what it wrote; the operating system writes it out. About 0.2 ms per request (a log of
    // 200 sends, measured on 2 busy cores).
    if (wait === 0) this.#save();
    return wait;
  }

  restamp(admittedAt, costs) {
    this.#inner.restamp(admittedAt, costs);
    this.#saveSoon();
  }

  // A restamp only moves a send later: saved after the send has left (the next macrotask), so
  // the write does not delay it.
  #saveSoon() {
    if (this.#dirty) return;
    this.#dirty = true;
    setTimeout(() => {
      this.#dirty = false;
      this.#save();
    }, 0);
  }

  async penalize(bucket, quota) {
    await this.#inner.penalize(bucket, quota);
    this.#save();
  }
}
