// An admin sets up channels in the browser: adds a website chat and an SMS number through the form
// (a bad address gets the server's message naming it), changes one keeping its stored secret, and
// turns one off; agents' filters follow.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, logIn, screenshot, type Browser } from '../support/browser.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { waitUntil } from '../support/wait.ts';

describe('channel administration in the browser', () => {
  let h: Harness;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    h = await startHarness();
    browser = await launchBrowser();
    page = browser.page;
    await logIn(page, h.apiUrl, h.workspace.agents[0]!.email); // the admin
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  const form = () => page.getByRole('form', { name: /Add a channel|Change/ });
  const row = (name: string) => page.getByRole('table', { name: 'Channels' }).getByRole('row').filter({ hasText: name });

  it('adds a website chat from the form', async () => {
    await page.getByRole('link', { name: 'Channels' }).click();
    await page.getByTestId('channels-page').getByRole('heading', { name: 'Channels' }).waitFor();
    await page.getByRole('button', { name: 'Add channel' }).click();
    await form().getByLabel('Kind').selectOption('webchat');
    await form().getByLabel('Name *').fill('Shop chat');
    await form().getByLabel('Address *').fill('Shop Site');
    await form().getByLabel('Widget title').fill('Ask the shop');
    await form().getByLabel('Topics to choose from (one per line)').fill('orders\nreturns');
    await form().getByRole('button', { name: 'Add channel' }).click();
    await expect(form().getByRole('alert').textContent()).resolves.toBe('address: for a webchat channel it is the widget key: 3-64 lower-case letters, digits and dashes, e.g. acme-website');
    await form().getByLabel('Address *').fill('shop-site');
    await form().getByRole('button', { name: 'Add channel' }).click();
    await row('Shop chat').waitFor();
    const stored = await h.testDb.db.channel.findFirstOrThrow({ where: { address: 'shop-site' } });
    expect(stored).toMatchObject({ kind: 'webchat', name: 'Shop chat', settings: { title: 'Ask the shop', prechat: { topics: ['orders', 'returns'] } } });
  });

  it('adds an SMS number and changes it later without retyping the auth token', async () => {
    await page.getByRole('button', { name: 'Add channel' }).click();
    await form().getByLabel('Kind').selectOption('sms');
    await form().getByLabel('Name *').fill('US SMS');
    await form().getByLabel('Address *').fill('+1 415 555 0101');
    await form().getByLabel('Account SID *').fill(`AC${'c3'.repeat(16)}`);
    await form().getByLabel('Auth token *').fill('very-secret-token');
    await form().getByRole('button', { name: 'Add channel' }).click();
    await row('US SMS').waitFor();
    await expect(row('US SMS').textContent()).resolves.toContain('+14155550101');

    await row('US SMS').getByRole('button', { name: 'Change' }).click();
    await expect(form().getByLabel('Auth token *').inputValue()).resolves.toBe('••••••••');
    // The URL to configure in Twilio for this number.
    const sms = await h.testDb.db.channel.findFirstOrThrow({ where: { address: '+14155550101' } });
    await expect(form().getByLabel('Webhook URL').inputValue()).resolves.toBe(`${h.rt.config.PUBLIC_URL}/webhooks/sms/${sms.id}`);
    await form().getByLabel('Name *').fill('US texts');
    await screenshot(page, 'channels-admin');
    await form().getByRole('button', { name: 'Save changes' }).click();
    await row('US texts').waitFor();
    const stored = await h.testDb.db.channel.findFirstOrThrow({ where: { address: '+14155550101' } });
    expect(stored.settings).toEqual({ accountSid: `AC${'c3'.repeat(16)}`, authToken: 'very-secret-token' });
  });

  it('turns a channel off and on', async () => {
    await row('Shop chat').getByRole('button', { name: 'Turn off' }).click();
    await row('Shop chat').getByRole('button', { name: 'Turn on' }).waitFor();
    await waitUntil(async () => (await h.testDb.db.channel.findFirstOrThrow({ where: { address: 'shop-site' } })).active === false, 'the channel off');
    await row('Shop chat').getByRole('button', { name: 'Turn on' }).click();
    await row('Shop chat').getByRole('button', { name: 'Turn off' }).waitFor();
    expect((await h.testDb.db.channel.findFirstOrThrow({ where: { address: 'shop-site' } })).active).toBe(true);
  });
});
