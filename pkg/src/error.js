// TimError: the one error type. Rust builds the fields (src/error.rs, src/wasm/error.rs); this
// class gives them an Error prototype, a stack and `instanceof`.
//
// One class per JavaScript realm, whatever loads it: `tim-edge` and `tim-edge/emulator`, an
// `import` and a `require` of the package, or two bundles that each inline this file all find
// the class registered under a global symbol, so `err instanceof TimError` holds everywhere.

const REGISTRY = Symbol.for('tim-edge.TimError');

class TimErrorClass extends Error {
  constructor(fields) {
    super(fields.message, fields.cause === undefined ? undefined : { cause: fields.cause });
    this.name = 'TimError';
    /** 'api' | 'network' | 'timeout' | 'aborted' | 'bad-response' | 'bad-input' */
    this.kind = fields.kind;
    /** Tencent's ErrorCode; 0 when there was no API answer. */
    this.code = fields.code ?? 0;
    this.info = fields.info ?? '';
    this.retryable = fields.retryable ?? false;
    this.service = fields.service ?? '';
    this.command = fields.command ?? '';
    this.httpStatus = fields.httpStatus ?? 0;
    this.attempts = fields.attempts ?? 0;
    this.outcomeKnown = fields.outcomeKnown ?? true;
    /** The `random` query value of the last attempt sent (Tencent support asks for it); null when nothing was sent. */
    this.requestId = fields.requestId ?? null;
    /** The origin the last attempt went to ('' when nothing was sent). */
    this.host = fields.host ?? '';
    this.durationMs = fields.durationMs ?? 0;
  }
}

export const TimError = (globalThis[REGISTRY] ??= TimErrorClass);

/** Turns the plain error object thrown by the wasm side into a TimError; passes others through. */
export function toTimError(e) {
  if (e instanceof TimError) return e;
  if (e !== null && typeof e === 'object' && e.name === 'TimError' && typeof e.kind === 'string') {
    return new TimError(e);
  }
  return e;
}

export function badInput(info) {
  return new TimError({ kind: 'bad-input', info, message: `bad-input: ${info}` });
}

/** JSON text of a request body, or a bad-input TimError (BigInt, cycles, ...). */
export function bodyText(body) {
  if (body === undefined) return undefined;
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw badInput('body must be a JSON object');
  }
  try {
    return JSON.stringify(body);
  } catch (e) {
    throw badInput(`body cannot be serialised as JSON (${e && e.name})`);
  }
}
