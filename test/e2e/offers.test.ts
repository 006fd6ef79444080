// Offer-mode routing from the agent's side in a real browser: an email arriving over SMTP is offered
// to the online agent as a card with a countdown; Accept opens it, Decline moves it on; the SLA
// warning for the accepted conversation reaches the agent as an alert; a reload keeps a standing offer.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, logIn, screenshot, type Browser } from '../support/browser.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { waitUntil } from '../support/wait.ts';
import { addOpenWork } from './floor-fixtures.ts';

const OFFER_SECONDS = 40;

describe('offers to an agent in the browser', () => {
  let h: Harness;
  let browser: Browser;
  let page: Page;
  let adaId = '';
  let admin = '';

  beforeAll(async () => {
    h = await startHarness();
    adaId = h.workspace.agents[1]!.id;
    admin = await h.login(h.workspace.agents[0]!.email);
    expect((await h.api(admin, 'POST', '/api/queues', { name: 'Sales', mode: 'offer', offerTimeoutSeconds: OFFER_SECONDS })).status).toBe(201);
    expect((await h.api(admin, 'PUT', '/api/routing/workflow', { fallback: { name: 'sales', steps: [{ queue: 'Sales', timeoutSeconds: 3600 }] } })).status).toBe(200);
    // First response within the hour; the warning comes 12 seconds in, so it finds the conversation accepted.
    const policy = { name: 'Email', conditions: { channel: ['email'] }, targets: { normal: { first_response: 3600 } }, warnBeforeSeconds: [3588] };
    expect((await h.api(admin, 'POST', '/api/sla/policies', policy)).status).toBe(201);
    await addOpenWork(h.testDb.db, { workspaceId: h.workspace.workspace.id, agentId: adaId, channelId: h.workspace.channels[0]!.id, count: 3, now: new Date(), seed: 7 });

    browser = await launchBrowser();
    page = browser.page;
    await logIn(page, h.apiUrl, h.workspace.agents[1]!.email); // Ada: her browser brings her online
    await waitUntil(async () => (await h.testDb.db.agent.findUniqueOrThrow({ where: { id: adaId } })).presence === 'online', 'Ada to come online');
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  const countdown = async () => Number((await page.getByTestId('offer-countdown').textContent())?.replace(/s$/, ''));
  let acceptedId = '';

  it('shows an offered email as a card with a countdown, and Accept opens it', async () => {
    acceptedId = await h.conversationFor(await h.sendCustomerMail({ from: 'Grace Liu <grace@example.com>', subject: 'Quote for 40 office chairs', text: 'Could you send us a quote for 40 ergonomic chairs, delivered by May?' }));
    const card = page.getByTestId('offer-card');
    await card.waitFor({ timeout: 15_000 });
    expect(await card.getAttribute('data-conversation-id')).toBe(acceptedId);
    await expect(card.textContent()).resolves.toMatch(/Grace Liu.*Quote for 40 office chairs/);
    const first = await countdown();
    expect(first).toBeGreaterThan(OFFER_SECONDS - 10);
    expect(first).toBeLessThanOrEqual(OFFER_SECONDS);
    await waitUntil(async () => (await countdown()) < first, 'the countdown to tick');
    await screenshot(page, 'offer');

    await card.getByRole('button', { name: 'Accept' }).click();
    await page.waitForURL(`**/inbox/mine/c/${acceptedId}`);
    await page.getByTestId('conversation-pane').getByText('40 ergonomic chairs').first().waitFor();
    await card.waitFor({ state: 'detached' });
    const conv = await h.testDb.db.conversation.findUniqueOrThrow({ where: { id: acceptedId } });
    expect(conv).toMatchObject({ assigneeId: adaId, offeredAgentId: null });
  });

  it('alerts the agent when the SLA of their conversation is about to be missed', async () => {
    const { number } = await h.testDb.db.conversation.findUniqueOrThrow({ where: { id: acceptedId } });
    await page.locator('.toast', { hasText: `SLA warning: #${number} first response due in 60 min` }).waitFor({ timeout: 20_000 });
    const n = await h.testDb.db.notification.findFirstOrThrow({ where: { kind: 'sla.warning', conversationId: acceptedId } });
    expect(n.agentId).toBe(adaId);
  });

  it('keeps an offer across a reload; Decline hands it back to routing and the card goes away', async () => {
    const id = await h.conversationFor(await h.sendCustomerMail({ from: 'Kwame Mensah <kwame@example.gh>', subject: 'Bulk order for our school', text: 'We need 120 notebooks; is there a discount?' }));
    const card = page.locator(`[data-testid="offer-card"][data-conversation-id="${id}"]`);
    await card.waitFor({ timeout: 15_000 });
    // A reload does not lose the offer: the card comes back with the time that is left.
    const before = await countdown();
    await page.reload();
    await card.waitFor({ timeout: 10_000 });
    expect(await countdown()).toBeLessThanOrEqual(before);
    // The decline routes the conversation again before it answers.
    const declined = page.waitForResponse((r) => r.url().endsWith(`/api/conversations/${id}/offer/decline`) && r.request().method() === 'POST');
    await card.getByRole('button', { name: 'Decline' }).click();
    expect((await declined).status()).toBe(200);
    await card.waitFor({ state: 'detached' });
    const conv = await h.testDb.db.conversation.findUniqueOrThrow({ where: { id } });
    expect(conv.declinedAgentIds).toContain(adaId);
    expect(conv.assigneeId).toBeNull();
    // Nobody else is online: it waits in Sales, not offered to Ada again.
    expect(conv.offeredAgentId).toBeNull();
    // Nor does her page show it again: a note published after that routing, over the same Redis
    // connection and her same socket, shows in her open conversation after any new offer would have.
    const note = await h.api(admin, 'POST', `/api/conversations/${acceptedId}/notes`, { text: 'Routing done for the declined one' });
    expect(note.status).toBe(201);
    await page.getByTestId('conversation-pane').getByText('Routing done for the declined one').waitFor();
    await expect(page.getByTestId('offer-card').count()).resolves.toBe(0);
  });
});
