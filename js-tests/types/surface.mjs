// The three descriptions of the client's surface must agree, method by method:
//   - the runtime: the endpoint table the package exports (`endpoints`: every row is a method;
//     `paged` rows also get <method>Pages and <method>Items, `splittable` rows <method>Batched);
//   - the types: the members of each namespace of `TimClient` in pkg/index.d.ts, read with the
//     TypeScript compiler;
//   - the docs: docs/ENDPOINTS.md, one table row per method with its Helpers column.
// Runs in Node after the package is built (pkg/gen/); `node js-tests/types/surface.mjs`.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

function runtimeSurface(endpoints) {
  const out = new Map();
  for (const r of endpoints) {
    const names = out.get(r.namespace) ?? new Set();
    names.add(r.method);
    if (r.paged) {
      names.add(`${r.method}Pages`);
      names.add(`${r.method}Items`);
    }
    if (r.splittable) names.add(`${r.method}Batched`);
    out.set(r.namespace, names);
  }
  return out;
}

function typeSurface() {
  const index = join(root, 'pkg', 'index.d.ts');
  const program = ts.createProgram([index], { strict: true, noEmit: true, types: [], lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'] });
  const problems = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  if (problems.length) throw new Error(`pkg/index.d.ts does not compile:\n${problems.join('\n')}`);
  const checker = program.getTypeChecker();
  const file = program.getSourceFile(index);
  const client = checker.getExportsOfModule(checker.getSymbolAtLocation(file)).find((s) => s.name === 'TimClient');
  if (!client) throw new Error('pkg/index.d.ts exports no TimClient');
  const out = new Map();
  for (const prop of checker.getPropertiesOfType(checker.getDeclaredTypeOfSymbol(client))) {
    const type = checker.getTypeOfSymbolAtLocation(prop, file);
    // Namespaces are typed by the <Namespace>Api interfaces; call/buildRequest and the like are not.
    if (!/Api$/.test(checker.typeToString(type))) continue;
    out.set(prop.name, new Set(checker.getPropertiesOfType(type).map((p) => p.name)));
  }
  return out;
}

function docsSurface() {
  const text = readFileSync(join(root, 'docs', 'ENDPOINTS.md'), 'utf8');
  const out = new Map();
  let ns = null;
  for (const line of text.split('\n')) {
    const head = /^### `client\.(\w+)`/.exec(line);
    if (head) {
      ns = head[1];
      out.set(ns, new Set());
      continue;
    }
    if (line.startsWith('## ')) ns = null;
    const row = ns && /^\| `(\w+)` \| `[\w.]+\/\w+` \|(.*)\|\s*$/.exec(line);
    if (!row) continue;
    const names = out.get(ns);
    names.add(row[1]);
    const cells = row[2].split('|');
    for (const m of cells[cells.length - 1].matchAll(/`(\w+)`/g)) names.add(m[1]);
  }
  return out;
}

function compare(name, got, want) {
  const lines = [];
  for (const ns of new Set([...got.keys(), ...want.keys()])) {
    const g = got.get(ns);
    const w = want.get(ns);
    if (!g || !w) {
      lines.push(`${name}: namespace ${ns} is ${g ? 'extra' : 'missing'}`);
      continue;
    }
    const missing = [...w].filter((m) => !g.has(m));
    const extra = [...g].filter((m) => !w.has(m));
    if (missing.length) lines.push(`${name}: ${ns} lacks ${missing.join(', ')}`);
    if (extra.length) lines.push(`${name}: ${ns} has extra ${extra.join(', ')}`);
  }
  return lines;
}

async function main() {
  const entry = join(root, 'pkg', 'entry', 'node.mjs');
  if (!existsSync(join(root, 'pkg', 'gen', 'tim_edge_bg.wasm'))) {
    throw new Error('pkg/ is not built: run `npm --prefix js-tests run build` first');
  }
  const { endpoints } = await import(pathToFileURL(entry).href);
  const runtime = runtimeSurface(endpoints);
  const problems = [...compare('types', typeSurface(), runtime), ...compare('docs/ENDPOINTS.md', docsSurface(), runtime)];
  const count = (kind) => endpoints.filter((r) => r[kind]).length;
  if (problems.length) {
    for (const p of problems) console.log(`surface mismatch: ${p}`);
    process.exitCode = 1;
    return;
  }
  console.log(`surface: ${endpoints.length} methods, ${count('paged')} Pages, ${count('splittable')} Batched; types and docs agree with the runtime table`);
}

main().catch((e) => {
  console.log(`surface check could not run: ${e.message}`);
  process.exitCode = 1;
});
