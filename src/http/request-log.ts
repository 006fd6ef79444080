// Every HTTP request gets an id: the caller's X-Request-Id when it is a sane token (a load balancer's
// or a client's, so one id follows the request through every hop), else a new UUID. It is echoed in
// the answer's X-Request-Id, carried by the request's log line and by the error log (error-handler.ts).
// API calls and refused webhooks log at info; the rest (static files, probes, accepted webhooks) at
// debug, so a busy edge or a scraper does not flood the log.
import { randomUUID } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { Logger } from '../log.ts';
import type { AppEnv } from './context.ts';

const SANE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdOf(given: string | undefined): string {
  return given && SANE_ID.test(given) ? given : randomUUID();
}

/** The id of the request being served (set by requestLog). */
export const requestId = (c: Context): string | undefined => (c as Context<AppEnv>).get('requestId');

export function requestLog(log: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const id = requestIdOf(c.req.header('x-request-id'));
    c.set('requestId', id);
    const started = performance.now();
    await next();
    c.res.headers.set('x-request-id', id);
    const { path } = c.req;
    const status = c.res.status;
    const loud = path.startsWith('/api/') || (path.startsWith('/webhooks/') && status >= 400);
    const line = { requestId: id, method: c.req.method, path, status, ms: Math.round((performance.now() - started) * 10) / 10 };
    if (loud) log.info(line, 'request');
    else log.debug(line, 'request');
  };
}
