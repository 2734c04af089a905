#!/usr/bin/env node
// The tim-edge command line: `npx tim-edge <command> ...`. Exit codes: 0 success, 1 a failed
// check (a rejected or undecodable UserSig), 2 a usage error. Errors are one or two lines, never
// a stack trace, and never contain the key or a UserSig (redacted here as a last line of defence).
import { UsageError, Failure, parseArgs, helpText } from './args.mjs';

// Loaded on demand: `emulator` pulls in the emulator build, the others only the core.
const COMMANDS = {
  usersig: () => import('./usersig.mjs'),
  decode: () => import('./decode.mjs'),
  verify: () => import('./verify.mjs'),
  emulator: () => import('./emulator.mjs'),
};
const SUMMARIES = {
  usersig: 'generate a UserSig (key from --key-env VAR or stdin)',
  decode: 'print the fields of a UserSig as JSON (no signature check)',
  verify: 'check a UserSig against the key: valid until ... / invalid: reason',
  emulator: 'serve the local Chat REST emulator on 127.0.0.1',
};

function topHelp() {
  const rows = Object.entries(SUMMARIES).map(([n, s]) => `  ${n.padEnd(10)}${s}`);
  return ['Usage: tim-edge <command> [options]', '', 'Commands:', ...rows, '',
    'Run `tim-edge <command> --help` for the options of each; `tim-edge --version` for the version.', ''].join('\n');
}

const secrets = [];
const redact = (text) => secrets.filter((s) => s.length >= 4).reduce((t, s) => t.split(s).join('<redacted>'), String(text));
const out = (text) => process.stdout.write(text);
const err = (text) => process.stderr.write(redact(text));

async function main(argv) {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    out(topHelp());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    const { readFileSync } = await import('node:fs');
    out(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
    return 0;
  }
  if (!Object.hasOwn(COMMANDS, name)) {
    // Repeated only when it looks like a command name (never a pasted secret).
    const what = name.startsWith('-') ? 'a command must come first' : /^[a-z-]{1,20}$/.test(name) ? `unknown command "${name}"` : 'unknown command';
    err(`tim-edge: ${what}\n\n${topHelp()}`);
    return 2;
  }
  try {
    // Inside the try: a broken install (the wasm missing, ...) is reported, not traced.
    const { command } = await COMMANDS[name]();
    const { opts, positionals, help } = parseArgs(rest, command);
    if (help) {
      out(helpText(command));
      return 0;
    }
    return await command.run({ opts, positionals, out, err, secrets });
  } catch (e) {
    if (e instanceof UsageError || (e && e.name === 'TimError' && e.kind === 'bad-input')) {
      err(`tim-edge ${name}: ${e instanceof UsageError ? e.message : e.info || e.message}\nRun \`tim-edge ${name} --help\` for usage.\n`);
      return 2;
    }
    if (e instanceof Failure) {
      err(`tim-edge ${name}: ${e.message}\n`);
      return 1;
    }
    // Unexpected: say what kind of error it was, not where (no stack for users).
    err(`tim-edge ${name}: unexpected ${e && e.name ? e.name : 'error'}: ${e && e.message ? e.message : String(e)}\n`);
    return 1;
  }
}

// A closed pipe on stdout (`| head`) is not an error worth a trace.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});
const code = await main(process.argv.slice(2));
// The emulator keeps running (its server holds the event loop); everything else ends here.
if (code !== undefined) process.exitCode = code;
