// The API reference in the browser: an admin opens it from the app, finds an operation generated
// from the route table, and "Try it out" answers with the workspace's own data through the
// browser's session (the page is Parley's, so the session cookie and origin rules hold as for the app).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, logIn, screenshot, type Browser } from '../support/browser.ts';
import { startHarness, type Harness } from '../support/harness.ts';

describe('the API reference page', () => {
  let h: Harness;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    h = await startHarness();
    browser = await launchBrowser();
    page = browser.page;
    await logIn(page, h.apiUrl, h.workspace.agents[0]!.email);
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it('opens from the admin navigation and lists the API by resource', async () => {
    const [reference] = await Promise.all([browser.context.waitForEvent('page'), page.getByRole('link', { name: 'API reference' }).click()]);
    await reference.waitForLoadState();
    expect(new URL(reference.url()).pathname).toBe('/api-reference');
    page = reference;
    await page.getByRole('heading', { name: /Parley API/ }).waitFor();
    // Every resource is listed (folded); the last ones alphabetically too.
    for (const tag of ['conversations', 'contacts', 'reports', 'teams', 'sla', 'webhook-endpoints']) await page.locator(`#operations-tag-${tag}`).waitFor();
    await screenshot(page, 'api-reference');
  });

  it("answers Try it out with the caller's own workspace", async () => {
    await page.locator('#operations-tag-teams').click();
    const operation = page.locator('#operations-teams-getApiTeams');
    await operation.locator('.opblock-summary').click();
    await operation.getByText('Who may call it:').waitFor();
    await operation.getByRole('button', { name: 'Try it out' }).click();
    await operation.getByRole('button', { name: 'Execute' }).click();
    const body = operation.locator('.live-responses-table .response-col_description pre').first();
    await body.waitFor();
    const text = await body.innerText();
    expect(text).toContain('Support');
    expect(text).toContain('Billing');
    await expect(operation.locator('.live-responses-table tbody .response-col_status').first().innerText()).resolves.toContain('200');
    await body.scrollIntoViewIfNeeded();
    await screenshot(page, 'api-reference-try-it-out');
  });
});
