#!/usr/bin/env node
// Harvest every JSON example (request, answer, callback, callback reply) from Tencent's Chat
// server-API pages into data/doc-examples.json.
//
//   node data/tools/harvest-doc-examples.mjs [--docs <git dir of tencentyun/intlcloud-documents>]
//                                            [--report]
//
// Inputs:
// - a git copy of github.com/tencentyun/intlcloud-documents (read with `git show`, HEAD);
// - data/tools/doc-examples-extra.json: examples read from pages that repository does not hold
//   (cloud.tencent.com / trtc.io / tencentcloud.com, found through a stored-docs search), each
//   with its URL, title and the JSON as the page prints it.
// - data/tools/doc-examples-fixes.json: per block, literal replacements for typos the lenient
//   parser cannot repair (an unquoted string, a brace in the wrong place), each with a note.
// Output: data/doc-examples.json (shape described in its "about" field). `--report` prints the
// blocks that were skipped and why, for review.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseLenient } from './lenient-json.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const DOCS = opt('--docs', process.env.TIM_DOCS_REPO || '/work/.mirror/tencentyun+intlcloud-documents/repo');
const REPORT = args.includes('--report');
const REPO = 'tencentyun/intlcloud-documents';

const git = (...a) => execFileSync('git', ['-C', DOCS, '-c', 'core.quotepath=off', ...a], { encoding: 'utf8', maxBuffer: 1 << 28 });
const commit = git('rev-parse', 'HEAD').trim();

// ---- which pages -----------------------------------------------------------------------------

const LANG = { en: 'en', zh: 'zh', cn: 'zh' };
const files = git('ls-tree', '-r', '--name-only', 'HEAD')
  .split('\n')
  .filter((f) => f.includes('即时通信 IM/服务端 API/') && /_intl_(en|zh|cn)\.md$/.test(f));

// The tree a page sits in: yehe_doc/中间件与通信 is the current intl site; yehe_doc/通信服务 and
// product_new are older editions kept in the repository.
const treeOf = (f) => (f.startsWith('yehe_doc/中间件与通信/') ? 'intl' : f.startsWith('yehe_doc/') ? 'intl-2021' : 'intl-2020');
const TREE_RANK = { intl: 0, 'intl-2021': 1, 'intl-2020': 2 };

// ---- doc ids, from the command lists (the link on each servicename/command or callback) --------

