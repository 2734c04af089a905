// Runs the installed `tim-edge` bin (node_modules/.bin/tim-edge of the scratch project, i.e. the
// packed tarball as a user gets it) as a subprocess, bounded in time, and checks on every run
// that no secret the test handed it shows up in its stdout or stderr.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { AssertionError } from '../harness.mjs';

export function binPath(scratchDir) {
  return join(scratchDir, 'node_modules', '.bin', 'tim-edge');
}

// PATH with this Node first, so the bin's `#!/usr/bin/env node` finds the same Node.
function baseEnv() {
  const { PATH = '' } = process.env;
  return { PATH: `${dirname(process.execPath)}:${PATH}`, HOME: process.env.HOME ?? '/tmp' };
}

/**
 * args: argv after the bin. stdin: a string to pipe (closed after), or undefined for /dev/null.
 * env: extra environment. secrets: strings that must not appear in stdout or stderr.
 * Resolves { code, stdout, stderr }.
 */
export function runBin(scratchDir, args, { stdin, env = {}, secrets = [], timeoutMs = 8000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(binPath(scratchDir), args, {
      env: { ...baseEnv(), ...env },
      stdio: [stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    if (stdin !== undefined) child.stdin.end(stdin);
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new AssertionError(`tim-edge ${args[0]} did not exit within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      try {
        assertNoSecrets({ stdout, stderr }, secrets);
      } catch (e) {
        return reject(e);
      }
      resolve({ code, stdout, stderr });
    });
  });
}

export function assertNoSecrets(outputs, secrets) {
  for (const s of secrets) {
    for (const [stream, text] of Object.entries(outputs)) {
      // Any 16-character piece of it, not just the whole: a truncated echo leaks too.
      for (let i = 0; i + 16 <= s.length; i += 8) {
        if (text.includes(s.slice(i, i + 16))) throw new AssertionError(`a secret (or part of one) appears in ${stream}`);
      }
      if (s.length < 16 && text.includes(s)) throw new AssertionError(`a secret appears in ${stream}`);
    }
  }
}
