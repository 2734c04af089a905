// The hostile host (issue 12): what user code and hosts may hand the client, in every runtime.
// Foreign and polyfilled signals, fetches that ignore their signal, never answer, throw, or answer
// something that is not a Response, bodies that stall, aborts mid-call. Each case asserts the
// documented outcome and that the call settles within `deadlineMs` plus 100 ms (the README's
// promise: every attempt ends within `deadlineMs`, whatever `fetch` does), and the runner itself
// proves the process survived every case.

const SVC = 'tim_edge_test';
const SLACK_MS = 100;
const OK = '{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":""}';

export default function register(test, tim, env) {
  const { assert } = env;
  const client = (fetch, opts = {}) =>
    new tim.TimClient({ sdkAppId: env.app.sdkAppId, key: env.app.key, baseUrl: 'https://tim.example', fetch, maxRetries: 0, ...opts });

  // Settles `p` and returns [value or error, milliseconds it took].
  async function timed(p) {
    const t0 = Date.now();
    try {
      return [await p, Date.now() - t0, true];
    } catch (e) {
      return [e, Date.now() - t0, false];
    }
  }
  async function rejectsWithin(p, ms, kind, hint) {
    const [e, took, ok] = await timed(p);
    assert.ok(!ok, `${hint}: expected a rejection, resolved with ${JSON.stringify(e)}`);
    assert.ok(e instanceof tim.TimError, `${hint}: not a TimError: ${e}`);
    assert.equal(e.kind, kind, `${hint}: kind (${e.message})`);
    assert.ok(took <= ms + SLACK_MS, `${hint}: settled after ${took} ms, allowed ${ms} + ${SLACK_MS}`);
    return e;
  }

  const never = () => new Promise(() => {});
  // A body that sends one chunk and then never another; records whether it was cancelled.
  function stallingBody(first = '{"ActionStatus":') {
    const state = { cancelled: false };
    const stream = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode(first));
      },
      cancel() {
        state.cancelled = true;
      },
    });
    return { stream, state };
  }

  // ---- fetches that do not keep their promises ----

  test('a fetch that ignores its signal and never answers: timeout at deadlineMs', async () => {
    let sawSignal;
    const f = (url, init) => {
      sawSignal = init.signal;
      return never();
    };
    await rejectsWithin(client(f).call(SVC, 'hang', {}, { deadlineMs: 300 }), 300, 'timeout', 'deadlineMs');
    await rejectsWithin(client(f, { timeoutMs: 200 }).call(SVC, 'hang'), 200, 'timeout', 'timeoutMs');
    // The SDK's own signal went to fetch, and it fired.
    assert.ok(sawSignal instanceof AbortSignal && sawSignal.aborted, 'the signal handed to fetch was aborted');
  });

  test('a fetch that never answers, aborted mid-call by the caller: aborted at once', async () => {
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 50);
    await rejectsWithin(client(never).call(SVC, 'hang', {}, { signal: ac.signal, deadlineMs: 5000 }), 50, 'aborted', 'abort');
  });

  test('a body that stalls mid-stream (with and without Content-Length): timeout, and the reader is cancelled', async () => {
    for (const withLength of [false, true]) {
      const { stream, state } = stallingBody();
      const headers = withLength ? { 'content-length': '1000' } : {};
      const f = async () => new Response(stream, { headers });
      const e = await rejectsWithin(client(f).call(SVC, 'stall', {}, { deadlineMs: 300 }), 300, 'timeout', `stall, content-length ${withLength}`);
      assert.equal(e.outcomeKnown, false, 'the request may have been processed');
      if (!withLength) {
        await new Promise((r) => setTimeout(r, 20));
        assert.ok(state.cancelled, 'the stalled stream was cancelled');
      }
    }
  });

  test('a body that stalls, aborted mid-read: aborted, the reader cancelled', async () => {
    const { stream, state } = stallingBody();
    const ac = new AbortController();
    const f = async () => {
      setTimeout(() => ac.abort(), 30);
      return new Response(stream);
    };
    await rejectsWithin(client(f).call(SVC, 'stall', {}, { signal: ac.signal, deadlineMs: 5000 }), 30, 'aborted', 'abort mid-read');
    await new Promise((r) => setTimeout(r, 20));
    assert.ok(state.cancelled, 'the stalled stream was cancelled');
  });

  test('a fetch that throws synchronously: network error, nothing sent (outcome known), the cause kept', async () => {
    const f = () => {
      throw new TypeError('synchronous failure');
    };
    const e = await rejectsWithin(client(f).call(SVC, 'throws', {}, { deadlineMs: 1000 }), 0, 'network', 'sync throw');
    assert.equal(e.outcomeKnown, true);
    assert.ok(e.cause instanceof Error && e.cause.message === 'synchronous failure' && e.cause.name === 'TypeError', `cause: ${e.cause}`);
  });

  test('a fetch that rejects: network error with the host error as cause (name, message, code)', async () => {
    const f = async () => {
      const inner = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
      throw new TypeError('fetch failed', { cause: inner });
    };
    const e = await rejectsWithin(client(f).call(SVC, 'refused', {}, { deadlineMs: 1000 }), 100, 'network', 'rejection');
    assert.equal(e.outcomeKnown, true, 'ECONNREFUSED: nothing was sent');
    assert.equal(e.cause.message, 'fetch failed');
    assert.equal(e.cause.cause.code, 'ECONNREFUSED');
  });

  test('a fetch that answers something that is not a Response: bad-input, never retried', async () => {
    for (const [name, answer] of [['null', null], ['a string', 'OK'], ['an empty object', {}], ['a number', 200]]) {
      let calls = 0;
      const f = async () => {
        calls++;
        return answer;
      };
      await rejectsWithin(client(f, { maxRetries: 3 }).call(SVC, 'not_a_response', {}, { deadlineMs: 1000 }), 100, 'bad-input', name);
      assert.equal(calls, 1, `${name}: not retried`);
    }
  });

  test('a Response-like object (another realm or library) is read through its documented interface', async () => {
    const like = { status: 200, headers: { get: (k) => (k === 'content-length' ? String(OK.length) : null) }, text: async () => OK };
    const out = await client(async () => like).call(SVC, 'like');
    assert.equal(out.ActionStatus, 'OK');
    // Even returned without a promise.
    assert.equal((await client(() => like).call(SVC, 'sync_like')).ActionStatus, 'OK');
    // A throwing getter is a host failure, not a crash.
    const broken = { get status() { throw new Error('boom'); }, text: async () => OK };
    await rejectsWithin(client(async () => broken).call(SVC, 'broken', {}, { deadlineMs: 1000 }), 100, 'bad-input', 'throwing status getter');
  });

  // ---- signals that are not the runtime's own ----

  test('a foreign signal with the documented interface that never fires: the call completes', async () => {
    const foreign = { aborted: false, addEventListener() {}, removeEventListener() {} };
    const out = await client(async () => new Response(OK)).call(SVC, 'foreign', {}, { signal: foreign });
    assert.equal(out.ActionStatus, 'OK');
    // No removeEventListener at all: still fine.
    const minimal = { aborted: false, addEventListener() {} };
    assert.equal((await client(async () => new Response(OK)).call(SVC, 'minimal', {}, { signal: minimal })).ActionStatus, 'OK');
  });

  test('a polyfilled signal that fires mid-call ends the call (aborted), listeners removed', async () => {
    const listeners = new Set();
    const poly = {
      aborted: false,
      addEventListener(type, f) {
        if (type === 'abort') listeners.add(f);
      },
      removeEventListener(type, f) {
        listeners.delete(f);
      },
    };
    setTimeout(() => {
      poly.aborted = true;
      for (const f of [...listeners]) f({ type: 'abort' });
    }, 50);
    await rejectsWithin(client(never).call(SVC, 'poly', {}, { signal: poly, deadlineMs: 5000 }), 50, 'aborted', 'polyfill');
    assert.equal(listeners.size, 0, 'the SDK removed its listener');
  });

  test('an already-aborted foreign signal: aborted before anything is sent', async () => {
    let calls = 0;
    const f = async () => {
      calls++;
      return new Response(OK);
    };
    await rejectsWithin(client(f).call(SVC, 'pre', {}, { signal: { aborted: true, addEventListener() {} } }), 0, 'aborted', 'pre-aborted');
    assert.equal(calls, 0);
  });

  test('things that are not signals are bad-input before anything is sent', async () => {
    let calls = 0;
    const f = async () => {
      calls++;
      return new Response(OK);
    };
    const throwing = { get aborted() { throw new Error('boom'); }, addEventListener() {} };
    for (const [name, signal] of [['an empty object', {}], ['a string', 'abort'], ['aborted not a boolean', { aborted: 'no', addEventListener() {} }], ['no addEventListener', { aborted: false }], ['a throwing aborted getter', throwing], ['a function', () => {}]]) {
      await rejectsWithin(client(f).call(SVC, 'bad_signal', {}, { signal }), 0, 'bad-input', name);
    }
    assert.equal(calls, 0);
  });

  test('a foreign signal whose addEventListener throws: the call still keeps its deadline', async () => {
    const odd = { aborted: false, addEventListener() { throw new Error('no listeners here'); } };
    await rejectsWithin(client(never).call(SVC, 'odd', {}, { signal: odd, deadlineMs: 200 }), 200, 'timeout', 'throwing addEventListener');
  });

  // ---- memory: answers never enter the wasm module ----

  test('peak wasm memory after 1,000 mixed answers up to the 4 MiB cap stays under 3x the cap', async (t) => {
    const CAP = 4 * 1024 * 1024;
    const sizes = [200, 4096, 65536, 524288, 1048576, 2097152, CAP - 1024];
    // One answer text per size (built once), served 1,000 times in a fixed mix, half of them as a
    // stream without Content-Length so both reading paths are measured.
    const texts = sizes.map((n) => {
      const pad = n - '{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","Data":""}'.length;
      return `{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","Data":"${'x'.repeat(pad)}"}`;
    });
    const bytes = texts.map((t) => new TextEncoder().encode(t));
    let i = 0;
    const f = async () => {
      const k = i % 7 < 5 ? i % 3 : 3 + (i % 4); // mostly small, a steady share of large ones
      const streamed = i % 2 === 1;
      i++;
      if (!streamed) return new Response(texts[k], { headers: { 'content-length': String(bytes[k].length) } });
      const chunk = 65536;
      let at = 0;
      const b = bytes[k];
      return new Response(new ReadableStream({
        pull(c) {
          if (at >= b.length) return c.close();
          c.enqueue(b.subarray(at, at + chunk));
          at += chunk;
        },
      }));
    };
    const c = client(f, { maxRetries: 0 });
    const before = tim.wasmMemoryBytes();
    let peak = before;
    let largest = 0;
    for (let n = 0; n < 1000; n++) {
      const out = await c.call(SVC, 'mixed');
      largest = Math.max(largest, out.Data.length);
      peak = Math.max(peak, tim.wasmMemoryBytes());
    }
    assert.ok(largest > 4000000, `the mix reached ${largest} bytes`);
    assert.ok(peak < 3 * CAP, `peak wasm memory ${peak} bytes is not under ${3 * CAP}`);
    t.note(`wasm memory ${before} -> peak ${peak} bytes over 1,000 answers up to ${CAP} bytes`);
  }, { timeoutMs: 120000 });
}
