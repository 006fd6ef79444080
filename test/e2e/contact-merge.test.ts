// An agent merges two contacts in the browser: "Merge with..." from the customer panel, the other
// contact found by name, the conflicting name chosen side by side, a confirmation, the merged
// panel with every conversation; then "Undo merge" gives both contacts back. The supervisors'
// Duplicates page lists a pair with its reason and remembers "not a duplicate". Real Chromium.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, logIn, screenshot, type Browser } from '../support/browser.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { seedMergePair, tableRows, type MergePair } from '../support/merge-fixtures.ts';
import { waitUntil } from '../support/wait.ts';

describe('merging contacts in the browser', () => {
  let h: Harness;
  let browser: Browser;
  let page: Page;
  let pair: MergePair;

  beforeAll(async () => {
    h = await startHarness();
    pair = await seedMergePair(h.testDb.db, h.workspace.workspace.id, { tag: 'web', assigneeId: h.workspace.agents[0]!.id });
    browser = await launchBrowser();
    page = browser.page;
    await logIn(page, h.apiUrl, h.workspace.agents[0]!.email);
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  const panel = () => page.getByTestId('customer-panel');
  const dialog = () => page.getByRole('dialog', { name: 'Merge contacts' });

  it('merges Anna into Ann choosing Anna’s name, shows the merged panel, and undoes the merge exactly', async () => {
    const before = await tableRows(h.testDb.db);
    await page.goto(`${h.apiUrl}/inbox/all/c/${pair.conversationIds[0]}`);
    await panel().getByText('Ann Lee web').waitFor();
    await panel().getByRole('button', { name: 'Merge with…' }).click();
    await dialog().getByLabel('Search contacts').fill('Anna Lee');
    await dialog().getByRole('button', { name: /Anna Lee web/ }).click();
    const chooser = dialog().getByRole('table', { name: 'Choose the values to keep' });
    await chooser.waitFor();
    await expect(dialog().getByRole('button', { name: 'Continue' }).isDisabled()).resolves.toBe(true);
    await chooser.getByLabel('Keep Name Anna Lee web').check();
    await chooser.getByLabel('Keep Email ann.lee.web@example.test').check();
    await chooser.getByLabel('Keep Lifecycle stage customer').check();
    await chooser.getByLabel('Keep Plan free').check();
    await screenshot(page, 'contact-merge-chooser');
    await dialog().getByRole('button', { name: 'Continue' }).click();
    await expect(dialog().getByTestId('merge-confirm').textContent()).resolves.toContain('2 addresses, 2 conversations, 1 claimed address, 3 messages, 1 contact merged earlier move over');
    await screenshot(page, 'contact-merge-confirm');
    await dialog().getByRole('button', { name: 'Merge contacts' }).click();
    await dialog().waitFor({ state: 'detached' });

    await panel().getByRole('button', { name: /Anna Lee web/ }).first().waitFor();
    await panel().getByRole('button', { name: 'Undo merge' }).waitFor();
    // Anna's conversations and messages are in the panel now (her other email's message in the timeline).
    await panel().getByText('Second address').waitFor();
    await expect(panel().getByRole('button', { name: /Other email/ }).count()).resolves.toBe(1);
    const ann = await h.testDb.db.contact.findUniqueOrThrow({ where: { id: pair.annId } });
    expect(ann).toMatchObject({ name: 'Anna Lee web', email: 'ann.lee.web@example.test', lifecycleStage: 'customer', attributes: { plan: 'free', city: 'Lisbon', language: 'pt' } });
    expect(await h.testDb.db.conversation.count({ where: { contactId: pair.annId } })).toBe(4);
    await panel().getByTestId('merge-section').scrollIntoViewIfNeeded();
    await screenshot(page, 'contact-merge-merged-panel');

    page.once('dialog', (d) => void d.accept());
    await panel().getByRole('button', { name: 'Undo merge' }).click();
    await panel().getByText('undone', { exact: false }).waitFor();
    await waitUntil(async () => (await h.testDb.db.contact.findUniqueOrThrow({ where: { id: pair.annaId } })).mergedIntoId === null, 'Anna restored');
    expect(await tableRows(h.testDb.db)).toEqual(before);
    await page.reload();
    await panel().getByRole('button', { name: /Ann Lee web/ }).first().waitFor();
    await expect(panel().getByText('Second address').count()).resolves.toBe(0);
    await expect(panel().getByRole('button', { name: /Other email/ }).count()).resolves.toBe(0);
    await panel().getByTestId('merge-section').scrollIntoViewIfNeeded();
    await screenshot(page, 'contact-merge-undone-panel');
  });

  it('undoes a merge from the audit log', async () => {
    const auditPair = await seedMergePair(h.testDb.db, h.workspace.workspace.id, { tag: 'audit', assigneeId: h.workspace.agents[0]!.id });
    const token = await h.login(h.workspace.agents[0]!.email);
    const merged = await h.api(token, 'POST', `/api/contacts/${auditPair.annId}/merge`, { otherId: auditPair.annaId, choices: { fields: { name: 'survivor', email: 'survivor', lifecycleStage: 'survivor' }, attributes: { plan: 'survivor' } } });
    expect(merged.status).toBe(200);
    await page.goto(`${h.apiUrl}/admin/audit?contactId=${auditPair.annId}`);
    const row = page.getByRole('list', { name: 'Audit entries' }).getByRole('listitem').filter({ hasText: 'merged contacts' });
    page.once('dialog', (d) => void d.accept());
    await row.getByRole('button', { name: 'Undo merge' }).click();
    await row.getByText('undone').waitFor();
    await screenshot(page, 'contact-merge-audit-undo');
    expect(await h.testDb.db.contactMerge.findUniqueOrThrow({ where: { id: merged.body.mergeId } })).toMatchObject({ undoneByAgentId: h.workspace.agents[0]!.id });
    expect(await h.testDb.db.conversation.count({ where: { contactId: auditPair.annaId } })).toBe(2);
  });

  it('fits the side-by-side chooser on a phone', async () => {
    const phonePair = await seedMergePair(h.testDb.db, h.workspace.workspace.id, { tag: 'phone', assigneeId: h.workspace.agents[0]!.id });
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.goto(`${h.apiUrl}/inbox/all/c/${phonePair.conversationIds[0]}/customer`);
      await panel().getByRole('button', { name: 'Merge with…' }).click();
      await dialog().getByLabel('Search contacts').fill('Anna Lee phone');
      await dialog().getByRole('button', { name: /Anna Lee phone/ }).click();
      await dialog().getByRole('table', { name: 'Choose the values to keep' }).waitFor();
      const box = await dialog().boundingBox();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(390);
      await screenshot(page, 'contact-merge-chooser-phone');
      await dialog().getByRole('button', { name: 'Back' }).click();
      await dialog().getByRole('button', { name: 'Cancel' }).click();
      await dialog().waitFor({ state: 'detached' });
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 });
    }
  });

  it('lists a possible duplicate with its reason on the Duplicates page and remembers "not a duplicate"', async () => {
    const ws = h.workspace.workspace.id;
    await h.testDb.db.contact.create({ data: { workspaceId: ws, name: 'Carla Dias', email: 'carla@example.test' } });
    await h.testDb.db.contact.create({ data: { workspaceId: ws, name: 'C. Dias', email: 'Carla@Example.test' } });
    await page.goto(`${h.apiUrl}/inbox/mine`);
    await page.getByRole('link', { name: 'Duplicates' }).click();
    const table = page.getByRole('table', { name: 'Possible duplicates' });
    const row = table.getByRole('row').filter({ hasText: 'Same email carla@example.test' });
    await row.waitFor();
    await screenshot(page, 'contact-merge-duplicates-page');
    await row.getByRole('button', { name: 'Not a duplicate' }).click();
    await row.waitFor({ state: 'detached' });
    await page.reload();
    await page.getByTestId('duplicates-page').waitFor();
    await expect(page.getByText('Same email carla@example.test').count()).resolves.toBe(0);
  });
});
