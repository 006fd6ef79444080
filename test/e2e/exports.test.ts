// A supervisor downloads exports in the browser: the Exports page under Supervise, a date range
// (a reversed one is refused before any request), conversations with their messages as CSV and
// contacts as JSON, each file the server streamed; an agent is told exports are not theirs.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, logIn, screenshot, type Browser } from '../support/browser.ts';
import { startHarness, type Harness } from '../support/harness.ts';

describe('exports page', () => {
  let h: Harness;
  let browser: Browser;
  let page: Page;
  const today = new Date().toISOString().slice(0, 10);

  beforeAll(async () => {
    h = await startHarness();
    await h.conversationFor(await h.sendCustomerMail({ from: 'Rita Refund <rita@example.com>', subject: 'Refund, please', text: 'Where is "my" refund?' }));
    browser = await launchBrowser();
    page = browser.page;
    await logIn(page, h.apiUrl, h.workspace.agents[0]!.email);
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  const downloadOf = async (name: string) => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
    return { name: file.suggestedFilename(), text: await readFile((await file.path())!, 'utf8') };
  };

  it('downloads the conversations with their messages as CSV and the contacts as JSON for a date range', async () => {
    await page.getByRole('link', { name: 'Exports' }).click();
    await page.getByTestId('exports-page').waitFor();
    await page.getByLabel('From').fill('2030-01-02');
    await page.getByLabel('To').fill('2030-01-01');
    await expect(page.getByRole('alert').textContent()).resolves.toContain('must not be after');
    await expect(page.getByRole('button', { name: 'Download CSV' }).first().isDisabled()).resolves.toBe(true);
    await screenshot(page, 'exports-bad-range');

    await page.getByLabel('From').fill(today);
    await page.getByLabel('To').fill(today);
    await page.getByLabel('Include messages').check();
    await screenshot(page, 'exports-page');
    const csv = await downloadOf('Download conversations as CSV');
    expect(csv.name).toBe(`parley-${h.workspace.workspace.slug}-conversations-messages-${today}.csv`);
    const lines = csv.text.split('\r\n');
    expect(lines[0]).toMatch(/^id,number,status,.*,message_text,.*message_attachment_count$/);
    expect(lines[1]).toContain(',"Refund, please",');
    expect(lines[1]).toContain('Where is ""my"" refund?');

    const json = await downloadOf('Download contacts as JSON');
    expect(json.name).toBe(`parley-${h.workspace.workspace.slug}-contacts-${today}.json`);
    expect((JSON.parse(json.text) as { name: string; email: string }[]).map((c) => [c.name, c.email])).toEqual([['Rita Refund', 'rita@example.com']]);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByTestId('exports-page').waitFor();
    await screenshot(page, 'exports-phone');
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByLabel('From').fill('2030-01-01');
    await page.getByLabel('To').fill('');
    const none = await downloadOf('Download contacts as CSV');
    expect(none.text.split('\r\n').filter(Boolean)).toHaveLength(1);
    const audited = await h.testDb.db.auditEvent.findMany({ where: { action: { startsWith: 'export.' } }, orderBy: { createdAt: 'asc' } });
    expect(audited.map((a) => a.action)).toEqual(['export.conversations-messages', 'export.contacts', 'export.contacts']);
  });

  it('tells an agent exports are for supervisors and admins', async () => {
    await browser.context.clearCookies();
    await logIn(page, h.apiUrl, h.workspace.agents[1]!.email);
    await expect(page.getByRole('link', { name: 'Exports' }).count()).resolves.toBe(0);
    await page.goto(`${h.apiUrl}/exports`);
    await page.getByText('Only supervisors and admins can export data.').waitFor();
  });
});
