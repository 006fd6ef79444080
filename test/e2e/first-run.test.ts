// A new install in the browser: on an empty database the web app shows the first-run screen,
// which makes the workspace and its admin and opens the inbox; after that it is gone for good
// (the login page shows instead, also at /setup).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, type Browser } from '../support/browser.ts';
import { startEmptyHarness, type EmptyHarness } from '../support/harness.ts';

describe('first-run screen', () => {
  let h: EmptyHarness;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    h = await startEmptyHarness({ env: { SEED_DEMO: 'false' } });
    browser = await launchBrowser();
    page = browser.page;
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  const form = () => page.getByRole('form', { name: 'Set up Parley' });

  it('creates the workspace and its admin once, then opens the inbox', async () => {
    await page.goto(`${h.apiUrl}/`);
    await form().waitFor();
    expect(new URL(page.url()).pathname).toBe('/setup');
    await form().getByLabel('Workspace name').fill('Northwind Support');
    await form().getByLabel('Your name').fill('Nora North');
    await form().getByLabel('Email').fill('nora@northwind.test');
    await form().getByLabel(/^Password/).fill('nora first password');
    await form().getByLabel('Repeat it').fill('nora first typo');
    await form().getByRole('button', { name: 'Create workspace and log in' }).click();
    await expect(form().getByRole('alert').textContent()).resolves.toBe('The two passwords differ');
    await form().getByLabel('Repeat it').fill('nora first password');
    await screenshot(page, 'first-run');
    await form().getByRole('button', { name: 'Create workspace and log in' }).click();

    await page.getByTestId('conversation-list').waitFor({ state: 'attached' });
    expect(new URL(page.url()).pathname).toBe('/inbox/mine');
    await page.getByRole('link', { name: /My profile \(Nora North\)/ }).waitFor();
    await page.getByRole('link', { name: 'People' }).waitFor();
    const nora = await h.testDb.db.agent.findUniqueOrThrow({ where: { email: 'nora@northwind.test' }, include: { workspace: true } });
    expect(nora).toMatchObject({ role: 'admin', active: true, workspace: { name: 'Northwind Support', slug: 'northwind-support' } });
    await screenshot(page, 'first-run-inbox');
  });

  it('is never offered again: a new visitor gets the login page, also at /setup', async () => {
    await browser.context.clearCookies();
    const fresh = await browser.context.newPage();
    await fresh.goto(`${h.apiUrl}/setup`);
    await fresh.getByRole('button', { name: 'Log in' }).waitFor();
    expect(new URL(fresh.url()).pathname).toBe('/login');
    expect(await fresh.getByRole('form', { name: 'Set up Parley' }).count()).toBe(0);
    await fresh.close();
    expect(await h.testDb.db.workspace.count()).toBe(1);
  });
});
