// The workspace directory every agent reads: agents (never a password hash), teams and channels
// (never their settings, which hold credentials).
import { channelAdapters, channelKinds } from '../../channels/registry.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.ts';

describe('agents, teams and channels', () => {
  let h: Harness;
  let ada: string;

  beforeAll(async () => {
    h = await startHarness({ channelSettings: { smtp: { host: '127.0.0.1', port: 1, auth: { user: 'u', pass: 'secret-pass' } } } });
    ada = await h.login(h.workspace.agents[1]!.email);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('lists the workspace agents by name with their teams, and nothing secret', async () => {
    const res = await h.api(ada, 'GET', '/api/agents');
    expect(res.status).toBe(200);
    const support = h.workspace.teams.get('Support')!;
    const billing = h.workspace.teams.get('Billing')!;
    expect(res.body.items).toEqual([
      { id: h.workspace.agents[1]!.id, name: 'Ada Agent', email: h.workspace.agents[1]!.email, role: 'agent', active: true, teamIds: [support] },
      { id: h.workspace.agents[0]!.id, name: 'Alex Admin', email: h.workspace.agents[0]!.email, role: 'admin', active: true, teamIds: [] },
      { id: h.workspace.agents[2]!.id, name: 'Bob Agent', email: h.workspace.agents[2]!.email, role: 'agent', active: true, teamIds: [billing] },
    ]);
    expect(JSON.stringify(res.body)).not.toMatch(/passwordHash|scrypt/);
  });

  it('lists teams with their members', async () => {
    const res = await h.api(ada, 'GET', '/api/teams');
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      { id: h.workspace.teams.get('Billing'), name: 'Billing', leadAgentId: null, memberIds: [h.workspace.agents[2]!.id], archivedAt: null },
      { id: h.workspace.teams.get('Support'), name: 'Support', leadAgentId: null, memberIds: [h.workspace.agents[1]!.id], archivedAt: null },
    ]);
  });

  it('lists channels without their settings, with what files a reply may carry', async () => {
    const res = await h.api(ada, 'GET', '/api/channels');
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([{ id: h.workspace.channels[0]!.id, kind: 'email', name: 'Help', address: 'help@acme.test', active: true, maxReplyFileBytes: 20 * 1024 * 1024, templates: [] }]);
    expect(JSON.stringify(res.body)).not.toContain('secret-pass');
  });

  it('describes every channel kind from the registry: names, icon, admin form and what a reply may carry', async () => {
    const res = await h.api(ada, 'GET', '/api/channel-kinds');
    expect(res.status).toBe(200);
    const items = res.body.items as { kind: string; label: string; form: { path: string }[]; maxReplyFileBytes: number | null; identityLabel: string | null }[];
    expect(items.map((k) => k.kind)).toEqual([...channelKinds]);
    const email = items.find((k) => k.kind === channelAdapters.email.kind)!;
    expect(email).toMatchObject({ label: channelAdapters.email.label, maxReplyFileBytes: 20 * 1024 * 1024, identityLabel: null });
    expect(email.form.map((f) => f.path)).toContain('smtp.host');
  });

  it('answers 401 without a session', async () => {
    for (const path of ['/api/agents', '/api/teams', '/api/channels', '/api/channel-kinds']) {
      const res = await fetch(`${h.apiUrl}${path}`);
      expect(res.status).toBe(401);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
    }
  });
});
