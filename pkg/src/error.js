// TimError: the one error type. Rust builds the fields (src/error.rs); this class gives them an
// Error prototype, a stack and `instanceof`.

export class TimError extends Error {
  constructor(fields) {
    super(fields.message);
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
  }
}

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
