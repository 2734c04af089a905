// Command-line parsing for the tim-edge CLI. Each subcommand describes its options in a table;
// this file reads `--name value` / `--name=value`, checks them against the table and builds the
// help text from it. Messages never repeat a value or a positional argument: a user who typed a
// key or a UserSig in the wrong place must not see it copied into a log as well.

/** A mistake in how the command was called: exit code 2 and a pointer to --help. */
export class UsageError extends Error {
  constructor(message) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The command ran and the answer is "no" (a rejected UserSig, a broken one): exit code 1. */
export class Failure extends Error {
  constructor(message) {
    super(message);
    this.name = 'Failure';
  }
}

// Options that would put a secret on the command line (shell history, `ps`, CI logs).
const SECRET_OPTIONS = ['key', 'secret', 'secret-key', 'secretkey', 'app-key'];
const KEY_REFUSAL =
  'the key is never taken as an argument: it would stay in your shell history and be visible to ' +
  'other users in `ps`. Put it in an environment variable and pass its name with --key-env VAR, ' +
  'or pipe it on stdin';

const U32_MAX = 4294967295;

/** Value parsers shared by the subcommands' option tables. */
export const parse = {
  u32(text, flag) {
    if (!/^[0-9]{1,10}$/.test(text) || Number(text) < 1 || Number(text) > U32_MAX) {
      throw new UsageError(`${flag} must be an integer from 1 to ${U32_MAX}`);
    }
    return Number(text);
  },
  port(text, flag) {
    if (!/^[0-9]{1,5}$/.test(text) || Number(text) > 65535) throw new UsageError(`${flag} must be a port number from 0 to 65535`);
    return Number(text);
  },
  unixSeconds(text, flag) {
    if (!/^[0-9]{1,15}$/.test(text)) throw new UsageError(`${flag} must be Unix seconds (digits only)`);
    return Number(text);
  },
  envName(text, flag) {
    // A name, not a value: a key pasted here by mistake is refused without being repeated.
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,127}$/.test(text)) {
      throw new UsageError(`${flag} takes the NAME of an environment variable (letters, digits, _), e.g. ${flag} TIM_KEY`);
    }
    return text;
  },
  text(text, flag) {
    if (text === '') throw new UsageError(`${flag} must not be empty`);
    return text;
  },
  base64(text, flag) {
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) throw new UsageError(`${flag} must be standard base64`);
    return new Uint8Array(Buffer.from(text, 'base64'));
  },
};

/**
 * Parses argv against a command's table:
 *   { name, options: { flag: { value: 'N' | undefined, required, parse, help } }, positionals: [{ name, help }] }
 * Returns { opts, positionals, help } where `help` is true when --help / -h was given.
 */
export function parseArgs(argv, command) {
  // --help anywhere before `--` wins, even over options that would not parse.
  const end = argv.indexOf('--');
  if ((end === -1 ? argv : argv.slice(0, end)).some((a) => a === '--help' || a === '-h')) return { opts: {}, positionals: [], help: true };
  const opts = {};
  const positionals = [];
  let onlyPositionals = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyPositionals || arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPositionals = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = (eq === -1 ? arg : arg.slice(0, eq)).replace(/^--?/, '');
    if (SECRET_OPTIONS.includes(name.toLowerCase())) throw new UsageError(`--${name} is refused: ${KEY_REFUSAL}`);
    const spec = Object.hasOwn(command.options, name) ? command.options[name] : undefined;
    if (!spec || !arg.startsWith('--')) throw new UsageError(`unknown option ${shown(arg.slice(0, eq === -1 ? arg.length : eq))}`);
    const flag = `--${name}`;
    if (Object.hasOwn(opts, name)) throw new UsageError(`${flag} is given twice`);
    if (!spec.value) {
      if (eq !== -1) throw new UsageError(`${flag} takes no value`);
      opts[name] = true;
      continue;
    }
    let value;
    if (eq !== -1) value = arg.slice(eq + 1);
    else if (i + 1 < argv.length && !(argv[i + 1].startsWith('--') && argv[i + 1].length > 2)) value = argv[++i];
    else throw new UsageError(`${flag} needs a value (${flag} ${spec.value})`);
    opts[name] = (spec.parse ?? parse.text)(value, flag);
  }
  const max = (command.positionals ?? []).length;
  if (positionals.length > max) {
    // Which one, by position only: it may be a secret typed in the wrong place.
    throw new UsageError(max === 0
      ? `${command.name} takes no positional arguments (got ${positionals.length})`
      : `${command.name} takes at most ${max} positional argument${max > 1 ? 's' : ''} (got ${positionals.length})`);
  }
  for (const [name, spec] of Object.entries(command.options)) {
    if (spec.required && !Object.hasOwn(opts, name)) throw new UsageError(`--${name} is required`);
    if (!Object.hasOwn(opts, name) && spec.default !== undefined) opts[name] = spec.default;
  }
  return { opts, positionals, help: false };
}

// An option name as typed, when it looks like one; anything long or odd (a pasted secret?) is
// not repeated, not even in part.
function shown(text) {
  return /^--?[A-Za-z0-9-]{1,24}$/.test(text) ? text : '(not repeated: it does not look like an option name)';
}

/** The --help text of a command, from its table. */
export function helpText(command) {
  const pos = (command.positionals ?? []).map((p) => ` [${p.name}]`).join('');
  const lines = [`Usage: tim-edge ${command.name} [options]${pos}`, '', command.summary, ''];
  if (command.description) lines.push(command.description, '');
  lines.push('Options:');
  const rows = Object.entries(command.options).map(([name, s]) => [`--${name}${s.value ? ` ${s.value}` : ''}`, `${s.help}${s.required ? ' (required)' : ''}`]);
  rows.push(['-h, --help', 'show this help']);
  const width = Math.max(...rows.map(([l]) => l.length)) + 2;
  for (const [l, r] of rows) lines.push(`  ${l.padEnd(width)}${r}`);
  for (const p of command.positionals ?? []) lines.push('', `${p.name}: ${p.help}`);
  if (command.examples) lines.push('', 'Examples:', ...command.examples.map((e) => `  ${e}`));
  return lines.join('\n') + '\n';
}
