// An admin sets up routing in the browser: adds a queue, then a workflow filter for billing words
// whose step needs the billing skill. A misspelt skill is refused with the message next to the
// field; fixed and saved, a customer email over SMTP lands in that queue with the skilled agent.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, logIn, screenshot, type Browser } from '../support/browser.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { waitUntil } from '../support/wait.ts';

describe('the routing workflow editor in the browser', () => {
  let h: Harness;
  let browser: Browser;
  let page: Page;
  let bobId = '';

  beforeAll(async () => {
    h = await startHarness();
    const admin = await h.login(h.workspace.agents[0]!.email);
    const [, ada, bob] = h.workspace.agents;
    bobId = bob!.id;
    expect((await h.api(admin, 'PUT', `/api/agents/${bob!.id}/skills`, { skills: [{ skill: 'billing', level: 4 }] })).status).toBe(200);
    for (const agent of [ada!, bob!]) expect((await h.api(await h.login(agent.email), 'POST', '/api/me/presence', { presence: 'online' })).status).toBe(200);
    browser = await launchBrowser();
    page = browser.page;
    await logIn(page, h.apiUrl, h.workspace.agents[0]!.email);
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  const filter = (n: number) => page.getByRole('group', { name: `Filter ${n}`, exact: true });

  it('adds a push queue from the queues page', async () => {
    await page.getByRole('link', { name: 'Queues' }).click();
    await page.getByRole('button', { name: 'Add queue' }).click();
    const form = page.getByRole('form', { name: 'Add a queue' });
    await form.getByLabel('Name *').fill('Billing');
    await form.getByLabel('Team').selectOption({ label: 'Billing' });
    await form.getByRole('button', { name: 'Add queue' }).click();
    await page.getByRole('table', { name: 'Queues' }).getByRole('row').filter({ hasText: 'Billing' }).filter({ hasText: 'push' }).waitFor();
    await screenshot(page, 'queues-editor');
    expect(await h.testDb.db.queue.findFirstOrThrow({ where: { workspaceId: h.workspace.workspace.id, name: 'Billing' } })).toMatchObject({ mode: 'push', teamId: h.workspace.teams.get('Billing') });
  });

  it('refuses a skill nobody has, next to the field, then saves a filter with a skill step', async () => {
    await page.getByRole('link', { name: 'Routing workflow' }).click();
    await page.getByRole('button', { name: 'Add filter' }).click();
    await filter(1).getByLabel('Name', { exact: true }).fill('Billing questions');
    await filter(1).getByLabel('Words in the first message').fill('invoice, refund');
    const step = filter(1).getByRole('group', { name: 'Step 1' });
    await step.getByLabel('Queue').selectOption('Billing');
    await step.getByRole('button', { name: 'Add skill' }).click();
    await step.getByLabel('Skill', { exact: true }).fill('biling');
    await step.getByLabel('Minimum level').fill('3');
    await step.getByLabel('Step 1 timeout', { exact: true }).fill('10');
    // A second filter, added below and moved above the first: order is what the workflow tries.
    await page.getByRole('button', { name: 'Add filter' }).click();
    await filter(2).getByLabel('Name', { exact: true }).fill('VIP customers');
    await filter(2).getByLabel('Customer tier').fill('gold');
    await filter(2).getByRole('button', { name: 'Move filter 2 up' }).click();
    await filter(1).getByLabel('Name', { exact: true }).inputValue().then((v) => expect(v).toBe('VIP customers'));

    await page.getByRole('button', { name: 'Save workflow' }).click();
    const skillRow = filter(2).getByRole('group', { name: 'Skill 1' });
    await expect(skillRow.getByRole('alert').textContent()).resolves.toBe('no skill named "biling"');
    expect(await skillRow.getByLabel('Skill', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'workflow-editor-error');
    expect(await h.testDb.db.routingWorkflow.count()).toBe(0);

    await skillRow.getByLabel('Skill', { exact: true }).fill('billing');
    await page.getByRole('button', { name: 'Save workflow' }).click();
    await page.getByText('version 1', { exact: true }).waitFor();
    const saved = await h.testDb.db.routingWorkflow.findFirstOrThrow();
    expect(saved.definition).toMatchObject({
      filters: [
        { name: 'VIP customers', when: { contactTier: ['gold'] } },
        { name: 'Billing questions', when: { keywords: ['invoice', 'refund'] }, steps: [{ queue: 'Billing', requirement: { skills: [{ skill: 'billing', minLevel: 3 }], lastAgent: false }, timeoutSeconds: 600 }] },
      ],
    });
    await filter(2).getByRole('group', { name: 'Step 1' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'workflow-editor');
    await page.setViewportSize({ width: 390, height: 844 });
    await filter(2).getByRole('group', { name: 'Step 1' }).scrollIntoViewIfNeeded();
    const queue = await filter(2).getByRole('group', { name: 'Step 1' }).getByLabel('Queue').boundingBox();
    expect(queue!.x + queue!.width).toBeLessThanOrEqual(390);
    await screenshot(page, 'workflow-editor-390');
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('routes a customer email with a billing word to the Billing queue and the skilled agent', async () => {
    const conv = await h.conversationFor(await h.sendCustomerMail({ from: 'Nina <nina@example.com>', subject: 'Question about my invoice', text: 'My invoice shows the wrong amount.' }));
    const routed = await waitUntil(async () => {
      const c = await h.testDb.db.conversation.findUniqueOrThrow({ where: { id: conv }, include: { queue: true } });
      return c.assigneeId ? c : null;
    }, 'the conversation to be assigned');
    expect(routed.queue?.name).toBe('Billing');
    expect(routed.assigneeId).toBe(bobId);
    // Ada (no billing skill) stays free; the admin sees it in All, owned by Bob.
    await page.goto(`${h.apiUrl}/inbox/all/c/${conv}`);
    await page.getByTestId('conversation-pane').getByText('My invoice shows the wrong amount.').first().waitFor();
  });
});
