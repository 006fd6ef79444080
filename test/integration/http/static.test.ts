// The built web UI is served at `/` with SPA fallback, cache headers that suit hashed assets, and
// never in place of an API, socket.io or health answer.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEnv } from '../../../src/http/context.ts';
import { mountWebUi } from '../../../src/http/static.ts';

describe('web UI static serving', () => {
  let root: string;
  let app: Hono<AppEnv>;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'parley-web-'));
    await mkdir(path.join(root, 'assets'));
    await writeFile(path.join(root, 'index.html'), '<!doctype html><div id="root"></div>');
    await writeFile(path.join(root, 'assets', 'index-abc123.js'), 'console.log(1)');
    await writeFile(path.join(root, 'favicon.svg'), '<svg/>');
    app = new Hono<AppEnv>();
    app.get('/api/ping', (c) => c.json({ pong: true }));
    mountWebUi(app, { root });
    app.all('*', (c) => c.json({ error: { code: 'not_found' } }, 404));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('serves index.html at / and for client routes, never cached, with a CSP', async () => {
    for (const p of ['/', '/inbox/mine', '/inbox/all/c/0199-abc', '/login']) {
      const res = await app.request(p);
      expect(res.status, p).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(await res.text()).toContain('id="root"');
    }
  });

  it('caches hashed assets for a year and other files briefly; a missing asset is a 404', async () => {
    const js = await app.request('/assets/index-abc123.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await js.text()).toBe('console.log(1)');
    expect((await app.request('/favicon.svg')).headers.get('cache-control')).toBe('public, max-age=3600');
    const missing = await app.request('/assets/index-old.js');
    expect(missing.status).toBe(404);
    expect(await missing.text()).not.toContain('id="root"');
  });

  it('never answers API, socket.io or health paths with the page', async () => {
    expect(await (await app.request('/api/ping')).json()).toEqual({ pong: true });
    for (const p of ['/api/nope', '/api', '/socket.io/?EIO=4', '/healthz']) {
      const res = await app.request(p);
      expect(res.status, p).toBe(404);
      expect(await res.text()).not.toContain('id="root"');
    }
  });

  it('explains how to build the UI when it is missing', async () => {
    const bare = new Hono<AppEnv>();
    mountWebUi(bare, { root: path.join(root, 'nope') });
    const res = await bare.request('/inbox/mine');
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('npm run build:web');
  });
});
