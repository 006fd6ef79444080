// Renders every error as {error: {code, message}}; unknown errors are logged and shown as 500.
import type { ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { AppError, statusByCode } from '../errors.ts';
import type { Logger } from '../log.ts';
import { isDatabaseUnavailable, isTransactionConflict } from '../db/unavailable.ts';
import { requestId } from './request-log.ts';

/** What a 503 asks the caller to wait: long enough for a restart, short enough for a provider's next try. */
const RETRY_AFTER_SECONDS = 5;

export function errorHandler(log: Logger): ErrorHandler {
  return (err, c) => {
    if (err instanceof AppError) {
      const status = statusByCode[err.code];
      if (err.code === 'unavailable') c.header('Retry-After', String(RETRY_AFTER_SECONDS));
      if (status >= 500) log.error({ err, requestId: requestId(c) }, 'request failed');
      return c.json({ error: { code: err.code, message: err.userMessage, ...(err.details ? { details: err.details } : {}) } }, status);
    }
    if (isDatabaseUnavailable(err)) {
      log.warn({ err, path: c.req.path, requestId: requestId(c) }, 'database unavailable; answered 503');
      c.header('Retry-After', String(RETRY_AFTER_SECONDS));
      return c.json({ error: { code: 'unavailable', message: 'Parley cannot reach its database right now; try again shortly' } }, 503);
    }
    if (isTransactionConflict(err)) {
      log.warn({ err, path: c.req.path, requestId: requestId(c) }, 'transaction conflict; answered 503');
      c.header('Retry-After', '1');
      return c.json({ error: { code: 'unavailable', message: 'Another change to the same records was being saved at the same moment, so nothing was changed; try again' } }, 503);
    }
    if (err instanceof HTTPException) {
      const status = err.status;
      const code = status === 413 ? 'payload_too_large' : status === 401 ? 'unauthenticated' : 'bad_request';
      return c.json({ error: { code, message: err.message || 'Bad request' } }, status);
    }
    log.error({ err, path: c.req.path, requestId: requestId(c) }, 'unhandled error');
    return c.json({ error: { code: 'internal', message: 'Something went wrong on our side; it has been logged' } }, 500);
  };
}
