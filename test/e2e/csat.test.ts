// Satisfaction surveys in the browser: an admin turns them on in Admin → Surveys; a resolved
// email conversation sends the survey; the customer opens its link in their own browser (no
// login), picks a rating and comments; the agent who has the conversation open sees the answer
// appear on it, live, and it stays there after a reload.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, logIn, screenshot, type Browser } from '../support/browser.ts';
import { startHarness, type Harness } from '../support/harness.ts';

describe('CSAT survey journey', () => {
  let h: Harness;
  let agentBrowser: Browser;
  let customerBrowser: Browser;
  let page: Page;

  beforeAll(async () => {
    h = await startHarness();
    agentBrowser = await launchBrowser();
    customerBrowser = await launchBrowser();
    page = agentBrowser.page;
    await logIn(page, h.apiUrl, h.workspace.agents[0]!.email);
  });
  afterAll(async () => {
    await customerBrowser?.close();
    await agentBrowser?.close();
    await h?.close();
  });

  it('an admin turns surveys on for email, with their own question', async () => {
    await page.getByRole('link', { name: 'Surveys' }).click();
    const form = page.getByRole('form', { name: 'Satisfaction surveys' });
    await form.getByLabel('Ask customers to rate the conversation once it is resolved').check();
    await form.getByLabel('Question').fill('How happy are you with our help?');
    await form.getByLabel('Delay after resolution (minutes)').fill('0');
    await form.getByLabel(/^Email/).check();
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Survey settings saved').waitFor();
    await screenshot(page, 'csat-settings');
    const saved = await h.testDb.db.csatSettings.findUniqueOrThrow({ where: { workspaceId: h.workspace.workspace.id } });
    expect(saved).toMatchObject({ enabled: true, question: 'How happy are you with our help?', delayMinutes: 0, channelKinds: ['email'] });
  });

  it('the customer answers the survey page without logging in; the agent sees the answer on the conversation live', async () => {
    const conversationId = await h.conversationFor(await h.sendCustomerMail({ from: 'Nora Nice <nora@example.com>', subject: 'Wrong size', text: 'The shoes are a size too small.' }));
    await page.goto(`${h.apiUrl}/inbox/all/c/${conversationId}?status=resolved`);
    await page.getByTestId('conversation-pane').getByText('The shoes are a size too small.').waitFor();
    expect((await h.api(await h.login(h.workspace.agents[0]!.email), 'POST', `/api/conversations/${conversationId}/status`, { status: 'resolved' })).status).toBe(200);
    const mail = await h.sink.waitFor((m) => m.envelope.to.includes('nora@example.com') && (m.parsed.text ?? '').includes('/csat/'));
    const link = new URL(/https?:\/\/\S+\/csat\/\S+/.exec(mail.parsed.text ?? '')![0]);
    // The agent's timeline shows the survey going out.
    await page.getByText('Satisfaction survey sent (a link to the survey page)').waitFor();

    const customer = customerBrowser.page;
    await customer.setViewportSize({ width: 390, height: 844 });
    await customer.goto(`${h.apiUrl}${link.pathname}`);
    const survey = customer.getByRole('form', { name: 'Rate your conversation' });
    await survey.getByRole('heading', { name: 'How happy are you with our help?' }).waitFor();
    await survey.getByRole('button', { name: 'Send my rating' }).click();
    await expect(survey.getByRole('alert').textContent()).resolves.toBe('Choose a rating from 1 to 5');
    await survey.getByLabel('4: Good').check({ force: true });
    await survey.getByLabel(/Anything you would like to add/).fill('Quick exchange, thanks!');
    await screenshot(customer, 'csat-survey-page');
    await survey.getByRole('button', { name: 'Send my rating' }).click();
    await customer.getByRole('heading', { name: 'Thank you!' }).waitFor();
    await screenshot(customer, 'csat-survey-thanks');

    // Live on the agent's open conversation, then after a reload.
    const badge = page.getByTestId('csat-answer');
    await badge.getByRole('img', { name: '4 out of 5' }).waitFor();
    await expect(badge.textContent()).resolves.toContain('Quick exchange, thanks!');
    await screenshot(page, 'csat-conversation');
    await page.reload();
    await page.getByTestId('csat-answer').getByRole('img', { name: '4 out of 5' }).waitFor();

    // The link is spent: opening it again says so.
    await customer.goto(`${h.apiUrl}${link.pathname}`);
    await customer.getByRole('heading', { name: 'Survey closed' }).waitFor();
    await expect(customer.getByText('This survey has expired or was already answered').count()).resolves.toBe(1);
  });

  it('Admin → Surveys lists the answer', async () => {
    await page.getByRole('link', { name: 'Surveys' }).click();
    const answers = page.getByRole('region', { name: 'Latest answers' });
    await answers.getByRole('row').filter({ hasText: 'Quick exchange, thanks!' }).waitFor();
    await screenshot(page, 'csat-settings-answers');
  });
});
