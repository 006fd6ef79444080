// Refuses request bodies over a size with our error shape (413 payload_too_large).
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../errors.ts';

export function limitBody(maxBytes: number, what: string): MiddlewareHandler {
  const refuse = (c: Context): never => {
    // The rest of the body is not read: the connection cannot carry another request after it.
    c.header('Connection', 'close');
    throw new AppError('payload_too_large', `${what} is larger than ${maxBytes} bytes`);
  };
  const streamed = bodyLimit({ maxSize: maxBytes, onError: refuse });
  return (c, next) => {
    // A body framed by Content-Length is exactly that long (Node's parser holds it to it), so the
    // header decides without touching the body. hono's bodyLimit would ask for `req.raw.body`,
    // which makes the Node adapter build a whole web Request and stream for every request.
    const length = c.req.header('content-length');
    if (length !== undefined && /^\d+$/.test(length) && c.req.header('transfer-encoding') === undefined) {
      if (Number(length) > maxBytes) refuse(c);
      return next();
    }
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    return streamed(c, next);
  };
}
