// The package as published: the linters users and registries run on it.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { failure, run } from '../exec.mjs';

export default [
  {
    name: 'attw (are the types wrong?) on the tarball',
    async run(ctx) {
      const r = await run(ctx.tool('attw'), [ctx.tarball, '--format', 'json'], { timeoutMs: 120000 });
      const { analysis } = JSON.parse(r.stdout);
      if (r.code !== 0 || analysis.problems.length) throw new Error(`problems: ${JSON.stringify(analysis.problems).slice(0, 600)}`);
      // Which declaration file each resolution mode lands on, as evidence.
      const seen = Object.entries(analysis.entrypoints).filter(([subpath]) => subpath !== './package.json').map(([subpath, e]) =>
        `${subpath}: ${Object.entries(e.resolutions).map(([mode, res]) => `${mode} ${res.resolution?.fileName.replace('/node_modules/tim-edge/', '') ?? 'unresolved'}`).join(', ')}`);
      return `no problems; ${seen.join('; ')}`;
    },
  },
  {
    name: 'publint --strict',
    async run(ctx) {
      const r = await run(ctx.tool('publint'), ['--strict', '--pack', 'false', join(ctx.scratch, 'node_modules', 'tim-edge')], { timeoutMs: 60000 });
      if (r.code !== 0 || /Errors:|Warnings:/.test(r.stdout)) throw failure('publint --strict', r);
      const suggestions = (/Suggestions:\n([\s\S]*)/.exec(r.stdout)?.[1] ?? '').trim().split('\n').filter((l) => /^\d+\./.test(l)).length;
      return `no errors or warnings (${suggestions} suggestion(s), not failures: sideEffects is left unset because every entry instantiates the wasm)`;
    },
  },
  {
    name: 'npm publish --dry-run of the tarball',
    async run(ctx) {
      // npm warns that a dry run needs a login when no token is configured: a placeholder
      // token (never sent: dry run) leaves only what npm says about the package itself.
      const userconfig = join(ctx.scratch, 'publish.npmrc');
      writeFileSync(userconfig, '//registry.npmjs.org/:_authToken=dry-run-placeholder\n');
      const r = await run('npm', ['publish', '--dry-run', '--userconfig', userconfig, ctx.tarball], { cwd: ctx.scratch, timeoutMs: 60000 });
      const output = `${r.stdout}\n${r.stderr}`;
      const warnings = output.split('\n').filter((l) => /npm (warn|error|ERR)/i.test(l) && !/New (major|minor|patch) version of npm/.test(l));
      if (r.code !== 0 || warnings.length) throw new Error(`${warnings.join(' | ') || failure('npm publish --dry-run', r).message}`);
      const files = ['README.md', 'LICENSE', 'bin/tim-edge.mjs'].filter((f) => output.includes(` ${f}\n`));
      if (files.length !== 3) throw new Error(`the tarball lacks ${['README.md', 'LICENSE', 'bin/tim-edge.mjs'].filter((f) => !files.includes(f))}`);
      return `no warnings; ${files.join(', ')} in the tarball; ${/total files:\s*(\d+)/.exec(output)?.[1]} files, ${/package size:\s*([\d.]+ \w+)/.exec(output)?.[1]} packed`;
    },
  },
  {
    name: 'deno publish --dry-run (JSR, pkg/jsr.json)',
    async run(ctx) {
      const r = await run(ctx.jsTestsTool('deno'), ['publish', '--dry-run', '--allow-dirty', '--config', join(ctx.pkgDir, 'jsr.json')], {
        cwd: ctx.pkgDir,
        env: { DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1', DENO_DIR: join(ctx.scratch, '.deno-dir') },
        timeoutMs: 120000,
      });
      const output = `${r.stdout}\n${r.stderr}`;
      if (r.code !== 0 || !/Success Dry run complete/.test(output)) throw failure('deno publish --dry-run', r);
      const files = output.split('\n').filter((l) => /^\s+file:\/\//.test(l)).length;
      return `type-checked and accepted offline: ${/Simulating publish of (\S+)/.exec(output)?.[1]} with ${files} files`;
    },
  },
];
