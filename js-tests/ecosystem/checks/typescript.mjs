// TypeScript in the module modes users' projects have. Each project compiles fixtures/typescript/
// usage (must be clean) and mistake (one planted error, which must be the only one reported):
// declarations that do not resolve, or resolve to `any`, fail one way or the other.
import { readFileSync, writeFileSync, mkdirSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../exec.mjs';

const COMMON = { strict: true, noEmit: true, target: 'es2022', skipLibCheck: false, types: [] };
const MODES = [
  { name: 'nodenext, ESM (.ts, "type": "module")', dir: 'ts-nodenext-esm', type: 'module', ext: 'ts', options: { module: 'nodenext', moduleResolution: 'nodenext' }, expect: ['index.d.ts', 'emulator.d.ts'] },
  { name: 'nodenext, CommonJS (.cts)', dir: 'ts-nodenext-cts', type: 'module', ext: 'cts', options: { module: 'nodenext', moduleResolution: 'nodenext' }, expect: ['dist/index.d.cts', 'dist/emulator.d.cts'] },
  { name: 'node10 + commonjs', dir: 'ts-node10', type: 'commonjs', ext: 'ts', options: { module: 'commonjs', moduleResolution: 'node10' }, expect: ['dist/index.d.cts', 'emulator.d.ts'] },
  { name: 'bundler + esnext', dir: 'ts-bundler', type: 'module', ext: 'ts', options: { module: 'esnext', moduleResolution: 'bundler' }, expect: ['index.d.ts', 'emulator.d.ts'] },
];

export default MODES.map((mode) => ({
  name: `tsc, ${mode.name}`,
  async run(ctx) {
    const dir = join(ctx.scratch, mode.dir);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ private: true, type: mode.type }));
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { ...COMMON, ...mode.options }, include: [`*.${mode.ext}`] }, null, 2));
    for (const f of ['usage', 'mistake']) cpSync(join(ctx.here, 'fixtures', 'typescript', `${f}.ts`), join(dir, `${f}.${mode.ext}`));
    const planted = readFileSync(join(dir, `mistake.${mode.ext}`), 'utf8').split('\n').findIndex((l) => l.includes('// MISTAKE')) + 1;

    const r = await run(ctx.tool('tsc'), ['-p', dir, '--listFiles', '--pretty', 'false'], { cwd: dir, timeoutMs: 180000 });
    const out = `${r.stdout}\n${r.stderr}`;
    const errors = [...out.matchAll(/^(\S+?)\((\d+),\d+\): error (TS\d+): (.*)$/gm)].map((m) => ({ file: m[1].split('/').pop(), line: Number(m[2]), code: m[3], text: m[4] }));
    const expected = errors.length === 1 && errors[0].file === `mistake.${mode.ext}` && errors[0].line === planted && errors[0].code === 'TS2322';
    if (!expected) {
      throw new Error(`expected exactly the planted TS2322 at mistake.${mode.ext}:${planted}, got ${errors.length} error(s): ${errors.slice(0, 4).map((e) => `${e.file}:${e.line} ${e.code} ${e.text}`).join(' | ') || out.trim().slice(-400)}`);
    }
    const loaded = out.split('\n').filter((l) => l.includes('/node_modules/tim-edge/')).map((l) => l.trim().replace(/^.*\/node_modules\/tim-edge\//, ''));
    const missing = mode.expect.filter((f) => !loaded.includes(f));
    if (missing.length) throw new Error(`declarations used: ${loaded.join(', ')}; expected ${mode.expect.join(', ')}`);
    return `usage clean; the planted error caught (mistake.${mode.ext}:${planted} TS2322); declarations ${mode.expect.join(' + ')} (${loaded.length} files)`;
  },
}));
