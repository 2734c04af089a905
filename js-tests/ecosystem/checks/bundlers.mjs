// Bundlers with no configuration beyond choosing the platform: each builds fixtures/app.mjs,
// and the output runs from an empty directory (ctx.runBuilt), so it holds everything it loads.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { failure, run } from '../exec.mjs';

// The package files a bundle was made of, from esbuild's metafile or webpack's stats.
const fromPackage = (paths) => [...new Set(paths.filter((p) => typeof p === 'string' && p.includes('node_modules/tim-edge/')).map((p) => p.replace(/^.*node_modules\/tim-edge\//, '')))].sort().join(' + ');
const size = (file) => `${Math.round(statSync(file).size / 1024)} KB`;

const ESBUILD = [
  { name: 'node, ESM', platform: 'node', format: 'esm', out: 'app.mjs' },
  { name: 'node, CommonJS', platform: 'node', format: 'cjs', out: 'app.cjs' },
  { name: 'browser', platform: 'browser', format: 'esm', out: 'app.mjs' },
  { name: 'neutral', platform: 'neutral', format: 'esm', out: 'app.mjs' },
];

export default [
  ...ESBUILD.map((v) => ({
    name: `esbuild --bundle --platform=${v.platform} --format=${v.format}`,
    async run(ctx) {
      const esbuild = await import('esbuild');
      const outfile = join(ctx.scratch, `esbuild-${v.platform}-${v.format}`, v.out);
      const r = await esbuild.build({ entryPoints: [ctx.fixture('app.mjs')], bundle: true, platform: v.platform, format: v.format, outfile, metafile: true, logLevel: 'silent' });
      if (r.warnings.length) throw new Error(`warnings: ${r.warnings.map((w) => w.text).join(' | ')}`);
      // Browser and neutral output runs in Node here: it uses only what both have.
      const evidence = await ctx.runBuilt([outfile], process.execPath, [v.out]);
      return `${size(outfile)} from ${fromPackage(Object.keys(r.metafile.inputs))}; ${evidence}`;
    },
  })),
  {
    name: 'webpack 5, target node',
    async run(ctx) {
      const { default: webpack } = await import('webpack');
      const path = join(ctx.scratch, 'webpack');
      const stats = await new Promise((resolve, reject) => {
        webpack({ mode: 'production', target: 'node', entry: ctx.fixture('app.mjs'), output: { path, filename: 'app.cjs' } }, (err, s) => (err ? reject(err) : resolve(s)));
      });
      const info = stats.toJson({ all: false, errors: true, warnings: true, modules: true, nestedModules: true });
      if (stats.hasErrors() || info.warnings.length) throw new Error(`errors/warnings: ${[...info.errors, ...info.warnings].map((e) => e.message).join(' | ').slice(0, 800)}`);
      const modules = info.modules.flatMap((m) => [m.name, ...(m.modules ?? []).map((n) => n.name)]);
      const evidence = await ctx.runBuilt([join(path, 'app.cjs')], process.execPath, ['app.cjs']);
      return `${size(join(path, 'app.cjs'))} from ${fromPackage(modules)}; ${evidence}`;
    },
  },
  {
    name: 'vite build --ssr with ssr.noExternal',
    async run(ctx) {
      const dir = join(ctx.scratch, 'vite');
      ctx.fixture('app.mjs', 'vite/app.mjs');
      const config = join(dir, 'vite.config.mjs');
      const { writeFileSync } = await import('node:fs');
      writeFileSync(config, "export default { logLevel: 'warn', ssr: { noExternal: true }, build: { ssr: 'app.mjs', outDir: 'out', emptyOutDir: true } };\n");
      const r = await run(ctx.tool('vite'), ['build', '--config', config], { cwd: dir, timeoutMs: 120000 });
      if (r.code !== 0 || /warn|error/i.test(r.stdout + r.stderr)) throw failure('vite build --ssr', r);
      const out = join(dir, 'out', 'app.js');
      if (/from\s*["']tim-edge|require\(\s*["']tim-edge/.test(readFileSync(out, 'utf8'))) throw new Error('tim-edge was left external');
      const evidence = await ctx.runBuilt([out], process.execPath, ['app.js']);
      return `${size(out)}, tim-edge bundled in; ${evidence}`;
    },
  },
  {
    name: 'bun build --target=bun',
    async run(ctx) {
      const out = join(ctx.scratch, 'bun', 'app.js');
      const r = await run(ctx.jsTestsTool('bun'), ['build', ctx.fixture('app.mjs'), '--target=bun', `--outfile=${out}`], { cwd: ctx.scratch, timeoutMs: 60000 });
      if (r.code !== 0) throw failure('bun build', r);
      const evidence = await ctx.runBuilt([out], ctx.jsTestsTool('bun'), ['app.js']);
      return `${size(out)}; ${evidence}`;
    },
  },
  {
    name: 'bun build --compile (a standalone executable)',
    async run(ctx) {
      const out = join(ctx.scratch, 'bun-compile', 'app');
      const r = await run(ctx.jsTestsTool('bun'), ['build', ctx.fixture('app.mjs'), '--compile', `--outfile=${out}`], { cwd: ctx.scratch, timeoutMs: 120000 });
      if (r.code !== 0) throw failure('bun build --compile', r);
      const evidence = await ctx.runBuilt([out], './app', []);
      return `${Math.round(statSync(out).size / 1048576)} MB executable; ${evidence}`;
    },
  },
];
