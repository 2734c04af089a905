// build.mjs steps 5-8: from pkg/gen/ (the .wasm modules and their bundler glue) to the package
// as published: one bundle per runtime entry in pkg/dist/, the CommonJS copies of the type
// declarations, the README and LICENSE, and the JSR files. Which runtime loads which file, and why, is in
// docs/ARCHITECTURE.md ("How the package loads").
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const NODE = { platform: 'node', format: 'cjs', target: 'node20' };
const NEUTRAL = { platform: 'neutral', format: 'esm', target: 'es2022' };
// The wasm modules js-tests/build.mjs builds, and the API each entry family exposes.
const MODULES = [['tim_edge', 'sdk'], ['tim_edge_emulator', 'emulator'], ['tim_edge_jobs', 'jobs']];

/**
 * One row per dist/ file: the entry (pkg/entry/<entry>), the esbuild settings, and the imports
 * left in place (`keep`: the runtime or the user's bundler resolves them; the paths are the same
 * from dist/ as from entry/, except '../dist/x' which becomes './x').
 */
function bundles(stem, api) {
  const e = api === 'sdk' ? '' : `${api}-`;
  const base64 = `../dist/${stem}_bg.wasm.json`;
  return [
    // Node and Bun: CommonJS, behind the two small files of step 5c.
    { entry: `${e}node.mjs`, out: `${e}node-api.cjs`, ...NODE, keep: [base64] },
    // The same for bundlers that target Node (the `module` condition): one ES module they can
    // both import and require, so a bundle holds one copy.
    { entry: `${e}node.mjs`, out: `${e}module.mjs`, ...NEUTRAL, keep: [base64] },
    // Browsers, workers, anything else: compiled asynchronously.
    { entry: `${e}browser.mjs`, out: `${e}browser.mjs`, ...NEUTRAL, keep: [base64] },
    // Deno 2.1+ (and JSR, step 8): Wasm ES-module import; the .wasm imports the glue by name, so
    // both stay files.
    { entry: `${e}deno.mjs`, out: `${e}deno.mjs`, ...NEUTRAL, keep: [`../gen/${stem}_bg.wasm`, `../gen/${stem}_bg.js`] },
    // workerd: wrangler turns the .wasm import into a WebAssembly.Module.
    { entry: `${e}workerd.mjs`, out: `${e}workerd.mjs`, ...NEUTRAL, keep: [`../gen/${stem}_bg.wasm`] },
    // Vercel Edge / Next.js edge routes: the documented `?module` import.
    { entry: `${e}edge-light.mjs`, out: `${e}edge-light.mjs`, ...NEUTRAL, keep: [`../gen/${stem}_bg.wasm?module`] },
  ];
}

function keepImports(paths) {
  return {
    name: 'keep-imports',
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) =>
        paths.includes(args.path) ? { path: args.path.replace(/^\.\.\/dist\//, './'), external: true } : undefined,
      );
    },
  };
}

