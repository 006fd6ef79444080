// The embeddable chat widget: GET /widget.js (built from web/widget into web/dist-widget) for
// <script src=".../widget.js" data-channel="..." async>, and GET /widget/demo, a page that embeds
// it for trying a channel out. Mounted before the app's secure headers: the script is meant to be
// loaded by other sites, so it must not carry Cross-Origin-Resource-Policy: same-origin.
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { Hono } from 'hono';
import { appPath } from '../../app-root.ts';

export const defaultWidgetRoot = appPath('web', 'dist-widget');

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

const DEMO_CSP = ["default-src 'none'", "script-src 'self'", "connect-src 'self' ws: wss:", "style-src 'self'", "img-src 'self' data:", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'"].join('; ');

export function widgetRoutes(opts: { root?: string } = {}) {
  const root = path.resolve(opts.root ?? defaultWidgetRoot);
  const app = new Hono();

  const cache = new Map<string, { mtimeMs: number; body: Buffer }>();
  const files = { '/widget.js': 'text/javascript; charset=utf-8', '/widget.js.map': 'application/json; charset=utf-8' } as const;

  for (const [route, contentType] of Object.entries(files)) {
    app.get(route, async (c) => {
      const file = path.join(root, path.basename(route));
      const headers = { 'cross-origin-resource-policy': 'cross-origin', 'x-content-type-options': 'nosniff', 'access-control-allow-origin': '*', 'content-type': contentType };
      if (!existsSync(file)) {
        return c.text('/* The Parley chat widget has not been built yet: run `npm run build:widget` (npm start does it for you). */\n', 503, { ...headers, 'cache-control': 'no-store' });
      }
      const { mtimeMs } = await stat(file);
      let cached = cache.get(file);
      if (!cached || cached.mtimeMs !== mtimeMs) {
        cached = { mtimeMs, body: await readFile(file) };
        cache.set(file, cached);
      }
      return c.body(new Uint8Array(cached.body), 200, { ...headers, 'cache-control': 'public, max-age=300' });
    });
  }

  app.get('/widget/demo', (c) => {
    const channel = c.req.query('channel') ?? '';
    const page = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Parley chat widget</title></head>
<body>
<h1>Parley chat widget</h1>
<p>This page embeds the chat widget of channel <code>${escapeHtml(channel) || '(add ?channel=&lt;channel id or public key&gt;)'}</code> the way a website does:</p>
<pre>&lt;script src="${escapeHtml(new URL('/widget.js', c.req.url).toString())}" data-channel="${escapeHtml(channel)}" async&gt;&lt;/script&gt;</pre>
<script src="/widget.js" data-channel="${escapeHtml(channel)}" async></script>
</body>
</html>
`;
    return c.html(page, 200, { 'content-security-policy': DEMO_CSP, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  });
  return app;
}
