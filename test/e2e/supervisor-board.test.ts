// The supervisor board in a real browser against a whole running Parley: queue counts move live as
// email arrives over SMTP, waiting work is assigned from the board by keyboard and by drag, refusals
// are shown, agents' presence follows their own switch, and SLA trouble turns the lights.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, logIn, screenshot, type Browser } from '../support/browser.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { waitUntil } from '../support/wait.ts';
import { addAgent, addEarlierToday, addOpenWork } from './floor-fixtures.ts';

describe('supervisor board in the browser', () => {
  let h: Harness;
  let browser: Browser;
  let page: Page;
  let admin: string;
  const floor: Record<'chen' | 'marta' | 'priya' | 'samir', string> = { chen: '', marta: '', priya: '', samir: '' };
  const ids = { admin: '', ada: '', bob: '' };
  const queueIds = new Map<string, string>();
  const billing: string[] = [];

  const waitingIn = (page: Page, queue: string) => page.locator(`[data-queue-name="${queue}"] [data-testid="queue-waiting"]`).textContent().then(Number);
  const agentRow = (agentId: string, presence?: string) => page.locator(`[data-agent-id="${agentId}"]${presence ? `[data-presence="${presence}"]` : ''}`);
  const waitingRow = (conversationId: string) => page.locator(`[data-waiting-id="${conversationId}"]`);
  /**
   * The page has taken the window's new width and the volume chart, which sizes itself from its
   * box (a ResizeObserver), has been redrawn at the box's width: the layout has settled.
   */
  const chartDrawnAt = (page: Page, windowWidth: number) =>
    waitUntil(
      () =>
        page.getByTestId('volume-chart').evaluate((figure, w) => {
          const view = figure.ownerDocument.defaultView!;
          if (view.innerWidth !== w) return false;
          const svg = figure.querySelector('svg');
          if (!svg) return true; // no bars today: nothing drawn to a width
          const style = view.getComputedStyle(figure);
          const content = figure.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
          return Math.abs(Number(svg.getAttribute('width')) - content) <= 1;
        }, windowWidth),
      `the volume chart redrawn for a ${windowWidth}px window`,
    );
  const queuedIn = (conversationId: string, queue: string) =>
    waitUntil(async () => (await h.testDb.db.conversation.findUniqueOrThrow({ where: { id: conversationId } })).queueId === queueIds.get(queue), `the conversation to wait in ${queue}`);

  beforeAll(async () => {
    h = await startHarness({
      // Nothing listens there: no request of this test reaches Twilio.
      env: { TWILIO_API_BASE: 'http://127.0.0.1:9' },
      channels: [
        { kind: 'webchat', name: 'Website chat', address: 'acme-site-chat', settings: {} },
        { kind: 'sms', name: 'Acme SMS', address: '+15550100', settings: { accountSid: 'AC00000000000000000000000000000000', authToken: 'unused' } },
      ],
    });
    const db = h.testDb.db;
    const workspaceId = h.workspace.workspace.id;
    [ids.admin, ids.ada, ids.bob] = h.workspace.agents.map((a) => a.id) as [string, string, string];
    admin = await h.login(h.workspace.agents[0]!.email);
    const [email, webchat, sms] = h.workspace.channels.map((c) => c.id) as [string, string, string];

    // The floor: two agents online but full, one away, one offline; the day's earlier work.
    floor.chen = (await addAgent(db, { workspaceId, name: 'Chen Wu', presence: 'online', capacity: 30, skills: { billing: 3, returns: 1 } })).id;
    floor.marta = (await addAgent(db, { workspaceId, name: 'Marta Silva', presence: 'online', capacity: 40, skills: { returns: 2 } })).id;
    floor.priya = (await addAgent(db, { workspaceId, name: 'Priya Patel', presence: 'away', capacity: 100, skills: { billing: 2 } })).id;
    floor.samir = (await addAgent(db, { workspaceId, name: 'Samir Haddad', presence: 'offline', capacity: 100 })).id;
    const now = new Date();
    await addOpenWork(db, { workspaceId, agentId: floor.chen, channelId: email, count: 3, now, seed: 1 });
    await addOpenWork(db, { workspaceId, agentId: floor.marta, channelId: webchat, count: 1, now, seed: 2 });
    await addOpenWork(db, { workspaceId, agentId: floor.marta, channelId: sms, count: 1, now, seed: 3 });
    await addOpenWork(db, { workspaceId, agentId: floor.priya, channelId: email, count: 2, now, seed: 4 });
    const channels = h.workspace.channels.map((c) => ({ id: c.id, kind: c.kind }));
    await addEarlierToday(db, { workspaceId, channels, agentIds: [floor.chen, floor.marta, floor.priya, ids.ada], count: 46, now, seed: 42 });

    // Queues, a workflow by keywords and skills, and a tight email SLA so trouble shows within the test.
    for (const q of [{ name: 'Billing' }, { name: 'Returns' }, { name: 'Callbacks', mode: 'offer', offerTimeoutSeconds: 30 }]) {
      expect((await h.api(admin, 'POST', '/api/queues', q)).status).toBe(201);
    }
    for (const q of await db.queue.findMany({ where: { workspaceId } })) queueIds.set(q.name, q.id);
    const workflow = {
      filters: [
        { name: 'billing', when: { keywords: ['invoice', 'refund', 'charged'] }, steps: [{ queue: 'Billing', requirement: { skills: [{ skill: 'billing' }] }, timeoutSeconds: 3600 }] },
        { name: 'returns', when: { keywords: ['return', 'exchange'] }, steps: [{ queue: 'Returns', requirement: { skills: [{ skill: 'returns' }] }, timeoutSeconds: 3600 }] },
        { name: 'callbacks', when: { keywords: ['callback'] }, steps: [{ queue: 'Callbacks', timeoutSeconds: 3600 }] },
      ],
      fallback: { name: 'everyone', steps: [{ queue: 'General', timeoutSeconds: 3600 }] },
    };
    expect((await h.api(admin, 'PUT', '/api/routing/workflow', workflow)).status).toBe(200);
    const target = { first_response: 30, resolution: 86_400 };
    const policy = { name: 'Email', conditions: { channel: ['email'] }, targets: { urgent: target, high: target, normal: target }, warnBeforeSeconds: [25], escalation: { notifyTeamLead: true } };
    expect((await h.api(admin, 'POST', '/api/sla/policies', policy)).status).toBe(201);

    // Two billing questions nobody can take: Chen is full and Priya is away. One is triaged urgent.
    billing.push(await h.conversationFor(await h.sendCustomerMail({ from: 'Tom Becker <tom@example.com>', subject: 'Charged twice this month', text: 'I was charged twice for my March plan.' })));
    billing.push(await h.conversationFor(await h.sendCustomerMail({ from: 'Aiko Tanaka <aiko@example.jp>', subject: 'Refund still missing', text: 'The refund you promised has not arrived.' })));
    for (const id of billing) await queuedIn(id, 'Billing');
    expect((await h.api(admin, 'POST', `/api/conversations/${billing[0]}/status`, { status: 'open', priority: 'urgent' })).status).toBe(200);

    browser = await launchBrowser();
    page = browser.page;
    await logIn(page, h.apiUrl, h.workspace.agents[0]!.email);
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  let customsId = '';
  let generalBefore = 0;

  it('counts an email that arrives over SMTP in the General queue live, without a reload', async () => {
    await page.getByRole('link', { name: 'Supervisor board' }).click();
    await page.getByTestId('queue-table').waitFor();
    // Opening Parley brought the admin online; stepping away keeps routing from handing them the email.
    await page.getByTestId('presence-switch').getByRole('radio', { name: 'Away' }).check();
    await agentRow(ids.admin, 'away').waitFor();
    expect((await h.testDb.db.agent.findUniqueOrThrow({ where: { id: ids.admin } })).presence).toBe('away');
    await expect(page.getByTestId('board-updated').textContent()).resolves.toMatch(/Updated \d\d:\d\d:\d\d/);

    generalBefore = await waitingIn(page, 'General');
    await page.evaluate(() => Object.assign(globalThis, { __sameDocument: true }));
    customsId = await h.conversationFor(await h.sendCustomerMail({ from: 'Hannah Kim <hannah@example.com>', subject: 'Parcel stuck in customs', text: 'My parcel has been stuck in customs for a week.' }));
    await queuedIn(customsId, 'General');

    await waitUntil(async () => (await waitingIn(page, 'General')) === generalBefore + 1, 'the General row to count the new email');
    await waitingRow(customsId).getByText('Parcel stuck in customs').waitFor();
    expect(await page.evaluate(() => (globalThis as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  });

  it('assigns the waiting email to an agent with the keyboard, and the count drops', async () => {
    const { number } = await h.testDb.db.conversation.findUniqueOrThrow({ where: { id: customsId } });
    const picker = waitingRow(customsId).getByRole('combobox', { name: `Assign #${number} to` });
    await picker.focus();
    await page.keyboard.type('Ada');
    await expect(picker.inputValue()).resolves.toBe(ids.ada);
    await page.keyboard.press('Tab');
    await expect(waitingRow(customsId).getByRole('button', { name: 'Assign' }).evaluate((el) => el === (globalThis as any).document.activeElement)).resolves.toBe(true);
    await page.keyboard.press('Enter');

    await waitingRow(customsId).waitFor({ state: 'detached' });
    await waitUntil(async () => (await waitingIn(page, 'General')) === generalBefore, 'the General row to drop back');
    expect((await h.testDb.db.conversation.findUniqueOrThrow({ where: { id: customsId } })).assigneeId).toBe(ids.ada);
    await waitUntil(async () => (await agentRow(ids.ada).textContent())?.includes('1 open'), "Ada's open count to rise");
  });

  it('assigns by dragging a waiting row onto an agent', async () => {
    const id = await h.conversationFor(await h.sendCustomerMail({ from: 'Lucas Martin <lucas@example.fr>', subject: 'Discount code not working', text: 'The code SPRING10 is rejected at checkout.' }));
    await waitingRow(id).waitFor();
    await waitingRow(id).dragTo(agentRow(floor.samir));
    await waitingRow(id).waitFor({ state: 'detached' });
    await waitUntil(async () => (await h.testDb.db.conversation.findUniqueOrThrow({ where: { id } })).assigneeId === floor.samir, 'the drop to assign Samir');
  });

  it("shows the API's refusal next to the row when the agent can no longer take work", async () => {
    const row = waitingRow(billing[1]!);
    await row.getByRole('combobox').selectOption(floor.priya);
    await h.testDb.db.agent.update({ where: { id: floor.priya }, data: { active: false } }); // an admin deactivates her meanwhile
    await row.getByRole('button', { name: 'Assign' }).click();
    await expect(row.getByRole('alert').textContent()).resolves.toContain('Priya Patel is deactivated and cannot take conversations');
    expect((await h.testDb.db.conversation.findUniqueOrThrow({ where: { id: billing[1]! } })).assigneeId).toBeNull();
    await row.getByRole('button', { name: 'Dismiss' }).click();
    await h.testDb.db.agent.update({ where: { id: floor.priya }, data: { active: true } });
  });

  it("follows an agent's own presence switch live, and a supervisor's change reaches the agent's switch", async () => {
    const bob = await launchBrowser();
    try {
      await logIn(bob.page, h.apiUrl, h.workspace.agents[2]!.email);
      const bobSwitch = bob.page.getByTestId('presence-switch');
      // Connecting brought Bob online.
      await agentRow(ids.bob, 'online').waitFor();
      await bob.page.locator('[data-testid="presence-switch"][data-presence="online"]').waitFor();

      await bobSwitch.getByRole('radio', { name: 'Away' }).check();
      await agentRow(ids.bob, 'away').waitFor();
      expect((await h.testDb.db.agent.findUniqueOrThrow({ where: { id: ids.bob } })).presence).toBe('away');

      await agentRow(ids.bob).getByRole('button', { name: "Set Bob Agent's status" }).click();
      await page.getByRole('menuitem', { name: 'Offline' }).click();
      await bob.page.locator('[data-testid="presence-switch"][data-presence="offline"]').waitFor();
      await expect(bobSwitch.getByRole('radio', { name: 'Offline' }).isChecked()).resolves.toBe(true);
      await agentRow(ids.bob, 'offline').waitFor();
    } finally {
      await bob.close();
    }
  });

  it('turns a queue red when a promise is broken and amber when one is close, and tells the supervisor', async () => {
    const returns = [
      await h.conversationFor(await h.sendCustomerMail({ from: 'Sofia Rossi <sofia@example.it>', subject: 'Return label missing', text: 'I want to return the blue jacket but there was no label.' })),
      await h.conversationFor(await h.sendCustomerMail({ from: 'Jonas Weber <jonas@example.de>', subject: 'Exchange for a larger size', text: 'Can I exchange the boots for a 44?' })),
    ];
    for (const id of returns) await queuedIn(id, 'Returns');
    await h.api(admin, 'POST', `/api/conversations/${returns[1]}/status`, { status: 'open', priority: 'high' });

    await page.locator('[data-queue-name="Billing"][data-light="red"]').waitFor({ timeout: 45_000 });
    await page.locator('[data-queue-name="Returns"][data-light="amber"]').waitFor({ timeout: 15_000 });
    await page.locator('.toast', { hasText: /missed (its first response|an SLA) target/ }).first().waitFor({ timeout: 15_000 });
    expect(await waitingIn(page, 'Billing')).toBe(2);
    expect(await waitingIn(page, 'Returns')).toBe(2);
    expect(await page.locator('[data-queue-name="Callbacks"]').getAttribute('data-light')).toBe('green');
    await expect(page.getByTestId('today-breaches').textContent()).resolves.toMatch(/^[1-9]/);
    await page.getByTestId('volume-chart').waitFor();
    await chartDrawnAt(page, 1440);
    await screenshot(page, 'supervisor-board');

    // Still whole on a small laptop: nothing runs off to the side.
    await page.setViewportSize({ width: 1100, height: 800 });
    await chartDrawnAt(page, 1100);
    const overflow = await page.getByTestId('supervisor-board').evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'supervisor-board-1100');
    await page.setViewportSize({ width: 1440, height: 900 });
  });
});
