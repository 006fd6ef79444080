// A supervisor keeps the team's canned responses in the browser: adds one (a bad shortcut gets the
// server's message), an agent's reply box offers it at once, changes it, deletes it.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, logIn, screenshot, type Browser } from '../support/browser.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { waitUntil } from '../support/wait.ts';

describe('canned responses page', () => {
  let h: Harness;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    h = await startHarness();
    browser = await launchBrowser();
    page = browser.page;
    await logIn(page, h.apiUrl, h.workspace.agents[0]!.email); // the admin (a supervisor too)
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  const form = () => page.getByRole('form', { name: /canned response|Change \// });
  const table = () => page.getByRole('table', { name: 'Canned responses' });

  it('adds one, refusing a bad shortcut with the reason, and the reply box offers it at once', async () => {
    await page.getByRole('link', { name: 'Canned responses' }).click();
    await page.getByRole('button', { name: 'Add canned response' }).click();
    await form().getByLabel('Shortcut *').fill('re fund');
    await form().getByLabel('Title *').fill('Refund on its way');
    await form().getByLabel('Text *').fill('Hi {{contact.name}}, your refund is on its way. {{agent.name}}');
    await form().getByRole('button', { name: 'Add' }).click();
    await expect(form().getByRole('alert').textContent()).resolves.toBe('shortcut: use 1-40 letters, digits, - or _');
    await form().getByLabel('Shortcut *').fill('/refund');
    await form().getByRole('button', { name: 'Add' }).click();
    await table().getByRole('row').filter({ hasText: '/refund' }).waitFor();
    await screenshot(page, 'canned-responses');

    const conversationId = await h.conversationFor(await h.sendCustomerMail({ from: 'Rita Refund <rita@example.com>', subject: 'Refund?', text: 'Where is my refund?' }));
    await page.goto(`${h.apiUrl}/inbox/all/c/${conversationId}`);
    await page.getByRole('textbox', { name: 'Reply' }).click();
    await page.keyboard.type('/ref');
    await page.getByRole('option', { name: /\/refund/ }).waitFor();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('textbox', { name: 'Reply' }).inputValue()).resolves.toBe('Hi Rita Refund, your refund is on its way. Alex Admin');
    await page.getByRole('textbox', { name: 'Reply' }).fill('');
  });

  it('changes and deletes it', async () => {
    await page.getByRole('link', { name: 'Canned responses' }).click();
    await table().getByRole('row').filter({ hasText: '/refund' }).getByRole('button', { name: 'Change' }).click();
    await form().getByLabel('Title *').fill('Refund sent');
    await form().getByRole('button', { name: 'Save changes' }).click();
    await table().getByRole('row').filter({ hasText: 'Refund sent' }).waitFor();
    expect((await h.testDb.db.cannedResponse.findFirstOrThrow({ where: { shortcut: 'refund' } })).title).toBe('Refund sent');

    page.once('dialog', (d) => void d.accept());
    await table().getByRole('row').filter({ hasText: '/refund' }).getByRole('button', { name: 'Delete' }).click();
    await page.getByText('None yet.').waitFor();
    await waitUntil(async () => (await h.testDb.db.cannedResponse.count()) === 0, 'the canned response deleted');
  });
});
