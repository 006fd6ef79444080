// Customer 360 in the browser: a contact's page (every identity with its verified state, the
// timeline across email, SMS and a call), setting a typed attribute and the company the email
// domain suggests, filtering the contacts list and saving the filters as a view, and an admin
// removing a stage that contacts are in.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, logIn, screenshot, type Browser } from '../support/browser.ts';
import { seedContact } from '../support/contact-fixtures.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { horizontalOverflow, smallTargets } from '../support/layout-checks.ts';
import { waitUntil } from '../support/wait.ts';
import { addCustomerHistory } from './customer-fixtures.ts';

const TWILIO = { accountSid: 'AC00000000000000000000000000000000', authToken: 'unused' };

describe('Customer 360', () => {
  let h: Harness;
  let browser: Browser;
  let page: Page;
  let ginaId: string;
  let globexId: string;

  beforeAll(async () => {
    h = await startHarness({
      env: { TWILIO_API_BASE: 'http://127.0.0.1:9' },
      channels: [
        { kind: 'sms', name: 'Acme SMS', address: '+15550100', settings: TWILIO },
        { kind: 'voice', name: 'Acme Phone', address: '+15550111', settings: TWILIO },
      ],
    });
    const db = h.testDb.db;
    const admin = h.workspace.agents[0]!;
    const token = await h.login(admin.email);
    for (const d of [
      { key: 'plan', label: 'Plan', type: 'choice', options: ['free', 'pro', 'enterprise'] },
      { key: 'seats', label: 'Seats', type: 'number' },
      { key: 'renewal', label: 'Renewal date', type: 'date' },
    ]) {
      expect((await h.api(token, 'POST', '/api/attribute-definitions', d)).status).toBe(201);
    }
    globexId = (await h.api(token, 'POST', '/api/organisations', { name: 'Globex', domains: ['globex.com'] })).body.id;
    const conversationId = await h.conversationFor(await h.sendCustomerMail({ from: 'Gina Globex <gina@globex.com>', subject: 'Kettle for the office', text: 'We would like 40 kettles.' }));
    ginaId = (await db.conversation.findUniqueOrThrow({ where: { id: conversationId } })).contactId;
    const [email, sms, voice] = h.workspace.channels.map((c) => c.id);
    await addCustomerHistory(db, { workspaceId: h.workspace.workspace.id, contactId: ginaId, agentId: admin.id, email: email!, sms: sms!, voice: voice!, now: new Date() });
    await db.contact.update({ where: { id: ginaId }, data: { lifecycleStage: 'evaluation', tags: ['office'] } });
    await seedContact(db, h, { name: 'Paul Purchase', email: 'paul@initech.test', stage: 'purchase', tier: 'gold', tags: ['vip'], attributes: { plan: 'pro' } });
    await seedContact(db, h, { name: 'Petra Purchase', email: 'petra@initech.test', stage: 'purchase' });
    await seedContact(db, h, { name: 'Ivan Interest', email: 'ivan@hooli.test', stage: 'interest', tags: ['vip'] });
    browser = await launchBrowser();
    page = browser.page;
    await logIn(page, h.apiUrl, admin.email);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  const contactRows = () => page.getByRole('table', { name: 'Contacts' }).locator('tbody tr');
  const rowNames = () => contactRows().locator('th').evaluateAll((els) => els.map((e) => e.querySelector('a')?.textContent ?? ''));

  it('opens a contact page with every identity, its verified state and the timeline across channels', async () => {
    await page.getByRole('link', { name: 'Contacts' }).click();
    await contactRows().first().waitFor();
    await page.getByRole('link', { name: 'Gina Globex' }).click();
    await page.getByTestId('contact-page').getByRole('heading', { name: 'Gina Globex' }).waitFor();
    const identities = page.getByRole('list', { name: 'Identities' });
    await identities.locator('li').nth(2).waitFor();
    const kinds = await identities.locator('li').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-channel-kind')}:${e.querySelector('.badge-ok') ? 'verified' : 'unverified'}`));
    // The email came DKIM-signed; the SMS and phone numbers were only seen, never proven.
    expect(kinds).toEqual(['email:verified', 'sms:unverified', 'voice:unverified']);
    await page.getByTestId('contact-timeline').locator('li').nth(5).waitFor();
    const channels = await page.getByTestId('contact-timeline').locator('li').evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-channel-kind')))].sort());
    expect(channels).toEqual(['email', 'sms', 'voice']);
    await expect(page.getByLabel('Lifecycle stage').inputValue()).resolves.toBe('evaluation');
    await screenshot(page, 'customer-360-contact-page');
  });

  it('sets typed attributes and the company its email domain suggests, from the contact page', async () => {
    await page.getByLabel('Attribute Plan').selectOption('enterprise');
    await page.getByLabel('Attribute Seats').fill('40');
    await page.getByLabel('Attribute Seats').press('Enter');
    await waitUntil(async () => {
      const c = await h.testDb.db.contact.findUniqueOrThrow({ where: { id: ginaId } });
      const a = c.attributes as Record<string, unknown>;
      return (a.plan === 'enterprise' && a.seats === 40 && Object.keys(a).length === 2) || null;
    }, 'the attributes to be saved');
    await page.getByRole('button', { name: 'Suggested by email domain: Globex' }).click();
    await waitUntil(async () => (await h.testDb.db.contact.findUniqueOrThrow({ where: { id: ginaId } })).organisationId === globexId || null, 'the company to be set');
    await waitUntil(async () => (await page.getByLabel('Company').inputValue()) === globexId || null, 'the company picker to show Globex');
    await page.getByLabel('Owner').selectOption({ label: 'Ada Agent' });
    await waitUntil(async () => (await h.testDb.db.contact.findUniqueOrThrow({ where: { id: ginaId } })).ownerId === h.workspace.agents[1]!.id || null, 'the owner to be set');
    await screenshot(page, 'customer-360-contact-edited');

    await page.getByRole('link', { name: 'Open', exact: true }).click();
    await page.getByTestId('organisation-page').getByRole('heading', { name: 'Globex' }).waitFor();
    await page.getByRole('region', { name: 'People at this company' }).getByRole('link', { name: 'Gina Globex' }).waitFor();
    await page.getByRole('region', { name: 'Recent conversations' }).locator('li').nth(2).waitFor();
    await screenshot(page, 'customer-360-organisation');
    await page.getByRole('link', { name: 'Filter the contacts list' }).click();
    await waitUntil(async () => ((await rowNames()).join() === 'Gina Globex' ? true : null), 'the company filter');
    await expect(page.getByRole('form', { name: 'Filter contacts' }).getByLabel('Company').inputValue()).resolves.toBe(globexId);

    // Every company, from the navigation: Globex with its one contact.
    const companiesLink = page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Companies' });
    await companiesLink.click();
    const globexRow = page.getByRole('table', { name: 'Companies' }).getByRole('row').filter({ has: page.getByRole('link', { name: 'Globex' }) });
    await globexRow.waitFor();
    await expect(globexRow.getByRole('cell').last().textContent()).resolves.toBe('1');
    await expect(companiesLink.getAttribute('aria-current')).resolves.toBe('page');
  });

  it('filters the contacts list and saves the filters as a shared view', async () => {
    await page.goto(`${h.apiUrl}/contacts`);
    await contactRows().nth(3).waitFor();
    const filters = page.getByRole('form', { name: 'Filter contacts' });
    await filters.getByLabel('Stage', { exact: true }).selectOption('purchase');
    await waitUntil(async () => ((await rowNames()).join() === 'Petra Purchase,Paul Purchase' ? true : null), 'the stage filter');
    await filters.getByLabel('Tag', { exact: true }).fill('vip');
    await waitUntil(async () => ((await rowNames()).join() === 'Paul Purchase' ? true : null), 'the tag filter');
    const save = page.getByRole('form', { name: 'Save these filters as a view' });
    await save.getByLabel('View name').fill('VIP buyers');
    await save.getByLabel('Share with the workspace').check();
    await save.getByRole('button', { name: 'Save view' }).click();
    await page.getByRole('button', { name: 'VIP buyers · shared' }).waitFor();
    const view = await h.testDb.db.savedContactView.findFirstOrThrow({ where: { name: 'VIP buyers' } });
    expect(view).toMatchObject({ shared: true, filters: { stage: 'purchase', tag: 'vip' } });
    await screenshot(page, 'customer-360-contacts-list');

    await page.reload();
    await contactRows().nth(3).waitFor();
    await page.getByRole('button', { name: 'VIP buyers · shared' }).click();
    await waitUntil(async () => ((await rowNames()).join() === 'Paul Purchase' ? true : null), 'the saved view to apply');
    await expect(page.getByRole('form', { name: 'Filter contacts' }).getByLabel('Stage', { exact: true }).inputValue()).resolves.toBe('purchase');
  });

  it('lets an admin remove a stage in use, moving its contacts to another', async () => {
    await page.getByRole('link', { name: 'Lifecycle stages' }).click();
    const purchase = page.locator('[data-stage="purchase"]');
    await purchase.getByRole('button', { name: 'Remove' }).click();
    await purchase.getByRole('group', { name: 'Remove purchase' }).getByLabel('Move its contacts to').selectOption({ label: 'loyalty' });
    await screenshot(page, 'customer-360-stages');
    await purchase.getByRole('button', { name: 'Move and remove' }).click();
    await purchase.waitFor({ state: 'detached' });
    await expect(page.locator('[data-stage="loyalty"]').textContent()).resolves.toContain('2 contacts');
    expect(await h.testDb.db.contact.count({ where: { lifecycleStage: 'loyalty' } })).toBe(2);

    await page.getByLabel('New stage').fill('churned');
    await page.getByRole('button', { name: 'Add stage' }).click();
    await page.locator('[data-stage="churned"]').waitFor();
    await page.getByRole('button', { name: 'Move churned up' }).click();
    const order = () => page.locator('[data-stage]').evaluateAll((els) => els.map((e) => e.getAttribute('data-stage')).join());
    await waitUntil(async () => ((await order()) === 'attraction,interest,evaluation,churned,loyalty' ? true : null), 'churned to move up');
    const stored = await h.testDb.db.lifecycleStage.findMany({ where: { workspaceId: h.workspace.workspace.id }, orderBy: { position: 'asc' } });
    expect(stored.map((s) => s.name)).toEqual(['attraction', 'interest', 'evaluation', 'churned', 'loyalty']);
  });

  it('lists the attribute definitions on their settings page', async () => {
    await page.getByRole('link', { name: 'Contact attributes' }).click();
    const table = page.getByRole('table', { name: 'Contact attributes' });
    await table.getByRole('row').filter({ hasText: 'Renewal date' }).waitFor();
    await page.getByRole('button', { name: 'Add attribute' }).click();
    const form = page.getByRole('form', { name: 'Add an attribute' });
    await form.getByLabel('Key *').fill('Bad Key');
    await form.getByLabel('Label *').fill('Bad');
    await form.getByRole('button', { name: 'Add' }).click();
    await expect(form.getByRole('alert').textContent()).resolves.toContain('key: use 1-50 lower-case letters');
    await form.getByLabel('Key *').fill('region');
    await form.getByLabel('Label *').fill('Region');
    await form.getByLabel('Type').selectOption('choice');
    await form.getByLabel('Options *').fill('EMEA, Americas, APAC');
    await form.getByRole('button', { name: 'Add' }).click();
    await table.getByRole('row').filter({ hasText: 'choice: EMEA, Americas, APAC' }).waitFor();
    await screenshot(page, 'customer-360-attributes');
  });

  it('fits a phone: the contacts list and a contact page neither scroll sideways nor have small controls', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      for (const [path, testId, shot] of [
        ['/contacts', 'contacts-page', 'customer-360-390-contacts'],
        [`/contacts/${ginaId}`, 'contact-page', 'customer-360-390-contact'],
      ] as const) {
        await page.goto(`${h.apiUrl}${path}`);
        await page.getByTestId(testId).locator(testId === 'contacts-page' ? 'tbody tr' : '[data-entry-id]').first().waitFor();
        const o = await horizontalOverflow(page);
        expect(o.outside).toEqual([]);
        expect(o.scrollWidth).toBeLessThanOrEqual(o.innerWidth);
        expect(await smallTargets(page.getByTestId(testId))).toEqual([]);
        await screenshot(page, shot);
      }
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 });
    }
  });
});
