// WhatsApp after its 24-hour window, from the agent's browser: free text is refused with the reason,
// and the agent sends an approved template from the reply box instead; Twilio (a local stand-in
// spoken to by the real SDK) receives the Content SID and the filled variables.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/clock.ts';
import { launchBrowser, logIn, screenshot, type Browser } from '../support/browser.ts';
import { sid, startFakeTwilio, twilioWebhookPoster, type FakeTwilio } from '../support/fake-twilio.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { waitUntil } from '../support/wait.ts';

const PUBLIC_URL = 'https://parley.example.test';
const WA_NUMBER = '+14155550199';
const CUSTOMER = '+4915112345678';
const TEMPLATE_SID = `HX${'0f'.repeat(16)}`;

describe('WhatsApp templates in the reply box', () => {
  let h: Harness;
  let fake: FakeTwilio;
  let browser: Browser;
  let page: Page;
  let conversationId = '';
  let offset = 0;
  const clock: Clock = { now: () => new Date(Date.now() + offset) };

  beforeAll(async () => {
    fake = await startFakeTwilio();
    const templates = [
      { name: 'Order update', contentSid: TEMPLATE_SID, body: 'Hi {{1}}, your order {{2}} has shipped.', variables: [{ key: '1', label: 'Customer name' }, { key: '2', label: 'Order number' }] },
    ];
    h = await startHarness({
      env: { PUBLIC_URL, TWILIO_API_BASE: fake.url },
      clock,
      channels: [{ kind: 'whatsapp', name: 'Acme WhatsApp', address: WA_NUMBER, settings: { accountSid: fake.accountSid, authToken: fake.authToken, templates } }],
    });
    const post = twilioWebhookPoster({ apiUrl: h.apiUrl, publicUrl: PUBLIC_URL, authToken: fake.authToken });
    const messageSid = sid('SM');
    const params = { MessageSid: messageSid, AccountSid: fake.accountSid, From: `whatsapp:${CUSTOMER}`, To: `whatsapp:${WA_NUMBER}`, Body: 'Where is my order 7781?', NumMedia: '0', ProfileName: 'Wanda Whats', WaId: CUSTOMER.slice(1) };
    expect((await post('/webhooks/twilio/messages', params)).status).toBe(200);
    conversationId = (await waitUntil(() => h.testDb.db.message.findFirst({ where: { externalId: messageSid } }), 'the WhatsApp message')).conversationId;
    offset = 25 * 3_600_000; // a day and an hour later: outside the window
    browser = await launchBrowser();
    page = browser.page;
    await logIn(page, h.apiUrl, h.workspace.agents[0]!.email);
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
    await fake?.close();
  });

  it('refuses free text outside the window and says to use a template', async () => {
    await page.goto(`${h.apiUrl}/inbox/all/c/${conversationId}`);
    await page.getByTestId('conversation-pane').getByText('Where is my order 7781?').waitFor();
    // A chat has no subject: it is titled by what it is.
    await expect(page.getByTestId('conversation-pane').getByRole('heading', { level: 2 }).textContent()).resolves.toBe('WhatsApp conversation');
    await page.getByRole('textbox', { name: 'Reply' }).fill('Your order shipped.');
    await page.getByRole('button', { name: 'Send reply' }).click();
    await page.getByText(/outside WhatsApp's 24-hour window: only an approved template can be sent now: pick one with Template/).waitFor();
    expect(fake.sent()).toEqual([]);
  });

  it('sends a template with its placeholders filled, shown as the customer will read it', async () => {
    await page.getByRole('button', { name: 'Template' }).click();
    const picker = page.getByRole('group', { name: 'Send a template' });
    const send = picker.getByRole('button', { name: 'Send template' });
    expect(await send.isDisabled()).toBe(true); // placeholders still empty
    await picker.getByLabel('Customer name').fill('Wanda');
    await picker.getByLabel('Order number').fill('7781');
    await expect(page.getByTestId('template-preview').textContent()).resolves.toBe('Hi Wanda, your order 7781 has shipped.');
    await screenshot(page, 'whatsapp-template');
    await send.click();
    await picker.waitFor({ state: 'detached' });

    const request = await waitUntil(async () => fake.sent().find((f) => f.ContentSid === TEMPLATE_SID), 'the template at Twilio');
    expect(request).toMatchObject({ To: `whatsapp:${CUSTOMER}`, From: `whatsapp:${WA_NUMBER}` });
    expect(JSON.parse(request.ContentVariables!)).toEqual({ 1: 'Wanda', 2: '7781' });
    await page.getByTestId('conversation-pane').getByText('Hi Wanda, your order 7781 has shipped.').waitFor();
  });
});
