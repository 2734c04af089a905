// The peak-memory case (issues 12 and 14), shared by every runtime (no node:* imports): 1,000
// answers of mixed sizes up to the 4 MiB answer cap, served through the client's `fetch` option,
// then the wasm linear memory's size (it never shrinks, so its size at the end is its peak).
// The package exposes no handle on its memory, so the bench captures its WebAssembly.Instance
// (captureInstances, installed before the package is imported) and proves which memory is the
// package's by finding a fresh marker string in it after a call (findMemory).
import { APP } from './app.mjs';

export const CAP = 4 * 1024 * 1024; // maxResponseBytes' default
const MIN = 200;
const MAX = CAP - 16; // just under the cap
const CHUNK = 64 * 1024; // streamed bodies arrive in chunks of this size
// One group member as get_group_member_info lists it; answers are arrays of these.
const ITEM = '{"Member_Account":"user_1000007","Role":"Member","JoinTime":1700000000,"MsgSeq":1024,"MsgFlag":"AcceptAndNotify","LastSendMsgTime":1700000000,"NameCard":""}';
const HEAD = '{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","MemberList":[';
const TAIL_OPEN = '],"Pad":"';
const TAIL_CLOSE = '"}';
const FIXED = HEAD.length + TAIL_OPEN.length + TAIL_CLOSE.length;

export const VARIANTS = {
  sequential: { label: 'one at a time, Content-Length', inFlight: 1, streamed: false },
  streamed: { label: 'one at a time, streamed, no Content-Length', inFlight: 1, streamed: true },
  concurrent: { label: '4 in flight, Content-Length', inFlight: 4, streamed: false },
};

// mulberry32: a small seeded generator, so every runtime and build gets the same answers.
function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` answer sizes in bytes, log-uniform from MIN to MAX (seeded). */
export function answerSizes(count, seed = 12) {
  const rnd = seeded(seed);
  return Array.from({ length: count }, () => Math.round(MIN * (MAX / MIN) ** rnd()));
}

/** How many members an answer of `size` bytes lists (the rest is padding). */
const membersFor = (size) => Math.max(0, Math.floor((size - FIXED + 1) / (ITEM.length + 1)));

/** A valid OK envelope of exactly `size` bytes (ASCII, so bytes = UTF-16 units). */
export function answerText(size) {
  const k = membersFor(size);
  const list = k ? (ITEM + ',').repeat(k).slice(0, -1) : '';
  return HEAD + list + TAIL_OPEN + 'x'.repeat(size - FIXED - list.length) + TAIL_CLOSE;
}

/** Wraps WebAssembly.Instance and WebAssembly.instantiate to record every instance made. */
export function captureInstances() {
  const W = globalThis.WebAssembly;
  const orig = { Instance: W.Instance, instantiate: W.instantiate };
  const instances = [];
  W.Instance = new Proxy(orig.Instance, {
    construct(target, args, newTarget) {
      const instance = Reflect.construct(target, args, newTarget);
      instances.push(instance);
      return instance;
    },
  });
  W.instantiate = async function instantiate(...args) {
    const r = await orig.instantiate.apply(W, args);
    instances.push(r instanceof orig.Instance ? r : r.instance);
    return r;
  };
  return { instances, restore: () => Object.assign(W, orig) };
}

/** The `memory` exports of captured instances. */
export const memoriesOf = (instances) => instances.map((i) => i?.exports?.memory).filter((m) => m instanceof WebAssembly.Memory);

/**
 * The package's memory among `candidates` (instances' or modules' `memory` exports): the one
 * that holds a fresh marker right after the marker went through `tim.generateUserSig` (the glue
 * copies string arguments into wasm memory). Undefined when none does.
 */
export function findMemory(tim, candidates) {
  const marker = 'mk' + Math.random().toString(36).slice(2, 12) + Date.now().toString(36);
  tim.generateUserSig({ sdkAppId: APP.sdkAppId, key: APP.key, userId: marker });
  const needle = new TextEncoder().encode(marker);
  return candidates.find((m) => contains(new Uint8Array(m.buffer), needle));
}

function contains(hay, needle) {
  const first = needle[0];
  for (let i = hay.indexOf(first); i !== -1 && i <= hay.length - needle.length; i = hay.indexOf(first, i + 1)) {
    let j = 1;
    while (j < needle.length && hay[i + j] === needle[j]) j++;
    if (j === needle.length) return true;
  }
  return false;
}

// The request body's text, however the package hands the request to fetch.
async function bodyText(input, init) {
  const b = init?.body;
  if (typeof b === 'string') return b;
  if (b instanceof Uint8Array || b instanceof ArrayBuffer) return new TextDecoder().decode(b);
  if (typeof input?.clone === 'function') return input.clone().text();
  throw new Error(`the bench's fetch cannot read a request body of type ${typeof b}`);
}

function respond(size, streamed) {
  const text = answerText(size);
  if (!streamed) return new Response(text, { headers: { 'content-type': 'application/json', 'content-length': String(size) } });
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  const body = new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(at, (at += CHUNK)));
    },
  });
  return new Response(body, { headers: { 'content-type': 'application/json' } });
}

/**
 * Sends `count` calls through a client whose `fetch` answers the i-th call (carried in the body's
 * Offset) with an answer of sizes[i] bytes; checks every answer arrived whole. Answers the
 * memory's size before and after, in bytes, and what was served.
 */
export async function runMemory({ tim, memory, variant, count, seed }) {
  const { inFlight, streamed } = VARIANTS[variant];
  const sizes = answerSizes(count, seed);
  const fetch = async (input, init) => respond(sizes[JSON.parse(await bodyText(input, init)).Offset], streamed);
  const client = new tim.TimClient({ ...APP, fetch });
  const startBytes = memory.buffer.byteLength;
  let next = 0;
  let failed = 0;
  let firstError;
  const t0 = Date.now();
  const lane = async () => {
    while (next < count) {
      const i = next++;
      try {
        const answer = await client.call('group_open_http_svc', 'get_group_member_info', { GroupId: '@TGS#bench', Offset: i });
        if (answer?.MemberList?.length !== membersFor(sizes[i])) throw new Error(`answer ${i} (${sizes[i]} bytes) came back with ${answer?.MemberList?.length} members`);
      } catch (e) {
        failed++;
        firstError ??= String(e?.message ?? e).slice(0, 200);
      }
    }
  };
  await Promise.all(Array.from({ length: inFlight }, lane));
  return {
    startBytes,
    endBytes: memory.buffer.byteLength,
    answers: count,
    servedBytes: sizes.reduce((a, b) => a + b, 0),
    largest: Math.max(...sizes),
    ms: Date.now() - t0,
    failed,
    firstError,
  };
}
