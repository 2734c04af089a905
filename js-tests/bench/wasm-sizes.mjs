// Size breakdown of a .wasm file: bytes per section and the largest functions by body size,
// grouped by crate when the name section is present. Usage: node bench/wasm-sizes.mjs <file> [top]
// (the wasm-bindgen output under target/wasm-bindgen/<stem> keeps the names; pkg/gen is stripped).
import { readFileSync } from 'node:fs';

export function breakdown(bytes) {
  let p = 8;
  const u32 = () => {
    let r = 0, s = 0, b;
    do { b = bytes[p++]; r |= (b & 0x7f) << s; s += 7; } while (b & 0x80);
    return r >>> 0;
  };
  const str = () => { const n = u32(); const t = new TextDecoder().decode(bytes.subarray(p, p + n)); p += n; return t; };
  const sections = [];
  let imports = 0;
  const bodies = [];
  const names = new Map();
  while (p < bytes.length) {
    const id = bytes[p++];
    const size = u32();
    const start = p;
    let name = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount'][id] ?? `id${id}`;
    if (id === 0) name = `custom:${str()}`;
    if (id === 2) {
      const n = u32();
      for (let i = 0; i < n; i++) { str(); str(); const kind = bytes[p++]; if (kind === 0) { imports++; u32(); } else if (kind === 1) { p++; const f = u32(); u32(); if (f & 1) u32(); } else if (kind === 2) { const f = u32(); u32(); if (f & 1) u32(); } else if (kind === 3) { p += 2; } else p++; }
    }
    if (id === 10) {
      const n = u32();
      for (let i = 0; i < n; i++) { const sz = u32(); bodies.push({ index: imports + i, size: sz }); p += sz; }
    }
    if (name === 'custom:name') {
      while (p < start + size) {
        const sub = bytes[p++]; const len = u32(); const end = p + len;
        if (sub === 1) { const n = u32(); for (let i = 0; i < n; i++) { const idx = u32(); names.set(idx, str()); } }
        p = end;
      }
    }
    sections.push({ name, size });
    p = start + size;
  }
  const fns = bodies.map((b) => ({ ...b, name: names.get(b.index) ?? `func[${b.index}]` }));
  return { sections, fns };
}

function crateOf(name) {
  const m = /^_?(?:ZN)?[0-9]*([a-z_][a-z0-9_]*)/.exec(name.replace(/^<|^_<|^&/, ''));
  return m ? m[1] : '?';
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2];
  const top = Number(process.argv[3] ?? 40);
  const { sections, fns } = breakdown(readFileSync(file));
  console.log('section sizes:');
  for (const s of sections) console.log(`  ${s.name.padEnd(28)} ${String(s.size).padStart(8)}`);
  const byCrate = new Map();
  for (const f of fns) byCrate.set(crateOf(f.name), (byCrate.get(crateOf(f.name)) ?? 0) + f.size);
  console.log('code bytes by leading path segment:');
  for (const [c, n] of [...byCrate].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${c.padEnd(28)} ${String(n).padStart(8)}`);
  console.log(`largest ${top} functions:`);
  for (const f of fns.sort((a, b) => b.size - a.size).slice(0, top)) console.log(`  ${String(f.size).padStart(7)}  ${f.name.slice(0, 150)}`);
}
