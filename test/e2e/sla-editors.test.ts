// An admin sets up SLA in the browser on a fixed server clock (a Monday 12:30 UTC): business hours
// with a split shift (09-12 and 14-18) and an overnight span, and an email policy counting in them.
// A customer email arriving in the lunch gap gets its first-response due time after the second
// shift opens; changing the hours or the target first shows how many open conversations move.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import { launchBrowser, logIn, screenshot, type Browser } from '../support/browser.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { waitUntil } from '../support/wait.ts';

/** Next week's Monday at `hhmm` UTC: ahead of the real time, so the browser keeps the session cookie. */
function nextMonday(hhmm: string): Date {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + 7 + ((8 - d.getUTCDay()) % 7));
  return new Date(`${d.toISOString().slice(0, 10)}T${hhmm}:00.000Z`);
}
const LUNCH = nextMonday('12:30'); // between the shifts
const at = (hhmm: string) => nextMonday(hhmm).toISOString();

describe('the SLA policy and business hours editors in the browser', () => {
  let h: Harness;
  let browser: Browser;
  let page: Page;
  let conversationId = '';
  const clock = fixedClock(LUNCH);

  beforeAll(async () => {
    h = await startHarness({ clock });
    browser = await launchBrowser();
    page = browser.page;
    await logIn(page, h.apiUrl, h.workspace.agents[0]!.email);
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  const calendarForm = () => page.getByRole('form', { name: /Add business hours|Change Split shifts/ });
  const policyForm = () => page.getByRole('form', { name: /Add an SLA policy|Change Email/ });
  /** Toasts from earlier saves would cover the form in a screenshot. */
  const dismissToasts = async () => {
    for (const close of await page.getByRole('button', { name: 'Dismiss' }).all()) await close.click({ timeout: 1000 }).catch(() => undefined); // it may time out by itself meanwhile
  };
  const firstResponseDue = async () => (await h.testDb.db.slaClock.findFirstOrThrow({ where: { conversationId, key: 'first_response' } })).dueAt?.toISOString();

  it('adds business hours with a split shift, an overnight span and a holiday', async () => {
    await page.getByRole('link', { name: 'Business hours' }).click();
    await page.getByRole('button', { name: 'Add business hours' }).click();
    const form = calendarForm();
    await form.getByLabel('Name *').fill('Split shifts');
    await form.getByLabel('Time zone').selectOption('UTC');
    const monday = form.getByRole('group', { name: 'Monday' });
    await monday.getByLabel('Monday closes (1)').fill('12:00');
    await monday.getByRole('button', { name: 'Add hours on Monday' }).click();
    await expect(monday.getByLabel('Monday opens (2)').inputValue()).resolves.toBe('14:00');
    await monday.getByLabel('Monday closes (2)').fill('18:00');
    const friday = form.getByRole('group', { name: 'Friday' });
    await friday.getByLabel('Friday opens (1)').fill('22:00');
    await friday.getByLabel('Friday closes (1)').fill('02:00');
    await friday.getByText('overnight, ends the next day').waitFor();
    await form.getByLabel('Holiday date').fill('2027-12-24');
    await form.getByRole('button', { name: 'Add holiday' }).click();
    await screenshot(page, 'calendar-editor');
    await form.getByRole('button', { name: 'Add business hours', exact: true }).click();
    await page.getByRole('table', { name: 'Business hours' }).getByRole('row').filter({ hasText: 'Split shifts' }).waitFor();
    const stored = await h.testDb.db.businessCalendar.findFirstOrThrow({ where: { name: 'Split shifts' } });
    expect(stored).toMatchObject({ timeZone: 'UTC', holidays: ['2027-12-24'] });
    expect(stored.weeklyHours).toMatchObject({ mon: [{ start: '09:00', end: '12:00' }, { start: '14:00', end: '18:00' }], fri: [{ start: '22:00', end: '02:00' }] });
  });

  it('adds an email policy counting in those hours; an email in the lunch gap is due after the second shift opens', async () => {
    await page.getByRole('link', { name: 'SLA policies' }).click();
    await page.getByRole('button', { name: 'Add policy' }).click();
    const form = policyForm();
    await form.getByLabel('Name *').fill('Email');
    await form.getByRole('group', { name: 'Channel' }).getByLabel('Email').check();
    await form.getByLabel('normal first response', { exact: true }).fill('1');
    await form.getByLabel('normal first response unit').selectOption('h');
    await form.getByLabel('Counts in').selectOption({ label: 'Split shifts (UTC)' });
    await expect(form.getByTestId('impact').textContent()).resolves.toBe('No open conversation gets a new due time.');
    await form.getByRole('button', { name: 'Add policy' }).click();
    await page.getByRole('table', { name: 'SLA policies' }).getByRole('row').filter({ hasText: 'Email' }).filter({ hasText: 'Split shifts' }).waitFor();

    conversationId = await h.conversationFor(await h.sendCustomerMail({ from: 'Lena <lena@example.com>', subject: 'Lunchtime question', text: 'Is the shop open today?' }));
    // 12:30 is closed: the hour starts counting at 14:00.
    await waitUntil(async () => (await firstResponseDue()) === at('15:00'), 'the first response due at 15:00');
  });

  it('shows how many open conversations a change of hours moves, and saving moves them', async () => {
    await page.getByRole('link', { name: 'Business hours' }).click();
    await page.getByRole('table', { name: 'Business hours' }).getByRole('row').filter({ hasText: 'Split shifts' }).getByRole('button', { name: 'Change' }).click();
    const form = calendarForm();
    await form.getByText('1 SLA policy counts in these hours.').waitFor();
    await form.getByRole('group', { name: 'Monday' }).getByLabel('Monday opens (2)').fill('13:00');
    const impact = form.getByTestId('impact');
    await impact.getByText('Saving gives 1 open conversation new due times.').waitFor();
    await expect(impact.locator('li').textContent()).resolves.toMatch(/^#1 first response: .+ → .+$/);
    await dismissToasts();
    await screenshot(page, 'calendar-editor-impact');
    expect(await firstResponseDue()).toBe(at('15:00'));
    await form.getByRole('button', { name: 'Save hours' }).click();
    await form.waitFor({ state: 'detached' });
    expect(await firstResponseDue()).toBe(at('14:00'));
  });

  it('shows the impact of a longer target before saving it', async () => {
    await page.getByRole('link', { name: 'SLA policies' }).click();
    await page.getByRole('table', { name: 'SLA policies' }).getByRole('row').filter({ hasText: 'Email' }).getByRole('button', { name: 'Change' }).click();
    const form = policyForm();
    await form.getByLabel('normal first response', { exact: true }).fill('2');
    await form.getByTestId('impact').getByText('Saving gives 1 open conversation new due times.').waitFor();
    await form.getByTestId('impact').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await dismissToasts();
    await screenshot(page, 'sla-policy-editor');
    await form.getByRole('button', { name: 'Save policy' }).click();
    await form.waitFor({ state: 'detached' });
    expect(await firstResponseDue()).toBe(at('15:00'));
  });

  it('adds a status that pauses the clock, refusing a bad key next to the field', async () => {
    await page.getByRole('link', { name: 'Statuses' }).click();
    await page.getByRole('button', { name: 'Add status' }).click();
    const form = page.getByRole('form', { name: 'Add a status' });
    await form.getByLabel('Key *').fill('Waiting Vendor');
    await form.getByLabel('Label *').fill('Waiting on vendor');
    await form.getByLabel('SLA clocks pause (waiting on the customer)').check();
    await form.getByRole('button', { name: 'Add status' }).click();
    await expect(form.getByRole('alert').first().textContent()).resolves.toBe('lower-case letters, digits, - and _');
    await form.getByLabel('Key *').fill('waiting-vendor');
    await form.getByRole('button', { name: 'Add status' }).click();
    await page.getByRole('table', { name: 'Statuses' }).getByRole('row').filter({ hasText: 'Waiting on vendor' }).filter({ hasText: 'paused' }).waitFor();
    await screenshot(page, 'statuses-editor');
    expect(await h.testDb.db.statusDefinition.findFirstOrThrow({ where: { key: 'waiting-vendor' } })).toMatchObject({ category: 'pending', slaClock: 'pause' });
  });

  it('keeps the business hours form usable on a phone-sized screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${h.apiUrl}/admin/calendars`);
    await page.getByRole('table', { name: 'Business hours' }).getByRole('row').filter({ hasText: 'Split shifts' }).getByRole('button', { name: 'Change' }).click();
    const monday = calendarForm().getByRole('group', { name: 'Monday' });
    await monday.scrollIntoViewIfNeeded();
    const box = await monday.getByLabel('Monday closes (2)').boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await screenshot(page, 'calendar-editor-390');
    await page.setViewportSize({ width: 1440, height: 900 });
  });
});
