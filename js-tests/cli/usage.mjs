// Usage errors (exit 2, a message naming the problem, a pointer to --help, no stack trace),
// the refusal of --key, --help for every command, and that no key or UserSig given in the
// wrong place is ever repeated back.
import { randomBytes } from 'node:crypto';

const APP = ['--sdkappid', '1400000000'];
// A key that is also a valid environment variable name, so `--key-env KEY` reaches the lookup.
const KEY = `k${randomBytes(24).toString('hex')}`;
const ENV = { TIM_TEST_KEY: KEY };
const SIG = 'eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS80oy0zLBwhWZiflZpXlQqeKU7MSCgswUJStDEwMogMiUZOamKlkZmqOKplYUZBaBxE1NTY3gosWZ6UpWSj5ljuYp*p7l5unBxXnF2WVhVU4uAf7Ozi5JpX7O5SbuHuUhzgZJmQXaTia2SrUAohcx8g__';

// [what, args, stderr pattern, { stdin, env }]. Every row must exit 2.
const USAGE_ERRORS = [
  ['no command', [], /Usage: tim-edge <command>/],
  ['an unknown command', ['sign'], /unknown command "sign"/],
  ['an option before the command', ['--sdkappid', '1'], /a command must come first/],
  ['usersig without --sdkappid', ['usersig', '--user', 'a', '--key-env', 'TIM_TEST_KEY'], /--sdkappid is required/, { env: ENV }],
  ['usersig without --user', ['usersig', ...APP, '--key-env', 'TIM_TEST_KEY'], /--user is required/, { env: ENV }],
  ['a non-numeric --sdkappid', ['usersig', '--sdkappid', 'abc', '--user', 'a'], /--sdkappid must be an integer from 1 to 4294967295/],
  ['--sdkappid 0', ['usersig', '--sdkappid', '0', '--user', 'a'], /--sdkappid must be an integer/],
  ['--sdkappid past uint32', ['usersig', '--sdkappid', '4294967296', '--user', 'a'], /--sdkappid must be an integer/],
  ['--expire 0', ['usersig', ...APP, '--user', 'a', '--expire', '0'], /--expire must be an integer/],
  ['--expire with a unit', ['usersig', ...APP, '--user', 'a', '--expire', '1d'], /--expire must be an integer/],
  ['an unknown option', ['usersig', ...APP, '--user', 'a', '--userid', 'b'], /unknown option --userid/],
  ['an option given twice', ['usersig', ...APP, '--user', 'a', '--user', 'b'], /--user is given twice/],
  ['an option without its value', ['usersig', ...APP, '--user'], /--user needs a value/],
  ['an option followed by another option', ['usersig', ...APP, '--user', '--expire', '5'], /--user needs a value/],
  ['a value on a flag', ['emulator', '--quiet=yes'], /--quiet takes no value/],
  ['--key-env unset', ['usersig', ...APP, '--user', 'a', '--key-env', 'TIM_TEST_UNSET'], /named by --key-env is unset or empty/],
  ['--key-env set but empty', ['usersig', ...APP, '--user', 'a', '--key-env', 'TIM_TEST_EMPTY'], /unset or empty/, { env: { TIM_TEST_EMPTY: '' } }],
  ['no key and empty stdin', ['usersig', ...APP, '--user', 'a'], /stdin is empty; expected the key/, { stdin: '' }],
  ['no key and stdin closed', ['usersig', ...APP, '--user', 'a'], /stdin is empty/],
  ['a UserID over 32 bytes', ['usersig', ...APP, '--user', 'u'.repeat(33), '--key-env', 'TIM_TEST_KEY'], /userId/, { env: ENV }],
  ['decode with nothing on stdin', ['decode'], /stdin is empty; expected a UserSig/, { stdin: '\n' }],
  ['decode with two UserSigs', ['decode', SIG, SIG], /at most 1 positional argument \(got 2\)/],
  ['decode with an argument and --usersig-env', ['decode', SIG, '--usersig-env', 'S'], /either as an argument or with --usersig-env/, { env: { S: SIG } }],
  ['verify without --user', ['verify', ...APP, '--key-env', 'TIM_TEST_KEY', SIG], /--user is required/, { env: ENV }],
  ['verify with key and UserSig both on stdin', ['verify', ...APP, '--user', 'a'], /stdin already carries the UserSig: pass the key with --key-env/, { stdin: `${KEY}\n${SIG}\n` }],
  ['verify with a bad --now', ['verify', ...APP, '--user', 'a', '--key-env', 'TIM_TEST_KEY', '--now', 'yesterday', SIG], /--now must be Unix seconds/, { env: ENV }],
  ['verify with a bad --userbuf', ['verify', ...APP, '--user', 'a', '--key-env', 'TIM_TEST_KEY', '--userbuf', 'not base64!', SIG], /--userbuf must be standard base64/, { env: ENV }],
  ['emulator on a non-loopback host', ['emulator', '--host', '0.0.0.0', '--port', '0'], /--host must be a loopback address/],
  ['emulator on port 70000', ['emulator', '--port', '70000'], /--port must be a port number/],
  ['emulator with a relative --callback-url', ['emulator', '--port', '0', '--callback-url', '/tim/callback'], /--callback-url must be an absolute http/],
  ['emulator with an ftp --callback-url', ['emulator', '--port', '0', '--callback-url', 'ftp://127.0.0.1/x'], /--callback-url must be an absolute http/],
  ['emulator with a token but no --callback-url', ['emulator', '--port', '0', '--callback-token-env', 'T'], /--callback-token-env needs --callback-url/, { env: { T: 'tok' } }],
  ['emulator with an unset --key-env', ['emulator', '--port', '0', '--key-env', 'TIM_TEST_UNSET'], /unset or empty/],
];

