// What happened to a conversation, in its timeline, live: the routing that placed it, a
// supervisor's assignment and resolving appear as compact entries without a reload, and a reply
// the customer's mail server refuses shows "Retrying" with the server's reason and the next
// attempt, then "Sent" once the server takes it, all in place.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, logIn, screenshot, type Browser } from '../support/browser.ts';
import { startHarness, type Harness } from '../support/harness.ts';

describe('conversation activity and live delivery in the browser', () => {
  let h: Harness;
  let browser: Browser;
  let page: Page;
  let conversationId: string;

  beforeAll(async () => {
    h = await startHarness();
    browser = await launchBrowser();
    page = browser.page;
    await logIn(page, h.apiUrl, h.workspace.agents[0]!.email); // Alex, admin (and so a supervisor), online once connected
    await page.evaluate(() => Object.assign(globalThis, { __sameDocument: true }));
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  const pane = () => page.getByTestId('conversation-pane');
  const activity = (text: string | RegExp) => pane().getByTestId('activity').filter({ hasText: text });
  const sameDocument = () => page.evaluate(() => (globalThis as { __sameDocument?: boolean }).__sameDocument);

  it('shows the routing that placed a new conversation, then an assignment and resolving as they happen', async () => {
    conversationId = await h.conversationFor(await h.sendCustomerMail({ from: 'Nora <nora@example.com>', subject: 'Wobbly table', text: 'One leg is shorter.' }));
    await page.getByRole('link', { name: 'All' }).click();
    await page.locator(`[data-conversation-id="${conversationId}"]`).click();
    await pane().getByText('One leg is shorter.').waitFor();
    // Alex is the only one online: routing gave it to him.
    await activity('Routed to Alex Admin from General').waitFor();

    await pane().getByTitle('Assign').click();
    await page.getByRole('menuitem', { name: 'Ada Agent' }).click();
    const assigned = activity('Alex Admin handed the conversation to Ada Agent');
    await assigned.waitFor();
    await expect(assigned.locator('time').getAttribute('datetime')).resolves.toMatch(/^\d{4}-\d\d-\d\dT/);

    await pane().getByTitle('Resolve (e)').click();
    await activity('Alex Admin resolved the conversation').waitFor();
    // Entries in the order they happened, after the customer's message.
    const kinds = await pane().locator('.timeline > li').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    expect(kinds).toEqual(['message', 'assignment', 'assignment', 'status']);
    expect(await sameDocument()).toBe(true);
    await screenshot(page, 'conversation-activity');
  });

  it('shows a delivery error live while the mail server refuses, with the reason and the next attempt, then Sent', async () => {
    h.sink.refuseAll(451);
    await page.getByRole('textbox', { name: 'Reply' }).fill('We will send a new leg.');
    await page.getByRole('button', { name: 'Send reply' }).click();
    const reply = pane().locator('[data-kind="message"]').filter({ hasText: 'We will send a new leg.' });
    const problem = reply.getByTestId('delivery-error');
    await problem.filter({ hasText: /^Retrying: .*451/ }).waitFor({ timeout: 20_000 });
    await reply.getByTestId('delivery-next-attempt').waitFor();
    await expect(reply.getByTestId('delivery-status').textContent()).resolves.toBe('Retrying');
    expect(await sameDocument()).toBe(true);
    await screenshot(page, 'conversation-delivery-retrying');

    h.sink.refuseAll(null);
    await reply.locator('[data-testid="delivery-status"][data-status="sent"]').waitFor({ timeout: 30_000 });
    await problem.waitFor({ state: 'detached' });
    const mail = await h.sink.waitFor((m) => m.parsed.text?.includes('We will send a new leg.') ?? false);
    expect(mail.envelope.to).toEqual(['nora@example.com']);
    expect(await sameDocument()).toBe(true);
  });
});
