// Serves the built agent inbox (web/dist) at `/`: hashed assets cached for a year, index.html never
// cached, and every other browser path falls back to index.html so client-side routes survive a
// reload. API, socket.io and health paths are never answered with the page.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono, MiddlewareHandler } from 'hono';
import { appPath } from '../app-root.ts';
import type { AppEnv } from './context.ts';

export const defaultWebRoot = appPath('web', 'dist');

const NOT_THE_UI = /^\/(?:api|socket\.io|admin\/queues)(?:\/|$)|^\/(?:healthz|readyz|metrics)$/;
const HASHED_ASSET = /^\/assets\//;

// What the inbox page itself may do; email HTML rendered in sandboxed srcdoc frames inherits it.
const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: http: https:",
  "connect-src 'self' ws: wss:",
  "frame-src 'self' about:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

const noNext = async () => undefined;

export function mountWebUi(app: Hono<AppEnv>, opts: { root?: string } = {}): void {
  const root = path.resolve(opts.root ?? defaultWebRoot);
  // Created on first use: the UI may be built after the server starts (and serveStatic complains
  // at creation about a root that does not exist yet).
  let files: MiddlewareHandler<AppEnv> | null = null;
  let page: MiddlewareHandler<AppEnv> | null = null;

  app.on(['GET', 'HEAD'], '*', async (c, next) => {
    if (NOT_THE_UI.test(c.req.path)) return next();
    if (!existsSync(path.join(root, 'index.html'))) {
      return c.text('The Parley web UI has not been built yet: run `npm run build:web` (npm start does it for you).', 503, { 'Cache-Control': 'no-store' });
    }
    files ??= serveStatic<AppEnv>({ root });
    page ??= serveStatic<AppEnv>({ root, path: 'index.html' });
    const file = await files(c, noNext);
    if (file instanceof Response && !file.headers.get('content-type')?.startsWith('text/html')) {
      file.headers.set('Cache-Control', HASHED_ASSET.test(c.req.path) ? 'public, max-age=31536000, immutable' : 'public, max-age=3600');
      return file;
    }
    // A missing asset is a 404, not the page (a stale tab asking for an old bundle).
    if (!(file instanceof Response) && (HASHED_ASSET.test(c.req.path) || path.extname(c.req.path))) return c.text('Not found', 404);
    const html = file instanceof Response ? file : await page(c, noNext);
    if (!(html instanceof Response)) return next();
    html.headers.set('Cache-Control', 'no-cache');
    html.headers.set('Content-Security-Policy', PAGE_CSP);
    return html;
  });
}