export async function buildPackage({ root, pkg }) {
  // Imported here: build.mjs installs this folder's dev-dependencies (esbuild) before calling.
  const esbuild = await import('esbuild');
  const dist = join(pkg, 'dist');
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });

  // 5a. The .wasm modules as base64 text in a JSON file each (dist/<stem>_bg.wasm.json: one JSON
  // string), for the Node, bundler and browser entries: every bundler and Node's require take
  // JSON as is, and Node reads it with JSON.parse instead of compiling a 450 KB script (and, for a
  // CommonJS file reached from `import`, lexing it for exports): Node 20's import of the package
  // 2.1 ms faster, require 1.2 ms (medians of 21 interleaved fresh processes).
  for (const stem of ['tim_edge', 'tim_edge_emulator', 'tim_edge_jobs']) {
    const base64 = readFileSync(join(pkg, 'gen', `${stem}_bg.wasm`)).toString('base64');
    writeFileSync(join(dist, `${stem}_bg.wasm.json`), `${JSON.stringify(base64)}\n`);
  }

  // 5b. One bundle per entry: a runtime loads one or two files instead of ten (Node's ESM loader
  // costs about 1 ms per file at startup).
  const exportsOf = {};
  for (const [stem, api] of MODULES) {
    for (const b of bundles(stem, api)) {
      const r = await esbuild.build({
        entryPoints: [join(pkg, 'entry', b.entry)],
        outfile: join(dist, b.out),
        bundle: true,
        platform: b.platform,
        format: b.format,
        target: b.target,
        // Keeps the base64 JSON's `with { type: 'json' }` (Node and browsers need it to import
        // JSON unbundled; es2022 alone would drop it).
        supported: { 'import-attributes': true },
        plugins: [keepImports(b.keep ?? [])],
        metafile: true,
        logLevel: 'warning',
      });
      // tim-edge/jobs has two faces: with the file loop (Node, Bun, Deno) and without (the rest).
      const face = api === 'jobs' && /browser|workerd|edge-light/.test(b.entry) ? 'jobs-web' : api;
      if (b.format === 'esm') {
        const names = [...Object.values(r.metafile.outputs)[0].exports].sort();
        if (exportsOf[face] && exportsOf[face].join() !== names.join()) throw new Error(`dist/${b.out} exports [${names}], other entries [${exportsOf[face]}]`);
        exportsOf[face] = names;
      }
      // A run-time path is what bundlers cannot follow (the issue this layout fixes). The jobs
      // file loop reads its checkpoint files, never the module's own.
      const text = readFileSync(join(dist, b.out), 'utf8');
      const runtimePath = api === 'jobs' ? /import\.meta\.url|__dirname/ : /import\.meta\.url|__dirname|readFileSync/;
      if (runtimePath.test(text)) throw new Error(`dist/${b.out} reads a file at run time`);
    }
  }

  // 5c. Node's two faces of dist/node-api.cjs, so Node loads one instance whether the package is
  // imported, required or both: dist/node.cjs (require) and dist/node.mjs (import). Node's ESM
  // loader runs cjs-module-lexer over every CommonJS file it imports (about 10 ms for the 57 KB
  // bundle on Node 20; docs/ARCHITECTURE.md), so node.mjs default-imports the tiny node.cjs, which hands
  // over node-api.cjs through a variable (a direct `module.exports = require()` is a re-export the
  // lexer would follow). Static imports and requires only: bundlers follow the chain too. The
  // names are listed, and must match the ES-module bundles' exports.
  const require = createRequire(import.meta.url);
  for (const [pre, api] of [['', 'sdk'], ['emulator-', 'emulator'], ['jobs-', 'jobs']]) {
    const names = Object.keys(require(join(dist, `${pre}node-api.cjs`))).sort();
    if (names.join() !== exportsOf[api].join()) {
      throw new Error(`dist/${pre}node-api.cjs exports [${names}] but the ES-module bundles export [${exportsOf[api]}]`);
    }
    const generated = '// Generated by js-tests/build-package.mjs (docs/ARCHITECTURE.md, "How the package loads"). Do not edit.';
    writeFileSync(join(dist, `${pre}node.cjs`), `${generated}\nconst api = require('./${pre}node-api.cjs');\nmodule.exports = api;\n`);
    writeFileSync(join(dist, `${pre}node.mjs`), `${generated}\nimport api from './${pre}node.cjs';\n\nexport const { ${names.join(', ')} } = api;\n`);
  }

  // 6. Type declarations for require(): .d.cts copies under dist/ of index.d.ts, emulator.d.ts
  // and types/*.d.ts, their relative imports pointing at each other ('./x.js' -> './x.cjs').
  const declarations = ['index.d.ts', 'emulator.d.ts', 'jobs.d.ts', ...readdirSync(join(pkg, 'types')).filter((f) => f.endsWith('.d.ts')).map((f) => `types/${f}`)];
  copyDeclarations(pkg, declarations, dist, '.d.cts', '.cjs');

  // 7. README and LICENSE from the repository's, with links that work on npm and JSR.
  const manifest = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8'));
  const blob = `${manifest.homepage.replace(/#.*$/, '')}/blob/main/`;
  const readme = readFileSync(join(root, 'README.md'), 'utf8').replace(/\]\((?!https?:|#)([^)]+)\)/g, (all, target) => `](${blob}${target})`);
  writeFileSync(join(pkg, 'README.md'), readme);
  copyFileSync(join(root, 'LICENSE'), join(pkg, 'LICENSE'));

  // 8. JSR (pkg/jsr.json): the Deno build with a @ts-self-types directive, and the declarations
  // with '.d.ts' specifiers (Deno maps no '.js' to '.d.ts' outside npm packages). Not in the npm
  // tarball (package.json `files`).
  copyDeclarations(pkg, declarations, join(dist, 'jsr-types'), '.d.ts', '.d.ts');
  for (const [from, to, types] of [['deno.mjs', 'jsr.mjs', 'index.d.ts'], ['emulator-deno.mjs', 'jsr-emulator.mjs', 'emulator.d.ts'], ['jobs-deno.mjs', 'jsr-jobs.mjs', 'jobs.d.ts']]) {
    writeFileSync(join(dist, to), `// @ts-self-types="./jsr-types/${types}"\n${readFileSync(join(dist, from), 'utf8')}`);
  }

  return { dist: readdirSync(dist).filter((f) => !f.startsWith('types')).map((f) => relative(pkg, join(dist, f))) };
}

/**
 * Copies declaration files into `outDir` with `ext` in place of '.d.ts', renaming their relative
 * imports from '.js' to `specifierExt`; every relative import must carry '.js' (TypeScript's
 * nodenext mode needs it in the sources).
 */
function copyDeclarations(pkg, files, outDir, ext, specifierExt) {
  for (const file of files) {
    const text = readFileSync(join(pkg, file), 'utf8');
    let count = 0;
    const out = text.replace(/(from\s+|import\()(['"])(\.\.?\/[^'"]*)\2/g, (all, lead, q, spec) => {
      if (!spec.endsWith('.js')) throw new Error(`${file}: the relative import '${spec}' needs its .js extension (TypeScript's nodenext mode)`);
      count++;
      return `${lead}${q}${spec.slice(0, -3)}${specifierExt}${q}`;
    });
    const target = join(outDir, file.replace(/\.d\.ts$/, ext));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, `// Generated by js-tests/build-package.mjs from ${file} (${count} import(s) renamed). Do not edit.\n${out}`);
  }
}

// `node js-tests/build-package.mjs` redoes steps 5-8 alone, from the pkg/gen/ already built.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const r = await buildPackage({ root, pkg: join(root, 'pkg') });
  console.log(`packaged pkg/: ${r.dist.join(', ')}`);
}