const docIds = new Map(); // 'svc/cmd' or 'Callback.Command' -> url
for (const f of files.filter((x) => /(REST API ?接口列表|回调命令列表)_intl_en\.md$/.test(x))) {
  const text = git('show', `HEAD:${f}`);
  for (const m of text.matchAll(/\[\s*(?:v4\/)?([A-Za-z0-9_.]+(?:\/[A-Za-z0-9_]+)?)\s*\]\((https?:[^)\s]+)\)/g)) {
    if (!docIds.has(m[1]) || treeOf(f) === 'intl') docIds.set(m[1], m[2]);
  }
}
// Pages the command lists do not link: the doc URL data/endpoints.json records for the endpoint.
const endpointUrls = new Map(
  JSON.parse(fs.readFileSync(path.join(root, 'data', 'endpoints.json'), 'utf8'))
    .filter((e) => e.doc_urls?.length)
    .map((e) => [`${e.servicename}/${e.command}`, e.doc_urls[0]]),
);
const zhUrl = (url) => url && url.replace(/^https:\/\/(intl\.cloud\.tencent\.com|www\.tencentcloud\.com)\//, 'https://www.tencentcloud.com/zh/');

// Pages whose parameter table and sample URL name different endpoints, with no third place to
// decide: the title settles it.
const TITLE_ENDPOINT = {
  删除群计数器: 'group_open_http_svc/delete_group_counter',
  更新群计数器: 'group_open_http_svc/update_group_counter',
  获取群计数器: 'group_open_http_svc/get_group_counter',
  设置直播群成员标记: 'group_open_avchatroom_http_svc/modify_user_info',
};

// ---- page parsing ----------------------------------------------------------------------------

const KIND_RULES = [
  [/URL|url 示例/, 'skip'],
  [/字段|fields?\b|Format of Message Record|消息记录文件格式|双向认证|Mutual Authentication|Security|安全/i, 'skip'],
  [/应答|response|返回|回调应答|请求出错|request error/i, 'answer'],
  [/请求|request|调用示例|Sample Call|回调示例|callback example|webhook example|续拉|首次/i, 'request'],
];

function kindOfHeading(h) {
  for (const [re, k] of KIND_RULES) if (re.test(h)) return k;
  return null;
}

function parsePage(text) {
  const lines = text.split('\n');
  const stack = []; // [{level, text}]
  let bold = '';
  const blocks = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const fence = l.match(/^(\s*)(```+|~~~+)\s*([A-Za-z0-9]*)/);
    if (fence) {
      const body = [];
      let j = i + 1;
      for (; j < lines.length; j++) {
        if (lines[j].trim().startsWith(fence[2])) break;
        body.push(lines[j].startsWith(fence[1]) ? lines[j].slice(fence[1].length) : lines[j]);
      }
      blocks.push({ line: i + 1, headings: stack.map((s) => s.text), bold, lang: fence[3], text: body.join('\n') });
      i = j;
      continue;
    }
    const h = l.match(/^(#{1,6})\s+(.*)$/);
    if (h) {
      const level = h[1].length;
      while (stack.length && stack[stack.length - 1].level >= level) stack.pop();
      stack.push({ level, text: h[2].replace(/\[\]\(id:[^)]*\)/g, '').trim() });
      bold = '';
      continue;
    }
    const b = l.match(/^\s*(?:[-*]\s*)?\*\*(.+?)\*\*\s*[:：]?\s*$/) || l.match(/^\s*[-*]\s+(.{2,80}?)[:：]?\s*$/);
    if (b) bold = b[1].trim();
  }
  return blocks;
}


// JSON.parse keeps numbers as doubles: an integer literal beyond 2^53 would silently change.
// Such bodies keep the parsed (rounded) value and say so in their note.
function unsafeIntegers(text) {
  const out = [];
  outer: for (const m of text.matchAll(/-?\d{16,}/g)) {
    const before = text.slice(0, m.index);
    if ((before.match(/"/g) ?? []).length % 2 === 1) continue outer; // inside a string
    if (!Number.isSafeInteger(Number(m[0]))) out.push(m[0]);
  }
  return out;
}

// ---- examples --------------------------------------------------------------------------------

const fixes = readJson(path.join(here, 'doc-examples-fixes.json'), { fixes: [] }).fixes;
const extra = readJson(path.join(here, 'doc-examples-extra.json'), { sources: {}, examples: [] });

function readJson(p, dflt) {
  return fs.existsSync(p) ? JSON.parse(fs.readFileSync(p, 'utf8')) : dflt;
}

const sources = {};
const raw = []; // examples before dedup
const skipped = [];

function sourceIdOf(f) {
  const lang = LANG[f.match(/_intl_(en|zh|cn)\.md$/)[1]];
  const rel = f.replace(/^.*?即时通信 IM\/服务端 API\//, '').replace(/_intl_(en|zh|cn)\.md$/, '');
  return `${treeOf(f)}:${rel}@${lang}`;
}

const dates = new Map();
for (const line of git('log', '--format=@%cs', '--name-only', 'HEAD', '--', 'yehe_doc/中间件与通信/即时通信 IM/服务端 API', 'yehe_doc/通信服务/即时通信 IM/服务端 API', 'product_new/通信产品中心/即时通信 IM/服务端 API').split('\n')) {
  if (line.startsWith('@')) dates.cur = line.slice(1);
  else if (line && !dates.has(line)) dates.set(line, dates.cur);
}

for (const f of files) {
  if (/接口列表|简介|回调命令列表|生成 UserSig|双向认证/.test(f)) continue;
  const text = git('show', `HEAD:${f}`);
  const isCallbackPage = f.includes('/第三方回调/');
  const lang = LANG[f.match(/_intl_(en|zh|cn)\.md$/)[1]];
  const paths = [...new Set([...text.matchAll(/v4\/([A-Za-z0-9_]+)\/([A-Za-z0-9_]+)/g)].map((m) => `${m[1]}/${m[2]}`))];
  const cbCommands = [...new Set([...text.matchAll(/CallbackCommand["=:\s]+"?([A-Za-z0-9]+\.[A-Za-z0-9]+)/g)].map((m) => m[1]))];
  // Three places name a page's endpoint: the parameter table's row `| v4/<svc>/<cmd> | ... |`,
  // the sample request URL (`.../v4/<svc>/<cmd>?...`) and the debugging-tool link (`#v4/...`).
  // Some pages copied one of them from another page; the majority wins, and the few ties are
  // settled by the page title (TITLE_ENDPOINT). The losing name is kept as `pageAlsoSays`.
  const m1 = text.match(/^\|\s*v4\/([A-Za-z0-9_]+)\/([A-Za-z0-9_]+)\s*\|/m);
  const m2 = text.match(/v4\/([A-Za-z0-9_]+)\/([A-Za-z0-9_]+)\?/);
  const m3 = text.match(/(?:im-api-tool|api-test|APITester)[^)\s]*#\/?v4\/([A-Za-z0-9_]+)\/([A-Za-z0-9_]+)/);
  const votes = [m1, m2, m3].filter(Boolean).map((m) => `${m[1]}/${m[2]}`);
  const tally = new Map();
  for (const v of votes) tally.set(v, (tally.get(v) ?? 0) + 1);
  const ranked = [...tally].sort((a, b) => b[1] - a[1]);
  const title = path.basename(f).replace(/_intl_(en|zh|cn)\.md$/, '');
  let endpoint = ranked[0]?.[0] ?? paths[0];
  if (ranked.length > 1 && ranked[0][1] === ranked[1][1]) {
    endpoint = TITLE_ENDPOINT[title];
    if (!endpoint) throw new Error(`${f}: the page names ${votes.join(' and ')}; add its title to TITLE_ENDPOINT`);
  }
  const pageAlsoSays = isCallbackPage ? [] : [...tally.keys()].filter((v) => v !== endpoint);
  const primary = isCallbackPage ? cbCommands[0] : endpoint;
  if (!primary) {
    skipped.push({ file: f, why: 'no servicename/command or CallbackCommand on the page' });
    continue;
  }
  const sid = sourceIdOf(f);
  const url = docIds.get(primary) ?? endpointUrls.get(primary);
  sources[sid] = {
    repo: REPO,
    commit,
    path: f,
    lang,
    title: path.basename(f).replace(/_intl_(en|zh|cn)\.md$/, ''),
    edition: treeOf(f),
    updated: dates.get(f) ?? null,
    url: url ? (lang === 'zh' ? zhUrl(url) : url) : null,
    ...(isCallbackPage ? { callbackCommand: primary } : { endpoint: primary }),
    ...(pageAlsoSays.length ? { pageAlsoSays } : {}),
  };
  const blocks = parsePage(text);
  blocks.forEach((b, index) => {
    const trimmed = b.text.trim();
    if (!/^[{[]/.test(trimmed)) return; // URLs, shell, tables
    let kind = null;
    for (let k = b.headings.length - 1; k >= 0 && !kind; k--) kind = kindOfHeading(b.headings[k]);
    const fix = fixes.find((x) => x.path === f && x.block === index);
    let src = trimmed;
    for (const [from, to] of fix?.replace ?? []) {
      if (!src.includes(from)) throw new Error(`fix for ${f} block ${index}: "${from}" not found`);
      src = src.replace(from, to);
    }
    const parsed = parseLenient(src);
    if (fix) parsed.notes?.unshift(fix.note);
    if (parsed.error) {
      skipped.push({ file: f, line: b.line, block: index, why: `does not parse: ${parsed.error}`, text: trimmed });
      return;
    }
    const body = parsed.value;
    if (kind === 'skip') {
      skipped.push({ file: f, line: b.line, block: index, why: `under heading "${b.headings.at(-1)}"` });
      return;
    }
    if (!kind) {
      kind = body && typeof body === 'object' && ('ActionStatus' in body || 'ErrorCode' in body) ? 'answer' : 'request';
    }
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      skipped.push({ file: f, line: b.line, block: index, why: 'not a JSON object' });
      return;
    }
    const deepest = b.headings.at(-1) ?? '';
    const label = [deepest, b.bold].filter(Boolean).join(' / ');
    const rec = { kind, source: sid, label, line: b.line, body };
    // The body settles what a heading leaves open: Tencent's callback bodies carry
    // CallbackCommand and REST requests never carry ActionStatus.
    const status = 'ActionStatus' in body;
    if (isCallbackPage) {
      rec.kind = 'CallbackCommand' in body ? 'callback' : status ? 'callback-reply' : kind === 'answer' ? 'callback-reply' : 'callback';
      rec.callbackCommand = rec.kind === 'callback' && typeof body.CallbackCommand === 'string' ? body.CallbackCommand : primary;
    } else {
      if (status) rec.kind = 'answer';
      const [servicename, command] = primary.split('/');
      Object.assign(rec, { servicename, command });
    }
    if (parsed.notes.length) rec.note = `repaired: ${parsed.notes.join('; ')}`;
    const big = unsafeIntegers(src);
    if (big.length) rec.note = [rec.note, `integers beyond 2^53 (${big.join(', ')}) are stored as JSON.parse rounds them`].filter(Boolean).join('; ');
    raw.push(rec);
  });
}

// Examples from pages outside the repository (hand-copied from the stored search corpus).
for (const [id, s] of Object.entries(extra.sources)) sources[id] = s;
for (const e of extra.examples) {
  // Excerpts that join lines leave a `//` remark no end: `replace` cuts it out, literally.
  let text = e.text;
  for (const [from, to] of e.replace ?? []) {
    if (!text.includes(from)) throw new Error(`extra example ${e.source} "${e.label}": "${from}" not found`);
    text = text.replace(from, to);
  }
  // Mirror copies flatten line breaks to runs of spaces (see lenient-json.mjs).
  const parsed = parseLenient(text, { collapsed: extra.sources[e.source]?.edition === 'web-mirror' });
  if (parsed.error) throw new Error(`extra example ${e.source} "${e.label}" does not parse: ${parsed.error}`);
  const rec = { ...e, body: parsed.value };
  delete rec.text;
  delete rec.replace;
  const notes = [...(e.note ? [e.note] : []), ...(parsed.notes.length ? [`repaired: ${parsed.notes.join('; ')}`] : [])];
  const big = unsafeIntegers(text);
  if (big.length) notes.push(`integers beyond 2^53 (${big.join(', ')}) are stored as JSON.parse rounds them`);
  if (notes.length) rec.note = notes.join('; ');
  else delete rec.note;
  raw.push(rec);
}

// ---- dedup: one record per distinct body; identical ones elsewhere are listed in sameIn ----------

const canon = (v) => JSON.stringify(v, (k, x) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.keys(x).sort().map((key) => [key, x[key]])) : x));
const subject = (r) => (r.callbackCommand ? r.callbackCommand : `${r.servicename}/${r.command}`);
const rank = (r) => {
  const s = sources[r.source];
  return (TREE_RANK[s.edition] ?? 3) * 10 + (s.lang === 'en' ? 0 : 1);
};
raw.sort((a, b) => subject(a).localeCompare(subject(b)) || rank(a) - rank(b) || (a.line ?? 0) - (b.line ?? 0));

const examples = [];
const byKey = new Map();
const counters = new Map();
for (const r of raw) {
  const key = `${r.kind}|${subject(r)}|${canon(r.body)}`;
  const first = byKey.get(key);
  if (first) {
    first.sameIn ??= [];
    if (r.source !== first.source && !first.sameIn.includes(r.source)) first.sameIn.push(r.source);
    const lang = sources[r.source].lang;
    if (!first.langs.includes(lang)) first.langs.push(lang);
    continue;
  }
  const ck = `${subject(r)}#${r.kind}`;
  const n = (counters.get(ck) ?? 0) + 1;
  counters.set(ck, n);
  const out = { id: `${ck}-${n}`, kind: r.kind };
  if (r.callbackCommand) out.callbackCommand = r.callbackCommand;
  else Object.assign(out, { servicename: r.servicename, command: r.command });
  out.source = r.source;
  out.langs = [sources[r.source].lang];
  out.label = r.label;
  if (r.kind === 'answer') {
    const code = r.body.ErrorCode;
    out.failure = typeof code === 'number' ? code !== 0 : r.body.ActionStatus === 'FAIL';
  }
  if (r.partial) out.partial = true;
  if (r.note) out.note = r.note;
  out.body = r.body;
  byKey.set(key, out);
  examples.push(out);
}

// Sources no example points at are dropped (pages with no JSON example are listed in the notes).
const used = new Set(examples.flatMap((e) => [e.source, ...(e.sameIn ?? [])]));
const pagesWithout = Object.entries(sources).filter(([id]) => !used.has(id)).map(([id, s]) => ({ id, ...s }));
const usedSources = Object.fromEntries(Object.entries(sources).filter(([id]) => used.has(id)).sort(([a], [b]) => a.localeCompare(b)));

const about = [
  'Every JSON example Tencent publishes for the Chat REST API and its callbacks that the stored docs hold,',
  'harvested by data/tools/harvest-doc-examples.mjs (rerun it to refresh; do not edit this file by hand;',
  'check it with data/tools/check-doc-examples.mjs). sources: id -> { repo, commit, path, lang (en|zh), title,',
  'edition, updated, url, endpoint or callbackCommand, via }. edition: intl = the current intl-site tree of',
  'tencentyun/intlcloud-documents (yehe_doc/中间件与通信); intl-2021 / intl-2020 = older trees kept in that',
  'repository; web = a Tencent page outside the repository, read through the stored-docs search (its excerpt);',
  'web-mirror = an English or Russian copy of a trtc.io page in the stored code index (line breaks flattened);',
  'web-md = a Chinese Tencent doc page in markdown in the stored code index. updated: last commit touching the',
  'page (repository pages). url: the public page when known (repository pages: from the command lists).',
  'pageAlsoSays: another servicename/command the page names in its parameter table, sample URL or debugging',
  'link (copy-paste slips on Tencent\'s side). examples: { id, kind (request | answer | callback |',
  'callback-reply), servicename + command (REST) or callbackCommand (callbacks), source (the first page showing',
  'this body: current tree and English first), sameIn (other pages showing the identical body), langs',
  '(languages whose pages show it), label (the doc heading over the block), failure (answers: ErrorCode not 0,',
  'or ActionStatus FAIL without ErrorCode), partial (the excerpt ended inside the example and note says what',
  'was supplied), note (every repair made to reach strict JSON), body }. Bodies are as printed; only the',
  'repairs named in note were made.',
].join(' ');

const out = { about, generated: { repo: REPO, commit }, sources: usedSources, examples };
fs.writeFileSync(path.join(root, 'data', 'doc-examples.json'), `${JSON.stringify(out, null, 1)}\n`);

const count = (k) => examples.filter((e) => e.kind === k).length;
console.log(`examples: ${examples.length} (request ${count('request')}, answer ${count('answer')}, callback ${count('callback')}, callback-reply ${count('callback-reply')}); sources ${Object.keys(usedSources).length}; raw blocks ${raw.length}`);
if (REPORT) {
  console.log(JSON.stringify({ skipped, pagesWithout: pagesWithout.map((p) => p.id) }, null, 1));
}
