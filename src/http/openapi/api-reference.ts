// The API's own description and its reference page. GET /api/openapi.json is public (it holds the
// shape of the API, no data): generated on first request from the finished route table, then kept.
// GET /api-reference is Swagger UI, served from the swagger-ui-dist package beside Parley (no CDN:
// Parley runs on closed networks), with "Try it out" sending the browser's own session.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Hono } from 'hono';
import { appPath } from '../../app-root.ts';
import type { AppEnv } from '../context.ts';
import { allow } from '../permissions.ts';
import { buildOpenApiDocument, type OpenApiDocument } from './openapi-document.ts';

const version = (JSON.parse(readFileSync(appPath('package.json'), 'utf8')) as { version: string }).version;

/** `GET /openapi.json` for the /api router; `app` is the whole application, read at first request. */
export function openApiRoutes(app: () => Hono<any>) {
  const routes = new Hono<AppEnv>();
  let document: Promise<OpenApiDocument> | undefined;
  routes.get('/openapi.json', allow('public'), async (c) => {
    document ??= buildOpenApiDocument(app(), version).catch((err: unknown) => {
      document = undefined;
      throw err;
    });
    c.header('cache-control', 'public, max-age=300');
    return c.json(await document);
  });
  return routes;
}

const swaggerRoot = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};
const assetCache = new Map<string, Buffer>();

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Parley API reference</title>
<link rel="icon" href="/api-reference/favicon-32x32.png">
<link rel="stylesheet" href="/api-reference/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/api-reference/swagger-ui-bundle.js"></script>
<script src="/api-reference/swagger-ui-standalone-preset.js"></script>
<script src="/api-reference/init.js"></script>
</body>
</html>
`;

const INIT = `window.ui = SwaggerUIBundle({
  url: '/api/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
  layout: 'StandaloneLayout',
  withCredentials: true,
  // Resources start folded (a click opens one), with a filter box: the API has well over a hundred
  // operations, and Swagger UI stops rendering part of the list when every one is open at once.
  docExpansion: 'none',
  filter: true,
});
`;

const PAGE_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/** The reference page and its files, outside /api (no session is read: the page calls the API itself). */
export function apiReferenceRoutes() {
  const routes = new Hono<AppEnv>();
  routes.get('/api-reference', (c) => c.html(PAGE, 200, { 'content-security-policy': PAGE_CSP, 'cache-control': 'no-cache' }));
  routes.get('/api-reference/:file', (c) => {
    const file = c.req.param('file');
    if (file === 'init.js') return c.body(INIT, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' });
    const type = ASSETS[file];
    if (!type) return c.text('Not found', 404);
    let body = assetCache.get(file);
    if (!body) assetCache.set(file, (body = readFileSync(path.join(swaggerRoot, file))));
    return c.body(new Uint8Array(body), 200, { 'content-type': type, 'cache-control': 'public, max-age=86400' });
  });
  return routes;
}
