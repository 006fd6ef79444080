// Search across conversations against real Postgres full text: words in messages and notes (as
// prefixes, all of them), the customer's name / email / address, the conversation number; only what
// the agent may see; snippets with the matched words marked; clear errors for queries without words.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './../support/harness.ts';

interface Hit {
  id: string;
  number: number;
  match: { messageId: string; snippet: { text: string; match: boolean }[] } | null;
}

describe('conversation search', () => {
  let h: Harness;
  let admin: string;
  let ada: string; // agent, team Support
  let kettle: string;
  let refund: string;
  let billing: string;

  beforeAll(async () => {
    h = await startHarness();
    const [a, b] = h.workspace.agents;
    admin = await h.login(a!.email);
    ada = await h.login(b!.email);
    const conv = async (from: string, subject: string, text: string) => h.conversationFor(await h.sendCustomerMail({ from, subject, text }));
    kettle = await conv('Maria Lopez <maria.lopez@example.com>', 'Order 4821', 'Hello, my kettle never arrived. The tracking page shows nothing since Monday.');
    refund = await conv('Tom Becker <tom@becker.example>', 'Refund please', 'The kettle arrived broken, I would like a refund.');
    billing = await conv('Aiko Tanaka <aiko@example.jp>', 'Invoice', 'My invoice shows a duplicate charge.');
    const billingTeam = h.workspace.teams.get('Billing')!;
    expect((await h.api(admin, 'POST', `/api/conversations/${billing}/assign`, { teamId: billingTeam })).status).toBe(200);
    expect((await h.api(admin, 'POST', `/api/conversations/${refund}/notes`, { text: 'Courier confirmed the damage claim 7731' })).status).toBe(201);
  });
  afterAll(async () => {
    await h?.close();
  });

  const search = async (token: string, q: string, extra = '') => {
    const res = await h.api(token, 'GET', `/api/search?q=${encodeURIComponent(q)}${extra}`);
    expect(res.status).toBe(200);
    return res.body.items as Hit[];
  };
  const ids = (hits: Hit[]) => hits.map((x) => x.id);

  it('finds words in messages as prefixes, newest first, and needs every word', async () => {
    expect(ids(await search(admin, 'kett'))).toEqual([refund, kettle]);
    expect(ids(await search(admin, 'kettle broken'))).toEqual([refund]);
    expect(ids(await search(admin, 'KETTLE Tracking'))).toEqual([kettle]);
    expect(await search(admin, 'teapot')).toEqual([]);
  });

  it('marks the matched words in a snippet of the matching message', async () => {
    const [hit] = await search(admin, 'tracking');
    const snippet = hit!.match!.snippet;
    expect(snippet.filter((p) => p.match).map((p) => p.text)).toEqual(['tracking']);
    expect(snippet.map((p) => p.text).join('')).toContain('tracking page shows nothing');
    const message = await h.testDb.db.message.findUniqueOrThrow({ where: { id: hit!.match!.messageId } });
    expect(message.conversationId).toBe(kettle);
  });

  it('finds private notes, the customer by name, email or address, and the conversation number', async () => {
    const [byNote] = await search(admin, 'damage 7731');
    expect(byNote!.id).toBe(refund);
    expect(byNote!.match!.snippet.filter((p) => p.match).map((p) => p.text)).toEqual(['damage', '7731']);
    expect(ids(await search(admin, 'maria lopez'))).toEqual([kettle]);
    expect(ids(await search(admin, 'becker.example'))).toEqual([refund]);
    const { number } = await h.testDb.db.conversation.findUniqueOrThrow({ where: { id: billing } });
    expect(ids(await search(admin, `#${number}`))).toContain(billing);
    const byName = (await search(admin, 'Aiko')).find((x) => x.id === billing)!;
    expect(byName.match).toBeNull(); // found by the customer, not by a message
  });

  it("finds only conversations the agent may see: not another team's", async () => {
    expect(ids(await search(admin, 'invoice'))).toEqual([billing]);
    expect(await search(ada, 'invoice')).toEqual([]);
    expect(await search(ada, 'aiko@example.jp')).toEqual([]);
    expect(ids(await search(ada, 'kettle'))).toEqual([refund, kettle]);
  });

  it('filters by status', async () => {
    expect((await h.api(admin, 'POST', `/api/conversations/${refund}/status`, { status: 'resolved' })).status).toBe(200);
    expect(ids(await search(admin, 'kettle', '&status=open'))).toEqual([kettle]);
    expect(ids(await search(admin, 'kettle', '&status=resolved'))).toEqual([refund]);
  });

  it('says what is wrong with a query it cannot search for', async () => {
    const none = await h.api(admin, 'GET', '/api/search');
    expect(none.status).toBe(422);
    expect(none.body.error.message).toMatch(/^q: /);
    const symbols = await h.api(admin, 'GET', `/api/search?q=${encodeURIComponent('!!! ()&|')}`);
    expect(symbols.status).toBe(422);
    expect(symbols.body.error).toEqual({ code: 'validation_failed', message: 'q: give at least one letter or digit to search for' });
    const long = await h.api(admin, 'GET', `/api/search?q=${'a'.repeat(201)}`);
    expect(long.status).toBe(422);
    expect((await h.api('nobody', 'GET', '/api/search?q=kettle')).status).toBe(401);
  });
});
