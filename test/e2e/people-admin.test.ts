// Growing the team in the browser: an admin invites someone from Admin → People (the link is
// shown and emailed), the link opens the accept page, the new agent chooses a password and lands
// in their inbox with their team. The admin then changes them (role, skills) and makes a team with
// a lead; everyone changes their own name on My profile. Pages stay usable at phone width.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, logIn, screenshot, type Browser } from '../support/browser.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { waitUntil } from '../support/wait.ts';

describe('people and teams in the browser', () => {
  let h: Harness;
  let browser: Browser;
  let page: Page;
  let inviteUrl: string;

  beforeAll(async () => {
    h = await startHarness();
    browser = await launchBrowser();
    page = browser.page;
    await logIn(page, h.apiUrl, h.workspace.agents[0]!.email);
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  const people = () => page.getByRole('list', { name: 'People' });
  const person = (name: string) => people().getByRole('listitem', { name });

  it('invites someone from the People page: the link is shown and emailed', async () => {
    await page.getByRole('link', { name: 'People' }).click();
    await person('Ada Agent').waitFor();
    const form = page.getByRole('form', { name: 'Invite someone' });
    await page.getByRole('button', { name: 'Invite someone' }).click();
    await form.getByLabel('Email').fill('dana@acme.test');
    await form.getByLabel('Name').fill('Dana');
    await form.getByLabel('Support').check();
    await form.getByRole('button', { name: 'Send invitation' }).click();

    const notice = page.getByRole('status', { name: 'Invitation link' });
    await notice.waitFor();
    inviteUrl = await notice.getByLabel('Link').inputValue();
    expect(inviteUrl).toMatch(/^http:\/\/localhost:3000\/invite\/[\w-]{40,}$/);
    await notice.getByText('Emailed to dana@acme.test.').waitFor();
    await person('Dana').getByText(/Invited/).waitFor();
    const mail = await h.sink.waitFor((m) => m.envelope.to.includes('dana@acme.test'));
    expect(mail.parsed.text).toContain(inviteUrl);
    await screenshot(page, 'people-invited');
  });

  it('the invite link opens the accept page; the new agent sets a password and lands in the inbox', async () => {
    await browser.context.clearCookies();
    // The link names PUBLIC_URL; the harness listens on an ephemeral port.
    await page.goto(`${h.apiUrl}${new URL(inviteUrl).pathname}`);
    const form = page.getByRole('form', { name: 'Join the workspace' });
    await form.getByRole('heading', { name: 'Join Acme on Parley' }).waitFor();
    await form.getByText('dana@acme.test').waitFor();
    await form.getByLabel('Your name').fill('Dana Scully');
    await form.getByLabel(/^Password/).fill('dana chooses this');
    await form.getByLabel('Repeat it').fill('dana chooses this');
    await screenshot(page, 'invite-accept');
    await form.getByRole('button', { name: 'Join and open the inbox' }).click();

    await page.getByTestId('conversation-list').waitFor({ state: 'attached' });
    expect(new URL(page.url()).pathname).toBe('/inbox/mine');
    await page.getByRole('link', { name: 'My profile (Dana Scully)' }).waitFor();
    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Support' }).waitFor();
    expect(await h.testDb.db.agent.findUniqueOrThrow({ where: { email: 'dana@acme.test' } })).toMatchObject({ active: true, name: 'Dana Scully', role: 'agent' });

    // Used once: the same link now says so.
    await page.goto(`${h.apiUrl}${new URL(inviteUrl).pathname}`);
    await page.getByRole('alert').getByText(/expired or was already used/).waitFor();
  });

  it('changes one’s own name on My profile', async () => {
    await page.goto(`${h.apiUrl}/profile`);
    const form = page.getByRole('form', { name: 'Your name' });
    await form.getByLabel('Name').fill('Dana K. Scully');
    await form.getByRole('button', { name: 'Save name' }).click();
    await page.getByRole('link', { name: 'My profile (Dana K. Scully)' }).waitFor();
    await screenshot(page, 'profile');
  });

  it('an admin changes the new agent’s role and skills, and makes a team with a lead', async () => {
    await browser.context.clearCookies();
    await logIn(page, h.apiUrl, h.workspace.agents[0]!.email);
    await page.getByRole('link', { name: 'People' }).click();
    await person('Dana K. Scully').getByRole('button', { name: 'Change' }).click();
    const form = page.getByRole('form', { name: 'Change Dana K. Scully' });
    await form.getByLabel('Role').selectOption('supervisor');
    await form.getByRole('button', { name: 'Add skill' }).click();
    await form.getByLabel('Skill 1', { exact: true }).fill('billing');
    await form.getByLabel('Level of skill 1').fill('4');
    await form.getByLabel(/^Languages/).fill('en, de');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await person('Dana K. Scully').getByText('billing 4').waitFor();
    const dana = await h.testDb.db.agent.findUniqueOrThrow({ where: { email: 'dana@acme.test' }, include: { skills: { include: { skill: true } } } });
    expect(dana).toMatchObject({ role: 'supervisor', languages: ['en', 'de'] });
    expect(dana.skills.map((s) => [s.skill.name, s.level])).toEqual([['billing', 4]]);

    await page.getByRole('link', { name: 'Teams' }).click();
    await page.getByRole('button', { name: 'Create team' }).click();
    const team = page.getByRole('form', { name: 'Create a team' });
    await team.getByLabel('Team name').fill('Escalations');
    await team.getByLabel(/^Lead/).selectOption({ label: 'Dana K. Scully' });
    await team.getByRole('checkbox', { name: 'Dana K. Scully' }).check();
    await team.getByRole('button', { name: 'Create team' }).click();
    const row = page.getByRole('list', { name: 'Teams' }).getByRole('listitem', { name: 'Escalations' });
    await row.getByText('Lead: Dana K. Scully').waitFor();
    await screenshot(page, 'teams');

    page.once('dialog', (d) => void d.accept());
    await row.getByRole('button', { name: 'Archive' }).click();
    await page.getByRole('list', { name: 'Archived teams' }).getByRole('listitem', { name: 'Escalations' }).waitFor();
    await waitUntil(async () => (await h.testDb.db.team.findFirst({ where: { name: 'Escalations' } }))?.archivedAt, 'the team archived');
  });

  it('keeps People usable at phone width', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    // On a phone the navigation is a drawer behind the menu button.
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('link', { name: 'People' }).click();
    await person('Dana K. Scully').waitFor();
    const box = await person('Dana K. Scully').getByRole('button', { name: 'Deactivate' }).boundingBox();
    expect(box && box.x + box.width).toBeLessThanOrEqual(390);
    await screenshot(page, 'people-390');
    await page.setViewportSize({ width: 1440, height: 900 });
  });
});
