// Typed methods for every catalog endpoint, built from the one table in Rust (src/api/).
//
//   client.<namespace>.<method>(body, options)         one call to /v4/<servicename>/<command>
//   client.<namespace>.<method>Pages(body, options)    paged lists: `for await` over each page's answer
//   client.<namespace>.<method>Items(body, options)    paged lists: `for await` over each item, or
//                                                      `.toArray({ limit })`
//   client.<namespace>.<method>Batched(body, options)  lists over the per-call limit: split, sent with
//                                                      bounded concurrency, answers merged
//
// Bodies and answers are Tencent's JSON with its field names verbatim. Every method checks the
// body against the documented rules (required fields, list limits, page sizes) before anything
// is sent; a failed check is a TimError of kind 'bad-input'.
import { wasm } from './glue.js';
import { TimError, bodyText, toTimError } from './error.js';

const CLIENT = Symbol('tim-edge client');
const MAX_PAGES_DEFAULT = 10000;
const CONCURRENCY_DEFAULT = 4;
const CONCURRENCY_MAX = 32;

function fail(kind, info, row) {
  const at = row ? ` (${row.servicename}/${row.command})` : '';
  return new TimError({ kind, info, message: `${kind}: ${info}${at}`, service: row?.servicename ?? '', command: row?.command ?? '' });
}

function wasmCall(fn) {
  try {
    return fn();
  } catch (e) {
    throw toTimError(e);
  }
}

// ---- the table ----

// The ESM entries bind the wasm after this module is evaluated, so the table is read on first
// use. `endpoints` is a real (frozen) array behind a proxy that fills it on first touch.
const rows = [];
function table() {
  if (rows.length === 0) {
    for (const r of JSON.parse(wasm.endpointTable())) {
      Object.freeze(r.required);
      Object.freeze(r.batchFields);
      rows.push(Object.freeze(r));
    }
    Object.freeze(rows);
  }
  return rows;
}

/**
 * Every current endpoint: `{ namespace, method, servicename, command, retry, batchLimit,
 * batchField, batchFields, splittable, paged, pageItems, required }`.
 */
export const endpoints = new Proxy(rows, {
  get: (t, k, r) => Reflect.get(table(), k, r),
  has: (t, k) => Reflect.has(table(), k),
  ownKeys: () => Reflect.ownKeys(table()),
  getOwnPropertyDescriptor: (t, k) => Reflect.getOwnPropertyDescriptor(table(), k),
});

// ---- one call ----

function optionsOf(options) {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object') throw fail('bad-input', 'options must be an object');
  return options;
}

const HELPER_OPTIONS = new Set(['maxPages', 'concurrency', 'limit']);

/** The options `call` understands; the helpers' own (maxPages, concurrency, limit) stay here. */
function callOptions(options) {
  const out = {};
  for (const k of Object.keys(options)) if (!HELPER_OPTIONS.has(k)) out[k] = options[k];
  return out;
}

function check(row, body) {
  const text = body === undefined ? undefined : bodyText(body);
  wasmCall(() => wasm.validateBody(row.servicename, row.command, text));
  return text;
}

async function callRow(client, row, body, options) {
  check(row, body);
  return client.call(row.servicename, row.command, body, callOptions(optionsOf(options)));
}

// ---- paging ----

function positiveInt(v, name, max, fallback) {
  if (v === undefined || v === null) return fallback;
  if (!Number.isInteger(v) || v < 1 || v > max) throw fail('bad-input', `${name} must be an integer from 1 to ${max}`);
  return v;
}

async function* pages(client, row, body, options) {
  const opts = optionsOf(options);
  const maxPages = positiveInt(opts.maxPages, 'maxPages', Number.MAX_SAFE_INTEGER, MAX_PAGES_DEFAULT);
  let text = check(row, body ?? {});
  const co = callOptions(opts);
  for (let page = 0; page < maxPages; page++) {
    if (opts.signal?.aborted) throw fail('aborted', `paging was aborted after ${page} pages`, row);
    const answer = await client.call(row.servicename, row.command, JSON.parse(text), co);
    yield answer;
    const next = wasmCall(() => wasm.nextPage(row.servicename, row.command, text, answer));
    if (next === undefined) return;
    text = next;
  }
  throw fail('bad-input', `stopped after maxPages (${maxPages}) pages; pass a larger maxPages to read further`, row);
}

/** The page's items: the row's `pageItems` list, or (when it depends on the request, e.g.
 * ReadList/UnreadList) the answer's only list that is not a failure list. */
function itemsOf(row, answer) {
  if (row.pageItems) return Array.isArray(answer[row.pageItems]) ? answer[row.pageItems] : [];
  const lists = Object.keys(answer).filter((k) => Array.isArray(answer[k]) && !/^(ErrorList|FailAccounts)$/.test(k));
  return lists.length === 1 ? answer[lists[0]] : [];
}

