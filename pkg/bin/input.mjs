// Where secrets come from: the key from an environment variable named by --key-env or from
// stdin; a UserSig from an argument, an environment variable or stdin. Never from a plain
// option (see args.mjs). Stdin is read only when it is not a terminal (a typed key would echo).
import { UsageError } from './args.mjs';

const STDIN_LIMIT = 64 * 1024;

/** Whether stdin is a pipe or a file we may read (not an interactive terminal). */
export function stdinIsPiped() {
  return !process.stdin.isTTY;
}

/** All of stdin as UTF-8, refusing more than 64 KiB (a key or a UserSig is far smaller). */
export async function readStdin(what) {
  const chunks = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += chunk.length;
    if (size > STDIN_LIMIT) throw new UsageError(`stdin is larger than 64 KiB; expected ${what}`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The value of the environment variable an option names; the name is not repeated in errors. */
export function fromEnv(name, flag, what) {
  const value = process.env[name];
  if (value === undefined || value === '') {
    throw new UsageError(`the environment variable named by ${flag} is unset or empty (pass the variable's name, e.g. ${flag} TIM_KEY, with ${what} in it)`);
  }
  return value;
}

/**
 * The app key: from --key-env VAR, else from stdin (one trailing newline removed, so
 * `echo "$KEY" |` and a file with a final newline both work). `stdinTaken` names what else
 * already reads stdin, if anything.
 */
export async function readKey(opts, stdinTaken) {
  if (opts['key-env']) return fromEnv(opts['key-env'], '--key-env', 'the key');
  if (stdinTaken) throw new UsageError(`stdin already carries ${stdinTaken}: pass the key with --key-env VAR`);
  if (!stdinIsPiped()) throw new UsageError('no key: pass --key-env VAR (the name of an environment variable holding it) or pipe the key on stdin');
  const key = (await readStdin('the key')).replace(/\r?\n$/, '');
  if (key === '') throw new UsageError('stdin is empty; expected the key');
  return key;
}

/** A UserSig: the positional argument, --usersig-env VAR, or stdin (surrounding whitespace removed). */
export async function readUserSig(positional, opts) {
  if (positional !== undefined && opts['usersig-env']) throw new UsageError('give the UserSig either as an argument or with --usersig-env, not both');
  if (positional !== undefined) {
    if (positional === '-') return readUserSigFromStdin();
    return positional;
  }
  if (opts['usersig-env']) return fromEnv(opts['usersig-env'], '--usersig-env', 'the UserSig').trim();
  return readUserSigFromStdin();
}

/** Whether readUserSig will read stdin for these arguments. */
export function userSigFromStdin(positional, opts) {
  return positional === '-' || (positional === undefined && !opts['usersig-env']);
}

async function readUserSigFromStdin() {
  if (!stdinIsPiped()) throw new UsageError('no UserSig: give it as an argument, with --usersig-env VAR, or on stdin');
  const sig = (await readStdin('a UserSig')).trim();
  if (sig === '') throw new UsageError('stdin is empty; expected a UserSig');
  return sig;
}
