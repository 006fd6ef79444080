// The web app on a phone (390 px), a tablet (768 px) and a desktop (1440 px), in a real browser
// against a whole running Parley: the inbox, a conversation, the supervisor board and a settings
// page at each width, with screenshots; the layout is asserted (nothing wider than a phone, the
// conversation readable, separate views with back controls that the browser's own Back agrees
// with, a rail of named icons and a customer sheet on tablets, three columns on desktops), and
// the customer panel's timeline across email, SMS and a call pages with "Load more".
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, logIn, row, screenshot, type Browser } from '../support/browser.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { waitUntil } from '../support/wait.ts';
import { boxOf, horizontalOverflow, smallTargets } from '../support/layout-checks.ts';
import { addOpenConversations } from '../support/routing-fixtures.ts';
import { addCustomerHistory } from './customer-fixtures.ts';
import { addAgent, addEarlierToday, addOpenWork } from './floor-fixtures.ts';

const TWILIO = { accountSid: 'AC00000000000000000000000000000000', authToken: 'unused' };
const KETTLE = 'Hello,\n\nmy order #4821 has not arrived. The tracking page has said "in transit" since last Monday and nobody at the depot answers the phone.\n\nMaria';

describe('layout on every screen', () => {
  let h: Harness;
  let browser: Browser;
  let page: Page;
  let conversationId = '';
  let entries = 0;

  beforeAll(async () => {
    h = await startHarness({
      // Nothing listens there: no request of this test reaches Twilio.
      env: { TWILIO_API_BASE: 'http://127.0.0.1:9' },
      channels: [
        { kind: 'sms', name: 'Acme SMS', address: '+15550100', settings: TWILIO },
        { kind: 'voice', name: 'Acme Phone', address: '+15550111', settings: TWILIO },
      ],
    });
    const db = h.testDb.db;
    const workspaceId = h.workspace.workspace.id;
    const [email, sms, voice] = h.workspace.channels;
    if (!email || !sms || !voice) throw new Error('the harness made no email, SMS and voice channels');
    const chen = await addAgent(db, { workspaceId, name: 'Chen Wu', presence: 'online', capacity: 30 });
    const marta = await addAgent(db, { workspaceId, name: 'Marta Silva', presence: 'away', capacity: 40 });
    await addOpenWork(db, { workspaceId, agentId: chen.id, channelId: email.id, count: 3, now: new Date(), seed: 3 });
    await addEarlierToday(db, { workspaceId, channels: [email, sms], agentIds: [chen.id, marta.id], count: 14, now: new Date(), seed: 5 });

    conversationId = await h.conversationFor(await h.sendCustomerMail({ from: 'Maria Lopez <maria@example.com>', subject: 'Kettle never arrived', text: KETTLE }));
    const conv = await db.conversation.findUniqueOrThrow({ where: { id: conversationId } });
    const admin = h.workspace.agents[0]!;
    entries = 1 + (await addCustomerHistory(db, { workspaceId, contactId: conv.contactId, agentId: admin.id, email: email.id, sms: sms.id, voice: voice.id, now: new Date() }));
    const token = await h.login(admin.email);
    expect((await h.api(token, 'POST', `/api/conversations/${conversationId}/messages`, { text: 'Hi Maria, I am sorry about that. A new kettle leaves our warehouse today.' })).status).toBe(202);
    entries += 1;

    browser = await launchBrowser();
    page = browser.page;
    await logIn(page, h.apiUrl, admin.email);
    // Two customers wait for a free agent: the admin steps away (Chen is full, Marta away), so routing leaves them on the board.
    await waitUntil(async () => (await db.agent.findUniqueOrThrow({ where: { id: admin.id } })).presence === 'online', 'the admin to come online');
    expect((await h.api(token, 'POST', '/api/me/presence', { presence: 'away' })).status).toBe(200);
    await addOpenConversations(db, { workspaceId, channelId: email.id, count: 2, priority: 'high', text: (i) => ['My parcel was delivered to the wrong address', 'Refund for a cancelled order'][i]! });
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  const conversationUrl = () => `${h.apiUrl}/inbox/all/c/${conversationId}`;
  const pane = () => page.getByTestId('conversation-pane');
  const panel = () => page.getByTestId('customer-panel');
  const timelineEntries = () => page.getByTestId('contact-timeline').locator('[data-entry-id]');
  const noSidewaysScroll = async () => {
    const o = await horizontalOverflow(page);
    expect(o.outside).toEqual([]);
    expect(o.scrollWidth).toBeLessThanOrEqual(o.innerWidth);
  };
  const openBoard = async () => {
    await page.goto(`${h.apiUrl}/supervisor`);
    await page.getByTestId('volume-chart').waitFor();
    await page.getByTestId('queue-table').waitFor();
    await page.getByTestId('waiting-list').waitFor();
  };
  const openChannels = async () => {
    await page.goto(`${h.apiUrl}/admin/channels`);
    await page.getByRole('table', { name: 'Channels' }).getByRole('row').filter({ hasText: 'Acme Phone' }).waitFor();
  };

  it('at 1440 px shows the list, the conversation and the customer side by side; the customer timeline spans channels and loads more', async () => {
    await page.goto(`${h.apiUrl}/inbox/all`);
    await row(page, 'Kettle never arrived').waitFor();
    await noSidewaysScroll();
    await screenshot(page, 'responsive-1440-inbox');

    await row(page, 'Kettle never arrived').click();
    await pane().getByText('nobody at the depot answers the phone', { exact: false }).waitFor();
    await timelineEntries().first().waitFor();
    const [list, conv, customer] = await Promise.all([boxOf(page.getByTestId('conversation-list')), boxOf(pane()), boxOf(panel())]);
    expect(list && conv && customer).toBeTruthy();
    expect(list!.right).toBeLessThanOrEqual(conv!.left + 1);
    expect(conv!.right).toBeLessThanOrEqual(customer!.left + 1);
    expect(customer!.right).toBeLessThanOrEqual(1440);
    expect(Math.abs(conv!.top - customer!.top)).toBeLessThan(2);
    expect(conv!.width).toBeGreaterThan(500);
    expect(await page.getByRole('button', { name: 'Customer details' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Back to conversations' }).isVisible()).toBe(false);

    // Newest first, each with its channel, direction and time; the rest after "Load more".
    expect(await timelineEntries().count()).toBe(20);
    const first = timelineEntries().first();
    await expect(first.textContent()).resolves.toContain('A new kettle leaves our warehouse today.');
    expect([await first.getAttribute('data-direction'), await first.getAttribute('data-channel-kind')]).toEqual(['out', 'email']);
    await expect(first.getByRole('img', { name: 'Email' }).count()).resolves.toBe(1);
    const kinds = await timelineEntries().evaluateAll((els) => els.map((e) => e.getAttribute('data-channel-kind')));
    expect(kinds.slice(0, 5)).toEqual(['email', 'email', 'voice', 'sms', 'sms']);
    await expect(timelineEntries().nth(2).textContent()).resolves.toMatch(/Incoming call.*Answered call · 3:12/);
    const times = await timelineEntries().locator('time').evaluateAll((els) => els.map((e) => Date.parse(e.getAttribute('datetime')!)));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    await page.getByRole('button', { name: 'Load more' }).click();
    await waitUntil(async () => (await timelineEntries().count()) === entries, `all ${entries} timeline entries`);
    expect(await page.getByRole('button', { name: /Load more|Loading/ }).count()).toBe(0);
    await expect(timelineEntries().last().textContent()).resolves.toContain('Question 1 about the invoice');
    await panel().evaluate((el) => el.scrollTo({ top: 0 }));
    await screenshot(page, 'responsive-1440-conversation');

    // Each entry links to its conversation.
    await timelineEntries().nth(3).getByRole('link').click();
    await pane().getByText('Yes, we have 12 left.').waitFor();
    await page.goBack();
    await pane().getByText('A new kettle leaves our warehouse today.').waitFor();

    await openBoard();
    await noSidewaysScroll();
    await screenshot(page, 'responsive-1440-board');
    await openChannels();
    await noSidewaysScroll();
    await screenshot(page, 'responsive-1440-channels');
  });

  it('at 768 px names every navigation entry, keeps list and conversation side by side and opens the customer as a sheet', async () => {
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.goto(conversationUrl());
    await pane().getByText('A new kettle leaves our warehouse today.').waitFor();
    for (const name of ['Mine', 'Unassigned', 'All', 'Supervisor board', 'Canned responses', 'Channels']) {
      expect(await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name, exact: true }).isVisible(), name).toBe(true);
    }
    const cut = await page.locator('.nav-item').evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1).map((e) => e.textContent));
    expect(cut).toEqual([]);
    const [list, conv] = await Promise.all([boxOf(page.getByTestId('conversation-list')), boxOf(pane())]);
    expect(list!.right).toBeLessThanOrEqual(conv!.left + 1);
    expect(conv!.width).toBeGreaterThanOrEqual(380);
    expect(await panel().isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Back to conversations' }).isVisible()).toBe(false);
    await noSidewaysScroll();
    expect(await smallTargets(pane())).toEqual([]);
    await screenshot(page, 'responsive-768-conversation');

    await page.getByRole('button', { name: 'Customer details' }).click();
    await page.waitForURL(`**/c/${conversationId}/customer`);
    await timelineEntries().first().waitFor();
    const sheet = await boxOf(panel());
    expect(sheet!.left).toBeGreaterThanOrEqual(0);
    expect(sheet!.right).toBeLessThanOrEqual(768);
    expect(sheet!.width).toBeGreaterThanOrEqual(300);
    expect(await page.getByRole('button', { name: 'Back to conversation' }).isVisible()).toBe(false);
    expect(await smallTargets(panel())).toEqual([]);
    await screenshot(page, 'responsive-768-customer');
    await page.getByRole('button', { name: 'Close customer details' }).click();
    await panel().waitFor({ state: 'hidden' });
    expect(new URL(page.url()).pathname).toBe(`/inbox/all/c/${conversationId}`);

    await page.goto(`${h.apiUrl}/inbox/all`);
    await row(page, 'Kettle never arrived').waitFor();
    await noSidewaysScroll();
    await screenshot(page, 'responsive-768-inbox');
    await openBoard();
    await noSidewaysScroll();
    await screenshot(page, 'responsive-768-board');
    await openChannels();
    await noSidewaysScroll();
    await screenshot(page, 'responsive-768-channels');
  });

  it('at 390 px shows the list, the conversation and the customer one at a time, with back controls the browser agrees with', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.emulateMedia({ reducedMotion: 'reduce' }); // the drawer opens without sliding, so its screenshot is not mid-way
    await page.goto(`${h.apiUrl}/inbox/all`);
    await row(page, 'Kettle never arrived').waitFor();
    expect(await pane().isVisible()).toBe(false);
    await noSidewaysScroll();
    expect(await smallTargets(page.locator('.list-header'))).toEqual([]);
    await screenshot(page, 'responsive-390-inbox');

    await row(page, 'Kettle never arrived').click();
    await pane().getByText('A new kettle leaves our warehouse today.').waitFor();
    expect(await page.getByTestId('conversation-list').isVisible()).toBe(false);
    const text = await boxOf(pane().locator('.message-text').first());
    expect(text!.width).toBeGreaterThanOrEqual(300);
    await noSidewaysScroll();
    expect(await smallTargets(pane())).toEqual([]);
    await screenshot(page, 'responsive-390-conversation');

    await page.getByRole('button', { name: 'Customer details' }).click();
    await timelineEntries().first().waitFor();
    expect(await pane().isVisible()).toBe(false);
    expect((await boxOf(panel()))!.width).toBeGreaterThanOrEqual(380);
    await noSidewaysScroll();
    expect(await smallTargets(panel())).toEqual([]);
    await screenshot(page, 'responsive-390-customer');

    await page.getByRole('button', { name: 'Back to conversation' }).click();
    await pane().waitFor();
    expect(await panel().isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Back to conversations' }).click();
    await page.getByTestId('conversation-list').waitFor();
    expect(new URL(page.url()).pathname).toBe('/inbox/all');
    expect(await pane().isVisible()).toBe(false);
    // The back control went back in the browser's history: Forward and Back agree with it.
    await page.goForward();
    await pane().waitFor();
    await page.goBack();
    await page.getByTestId('conversation-list').waitFor();

    // The navigation is a drawer behind the menu button.
    const nav = page.getByRole('navigation', { name: 'Views' });
    expect(await nav.isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Menu' }).click();
    await nav.getByRole('link', { name: 'Channels', exact: true }).waitFor();
    expect(await smallTargets(nav)).toEqual([]);
    await screenshot(page, 'responsive-390-menu');
    await nav.getByRole('link', { name: 'Channels', exact: true }).click();
    await page.getByTestId('channels-page').getByRole('heading', { name: 'Channels' }).waitFor();
    await nav.waitFor({ state: 'hidden' });
    await noSidewaysScroll();
    expect(await smallTargets(page.getByTestId('channels-page'))).toEqual([]);
    await screenshot(page, 'responsive-390-channels');
    await page.getByRole('button', { name: 'Add channel' }).click();
    const form = page.getByRole('form', { name: 'Add a channel' });
    await form.getByLabel('Kind').selectOption('sms');
    await noSidewaysScroll();
    expect(await smallTargets(form)).toEqual([]);
    expect((await boxOf(form.getByLabel('Name *')))!.width).toBeGreaterThanOrEqual(300);
    await screenshot(page, 'responsive-390-channel-form');
    await form.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('button', { name: 'Menu' }).click();
    await nav.getByRole('link', { name: 'Supervisor board', exact: true }).click();
    await page.getByTestId('queue-table').waitFor();
    await page.getByTestId('volume-chart').waitFor();
    await noSidewaysScroll();
    expect(await smallTargets(page.getByTestId('waiting-list'))).toEqual([]);
    await screenshot(page, 'responsive-390-board');
  });
});