/**
 * Every item of every page, in order, at most `limit` of them (options.limit; all by default).
 * An async iterable with `toArray()`; `signal` ends it between items and between pages.
 */
function items(client, row, body, options) {
  const opts = optionsOf(options);
  const limit = positiveInt(opts.limit, 'limit', Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  async function* run(max) {
    let n = 0;
    for await (const answer of pages(client, row, body, opts)) {
      for (const item of itemsOf(row, answer)) {
        if (opts.signal?.aborted) throw fail('aborted', `listing was aborted after ${n} items`, row);
        yield item;
        if (++n >= max) return;
      }
    }
  }
  return {
    [Symbol.asyncIterator]: () => run(limit),
    /** All items (or the first `limit`: the smaller of this and the option) as an array. */
    async toArray(o = {}) {
      const max = Math.min(limit, positiveInt(optionsOf(o).limit, 'limit', Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER));
      const out = [];
      for await (const item of run(max)) out.push(item);
      return out;
    },
  };
}

// ---- batching ----

/**
 * Splits the row's list into calls of at most `batchLimit` items, sends them `concurrency` at a
 * time (default 4) and merges the answers: per-item arrays are concatenated in order, other
 * fields come from the first answer. Calls that fail as a whole are listed in `failedChunks`
 * (`{ index, items, error }`) and their items, each with its chunk's error, in `failedItems`
 * (`{ item, error }`); then the merged answer says so at the top the way Tencent marks a partial
 * success: `ActionStatus: 'FAIL'`, `ErrorCode: 0` and an `ErrorInfo` counting the failures.
 * When every call fails, the first error is thrown. The whole body is checked before anything
 * is sent.
 */
async function batched(client, row, body, options) {
  const opts = optionsOf(options);
  const concurrency = positiveInt(opts.concurrency, 'concurrency', CONCURRENCY_MAX, CONCURRENCY_DEFAULT);
  const text = bodyText(body ?? {});
  const parts = wasmCall(() => wasm.splitBatch(row.servicename, row.command, text));
  for (const part of parts) wasmCall(() => wasm.validateBody(row.servicename, row.command, part));
  const bodies = parts.map((p) => JSON.parse(p));
  const field = row.batchFields.find((f) => Array.isArray(bodies[0]?.[f]));
  const answers = new Array(parts.length);
  const failedChunks = [];
  const co = callOptions(opts);
  let next = 0;
  const worker = async () => {
    while (next < parts.length) {
      const index = next++;
      try {
        answers[index] = await client.call(row.servicename, row.command, bodies[index], co);
      } catch (e) {
        failedChunks.push({ index, items: field ? bodies[index][field] : [], error: toTimError(e) });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, parts.length) }, worker));
  failedChunks.sort((a, b) => a.index - b.index);
  if (failedChunks.length === parts.length) throw failedChunks[0].error;
  const merged = wasmCall(() => wasm.mergeBatch(answers.filter((a) => a !== undefined)));
  const failedItems = failedChunks.flatMap((c) => c.items.map((item) => ({ item, error: c.error })));
  if (failedChunks.length > 0) {
    merged.ActionStatus = 'FAIL';
    merged.ErrorCode = 0;
    merged.ErrorInfo = `${failedChunks.length} of ${parts.length} calls failed (${failedItems.length} items); see failedChunks and failedItems`;
  }
  merged.failedChunks = failedChunks;
  merged.failedItems = failedItems;
  return merged;
}

// ---- namespaces ----

// One prototype per namespace, built once; each client gets small objects that point back at it.
let protos = null;
function namespaceProtos() {
  if (protos) return protos;
  protos = new Map();
  for (const row of table()) {
    let proto = protos.get(row.namespace);
    if (!proto) protos.set(row.namespace, (proto = {}));
    proto[row.method] = function (body, options) {
      return callRow(this[CLIENT], row, body, options);
    };
    if (row.paged) {
      proto[`${row.method}Pages`] = function (body, options) {
        return pages(this[CLIENT], row, body, options);
      };
      proto[`${row.method}Items`] = function (body, options) {
        return items(this[CLIENT], row, body, options);
      };
    }
    if (row.splittable) {
      proto[`${row.method}Batched`] = function (body, options) {
        return batched(this[CLIENT], row, body, options);
      };
    }
  }
  for (const p of protos.values()) Object.freeze(p);
  return protos;
}

/** Gives `client` one property per namespace (`client.account`, `client.group`, ...). */
export function installNamespaces(client) {
  for (const [name, proto] of namespaceProtos()) {
    const ns = Object.create(proto, { [CLIENT]: { value: client } });
    Object.defineProperty(client, name, { value: Object.freeze(ns), enumerable: true });
  }
}
