#!/usr/bin/env node
// Check data/doc-examples.json: ids unique, every source exists, every kind known, every body a
// JSON object, and every servicename/command or CallbackCommand either in the endpoint catalog
// (src/api/catalog.rs), in the callback table (src/webhook/commands.rs), or named in
// docs/doc-harvest-notes.md (endpoints and callbacks the tables lack). Exit 1 on any failure.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const read = (p) => fs.readFileSync(path.join(root, p), 'utf8');

const data = JSON.parse(read('data/doc-examples.json'));
const catalog = new Set([...read('src/api/catalog.rs').matchAll(/service: "([^"]+)", command: "([^"]+)"/g)].map((m) => `${m[1]}/${m[2]}`));
const commands = new Set([...read('src/webhook/commands.rs').matchAll(/"([A-Za-z0-9]+\.[A-Za-z0-9]+)"/g)].map((m) => m[1]));
const notes = read('docs/doc-harvest-notes.md');

const KINDS = new Set(['request', 'answer', 'callback', 'callback-reply']);
const problems = [];
const ids = new Set();
for (const e of data.examples) {
  if (ids.has(e.id)) problems.push(`${e.id}: duplicate id`);
  ids.add(e.id);
  if (!KINDS.has(e.kind)) problems.push(`${e.id}: unknown kind ${e.kind}`);
  for (const s of [e.source, ...(e.sameIn ?? [])]) if (!data.sources[s]) problems.push(`${e.id}: no source ${s}`);
  if (!e.body || typeof e.body !== 'object' || Array.isArray(e.body)) problems.push(`${e.id}: body is not a JSON object`);
  const callback = e.kind === 'callback' || e.kind === 'callback-reply';
  if (callback !== Boolean(e.callbackCommand)) problems.push(`${e.id}: kind and callbackCommand disagree`);
  if (!callback && !(e.servicename && e.command)) problems.push(`${e.id}: no servicename/command`);
  if (e.kind === 'answer' && typeof e.failure !== 'boolean') problems.push(`${e.id}: answer without failure flag`);
  const subject = callback ? e.callbackCommand : `${e.servicename}/${e.command}`;
  const known = callback ? commands.has(subject) : catalog.has(subject);
  if (!known && !notes.includes(`\`${subject}\``)) problems.push(`${e.id}: ${subject} is neither in the tables nor named in docs/doc-harvest-notes.md`);
}
// Round trip: what is stored is what JSON.parse gives back (no NaN, no undefined, no functions).
for (const e of data.examples) {
  if (JSON.stringify(JSON.parse(JSON.stringify(e.body))) !== JSON.stringify(e.body)) problems.push(`${e.id}: body does not round-trip`);
}

if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
const count = (k) => data.examples.filter((e) => e.kind === k).length;
console.log(`ok: ${data.examples.length} examples (request ${count('request')}, answer ${count('answer')}, callback ${count('callback')}, callback-reply ${count('callback-reply')}), ${Object.keys(data.sources).length} sources`);
