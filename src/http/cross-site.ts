// Cross-site request forgery defences for /api: a state-changing request must come from an allowed
// origin (origin-policy.ts), and a request body must be JSON, so an HTML form on another page
// (which can only send text/plain, urlencoded or multipart bodies) cannot pass for an API call.
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../errors.ts';
import type { AppEnv } from './context.ts';
import { judgeOrigin } from './origin-policy.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const JSON_TYPE = /^application\/([\w.-]+\+)?json$/i;

export function refuseCrossSite(allowed: ReadonlySet<string>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const verdict = judgeOrigin({ origin: c.req.header('origin'), fetchSite: c.req.header('sec-fetch-site'), self: new URL(c.req.url).origin }, allowed);
    if (!verdict.ok) throw new AppError('forbidden', verdict.reason);
    await next();
  };
}

const hasBody = (headers: { get(name: string): string | null }) => Number(headers.get('content-length') ?? 0) > 0 || headers.get('transfer-encoding') !== null;

/** Every API body is JSON (files travel base64-encoded in it): anything else is 415. */
export function requireJsonBody(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method) || !hasBody(c.req.raw.headers)) return next();
    const mediaType = (c.req.header('content-type') ?? '').split(';')[0]!.trim();
    if (!JSON_TYPE.test(mediaType)) throw new AppError('unsupported_media_type', `Send the body as JSON (Content-Type: application/json), not ${mediaType || 'without a Content-Type'}`);
    await next();
  };
}