// Ways a key ends up in the wrong place; each must exit 2 without repeating it.
const KEY_MISPLACED = [
  ['--key KEY', ['usersig', ...APP, '--user', 'a', '--key', KEY], /--key is refused: .*shell history/],
  ['--key=KEY', ['usersig', ...APP, '--user', 'a', `--key=${KEY}`], /--key is refused/],
  ['--secret KEY on verify', ['verify', ...APP, '--user', 'a', '--secret', KEY, SIG], /--secret is refused/],
  ['--key on emulator', ['emulator', '--key', KEY], /--key is refused/],
  ['the key as a positional argument', ['usersig', ...APP, '--user', 'a', KEY], /takes no positional arguments \(got 1\)/],
  ['the key as the --key-env value (a valid name, unset)', ['usersig', ...APP, '--user', 'a', '--key-env', KEY], /unset or empty/],
  ['a hex key as the --key-env value', ['usersig', ...APP, '--user', 'a', '--key-env', `0${KEY}`], /--key-env takes the NAME of an environment variable/],
  ['the key as an option name', ['usersig', `--${KEY}`], /unknown option/],
  ['the key as the command', [KEY], /unknown command/],
];

export default function register(test, { assert, run, scratchDir }) {
  for (const [what, args, pattern, opts = {}] of [...USAGE_ERRORS, ...KEY_MISPLACED]) {
    test(`exit 2 for ${what}`, async () => {
      const r = await run(args, { ...opts, secrets: [KEY] });
      assert.equal(r.code, 2, `exit code (stderr: ${r.stderr.slice(0, 300)})`);
      const text = args.length === 0 ? r.stdout : r.stderr;
      assert.match(text, pattern);
      assert.ok(!/\n\s+at /.test(r.stderr), 'no stack trace');
      if (args.length > 0 && !/Usage:/.test(r.stderr)) assert.match(r.stderr, /--help/, 'points to --help');
      if (args.length > 0) assert.equal(r.stdout, '', 'nothing on stdout');
    });
  }

  for (const cmd of ['usersig', 'decode', 'verify', 'emulator']) {
    test(`${cmd} --help`, async () => {
      // --help wins over everything else on the line, even missing required options.
      const r = await run([cmd, '--help']);
      assert.equal(r.code, 0);
      assert.match(r.stdout, new RegExp(`^Usage: tim-edge ${cmd} `));
      assert.match(r.stdout, /-h, --help/);
      assert.equal(r.stderr, '');
      const short = await run([cmd, '-h', '--sdkappid', 'junk']);
      assert.equal(short.code, 0, '-h');
      assert.equal(short.stdout, r.stdout);
    });
  }

  test('tim-edge --version prints the installed package version', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const manifest = JSON.parse(readFileSync(join(scratchDir, 'node_modules', 'tim-edge', 'package.json'), 'utf8'));
    const r = await run(['--version']);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, `${manifest.version}\n`);
  });

  test('tim-edge --help lists every command', async () => {
    const r = await run(['--help']);
    assert.equal(r.code, 0);
    for (const cmd of ['usersig', 'decode', 'verify', 'emulator']) assert.match(r.stdout, new RegExp(`\\n  ${cmd} `), cmd);
  });
}
