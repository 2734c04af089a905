// Observing calls: hooks and a minimal logger (in the style of openai-node's `logLevel`), both
// fed by the events the Rust call loop reports (src/wasm/events.rs):
//
//   request   { service, command, attempt, host, requestId, url }      before each attempt
//   response  { ..., status, errorCode, durationMs, outcome }            after each attempt
//   retry     { ..., status, errorCode, decision, delayMs, nextHost, message }  before a retry
//   error     { ..., kind, status, errorCode, durationMs, decision, message }  the call failed
//
// Events never carry the key or a UserSig (the URL's usersig is `<redacted>`). A hook or logger
// that throws or rejects changes nothing about the call. A client with neither pays nothing:
// no emitter is passed and Rust builds no events.
import { badInput } from './error.js';

const HOOKS = { request: 'onRequest', response: 'onResponse', retry: 'onRetry', error: 'onError' };
const LEVELS = ['off', 'error', 'warn', 'info', 'debug'];
// The level each event is logged at.
const LEVEL_OF = { error: 'error', retry: 'warn', request: 'debug', response: 'debug' };

/** `{ onRequest?, onResponse?, onRetry?, onError? }` checked, or undefined. */
export function hooksOf(hooks, what) {
  if (hooks === undefined || hooks === null) return undefined;
  if (typeof hooks !== 'object') throw badInput(`${what} must be an object of functions (onRequest, onResponse, onRetry, onError)`);
  const names = Object.values(HOOKS);
  // A misspelled hook (`request`, `onResponse ` ...) would otherwise never fire, silently.
  for (const key of Object.keys(hooks)) {
    if (!names.includes(key)) throw badInput(`${what}.${key} is not a hook (onRequest, onResponse, onRetry, onError)`);
  }
  const out = {};
  for (const name of names) {
    const f = hooks[name];
    if (f === undefined || f === null) continue;
    if (typeof f !== 'function') throw badInput(`${what}.${name} must be a function`);
    out[name] = f;
  }
  return Object.keys(out).length ? out : undefined;
}

/** A `(event) => void` writing events at or above `logLevel` to `logger` (default console). */
export function loggerOf(level, logger) {
  if (level === undefined || level === null || level === 'off') {
    if (logger !== undefined && logger !== null) checkLogger(logger);
    return undefined;
  }
  if (!LEVELS.includes(level)) throw badInput(`logLevel must be one of ${LEVELS.join(', ')}`);
  const sink = logger ?? globalThis.console;
  checkLogger(sink);
  const rank = LEVELS.indexOf(level);
  return (event) => {
    const at = LEVEL_OF[event.type];
    if (LEVELS.indexOf(at) > rank) return;
    const text = `tim-edge ${event.type} ${event.service}/${event.command} attempt ${event.attempt}` +
      (event.status ? ` status ${event.status}` : '') +
      (event.errorCode ? ` ErrorCode ${event.errorCode}` : '') +
      (event.decision ? ` ${event.decision}` : '') +
      (event.message ? `: ${event.message}` : '');
    (sink[at] ?? sink.log).call(sink, text, event);
  };
}

function checkLogger(logger) {
  if (typeof logger !== 'object' || !['error', 'warn', 'info', 'debug'].every((m) => typeof logger[m] === 'function')) {
    throw badInput('logger must have error, warn, info and debug methods (like console)');
  }
}

function safely(f, event) {
  try {
    const r = f(event);
    if (r !== null && typeof r === 'object' && typeof r.then === 'function') r.then(undefined, () => {});
  } catch {
    /* an observer never changes the call */
  }
}

/**
 * The emitter for one call (client hooks, then the call's own `options.hooks`, then the logger),
 * or undefined when there is nothing to tell.
 */
export function emitterFor(clientHooks, logger, options) {
  const callHooks = options !== null && typeof options === 'object' ? hooksOf(options.hooks, 'options.hooks') : undefined;
  if (!clientHooks && !callHooks && !logger) return undefined;
  return (event) => {
    const name = HOOKS[event.type];
    if (clientHooks?.[name]) safely(clientHooks[name], event);
    if (callHooks?.[name]) safely(callHooks[name], event);
    if (logger) safely(logger, event);
  };
}
