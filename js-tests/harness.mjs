// A tiny runtime-neutral test registry and assert helpers.
// No node:* imports: the same file runs in Node (ESM and CJS), Deno, Bun and workerd without
// nodejs_compat. Tests run one after another, each bounded by a timeout; results are plain data.

export class AssertionError extends Error {
  constructor(message) {
    super(message);
    this.name = 'AssertionError';
  }
}

function show(v) {
  if (typeof v === 'string') return JSON.stringify(v.length > 200 ? v.slice(0, 200) + '…' : v);
  if (typeof v === 'bigint') return `${v}n`;
  if (v instanceof Uint8Array) return `Uint8Array[${Array.from(v.slice(0, 48)).join(',')}${v.length > 48 ? ',…' : ''}]`;
  try {
    const s = JSON.stringify(v);
    if (s !== undefined) return s.length > 300 ? s.slice(0, 300) + '…' : s;
  } catch { /* cyclic: fall through */ }
  return String(v);
}

function fail(message, hint) {
  throw new AssertionError(hint ? `${hint}: ${message}` : message);
}

function deepEq(a, b) {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (ArrayBuffer.isView(a) || ArrayBuffer.isView(b)) {
    if (!ArrayBuffer.isView(a) || !ArrayBuffer.isView(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka) {
    if (!Object.prototype.hasOwnProperty.call(b, k) || !deepEq(a[k], b[k])) return false;
  }
  return true;
}

function checkError(err, predicate, hint) {
  if (predicate === undefined) return;
  if (typeof predicate === 'function') {
    let verdict;
    try {
      verdict = predicate(err);
    } catch (e) {
      fail(`error did not satisfy the predicate (${e && e.message}); got ${describeError(err)}`, hint);
    }
    if (verdict === false) fail(`error did not satisfy the predicate; got ${describeError(err)}`, hint);
    return;
  }
  if (typeof predicate === 'object' && predicate !== null) {
    for (const [k, want] of Object.entries(predicate)) {
      const got = err == null ? undefined : err[k];
      const ok = want instanceof RegExp ? typeof got === 'string' && want.test(got) : deepEq(got, want);
      if (!ok) fail(`error.${k} is ${show(got)}, expected ${want instanceof RegExp ? want : show(want)}; got ${describeError(err)}`, hint);
    }
    return;
  }
  fail('rejects/throws predicate must be a function or an object of expected properties', hint);
}

export function describeError(err) {
  if (err === null || typeof err !== 'object') return show(err);
  const props = {};
  for (const k of ['name', 'kind', 'code', 'info', 'retryable', 'service', 'command', 'httpStatus', 'message']) {
    if (err[k] !== undefined) props[k] = err[k];
  }
  return show(props);
}

export const assert = {
  ok(value, hint) {
    if (!value) fail(`expected a truthy value, got ${show(value)}`, hint);
  },
  equal(actual, expected, hint) {
    if (!Object.is(actual, expected)) fail(`got ${show(actual)}, expected ${show(expected)}`, hint);
  },
  notEqual(actual, unexpected, hint) {
    if (Object.is(actual, unexpected)) fail(`got ${show(actual)}, expected anything else`, hint);
  },
  deepEqual(actual, expected, hint) {
    if (!deepEq(actual, expected)) fail(`got ${show(actual)}, expected ${show(expected)}`, hint);
  },
  match(actual, regex, hint) {
    if (typeof actual !== 'string' || !regex.test(actual)) fail(`${show(actual)} does not match ${regex}`, hint);
  },
  // Synchronous throw. predicate: function(err) -> false/throw to fail, or {prop: value|RegExp}.
  throws(fn, predicate, hint) {
    let threw = false;
    let err;
    let result;
    try {
      result = fn();
    } catch (e) {
      threw = true;
      err = e;
    }
    if (!threw) fail(`expected a throw, returned ${show(result)}`, hint);
    checkError(err, predicate, hint);
    return err;
  },
  // Promise (or function returning one) that must reject.
  async rejects(promiseOrFn, predicate, hint) {
    let err;
    let rejected = false;
    let result;
    try {
      result = await (typeof promiseOrFn === 'function' ? promiseOrFn() : promiseOrFn);
    } catch (e) {
      rejected = true;
      err = e;
    }
    if (!rejected) fail(`expected a rejection, resolved with ${show(result)}`, hint);
    checkError(err, predicate, hint);
    return err;
  },
  fail(message) {
    fail(message);
  },
};

// Registry. `test(name, fn, { timeoutMs })` registers; `run()` executes sequentially.
export function createRegistry({ defaultTimeoutMs = 10000 } = {}) {
  const tests = [];
  const names = new Set();

  function test(name, fn, opts = {}) {
    if (typeof name !== 'string' || typeof fn !== 'function') throw new Error('test(name, fn) needs a string and a function');
    if (names.has(name)) throw new Error(`duplicate test name: ${name}`);
    names.add(name);
    tests.push({ name, fn, timeoutMs: opts.timeoutMs ?? defaultTimeoutMs });
  }

  // A test may report a figure: `test(name, (t) => { ...; t.note('peak 3 MB'); })`; it is
  // printed after the result (and kept in the result's `note`).
  async function runOne(t) {
    const started = Date.now();
    const notes = [];
    const ctx = { note: (text) => notes.push(String(text)) };
    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new AssertionError(`timed out after ${t.timeoutMs} ms`)), t.timeoutMs);
    });
    try {
      await Promise.race([Promise.resolve().then(() => t.fn(ctx)), timeout]);
      return { name: t.name, ok: true, ms: Date.now() - started, note: notes.join('; ') || undefined };
    } catch (e) {
      const message = e instanceof AssertionError ? e.message : `unexpected ${describeError(e)}`;
      return { name: t.name, ok: false, ms: Date.now() - started, error: message, note: notes.join('; ') || undefined };
    } finally {
      clearTimeout(timer);
    }
  }

  // grep: only run tests whose name contains it. onResult: called after each test.
  async function run({ grep, onResult } = {}) {
    const results = [];
    for (const t of tests) {
      if (grep && !t.name.includes(grep)) continue;
      const r = await runOne(t);
      results.push(r);
      if (onResult) onResult(r);
    }
    return results;
  }

  return { test, run, tests };
}

export function formatResult(r) {
  const note = r.note ? ` [${r.note}]` : '';
  return r.ok ? `ok   ${r.name} (${r.ms} ms)${note}` : `FAIL ${r.name} (${r.ms} ms): ${r.error}${note}`;
}
