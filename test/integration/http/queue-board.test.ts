// /admin/queues, the job board: admins only (nobody without a session, no agent), and its actions
// refused from another origin like any API write; an admin sees every queue of the catalog.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueCatalog } from '../../../src/queues.ts';
import { startHarness, type Harness } from '../../support/harness.ts';

describe('the job queues board', () => {
  let h: Harness;
  let admin: string;
  let agent: string;
  const get = (path: string, token?: string) => fetch(`${h.apiUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  beforeAll(async () => {
    h = await startHarness();
    admin = await h.login(h.workspace.agents[0]!.email);
    agent = await h.login(h.workspace.agents[1]!.email);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('is closed to callers without a session and to agents, page and API alike', async () => {
    for (const path of ['/admin/queues', '/admin/queues/api/queues']) {
      expect((await get(path)).status, path).toBe(401);
      expect((await get(path, agent)).status, path).toBe(403);
    }
  });

  it('shows an admin the board and every queue', async () => {
    const page = await get('/admin/queues', admin);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Parley jobs');
    const api = await get('/admin/queues/api/queues', admin);
    expect(api.status).toBe(200);
    const names = ((await api.json()) as { queues: { name: string }[] }).queues.map((q) => q.name).sort();
    expect(names).toEqual(Object.keys(queueCatalog).sort());
  });

  it("refuses an admin's action sent from another site", async () => {
    const res = await fetch(`${h.apiUrl}/admin/queues/api/queues/pause`, { method: 'PUT', headers: { authorization: `Bearer ${admin}`, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } });
    expect(res.status).toBe(403);
    const same = await fetch(`${h.apiUrl}/admin/queues/api/queues/resume`, { method: 'PUT', headers: { authorization: `Bearer ${admin}`, origin: h.apiUrl } });
    expect(same.status).toBe(200);
  });
});
