// A supervisor reads the Reports page in the browser: picks a custom date range in the workspace's
// time zone, sees the headline figures (the API's own numbers) with traffic lights, the charts and
// tables, switches to weekly buckets; an admin tightens a threshold and the light turns red.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, logIn, screenshot, type Browser } from '../support/browser.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { buildSpecs, FROM, TO, TZ } from '../support/report-dataset.ts';
import { seedReportFixtures } from '../support/report-fixtures.ts';

describe('reports page', () => {
  let h: Harness;
  let browser: Browser;
  let page: Page;
  let expected: any;

  beforeAll(async () => {
    h = await startHarness();
    await seedReportFixtures(h, buildSpecs());
    const admin = await h.login(h.workspace.agents[0]!.email);
    expected = (await h.api(admin, 'GET', `/api/reports?from=${FROM}&to=${TO}`)).body;
    browser = await launchBrowser();
    page = browser.page;
    // Tall enough for the whole report in one screenshot.
    await page.setViewportSize({ width: 1440, height: 2600 });
    await logIn(page, h.apiUrl, h.workspace.agents[0]!.email);
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  const figure = (label: string) => page.getByLabel(label, { exact: true });

  it('shows the figures of a chosen date range with traffic lights and charts', async () => {
    await page.getByRole('link', { name: 'Reports' }).click();
    await page.getByText(`Time zone: ${TZ}`).waitFor();
    await page.getByRole('radio', { name: 'Custom' }).click();
    await page.getByLabel('From').fill(FROM);
    await page.getByLabel('To', { exact: true }).fill(TO);
    await page.getByRole('button', { name: 'Show' }).click();
    await page.locator(`.report[data-from="${FROM}"][data-to="${TO}"]`).waitFor();
    await expect(page.locator('.report-caption').textContent()).resolves.toContain(`${FROM} to ${TO} (${TZ}); business hours from “Office”`);
    const conversations = page.getByRole('region', { name: /^Conversations/ });
    await expect(conversations.getByRole('heading').textContent()).resolves.toBe(`Conversations (${expected.volume.total})`);
    await expect(conversations.getByRole('img', { name: 'New conversations per day' }).locator('rect').count()).resolves.toBe(11);
    const frt = expected.responseTimes.first_response.businessHours.median as number;
    await expect(figure('First response (median)').locator('.report-figure-value').textContent()).resolves.toBe(frt < 1 ? `${Math.round(frt * 60)} min` : `${frt.toFixed(1)} h`);
    await expect(figure('First response (median)').locator('.tl-badge').getAttribute('data-light')).resolves.toBe(expected.lights.firstResponseMedianHours);
    await expect(figure(`Repeat contacts (7 days)`).locator('.report-figure-hint').textContent()).resolves.toBe(`${expected.repeatContact.returned} of ${expected.repeatContact.resolved} resolved`);
    const agents = page.getByRole('region', { name: 'Agents' });
    await expect(agents.getByRole('row').filter({ hasText: 'Ada Agent' }).textContent()).resolves.toContain('8.0 h');
    await page.getByRole('region', { name: 'SLA attainment' }).getByRole('row', { name: /Standard/ }).first().waitFor();
    await screenshot(page, 'reports-range');
  });

  it('breaks down by tag and buckets by week', async () => {
    await page.getByLabel('Break down by').selectOption('tag');
    await page.getByRole('img', { name: 'New conversations per day by tag' }).waitFor();
    await page.getByLabel('Bucket').selectOption('week');
    await page.getByRole('img', { name: 'New conversations per week', exact: true }).waitFor();
    await expect(page.getByRole('img', { name: 'New conversations per week', exact: true }).locator('rect').count()).resolves.toBe(2);
    await screenshot(page, 'reports-weekly');
  });

  it('lets an admin tighten a threshold, and the light follows', async () => {
    await page.getByRole('button', { name: 'Thresholds' }).click();
    const form = page.getByRole('form', { name: 'Report thresholds' });
    await form.getByLabel('First response, median (business h) green').fill('0');
    await form.getByLabel('First response, median (business h) amber').fill('0');
    await form.getByRole('button', { name: 'Save thresholds' }).click();
    await form.waitFor({ state: 'detached' });
    await expect.poll(() => figure('First response (median)').locator('.tl-badge').getAttribute('data-light')).toBe('red');
    const saved = await h.testDb.db.reportSettings.findUniqueOrThrow({ where: { workspaceId: h.workspace.workspace.id } });
    expect((saved.thresholds as Record<string, unknown>).firstResponseMedianHours).toEqual({ green: 0, amber: 0 });
    await screenshot(page, 'reports-thresholds');
  });

  it('fits a phone: the figures stack and the tables fold into cards', async () => {
    await page.setViewportSize({ width: 390, height: 2400 });
    await page.reload();
    await page.locator('.report').waitFor();
    const width = await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth as number);
    expect(width).toBeLessThanOrEqual(390);
    await screenshot(page, 'reports-phone');
  });
});
