// The knowledge base in a real browser: an agent writes an article and submits it, a supervisor
// approves it, an agent puts it into a reply from the composer's Knowledge picker, and anyone finds
// it on the workspace's public help page and in the chat widget's "Search help" box.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWidgetBuild } from '../../src/cli/widget-build.ts';
import { launchBrowser, logIn, screenshot, type Browser } from '../support/browser.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { waitUntil } from '../support/wait.ts';

describe('knowledge base in the browser', () => {
  let h: Harness;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  const title = 'How to get a refund';
  let slug: string;

  beforeAll(async () => {
    ensureWidgetBuild({ log: (line) => console.log(line) });
    h = await startHarness({ channels: [{ kind: 'webchat', name: 'Website', address: 'acme-kb', settings: { title: 'Acme help' } }] });
    await h.testDb.db.agent.update({ where: { id: h.workspace.agents[2]!.id }, data: { role: 'supervisor' } });
    slug = h.workspace.workspace.slug;
    browser = await launchBrowser();
    page = browser.page;
    page.on('pageerror', (err) => pageErrors.push(err.message));
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  const editor = () => page.getByRole('form', { name: /New article|Edit / });
  const switchTo = async (email: string) => {
    await browser.context.clearCookies();
    await logIn(page, h.apiUrl, email);
  };

  it('lets an agent write an article with a live preview and submit it, but not publish it', async () => {
    await switchTo(h.workspace.agents[1]!.email); // Ada, an agent
    await page.getByRole('link', { name: 'Knowledge' }).click();
    await page.getByRole('button', { name: 'New article' }).click();
    await editor().getByLabel('Title *').fill(title);
    await editor().getByLabel(/^Text \*/).fill('# Refunds\n\nWe refund **every order** within 30 days.\n\n- Open your order\n- Choose *Request a refund*');
    await page.getByTestId('article-preview').locator('h1', { hasText: 'Refunds' }).waitFor();
    await expect(page.getByTestId('article-preview').locator('strong').textContent()).resolves.toBe('every order');
    expect(await editor().getByRole('button', { name: 'Approve and publish' }).count()).toBe(0);
    await editor().getByRole('button', { name: 'Submit for review' }).click();
    await editor().getByText('In review', { exact: true }).waitFor();
    await screenshot(page, 'knowledge-submitted');
    const stored = await waitUntil(() => h.testDb.db.knowledgeArticle.findFirst({ where: { title, state: 'in_review' } }), 'the article in review');
    expect(stored.language).toBe('en');
    // In review, the agent can no longer change it.
    await expect(editor().getByLabel('Title *').isDisabled()).resolves.toBe(true);
  });

  it('lets a supervisor find it in review and approve it', async () => {
    await switchTo(h.workspace.agents[2]!.email); // Bob, a supervisor now
    await page.getByRole('link', { name: 'Knowledge' }).click();
    await page.getByRole('group', { name: 'Filter articles' }).getByLabel('State').selectOption('in_review');
    const row = page.getByRole('table', { name: 'Articles' }).getByRole('row').filter({ hasText: title });
    await row.waitFor();
    await screenshot(page, 'knowledge-list');
    // On a phone the table folds into one card per article.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.emulateMedia({ reducedMotion: 'reduce' }); // the drawer closes without sliding
    await page.reload();
    await row.waitFor();
    await screenshot(page, 'knowledge-list-phone');
    await page.emulateMedia({ reducedMotion: null });
    await page.setViewportSize({ width: 1440, height: 900 });
    await row.getByRole('link', { name: title }).click();
    await editor().getByRole('button', { name: 'Approve and publish' }).click();
    await editor().getByText('Published', { exact: true }).waitFor();
    await editor().getByText(`/help/${slug}/how-to-get-a-refund`).waitFor();
    await screenshot(page, 'knowledge-published');
    expect((await h.testDb.db.knowledgeArticle.findFirstOrThrow({ where: { title } })).state).toBe('published');
  });

  it('puts a link or an excerpt of it into a reply from the composer', async () => {
    const conversationId = await h.conversationFor(await h.sendCustomerMail({ from: 'Rita Refund <rita@example.com>', subject: 'Money back?', text: 'Can I get my money back?' }));
    await page.goto(`${h.apiUrl}/inbox/all/c/${conversationId}`);
    const reply = page.getByRole('textbox', { name: 'Reply' });
    await reply.fill('Hi Rita,');
    await page.getByRole('button', { name: 'Knowledge' }).click();
    await page.getByRole('searchbox', { name: 'Search the knowledge base' }).fill('refunds');
    const link = page.getByRole('button', { name: `Insert a link to ${title}` });
    await link.waitFor();
    await screenshot(page, 'knowledge-composer');
    await link.click();
    const url = `${h.apiUrl}/help/${slug}/how-to-get-a-refund`;
    await expect(reply.inputValue()).resolves.toBe(`Hi Rita,\n${title}: ${url}`);

    await page.getByRole('button', { name: 'Knowledge' }).click();
    await page.getByRole('searchbox', { name: 'Search the knowledge base' }).fill('refund');
    await page.getByRole('button', { name: `Insert an excerpt of ${title}` }).click();
    await expect(reply.inputValue()).resolves.toBe(`Hi Rita,\n${title}: ${url}\nWe refund every order within 30 days. Open your order. Choose Request a refund\n${url}`);
    await reply.fill('');
  });

  it('shows the public help page to anyone, with search, and the article rendered', async () => {
    await browser.context.clearCookies();
    await page.goto(`${h.apiUrl}/help/${slug}`);
    await page.getByRole('heading', { name: `${h.workspace.workspace.name} help center` }).waitFor();
    await page.getByRole('link', { name: title }).waitFor();
    await screenshot(page, 'knowledge-help-page');
    await page.getByRole('searchbox', { name: 'Search help articles' }).fill('refunds');
    const results = page.getByRole('region', { name: 'Search results' });
    await results.getByRole('link', { name: title }).waitFor();
    await screenshot(page, 'knowledge-help-search');
    await page.getByRole('searchbox', { name: 'Search help articles' }).fill('password');
    await results.getByText('Nothing found for “password”').waitFor();
    await page.getByRole('searchbox', { name: 'Search help articles' }).fill('refund');
    await results.getByRole('link', { name: title }).click();
    const article = page.getByRole('article', { name: title });
    await article.getByRole('heading', { name: title }).waitFor();
    await expect(article.locator('.kb-article strong').textContent()).resolves.toBe('every order');
    await screenshot(page, 'knowledge-help-article');
  });

  it('offers matching articles in the chat widget before the visitor writes', async () => {
    await page.goto(`${h.apiUrl}/widget/demo?channel=acme-kb`);
    const widget = page.locator('#parley-chat');
    await widget.getByRole('button', { name: 'Open chat' }).click();
    await widget.getByRole('searchbox', { name: 'Search help' }).fill('refunds');
    const link = widget.getByRole('list', { name: 'Help articles' }).getByRole('link', { name: title });
    await link.waitFor();
    await expect(link.getAttribute('href')).resolves.toBe(`${h.apiUrl}/help/${slug}/how-to-get-a-refund`);
    await screenshot(page, 'knowledge-widget');
    expect(pageErrors).toEqual([]);
  });
});
