// The agent inbox in a real browser against a whole running Parley: live updates over socket.io,
// replying from the keyboard through to the customer's mailbox, hostile email HTML kept inert,
// and keyboard triage.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, logIn, row, screenshot, type Browser } from '../support/browser.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { waitUntil } from '../support/wait.ts';

describe('agent inbox in the browser', () => {
  let h: Harness;
  let browser: Browser;
  let page: Page;
  const dialogs: string[] = [];

  beforeAll(async () => {
    h = await startHarness();
    browser = await launchBrowser();
    page = browser.page;
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await logIn(page, h.apiUrl, h.workspace.agents[1]!.email); // Ada, agent in Support
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  const conversationIdOf = (messageId: string) =>
    waitUntil(async () => {
      const e = await h.testDb.db.inboundEvent.findFirst({ where: { externalId: messageId, status: 'processed' }, include: { message: true } });
      return e?.message?.conversationId;
    }, 'the inbound email to be recorded');

  it('shows an email sent over SMTP in the list live, without a reload', async () => {
    // "All": routing may hand the new conversation to Ada at once (she is online), and it stays here.
    await page.getByRole('link', { name: 'All' }).click();
    await page.getByTestId('list-empty').waitFor();
    await page.evaluate(() => Object.assign(globalThis, { __sameDocument: true }));

    const messageId = await h.sendCustomerMail({ from: 'Maria Lopez <maria@example.com>', subject: 'Kettle never arrived', text: 'Hello,\n\nmy order #4821 has not arrived.\n\nMaria' });
    await conversationIdOf(messageId);

    const r = row(page, 'Kettle never arrived');
    await r.waitFor({ timeout: 15_000 });
    await expect(r.textContent()).resolves.toContain('Maria Lopez');
    await expect(r.textContent()).resolves.toContain('my order #4821 has not arrived');
    expect(await r.getAttribute('data-unread')).toBe('true');
    expect(await page.evaluate(() => (globalThis as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    await screenshot(page, 'inbox-list');
  });

  it('opens it, replies from the keyboard, and the customer receives the reply', async () => {
    await page.keyboard.press('j');
    await expect(row(page, 'Kettle never arrived').getAttribute('aria-selected')).resolves.toBe('true');
    await page.keyboard.press('Enter');
    await page.getByTestId('conversation-pane').waitFor();
    await page.getByTestId('conversation-pane').getByText('my order #4821 has not arrived.').waitFor();
    // Opening it read it.
    await waitUntil(async () => (await row(page, 'Kettle never arrived').getAttribute('data-unread')) === null, 'the unread marker to clear');

    await page.keyboard.press('r');
    const box = page.getByRole('textbox', { name: 'Reply' });
    await expect(box.evaluate((el) => el === (globalThis as any).document.activeElement)).resolves.toBe(true);
    await page.keyboard.type('Hi Maria, your kettle is on its way again.');
    await page.keyboard.press('Control+Enter');

    const mail = await h.sink.waitFor((m) => m.parsed.subject === 'Re: Kettle never arrived');
    expect(mail.envelope.to).toEqual(['maria@example.com']);
    expect(mail.parsed.text).toContain('your kettle is on its way again');
    await page.locator('[data-testid="delivery-status"][data-status="sent"]').waitFor({ timeout: 15_000 });
    await expect(box.inputValue()).resolves.toBe('');
    await screenshot(page, 'conversation');
  });

  it('attaches a file to a reply: shown before sending, received by the customer, downloadable in the timeline', async () => {
    const receipt = Buffer.from('%PDF-1.7\nreceipt for order 4821\n');
    await page.getByTestId('composer').locator('input[type="file"]').setInputFiles({ name: 'receipt-4821.pdf', mimeType: 'application/pdf', buffer: receipt });
    const chip = page.getByRole('list', { name: 'Files to send' }).getByRole('listitem');
    await expect(chip.textContent()).resolves.toMatch(/receipt-4821\.pdf.*B/);
    await page.getByRole('textbox', { name: 'Reply' }).fill('Here is your receipt.');
    await screenshot(page, 'conversation-reply-file');
    await page.getByRole('button', { name: 'Send reply' }).click();

    const mail = await h.sink.waitFor((m) => m.parsed.text?.includes('Here is your receipt.') ?? false);
    expect(mail.parsed.attachments.map((a) => [a.filename, a.contentType, a.content.equals(receipt)])).toEqual([['receipt-4821.pdf', 'application/pdf', true]]);
    await page.getByRole('list', { name: 'Files to send' }).waitFor({ state: 'detached' });
    const link = page.getByTestId('conversation-pane').getByRole('link', { name: /receipt-4821\.pdf/ });
    await link.waitFor();
    expect(await link.getAttribute('href')).toMatch(/^\/api\/attachments\//);
  });

  it('renders hostile email HTML without running its script or event handlers', async () => {
    const id = await h.sendCustomerMail({
      from: 'Mallory <mallory@example.net>',
      subject: 'Invoice attached',
      text: 'Please see the invoice.',
      html:
        '<p>Please see the <b>invoice</b>.</p>' +
        '<script>window.__pwned = "script"; alert("script")</script>' +
        '<img src=x onerror="window.__pwned = \'img\'; alert(\'img\')">' +
        '<img src="https://tracker.example.com/open.gif" alt="tracker" onerror="window.__pwned = \'remote\'; alert(\'remote\')">',
    });
    const conversationId = await conversationIdOf(id);
    await page.goto(`${h.apiUrl}/inbox/all/c/${conversationId}`);
    const frameEl = page.getByTestId('email-frame');
    await frameEl.waitFor();
    const frame = await (await frameEl.elementHandle())!.contentFrame();
    await frame!.getByText('invoice').first().waitFor();

    expect(await frameEl.getAttribute('sandbox')).not.toContain('allow-scripts');
    const imgs = await frame!.$$eval('img', (els) => els.map((e) => ({ src: e.getAttribute('src'), parked: e.getAttribute('data-parley-src'), handlers: e.getAttributeNames().filter((n: string) => n.startsWith('on')) })));
    expect(imgs).toEqual([{ src: null, parked: 'https://tracker.example.com/open.gif', handlers: [] }]);
    expect(await frame!.$$eval('script', (s) => s.length)).toBe(0);
    await page.getByText('1 remote image is hidden').waitFor();
    await screenshot(page, 'conversation-html-email');

    await page.getByRole('button', { name: 'Show images' }).click();
    // The frame's document finishes loading only after the image has loaded or failed and its
    // load or error handlers have run: by then an onerror left in place would have fired.
    await waitUntil(
      async () => (await frame!.$eval('img', (e) => e.getAttribute('src') === 'https://tracker.example.com/open.gif' && e.ownerDocument.readyState === 'complete').catch(() => false)) || null,
      'the image to be shown and its load attempt over',
    );
    expect(await page.evaluate(() => (globalThis as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(await frame!.evaluate(() => (globalThis as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
  });

  it('folds a Russian HTML reply\'s quote, with the line introducing it, until the agent asks for it', async () => {
    const id = await h.sendCustomerMail({
      from: 'Ольга Петрова <olga@example.ru>',
      subject: 'Re: Экспорт',
      text: '',
      html: '<div>Спасибо, всё работает.</div><div>Вторник, 4 марта 2025, 10:00 +03:00 от Acme &lt;support@acme.test&gt;:</div><blockquote><div>Очистите кэш, пожалуйста.</div></blockquote>',
    });
    await page.goto(`${h.apiUrl}/inbox/all/c/${await conversationIdOf(id)}`);
    const frameEl = page.getByTestId('email-frame');
    await frameEl.waitFor();
    // The frame is rebuilt when the quote is shown: read whichever document it holds now.
    const bodyText = async () => (await (await frameEl.elementHandle())!.contentFrame())!.$eval('body', (b) => (b as { innerText: string }).innerText).catch(() => '');
    const shown = await waitUntil(async () => ((await bodyText()).includes('Спасибо, всё работает.') ? bodyText() : null), 'the reply in the frame');
    expect(shown).not.toContain('Очистите кэш');
    expect(shown).not.toContain('от Acme');
    await page.getByTestId('conversation-pane').getByRole('button', { name: 'Show quoted text' }).last().click();
    await waitUntil(async () => ((await bodyText()).includes('Очистите кэш, пожалуйста.') || null), 'the quote shown');
  });

  it('shows where the answer to an email goes when it names a Reply-To', async () => {
    const id = await h.sendCustomerMail({ from: 'Mary Smith <mary.work@example.com>', replyTo: 'Mary at home <mary@home.example>', subject: 'Write to me at home', text: 'Please answer to my home address.' });
    await page.goto(`${h.apiUrl}/inbox/all/c/${await conversationIdOf(id)}`);
    const envelope = page.getByTestId('message-envelope');
    await envelope.waitFor();
    expect(await envelope.textContent()).toBe('Reply-To Mary at home <mary@home.example> · replies go here');
    await screenshot(page, 'conversation-reply-to');
  });

  it('moves with j/k and resolves with e: the row leaves the Open view', async () => {
    for (const n of [1, 2]) await conversationIdOf(await h.sendCustomerMail({ from: `triage${n}@example.org`, subject: `Triage ${n}`, text: `Case ${n}` }));
    await page.goto(`${h.apiUrl}/inbox/all`);
    await row(page, 'Triage 2').waitFor();
    const ids = await page.locator('[data-conversation-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-conversation-id')));
    expect(ids.length).toBeGreaterThanOrEqual(3);
    const selected = () => page.locator('[data-conversation-id][aria-selected="true"]').getAttribute('data-conversation-id');

    await page.keyboard.press('j');
    expect(await selected()).toBe(ids[0]);
    await page.keyboard.press('j');
    expect(await selected()).toBe(ids[1]);
    await page.keyboard.press('k');
    expect(await selected()).toBe(ids[0]);
    await page.keyboard.press('j');

    await page.keyboard.press('e');
    await page.locator(`[data-conversation-id="${ids[1]}"]`).waitFor({ state: 'detached' });
    const resolved = await h.testDb.db.conversation.findUniqueOrThrow({ where: { id: ids[1]! } });
    expect(resolved.status).toBe('resolved');
    await expect(page.locator('[data-conversation-id]').count()).resolves.toBe(ids.length - 1);

    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor({ state: 'detached' });
  });

  it('writes a note from a canned response with placeholders and an @mention that notifies the agent', async () => {
    const admin = await h.login(h.workspace.agents[0]!.email);
    const canned = await h.api(admin, 'POST', '/api/canned-responses', { shortcut: 'handover', title: 'Hand over', body: 'Handing #{{conversation.number}} ({{contact.name}}) over; {{agent.name}}' });
    expect(canned.status).toBe(201);
    const conversationId = await conversationIdOf(await h.sendCustomerMail({ from: 'Nora Note <nora@example.com>', subject: 'Billing question', text: 'Why was I charged twice?' }));
    const { number } = await h.testDb.db.conversation.findUniqueOrThrow({ where: { id: conversationId } });
    await page.reload(); // the canned responses are loaded with the session
    await page.goto(`${h.apiUrl}/inbox/all/c/${conversationId}`);
    await page.getByTestId('conversation-pane').getByText('Why was I charged twice?').waitFor();

    await page.keyboard.press('n');
    const box = page.getByRole('textbox', { name: 'Note' });
    await expect(box.evaluate((el) => el === (globalThis as any).document.activeElement)).resolves.toBe(true);
    await page.keyboard.type('/hand');
    await page.getByRole('option', { name: /\/handover/ }).waitFor();
    await page.keyboard.press('Enter');
    await expect(box.inputValue()).resolves.toBe(`Handing #${number} (Nora Note) over; Ada Agent`);
    await page.keyboard.type(' cc @Bo');
    await page.getByRole('listbox', { name: 'Mention an agent' }).getByRole('option', { name: /Bob Agent/ }).waitFor();
    await page.keyboard.press('Enter');
    await page.keyboard.type('please check.');
    await page.keyboard.press('Control+Enter');

    const text = `Handing #${number} (Nora Note) over; Ada Agent cc @Bob Agent please check.`;
    await page.locator('.message-note', { hasText: 'please check.' }).waitFor();
    const notification = await waitUntil(() => h.testDb.db.notification.findFirst({ where: { conversationId, agentId: h.workspace.agents[2]!.id } }), 'the mention notification');
    expect(notification.kind).toBe('mention');
    const note = await h.testDb.db.message.findFirstOrThrow({ where: { conversationId, kind: 'note' } });
    expect(note.text).toBe(text);
    expect(h.sink.messages.some((m) => m.parsed.text?.includes('please check'))).toBe(false);
    await screenshot(page, 'conversation-note');
  });

  it('searches from the keyboard: / focuses the box, matched words are marked, Enter opens, Esc returns to the view', async () => {
    const conversationId = await conversationIdOf((await h.testDb.db.message.findFirstOrThrow({ where: { text: { contains: 'charged twice' } } })).externalId!);
    await page.goto(`${h.apiUrl}/inbox/all`);
    await page.getByTestId('conversation-list').waitFor();
    await page.keyboard.press('/');
    const box = page.getByRole('searchbox', { name: 'Search conversations' });
    await expect(box.evaluate((el) => el === (globalThis as any).document.activeElement)).resolves.toBe(true);
    await page.keyboard.type('charged twi');
    const hits = page.getByTestId('search-results').locator('[data-conversation-id]');
    await waitUntil(async () => (await hits.count()) === 1, 'one search result');
    expect(await hits.first().getAttribute('data-conversation-id')).toBe(conversationId);
    await expect(hits.first().locator('mark').allTextContents()).resolves.toEqual(['charged', 'twice']);
    await expect(page.getByTestId('search-summary').textContent()).resolves.toBe('1 found, newest first');
    await screenshot(page, 'inbox-search');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/c/${conversationId}`);
    await page.getByTestId('conversation-pane').getByText('Why was I charged twice?').waitFor();

    await box.fill('teapot');
    await page.getByText('No conversations match “teapot”').waitFor();
    await box.press('Escape');
    await expect(box.inputValue()).resolves.toBe('');
    await page.getByTestId('conversation-list').waitFor();
  });
});
