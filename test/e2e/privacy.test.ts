// An admin erases a customer in the browser: the customer panel offers the export download and
// "Erase contact…", whose dialog only erases once ERASE is typed; the conversation stays, its
// content gone, and the audit log page shows the erasure (and the opens) filtered by that contact.
// An agent sees none of these controls.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, logIn, screenshot, type Browser } from '../support/browser.ts';
import { startHarness, type Harness } from '../support/harness.ts';

describe('privacy in the browser', () => {
  let h: Harness;
  let browser: Browser;
  let page: Page;
  let conversationId: string;
  let contactId: string;

  beforeAll(async () => {
    h = await startHarness();
    conversationId = await h.conversationFor(await h.sendCustomerMail({ from: 'Greta Privacy <greta@customer.test>', subject: 'Delete my account', text: 'Please forget me, my code is flamingo42.' }));
    contactId = (await h.testDb.db.conversation.findUniqueOrThrow({ where: { id: conversationId } })).contactId;
    browser = await launchBrowser();
    page = browser.page;
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  const panel = () => page.getByTestId('customer-panel');

  it('agents get no export or erase controls', async () => {
    await logIn(page, h.apiUrl, h.workspace.agents[1]!.email); // Ada, agent
    await page.goto(`${h.apiUrl}/inbox/all/c/${conversationId}`);
    await panel().getByText('greta@customer.test').waitFor();
    expect(await panel().getByRole('button', { name: 'Erase contact…' }).count()).toBe(0);
    expect(await panel().getByRole('link', { name: 'Export data' }).count()).toBe(0);
    await page.context().clearCookies();
  });

  it('an admin downloads the export, then erases the contact after typing ERASE', async () => {
    await logIn(page, h.apiUrl, h.workspace.agents[0]!.email); // Alex, admin
    await page.goto(`${h.apiUrl}/inbox/all/c/${conversationId}`);
    await panel().getByText('greta@customer.test').waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), panel().getByRole('link', { name: 'Export data' }).click()]);
    expect(download.suggestedFilename()).toBe(`contact-${contactId}.zip`);
    const zip = await download.path();
    expect(zip).toBeTruthy();

    await panel().getByRole('button', { name: 'Erase contact…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Erase contact' });
    const erase = dialog.getByRole('button', { name: 'Erase contact' });
    expect(await erase.isDisabled()).toBe(true);
    await dialog.getByLabel('Type ERASE to confirm').fill('erase');
    expect(await erase.isDisabled()).toBe(true);
    await dialog.getByLabel('Type ERASE to confirm').fill('ERASE');
    await screenshot(page, 'privacy-erase-dialog');
    await erase.click();
    await dialog.waitFor({ state: 'detached' });
    await panel().getByText('Erased contact').first().waitFor();
    expect(await panel().getByText('greta@customer.test').count()).toBe(0);
    expect(await panel().getByRole('button', { name: 'Erase contact…' }).count()).toBe(0);

    const contact = await h.testDb.db.contact.findUniqueOrThrow({ where: { id: contactId } });
    expect(contact).toMatchObject({ name: 'Erased contact', email: null });
    const messages = await h.testDb.db.message.findMany({ where: { conversationId } });
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.every((m) => m.text === '')).toBe(true);
  });

  it('the audit log shows who opened, exported and erased the contact', async () => {
    await panel().getByRole('link', { name: 'Access log' }).click();
    await page.getByTestId('audit-page').waitFor();
    const rows = page.getByRole('list', { name: 'Audit entries' }).getByRole('listitem');
    await rows.first().waitFor();
    const texts = await rows.allInnerTexts();
    expect(texts[0]).toMatch(/Alex Admin\s+erased contact\s+Erased contact/);
    expect(texts.some((t) => /Alex Admin\s+exported contact/.test(t))).toBe(true);
    expect(texts.some((t) => /Ada Agent\s+opened conversation/.test(t))).toBe(true);
    await screenshot(page, 'privacy-audit-log');

    // Filtered by person: only Ada's entries.
    await page.getByLabel('Person').selectOption({ label: 'Ada Agent' });
    await page.waitForURL(/agentId=/);
    await rows.first().waitFor();
    await page.locator('.audit-actor', { hasText: 'Alex Admin' }).first().waitFor({ state: 'detached' });
    await page.locator('.audit-actor', { hasText: 'Ada Agent' }).first().waitFor();
    const actors = await page.locator('.audit-actor').allInnerTexts();
    expect(actors.length).toBeGreaterThan(0);
    expect(actors.every((t) => t === 'Ada Agent')).toBe(true);
  });

  it('Admin → Privacy saves the retention settings, and says why a bad value is refused', async () => {
    await page.getByRole('link', { name: 'Privacy' }).click();
    await page.getByTestId('privacy-page').waitFor();
    const form = page.getByRole('form', { name: 'Data retention' });
    await form.getByLabel('Raw inbound payloads (days)').waitFor();
    expect(await form.getByLabel('Raw inbound payloads (days)').inputValue()).toBe('30');
    expect(await form.getByLabel('Resolved conversations (days)').inputValue()).toBe('');
    await form.getByLabel('Website visitors (days)').fill('0');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByRole('alert').filter({ hasText: /at least 1 day/i }).waitFor();
    expect(await h.testDb.db.retentionSettings.count()).toBe(0);

    await form.getByLabel('Website visitors (days)').fill('90');
    await form.getByLabel('Resolved conversations (days)').fill('365');
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Retention settings saved').waitFor();
    await screenshot(page, 'privacy-retention');
    expect(await h.testDb.db.retentionSettings.findUniqueOrThrow({ where: { workspaceId: h.workspace.workspace.id } })).toMatchObject({ visitorDays: 90, resolvedConversationDays: 365, rawPayloadDays: 30 });
  });
});
