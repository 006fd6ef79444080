// A supervisor handles inbound events Parley could not process, in the browser: the nav's badge
// counts new failures live; the page shows the reason and the raw payload as inert text (collapsed,
// a preview of a large one until expanded); and after the cause is fixed (the attachment store was
// unavailable), retrying turns the stored email into a conversation.
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, logIn, screenshot, type Browser } from '../support/browser.ts';
import { startHarness, type Harness } from '../support/harness.ts';

describe('failed inbound events page', () => {
  let h: Harness;
  let browser: Browser;
  let page: Page;
  let blockedStore: string;

  beforeAll(async () => {
    h = await startHarness();
    blockedStore = path.resolve(h.rt.config.DATA_DIR, 'attachments');
    browser = await launchBrowser();
    page = browser.page;
    await logIn(page, h.apiUrl, h.workspace.agents[0]!.email); // Alex, admin
    await page.evaluate(() => Object.assign(globalThis, { __sameDocument: true }));
  });
  afterAll(async () => {
    if (blockedStore) await rm(blockedStore, { force: true, recursive: true });
    await browser?.close();
    await h?.close();
  });

  const sendRaw = async (raw: string) => {
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: h.smtpPort, secure: false, ignoreTLS: true });
    await transport.sendMail({ envelope: { from: 'x@example.com', to: ['help@acme.test'] }, raw });
    transport.close();
  };
  const badge = () => page.getByTestId('inbound-badge');
  const card = (text: string | RegExp) => page.getByTestId('inbound-event').filter({ hasText: text });
  const hostile = 'no headers at all <img src=x onerror="window.__pwned=1"><b>bold</b>\r\n';

  it('badges the nav live when inbound events fail', async () => {
    await expect(badge().count()).resolves.toBe(0);
    await sendRaw(hostile);
    await sendRaw(`also no headers ${'z'.repeat(6_000)} END-OF-BIG-PAYLOAD\r\n`);
    await badge().filter({ hasText: /^2$/ }).waitFor({ timeout: 20_000 });
    expect(await page.evaluate(() => (globalThis as { __sameDocument?: boolean }).__sameDocument)).toBe(true);

    // The attachment store becomes unavailable (a file where its folder should be): an email with a
    // photo is stored but cannot be processed; after its last attempt (about 30 s) it is failed.
    await writeFile(blockedStore, 'not a folder');
    await h.sendCustomerMail({ from: 'Ines <ines@example.com>', subject: 'Photo of the damage', text: 'See the photo.', attachments: [{ filename: 'damage.jpg', content: Buffer.from('jpeg bytes'), contentType: 'image/jpeg' }] });
  });

  it('shows each failure with its reason and the raw payload as text, collapsed, whole on request', async () => {
    await page.getByRole('link', { name: /Failed events/ }).click();
    await page.getByTestId('inbound-events-page').waitFor();
    await badge().waitFor({ state: 'detached' });
    const garbage = card('no headers at all');
    await garbage.getByTestId('inbound-error').filter({ hasText: /\S/ }).waitFor();
    const payload = garbage.getByTestId('inbound-payload');
    await expect(payload.isVisible()).resolves.toBe(false);
    await garbage.locator('summary').click();
    await expect(payload.textContent()).resolves.toContain('<img src=x onerror="window.__pwned=1"><b>bold</b>');
    expect(await garbage.locator('img, b').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();

    const big = card('also no headers');
    await big.locator('summary').click();
    await expect(big.locator('summary').textContent()).resolves.toMatch(/first .* shown/);
    await expect(big.getByTestId('inbound-payload').textContent()).resolves.not.toContain('END-OF-BIG-PAYLOAD');
    await big.getByRole('button', { name: 'Show the whole payload' }).click();
    await big.getByTestId('inbound-payload').filter({ hasText: 'END-OF-BIG-PAYLOAD' }).waitFor();
    await screenshot(page, 'inbound-events');
  });

  it('retries the email whose cause was fixed together with another: it becomes a conversation, the other fails again', async () => {
    // The page hears of the new failure and lists it.
    const photo = card('Photo of the damage');
    await photo.getByTestId('inbound-error').filter({ hasText: /processing failed after 6 attempts: .*ENOTDIR/ }).waitFor({ timeout: 75_000 });
    await rm(blockedStore, { force: true }); // the store is back

    await photo.getByRole('checkbox').check();
    await card('no headers at all').getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Retry selected (2)' }).click();
    await photo.getByText('Processed into a conversation.').waitFor({ timeout: 20_000 });
    const again = card('no headers at all');
    await again.filter({ hasText: '2 attempts' }).waitFor({ timeout: 20_000 });
    await expect(again.getAttribute('data-status')).resolves.toBe('failed');
    await screenshot(page, 'inbound-events-retried');

    await photo.getByRole('link', { name: 'Open the conversation' }).click();
    const pane = page.getByTestId('conversation-pane');
    await pane.getByText('See the photo.').waitFor();
    await pane.getByRole('link', { name: /damage\.jpg/ }).waitFor();
    await expect(pane.locator('.pane-title').textContent()).resolves.toContain('Photo of the damage');
  });
});
