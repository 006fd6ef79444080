// My profile → Sessions in the browser: the sessions I have elsewhere (a laptop, a phone) are
// listed with browser, system and address next to this browser's; "Log out" ends one, "Log out
// everywhere else" the rest, and this browser stays logged in.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, logIn, screenshot, type Browser } from '../support/browser.ts';
import { PASSWORD, startHarness, type Harness } from '../support/harness.ts';

const FIREFOX_MAC = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:128.0) Gecko/20100101 Firefox/128.0';
const SAFARI_IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

describe('own sessions in the browser', () => {
  let h: Harness;
  let browser: Browser;
  let page: Page;
  let laptop: string;
  let phone: string;

  const loginElsewhere = async (userAgent: string, ip: string) => {
    const res = await fetch(`${h.apiUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': userAgent, 'x-forwarded-for': ip },
      body: JSON.stringify({ email: h.workspace.agents[1]!.email, password: PASSWORD }),
    });
    return ((await res.json()) as { token: string }).token;
  };
  const stillIn = async (token: string) => (await h.api(token, 'GET', '/api/me')).status === 200;

  beforeAll(async () => {
    h = await startHarness({ env: { TRUST_PROXY: 'true' } });
    laptop = await loginElsewhere(FIREFOX_MAC, '198.51.100.20');
    phone = await loginElsewhere(SAFARI_IPHONE, '203.0.113.5');
    browser = await launchBrowser();
    page = browser.page;
    await logIn(page, h.apiUrl, h.workspace.agents[1]!.email);
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  const sessions = () => page.getByRole('region', { name: 'Sessions' });

  it('lists this browser first and my other sessions with browser, system and address', async () => {
    await page.goto(`${h.apiUrl}/profile`);
    const list = sessions().getByRole('listitem');
    await sessions().getByRole('listitem', { name: 'Chrome on Linux (this browser)' }).waitFor();
    await sessions().getByRole('listitem', { name: 'Safari on iOS' }).waitFor();
    expect(await list.count()).toBe(3);
    await expect(list.first().getAttribute('aria-label')).resolves.toBe('Chrome on Linux (this browser)');
    const laptopRow = sessions().getByRole('listitem', { name: 'Firefox on macOS' });
    await laptopRow.getByText(/198\.51\.100\.20/).waitFor();
    await laptopRow.getByText(/Active now|Last active/).waitFor();
    // This browser is logged out with the usual button, not from the list.
    expect(await list.first().getByRole('button', { name: 'Log out' }).count()).toBe(0);
    await screenshot(page, 'profile-sessions');
  });

  it('logs out one session from its row', async () => {
    await sessions().getByRole('listitem', { name: 'Firefox on macOS' }).getByRole('button', { name: 'Log out' }).click();
    await page.getByText('Logged out Firefox on macOS').waitFor();
    await sessions().getByRole('listitem', { name: 'Firefox on macOS' }).waitFor({ state: 'detached' });
    expect(await stillIn(laptop)).toBe(false);
    expect(await stillIn(phone)).toBe(true);
  });

  it('logs out everywhere else and stays logged in here', async () => {
    await sessions().getByRole('button', { name: 'Log out everywhere else' }).click();
    await page.getByText('Logged out of 1 other session').waitFor();
    await sessions().getByRole('listitem', { name: 'Safari on iOS' }).waitFor({ state: 'detached' });
    expect(await sessions().getByRole('listitem').count()).toBe(1);
    expect(await sessions().getByRole('button', { name: 'Log out everywhere else' }).isDisabled()).toBe(true);
    expect(await stillIn(phone)).toBe(false);
    await page.reload();
    await sessions().getByRole('listitem', { name: 'Chrome on Linux (this browser)' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/profile');
  });
});
