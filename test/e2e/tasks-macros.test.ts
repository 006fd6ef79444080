// Follow-up tasks and macros in the browser: a task added from a conversation shows in My tasks
// (overdue marked) and is marked done there; a supervisor adds a macro in settings and applies it
// to a conversation in one click (reply, tag, priority, status); a snooze's reason comes back with it.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runStatusTimers } from '../../src/domain/conversations/run-status-timers.ts';
import { launchBrowser, logIn, row, screenshot, type Browser } from '../support/browser.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { waitUntil } from '../support/wait.ts';

/** `datetime-local` wants local time without a zone (the browser runs in this machine's zone). */
const localInput = (d: Date) => {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

describe('tasks and macros', () => {
  let h: Harness;
  let browser: Browser;
  let page: Page;
  let conversationId: string;

  beforeAll(async () => {
    h = await startHarness();
    browser = await launchBrowser();
    page = browser.page;
    await logIn(page, h.apiUrl, h.workspace.agents[0]!.email); // the admin (a supervisor and an agent too)
    conversationId = await h.conversationFor(await h.sendCustomerMail({ from: 'Rita Refund <rita@example.com>', subject: 'Refund?', text: 'Where is my refund?' }));
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it('adds a task from the conversation, shows it overdue in My tasks and marks it done', async () => {
    await page.goto(`${h.apiUrl}/inbox/all/c/${conversationId}`);
    const pane = page.getByTestId('conversation-pane');
    await pane.getByRole('button', { name: 'Tasks' }).click();
    await pane.getByRole('button', { name: 'Add task' }).click();
    const form = pane.getByRole('form', { name: 'Add a task' });
    await form.getByLabel('Task').fill('Call Rita back');
    await form.getByLabel('Due').fill(localInput(new Date(Date.now() - 3_600_000)));
    await form.getByLabel('Note').fill('She prefers mornings');
    await form.getByRole('button', { name: 'Add task' }).click();
    const inMenu = page.getByRole('list', { name: 'Conversation tasks' });
    await inMenu.getByText('Call Rita back').waitFor();
    await expect(inMenu.getByText('Overdue').count()).resolves.toBe(1);
    // The customer panel lists the contact's tasks, this one too.
    await page.getByTestId('customer-tasks').getByText('Call Rita back').waitFor();
    await screenshot(page, 'tasks-conversation-menu');
    const task = await h.testDb.db.task.findFirstOrThrow({ where: { title: 'Call Rita back' } });
    expect(task).toMatchObject({ conversationId, assigneeId: h.workspace.agents[0]!.id, note: 'She prefers mornings', doneAt: null });

    await page.keyboard.press('Escape');
    await page.getByRole('link', { name: 'My tasks' }).click();
    const mine = page.getByRole('list', { name: 'Tasks to do' });
    await mine.getByText('Call Rita back').waitFor();
    await page.getByText('1 overdue').waitFor();
    await expect(mine.locator('.task-overdue').count()).resolves.toBe(1);
    await screenshot(page, 'tasks-my-tasks');

    await mine.getByRole('button', { name: 'Change “Call Rita back”' }).click();
    await mine.getByRole('form', { name: 'Change “Call Rita back”' }).getByLabel('Task').fill('Call Rita about the refund');
    await mine.getByRole('button', { name: 'Save task' }).click();
    await mine.getByText('Call Rita about the refund').waitFor();
    expect((await h.testDb.db.task.findUniqueOrThrow({ where: { id: task.id } })).title).toBe('Call Rita about the refund');

    await mine.getByRole('checkbox', { name: 'Mark “Call Rita about the refund” done' }).click();
    await waitUntil(async () => (await h.testDb.db.task.findUniqueOrThrow({ where: { id: task.id } })).doneAt !== null || null, 'the task marked done');
    await mine.getByRole('checkbox', { name: 'Reopen “Call Rita about the refund”' }).waitFor();
    await page.getByRole('tab', { name: 'Done' }).click();
    await page.getByRole('list', { name: 'Done tasks' }).getByText('Call Rita about the refund').waitFor();
    await screenshot(page, 'tasks-done');
    // Its conversation opens beside the list.
    await page.getByRole('button', { name: /#\d+ Refund\?/ }).click();
    await page.getByTestId('conversation-pane').waitFor();
  });

  it('adds a macro in settings and applies it to the conversation in one click', async () => {
    await page.getByRole('link', { name: 'Macros' }).click();
    await page.getByRole('button', { name: 'Add macro' }).click();
    const form = page.getByRole('form', { name: 'Add a macro' });
    await form.getByLabel('Name *').fill('Refund sent');
    await form.getByLabel('Action 1 reply text').fill('Hi {{contact.name}}, your refund is on its way. {{agent.name}}');
    await form.getByRole('button', { name: 'Add action' }).click();
    await form.getByLabel('Action 2', { exact: true }).selectOption('addTags');
    await form.getByLabel('Action 2 tags').fill('refund, billing');
    await form.getByRole('button', { name: 'Add action' }).click();
    await form.getByLabel('Action 3', { exact: true }).selectOption('setPriority');
    await form.getByLabel('Action 3 priority').selectOption('urgent');
    await form.getByRole('button', { name: 'Add action' }).click();
    await form.getByLabel('Action 4', { exact: true }).selectOption('setStatus');
    await form.getByLabel('Action 4 status').selectOption('pending');
    // A typo in a placeholder is refused with the server's reason.
    await form.getByLabel('Action 1 reply text').fill('Hi {{contact.nmae}}');
    await form.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(form.getByRole('alert').textContent()).resolves.toContain('unknown placeholder {{contact.nmae}}');
    await form.getByLabel('Action 1 reply text').fill('Hi {{contact.name}}, your refund is on its way. {{agent.name}}');
    await screenshot(page, 'macros-form');
    await form.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('table', { name: 'Macros' }).getByRole('row').filter({ hasText: 'Refund sent' }).waitFor();
    await screenshot(page, 'macros-settings');

    await page.goto(`${h.apiUrl}/inbox/all/c/${conversationId}`);
    await page.getByTestId('conversation-pane').getByRole('button', { name: 'Macros' }).click();
    await page.getByRole('menuitem', { name: /Refund sent/ }).click();
    await page.getByText('Refund sent: 4 of 4 actions applied').waitFor();
    await page.getByTestId('conversation-pane').getByText(/applied the macro Refund sent/).waitFor();
    const c = await h.testDb.db.conversation.findUniqueOrThrow({ where: { id: conversationId } });
    expect(c).toMatchObject({ tags: ['refund', 'billing'], priority: 'urgent', statusKey: 'pending' });
    const mail = await h.sink.waitFor((m) => (m.parsed.text ?? '').includes('your refund is on its way'));
    expect(mail.parsed.text).toContain('Hi Rita Refund, your refund is on its way. Alex Admin');
    await screenshot(page, 'macros-applied');
  });

  it("snoozes with a reason from the conversation and shows 'Back from snooze' when it wakes", async () => {
    const id = await h.conversationFor(await h.sendCustomerMail({ from: 'Sam Snooze <sam@example.com>', subject: 'Courier lost it', text: 'Any news?' }));
    await page.goto(`${h.apiUrl}/inbox/all/c/${id}`);
    const pane = page.getByTestId('conversation-pane');
    await pane.getByRole('button', { name: 'Snooze', exact: true }).click();
    await page.getByLabel('Snooze reason').fill('Courier calls back Monday');
    await page.getByRole('menuitem', { name: /In 1 hour/ }).click();
    await waitUntil(async () => (await h.testDb.db.conversation.findUniqueOrThrow({ where: { id } })).snoozeReason === 'Courier calls back Monday' || null, 'the snooze with its reason');
    await pane.getByText('snoozed the conversation until').waitFor();
    await expect(pane.getByText(/: Courier calls back Monday$/).count()).resolves.toBe(1);

    // An hour later (the snooze's time moved into the past), the status timers wake it.
    await h.testDb.db.conversation.update({ where: { id }, data: { snoozedUntil: new Date(Date.now() - 1000) } });
    expect(await runStatusTimers(h.rt.deps)).toBeGreaterThanOrEqual(1);
    await page.goto(`${h.apiUrl}/inbox/all?status=open`);
    await row(page, 'Courier lost it').getByTestId('snooze-reason').getByText('Back from snooze: Courier calls back Monday').waitFor();
    await row(page, 'Courier lost it').click();
    await page.getByTestId('conversation-pane').getByText('Back from snooze: Courier calls back Monday').waitFor();
    await screenshot(page, 'tasks-back-from-snooze');
  });
});
