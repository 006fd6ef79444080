// The chat widget in a real browser, embedded by a page the way a website does it, against a
// whole running Parley: the pre-chat form starts a chat that reaches the agent, the agent's reply
// and typing appear live (as text, never markup), a reload keeps the conversation, and an agent in
// the inbox and the visitor see each other typing.
import type { Page } from 'playwright-core';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWidgetBuild } from '../../src/cli/widget-build.ts';
import { launchBrowser, logIn, screenshot, type Browser } from '../support/browser.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { waitUntil } from '../support/wait.ts';

describe('chat widget in the browser', () => {
  let h: Harness;
  let browser: Browser;
  let page: Page;
  let admin: string;
  let agent: Socket;
  let conversationId: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    ensureWidgetBuild({ log: (line) => console.log(line) });
    h = await startHarness({
      channels: [{ kind: 'webchat', name: 'Website', address: 'acme-website', settings: { title: 'Acme help', greeting: 'Hi! How can we help?', prechat: { topics: ['billing', 'shipping'] } } }],
    });
    admin = await h.login(h.workspace.agents[0]!.email);
    agent = await h.socket(admin); // an agent online: the chat is open
    browser = await launchBrowser();
    page = browser.page;
    page.on('pageerror', (err) => pageErrors.push(err.message));
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  const widget = () => page.locator('#parley-chat');

  it('starts a chat from the pre-chat form and the agent sees it with the visitor’s name and topic', async () => {
    await page.goto(`${h.apiUrl}/widget/demo?channel=acme-website`);
    await widget().getByRole('button', { name: 'Open chat' }).click();
    await widget().getByText('Hi! How can we help?').waitFor();
    await expect(widget().getByRole('heading').textContent()).resolves.toBe('Acme help');
    const form = widget().getByRole('form', { name: 'Start a chat' });
    await form.getByLabel('Name').fill('Wanda Web');
    await form.getByLabel('Email').fill('wanda@example.com');
    await form.getByLabel('Topic').selectOption('shipping');
    await form.getByLabel('Message').fill('Where is my parcel? <b>urgent</b>');
    await form.getByRole('button', { name: 'Start chat' }).click();

    const m = await waitUntil(async () => h.testDb.db.message.findFirst({ where: { channel: { kind: 'webchat' } }, include: { conversation: { include: { contact: true } } } }), 'the chat message stored');
    conversationId = m.conversationId;
    expect(m.text).toBe('Where is my parcel? <b>urgent</b>');
    expect(m.conversation.attributes).toEqual({ topic: 'shipping' });
    // The email typed into the form is only a claim: it is not the contact's email until proven.
    expect(m.conversation.contact).toMatchObject({ name: 'Wanda Web', email: null });
    await widget().getByRole('form', { name: 'Send a message' }).waitFor();
    await widget().getByText('Where is my parcel? <b>urgent</b>').waitFor();
  });

  it('shows the agent typing and then the reply, as text', async () => {
    expect(await agent.timeout(5000).emitWithAck('conversation.join', { conversationId })).toEqual({ ok: true });
    agent.emit('conversation.typing', { conversationId, typing: true });
    await widget().getByText('Alex Admin is typing…').waitFor();
    const reply = await h.api(admin, 'POST', `/api/conversations/${conversationId}/messages`, { text: 'It ships today. <img src=x onerror=alert(1)>' });
    expect(reply.status).toBe(202);
    await widget().getByText('It ships today. <img src=x onerror=alert(1)>').waitFor();
    expect(await widget().locator('img').count()).toBe(0);
    expect(await widget().locator('b').count()).toBe(0);
    await waitUntil(async () => !(await widget().getByText('Alex Admin is typing…').isVisible()), 'the typing line gone with the reply');
    await screenshot(page, 'widget-chat');
  });

  it('keeps the conversation across a page reload', async () => {
    await page.reload();
    await widget().getByRole('button', { name: 'Open chat' }).click();
    await widget().getByText('It ships today. <img src=x onerror=alert(1)>').waitFor();
    await widget().getByText('Where is my parcel? <b>urgent</b>').waitFor();
    await widget().getByRole('form', { name: 'Send a message' }).getByLabel('Message').fill('Thanks!');
    await page.keyboard.press('Enter');
    await waitUntil(async () => h.testDb.db.message.findFirst({ where: { conversationId, text: 'Thanks!' } }), 'the follow-up in the same conversation');
    expect(pageErrors).toEqual([]);
  });

  it('the agent in the inbox and the visitor in the widget see each other typing', async () => {
    const inbox = await browser.context.newPage();
    // What the inbox tells the server about this agent's typing, from its socket.io frames
    // (an event is `42`, an optional ack id, then `["name", payload]`).
    const typingSent: unknown[] = [];
    inbox.on('websocket', (ws) =>
      ws.on('framesent', ({ payload }) => {
        const json = typeof payload === 'string' ? /^42\d*(\[.*)$/s.exec(payload)?.[1] : undefined;
        const event = json ? (JSON.parse(json) as unknown[]) : null;
        if (event?.[0] === 'conversation.typing') typingSent.push(event[1]);
      }),
    );
    await logIn(inbox, h.apiUrl, h.workspace.agents[0]!.email);
    await inbox.goto(`${h.apiUrl}/inbox/all/c/${conversationId}`);
    await inbox.getByTestId('conversation-pane').getByText('Thanks!').waitFor();
    // The customer panel names the visitor, not their opaque id, and the email they gave as an unverified claim.
    const identities = inbox.getByTestId('customer-panel').locator('.identities');
    await identities.getByText('Website visitor').waitFor();
    const claims = inbox.getByTestId('customer-panel').getByTestId('identity-claims');
    await claims.getByText('claims to be wanda@example.com (unverified)').waitFor();
    await claims.getByRole('button', { name: 'Send confirmation link' }).waitFor();

    // The agent types a reply: the widget says so; sending it ends that.
    await inbox.getByRole('textbox', { name: 'Reply' }).pressSequentially('Glad to');
    await widget().getByText('Alex Admin is typing…').waitFor();
    await inbox.getByRole('textbox', { name: 'Reply' }).pressSequentially(' help!');
    await inbox.getByRole('button', { name: 'Send reply' }).click();
    await waitUntil(async () => h.testDb.db.message.findFirst({ where: { conversationId, text: 'Glad to help!' } }), 'the reply stored');
    await widget().getByText('Glad to help!').waitFor();
    await waitUntil(async () => !(await widget().getByText('Alex Admin is typing…').isVisible()), 'the typing line gone with the reply');

    // The visitor types: the agent sees it under the timeline, and it goes when the message arrives.
    const indicator = inbox.getByTestId('typing-indicator');
    await widget().getByRole('form', { name: 'Send a message' }).getByLabel('Message').pressSequentially('One more');
    await waitUntil(async () => (await indicator.textContent()) === 'Wanda Web is typing…', 'the visitor typing shown to the agent');
    await screenshot(inbox, 'conversation-typing');
    await page.bringToFront();
    await page.keyboard.press('Enter');
    await inbox.getByTestId('conversation-pane').getByText('One more').waitFor();
    await waitUntil(async () => (await indicator.textContent()) === '', 'the typing line gone with the message');

    // A private note is never announced to the customer: typing one sends no typing signal. Then
    // typing a reply does, on the same socket, so every frame sent while writing the note has been
    // seen by the time that one is; and it reaches the widget, which the note's typing did not.
    const typingSignals = typingSent.length;
    await inbox.getByRole('tab', { name: /Note/ }).click();
    await inbox.getByRole('textbox', { name: 'Note' }).pressSequentially('internal only');
    expect(await widget().getByText('Alex Admin is typing…').isVisible()).toBe(false);
    await inbox.getByRole('tab', { name: /Reply/ }).click();
    await inbox.getByRole('textbox', { name: 'Reply' }).pressSequentially('S');
    await waitUntil(async () => typingSent.length > typingSignals || null, 'the reply’s typing signal');
    expect(typingSent.slice(typingSignals)).toEqual([{ conversationId, typing: true }]);
    await widget().getByText('Alex Admin is typing…').waitFor();
    await inbox.close();
  });

  it('an email whose sender is not proven is marked unverified in the conversation', async () => {
    // Unsigned, from a domain whose SPF excludes us: the SMTP edge cannot prove the From.
    h.dns.txt('example.org', 'v=spf1 -all');
    const id = await h.sendRawMail({ from: 'Olga Unproven <olga@example.org>', subject: 'Refund', text: 'Please refund me' }, { from: 'olga@example.org', to: ['help@acme.test'] });
    const conversation = await h.conversationFor(id);
    // The same browser context: still logged in from the previous journey.
    const inbox = await browser.context.newPage();
    await inbox.goto(`${h.apiUrl}/inbox/all/c/${conversation}`);
    const pane = inbox.getByTestId('conversation-pane');
    await pane.getByText('Please refund me').waitFor();
    const marker = pane.getByTestId('unverified-sender');
    await expect(marker.textContent()).resolves.toBe('claims to be olga@example.org (unverified)');
    await expect(marker.getAttribute('title')).resolves.toMatch(/spf=fail/);
    await inbox.getByTestId('customer-panel').locator('.identities').getByText('unverified').waitFor();
    await screenshot(inbox, 'unverified-sender');
    await inbox.close();
  });
});
