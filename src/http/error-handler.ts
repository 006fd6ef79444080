// Renders every error as {error: {code, message}}; unknown errors are logged and shown as 500.
import type { ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { AppError, statusByCode } from '../errors.ts';
import type { Logger } from '../log.ts';

export function errorHandler(log: Logger): ErrorHandler {
  return (err, c) => {
    if (err instanceof AppError) {
      const status = statusByCode[err.code];
      if (status >= 500) log.error({ err }, 'request failed');
      return c.json({ error: { code: err.code, message: err.userMessage, ...(err.details ? { details: err.details } : {}) } }, status);
    }
    if (err instanceof HTTPException) {
      const status = err.status;
      const code = status === 413 ? 'payload_too_large' : status === 401 ? 'unauthenticated' : 'bad_request';
      return c.json({ error: { code, message: err.message || 'Bad request' } }, status);
    }
    log.error({ err, path: c.req.path }, 'unhandled error');
    return c.json({ error: { code: 'internal', message: 'Something went wrong on our side; it has been logged' } }, 500);
  };
}
