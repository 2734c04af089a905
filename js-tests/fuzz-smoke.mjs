// The `fuzz` row of `npm --prefix js-tests test`: every cargo-fuzz target in fuzz/ for a short
// time (default 20 s each), starting from the committed corpus and seeds, so a change that makes
// a decoder panic or breaks a target's invariant fails the run. Long runs are docs/FUZZING.md's.
//
// Works on a fresh machine with rustup's nightly toolchain: cargo-fuzz is installed when
// `cargo fuzz --version` fails. New corpus entries go to a scratch directory, never into the
// repository; a crash input is kept under fuzz/artifacts/<target>/ (gitignored) to reproduce with
// `cargo +nightly fuzz run <target> fuzz/artifacts/<target>/<file>`.
//
// Standalone: node js-tests/fuzz-smoke.mjs [seconds]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Runs a command to completion: { ok, out } with stdout and stderr together (libFuzzer reports
// on stderr).
function sh(cmd, args, opts) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024, ...opts });
  return { ok: r.status === 0, out: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error.message) : ''}` };
}

export function runFuzz({ root, scratch, seconds = 20 }) {
  const started = Date.now();
  const fuzzDir = join(root, 'fuzz');
  const results = [];
  const row = (error) => {
    const passed = results.filter((r) => r.ok).length;
    return { name: 'fuzz', ms: Date.now() - started, passed, failed: results.length - passed, error, results };
  };
  const log = (line) => console.log(`[fuzz] ${line}`);

  if (!sh('cargo', ['+nightly', '--version']).ok) return row('the nightly toolchain is missing (rustup toolchain install nightly)');
  if (!sh('cargo', ['fuzz', '--version']).ok) {
    log('cargo-fuzz is not installed: cargo install cargo-fuzz');
    const inst = sh('cargo', ['install', 'cargo-fuzz'], { timeout: 1800000 });
    if (!inst.ok) {
      for (const l of inst.out.trim().split('\n').slice(-15)) log(l);
      return row('cargo install cargo-fuzz failed (output above)');
    }
  }
  const build = sh('cargo', ['+nightly', 'fuzz', 'build'], { cwd: fuzzDir, timeout: 1800000 });
  if (!build.ok) {
    for (const l of build.out.trim().split('\n').slice(-30)) log(l);
    return row('cargo fuzz build failed (output above)');
  }
  const targets = sh('cargo', ['fuzz', 'list'], { cwd: fuzzDir }).out.split('\n').map((s) => s.trim()).filter(Boolean);
  if (targets.length === 0) return row('cargo fuzz list found no targets');

  for (const t of targets) {
    const fresh = join(scratch, 'fuzz-corpus', t);
    mkdirSync(fresh, { recursive: true });
    const dirs = [fresh, join(fuzzDir, 'corpus', t), join(fuzzDir, 'seeds', t)].filter(existsSync);
    const r = sh('cargo', ['+nightly', 'fuzz', 'run', t, ...dirs, '--', `-max_total_time=${seconds}`, '-print_final_stats=1'], { cwd: fuzzDir, timeout: (seconds + 300) * 1000 });
    const runs = /stat::number_of_executed_units:\s*(\d+)/.exec(r.out)?.[1];
    if (r.ok && runs) {
      log(`${t}: ${runs} executions in ${seconds} s, no finding`);
      results.push({ name: `${t} (${runs} executions)`, ok: true });
    } else {
      for (const l of r.out.split('\n').filter((l) => /panicked|ERROR|SUMMARY|artifact|Test unit written|assert/.test(l)).slice(0, 20)) log(l);
      results.push({ name: t, ok: false, error: 'the fuzzer failed or found a crash (output above; the input is under fuzz/artifacts/)' });
    }
    rmSync(fresh, { recursive: true, force: true });
  }
  return row();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const scratch = join(root, 'js-tests', '.scratch', `fuzz-${process.pid}`);
  const r = runFuzz({ root, scratch, seconds: Number(process.argv[2] ?? 20) });
  rmSync(scratch, { recursive: true, force: true });
  console.log(`${r.passed} passed, ${r.failed + (r.error ? 1 : 0)} failed${r.error ? ` (${r.error})` : ''}`);
  process.exitCode = r.failed === 0 && !r.error ? 0 : 1;
}
