// The widget script route, in-process: served with headers that let any site load it, a clear
// 503 before it is built, and a demo page that never reflects its query as markup.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { widgetRoutes } from '../../../src/http/routes/widget.ts';

describe('widget routes', () => {
  let built: string;
  let empty: string;
  beforeAll(async () => {
    built = await mkdtemp(path.join(tmpdir(), 'parley-widget-'));
    empty = await mkdtemp(path.join(tmpdir(), 'parley-widget-empty-'));
    await writeFile(path.join(built, 'widget.js'), 'console.log("widget")');
  });
  afterAll(async () => {
    await rm(built, { recursive: true, force: true });
    await rm(empty, { recursive: true, force: true });
  });

  it('serves widget.js so that other sites may load it', async () => {
    const res = await widgetRoutes({ root: built }).request('/widget.js');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('console.log("widget")');
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers 503 with what to run when the widget has not been built', async () => {
    const res = await widgetRoutes({ root: empty }).request('/widget.js');
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('npm run build:widget');
  });

  it('embeds the widget in the demo page with the channel escaped', async () => {
    const res = await widgetRoutes({ root: built }).request('/widget/demo?channel=%22%3E%3Cscript%3Ealert(1)%3C/script%3E');
    const html = await res.text();
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(html).toContain('data-channel="&#34;&#62;&#60;script&#62;alert(1)&#60;/script&#62;"');
    expect(html).not.toContain('<script>alert(1)');
  });
});
