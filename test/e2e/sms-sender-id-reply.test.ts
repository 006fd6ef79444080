// An SMS from an alphanumeric sender ID, from the agent's browser: the reply box says why no SMS can
// reach the sender instead of taking text, and a private note can still be added.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, logIn, screenshot, type Browser } from '../support/browser.ts';
import { sid } from '../support/fake-twilio.ts';
import type { Harness } from '../support/harness.ts';
import { startTwilioHarness, type TwilioHarness } from '../support/twilio-harness.ts';
import { waitUntil } from '../support/wait.ts';

const SMS_NUMBER = '+14155550100';

describe('the reply box for a sender that cannot be answered', () => {
  let t: TwilioHarness;
  let h: Harness;
  let browser: Browser;
  let page: Page;
  let conversationId = '';

  beforeAll(async () => {
    t = await startTwilioHarness({ channels: (settings) => [{ kind: 'sms', name: 'Acme SMS', address: SMS_NUMBER, settings }] });
    const { post, fake } = t;
    h = t.h;
    const messageSid = sid('SM');
    const params = { MessageSid: messageSid, AccountSid: fake.accountSid, From: 'Acme Bank', To: SMS_NUMBER, Body: 'Acme Bank: your card was used for GBP 12.50.', NumMedia: '0', SmsStatus: 'received' };
    expect((await post('/webhooks/twilio/messages', params)).status).toBe(200);
    conversationId = (await waitUntil(() => h.testDb.db.message.findFirst({ where: { externalId: messageSid } }), 'the SMS')).conversationId;
    browser = await launchBrowser();
    page = browser.page;
    await logIn(page, h.apiUrl, h.workspace.agents[0]!.email);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows the reason in place of a reply, and still takes a note', async () => {
    await page.goto(`${h.apiUrl}/inbox/all/c/${conversationId}`);
    await page.getByTestId('conversation-pane').getByText('Acme Bank: your card was used for GBP 12.50.').waitFor();
    await expect(page.getByTestId('reply-refusal').textContent()).resolves.toMatch(/^Acme Bank is an alphanumeric sender ID: it can send SMS messages but cannot receive them/);
    expect(await page.getByRole('textbox', { name: 'Reply' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Send reply' }).isDisabled()).toBe(true);
    await screenshot(page, 'sms-sender-id-reply');
    await page.getByRole('tab', { name: /Note/ }).click();
    await page.getByRole('textbox', { name: 'Note' }).fill('Automated bank notice, nothing to answer.');
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.getByTestId('conversation-pane').getByText('Automated bank notice, nothing to answer.').waitFor();
    expect(t.fake.sent()).toEqual([]);
  });
});
