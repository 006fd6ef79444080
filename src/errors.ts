// One error type with a code; the HTTP layer maps codes to statuses through a checked table.
export type AppErrorCode =
  | 'bad_request'
  | 'validation_failed'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'unavailable'
  | 'unprocessable'
  | 'rate_limited'
  | 'internal';

export const statusByCode = {
  bad_request: 400,
  validation_failed: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unavailable: 503,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
} as const satisfies Record<AppErrorCode, number>;

export class AppError extends Error {
  override readonly name = 'AppError';
  readonly code: AppErrorCode;
  /** Safe to show to the user; `message` may hold internal detail for logs. */
  readonly userMessage: string;
  readonly details?: unknown;

  constructor(code: AppErrorCode, userMessage: string, opts: { cause?: unknown; internal?: string; details?: unknown } = {}) {
    super(opts.internal ?? userMessage, { cause: opts.cause });
    this.code = code;
    this.userMessage = userMessage;
    this.details = opts.details;
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} not found`);
export const forbidden = (why: string) => new AppError('forbidden', why);

export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
