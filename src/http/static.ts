// Serves the built agent inbox (web/dist) at `/`: hashed assets cached for a year, index.html never
// cached, and every other browser path falls back to index.html so client-side routes survive a
// reload. API, socket.io and health paths are never answered with the page.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, Hono } from 'hono';
import type { AppEnv } from './context.ts';

export const defaultWebRoot = fileURLToPath(new URL('../../web/dist', import.meta.url));

const NOT_THE_UI = /^\/(?:api|socket\.io)(?:\/|$)|^\/healthz$/;
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

function servePage(c: Context<AppEnv>, root: string) {
  return serveStatic<AppEnv>({
    root,
    path: 'index.html',
    onFound: (_path, ctx) => {
      ctx.header('Cache-Control', 'no-cache');
      ctx.header('Content-Security-Policy', PAGE_CSP);
    },
  })(c, async () => undefined);
}

export function mountWebUi(app: Hono<AppEnv>, opts: { root?: string } = {}): void {
  const root = path.resolve(opts.root ?? defaultWebRoot);
  const assets = serveStatic<AppEnv>({
    root,
    onFound: (file, c) => {
      if (file.endsWith('index.html')) {
        c.header('Cache-Control', 'no-cache');
        c.header('Content-Security-Policy', PAGE_CSP);
      } else {
        c.header('Cache-Control', HASHED_ASSET.test(c.req.path) ? 'public, max-age=31536000, immutable' : 'public, max-age=3600');
      }
    },
  });
  app.on(['GET', 'HEAD'], '*', async (c, next) => {
    if (NOT_THE_UI.test(c.req.path)) return next();
    if (!existsSync(path.join(root, 'index.html'))) {
      return c.text('The Parley web UI has not been built yet: run `npm run build:web` (npm start does it for you).', 503, { 'Cache-Control': 'no-store' });
    }
    const file = await assets(c, async () => undefined);
    if (file) return file;
    // A missing hashed asset is a 404, not the page (a stale tab asking for an old bundle).
    if (HASHED_ASSET.test(c.req.path) || path.extname(c.req.path)) return c.text('Not found', 404);
    return (await servePage(c, root)) ?? next();
  });
}
