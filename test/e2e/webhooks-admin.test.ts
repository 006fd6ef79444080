// An admin connects an outgoing webhook in the browser: adds an endpoint (the secret is shown
// once), an inbound email's events appear in the delivery log as they reach a local receiver, a
// failed delivery is replayed with the same delivery id, and a test event is sent.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhookSignature } from '../../src/domain/outgoing-webhooks/sign-webhook.ts';
import { launchBrowser, logIn, screenshot, type Browser } from '../support/browser.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { waitUntil } from '../support/wait.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.ts';

describe('webhooks page', () => {
  let h: Harness;
  let browser: Browser;
  let page: Page;
  let rx: WebhookReceiver;

  beforeAll(async () => {
    h = await startHarness({ env: { WEBHOOK_RETRY_DELAYS_MS: '200' } });
    rx = await startWebhookReceiver();
    browser = await launchBrowser();
    page = browser.page;
    await logIn(page, h.apiUrl, h.workspace.agents[0]!.email);
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
    await rx?.close();
  });

  const log = () => page.getByRole('table', { name: 'Delivery log' });

  it('adds an endpoint, shows the secret once, and logs the deliveries of an inbound email', async () => {
    await page.getByRole('link', { name: 'Webhooks' }).click();
    await page.getByText('No endpoints yet.').waitFor();
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const form = page.getByRole('form', { name: 'Add a webhook endpoint' });
    await form.getByLabel('URL *').fill(rx.url('/crm'));
    await form.getByLabel('Description').fill('CRM sync');
    await form.getByRole('checkbox', { name: 'conversation.created' }).check();
    await form.getByRole('button', { name: 'Add endpoint' }).click();
    const secret = (await page.getByTestId('webhook-secret').locator('code').textContent())!;
    expect(secret).toMatch(/^whsec_[0-9a-f]{64}$/);
    // The first message.created goes to a receiver that is down for the moment (410: not retried).
    rx.script('/crm', [410], 'message.created');
    await h.sendCustomerMail({ from: 'Wanda Webhook <wanda@example.com>', subject: 'Where is my order?', text: 'Order 1234 has not arrived.' });
    await log().getByRole('row').filter({ hasText: 'conversation.created' }).filter({ hasText: 'Succeeded' }).waitFor();
    await log().getByRole('row').filter({ hasText: 'message.created' }).filter({ hasText: 'Failed' }).waitFor();
    await screenshot(page, 'webhooks-secret');
    await page.getByRole('button', { name: 'Done' }).click();
    expect(await page.getByTestId('webhook-secret').count()).toBe(0);
    await screenshot(page, 'webhooks-log');
    const received = rx.on('/crm').find((r) => r.headers['parley-event'] === 'conversation.created')!;
    expect(verifyWebhookSignature({ secret, header: received.headers['parley-signature'] as string, body: received.body, now: new Date() })).toMatchObject({ ok: true });
  });

  it('replays the failed delivery under the same delivery id, and sends a test event', async () => {
    const failed = log().getByRole('row').filter({ hasText: 'message.created' });
    const deliveryId = (await failed.getAttribute('data-delivery-id'))!;
    await failed.getByRole('button', { name: 'Replay' }).click();
    await log().locator(`[data-delivery-id="${deliveryId}"][data-status="succeeded"]`).waitFor();
    await expect(log().locator(`[data-delivery-id="${deliveryId}"]`).getByRole('cell').nth(1).textContent()).resolves.toBe('2');
    const sent = rx.on('/crm').filter((r) => r.headers['parley-delivery'] === deliveryId);
    expect(sent).toHaveLength(2);
    expect(sent[1]!.body).toBe(sent[0]!.body);

    await page.getByRole('button', { name: 'Send test event' }).click();
    await log().getByRole('row').filter({ hasText: 'webhook.test' }).filter({ hasText: 'Succeeded' }).waitFor();
    await waitUntil(async () => rx.on('/crm').find((r) => r.headers['parley-event'] === 'webhook.test'), 'the test event');
    await screenshot(page, 'webhooks-replayed');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await log().getByRole('row').filter({ hasText: 'webhook.test' }).waitFor();
    await screenshot(page, 'webhooks-phone');
    await page.setViewportSize({ width: 1440, height: 900 });
  });
});
