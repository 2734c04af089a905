// What the deployed-mode example talks to in the example row, all on 127.0.0.1: the installed
// package's `tim-edge emulator` (standing in for Tencent through TIM_BASE_URL) and a JWKS server
// (standing in for an identity provider through TIM_JWKS_URL).
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { join } from 'node:path';

const READY_MS = 30000;

/** Starts `tim-edge emulator --port 0` from the scratch project's node_modules; bounded wait. */
export function startEmulatorCli({ scratchDir, sdkAppId, key }) {
  const bin = join(scratchDir, 'node_modules', 'tim-edge', 'bin', 'tim-edge.mjs');
  const child = spawn(process.execPath, [bin, 'emulator', '--port', '0', '--sdkappid', String(sdkAppId), '--key-env', 'EXAMPLE_EMULATOR_KEY', '--quiet'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, EXAMPLE_EMULATOR_KEY: key },
  });
  const stop = () => child.exitCode === null && child.kill('SIGKILL');
  process.once('exit', stop);
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`tim-edge emulator did not print its URL within ${READY_MS} ms: ${out.slice(-1000)}`));
    }, READY_MS);
    const onData = (d) => {
      out += d;
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], stop });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (d) => { out += d; });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`tim-edge emulator exited with ${code}: ${out.slice(-1000)}`));
    });
  });
}

/** Serves `{ keys }` at /jwks.json on 127.0.0.1 (any free port); counts the fetches. */
export async function startJwksServer(keys) {
  const server = createServer((req, res) => {
    if (req.url !== '/jwks.json') {
      res.writeHead(404).end();
      return;
    }
    jwks.fetches++;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys }));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const jwks = {
    url: `http://127.0.0.1:${server.address().port}/jwks.json`,
    fetches: 0,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(resolve);
    }),
  };
  return jwks;
}
