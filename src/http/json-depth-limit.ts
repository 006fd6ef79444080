// Refuses a JSON request body nested deeper than MAX_JSON_DEPTH with 400, before any route reads
// it: zod and Prisma walk JSON recursively, and a 20,000-deep body would overflow the stack (500).
// Mounted on /api/* after the body size limit; a body that is no JSON is left to the route's validator.
import type { MiddlewareHandler } from 'hono';
import { exceedsJsonDepth, MAX_JSON_DEPTH, tooDeepMessage } from '../../channels/json-depth.ts';
import { AppError } from '../errors.ts';

export function limitJsonDepth(max = MAX_JSON_DEPTH): MiddlewareHandler {
  return async (c, next) => {
    const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json' && !type.endsWith('+json')) return next();
    // Read as text: hono caches it, so the route's own c.req.json() parses the same bytes again.
    const text = await c.req.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return next();
    }
    if (exceedsJsonDepth(body, max)) throw new AppError('bad_request', `The request body is ${tooDeepMessage(max)}`);
    return next();
  };
}
