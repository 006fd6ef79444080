// Follow-up tasks: created on a conversation or a contact, listed as "My tasks" with overdue
// marked, completed, reopened, edited and deleted by the people they belong to; a due task reminds
// its assignee once over the real socket, however many sweeps run; nothing crosses workspaces.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fireDueTasks } from '../../../src/domain/tasks/fire-due-tasks.ts';
import { createWorkspace } from '../../../src/seed/create-workspace.ts';
import { mustConnect, pause } from '../../support/agent-socket.ts';
import { PASSWORD, startHarness, type Harness } from '../../support/harness.ts';
import { testPasswords } from '../../support/passwords.ts';
import { waitUntil } from '../../support/wait.ts';

describe('tasks API', () => {
  let h: Harness;
  let admin: string;
  let ada: string;
  let bob: string;
  let conv: string;
  let contactId: string;
  const adaId = () => h.workspace.agents[1]!.id;
  const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();
  const aMinuteAgo = () => new Date(Date.now() - 60_000).toISOString();
  const remindersOf = async (taskId: string) => (await h.testDb.db.notification.findMany({ where: { kind: 'task.due', agentId: adaId() } })).filter((n) => (n.data as { taskId?: string }).taskId === taskId).length;

  beforeAll(async () => {
    h = await startHarness();
    admin = await h.login(h.workspace.agents[0]!.email);
    ada = await h.login(h.workspace.agents[1]!.email);
    bob = await h.login(h.workspace.agents[2]!.email);
    conv = await h.conversationFor(await h.sendCustomerMail({ from: 'Una Customer <una@example.com>', subject: 'Refund', text: 'Where is my refund?' }));
    contactId = (await h.testDb.db.conversation.findUniqueOrThrow({ where: { id: conv } })).contactId;
  });
  afterAll(async () => {
    await h?.close();
  });

  it('creates tasks on a conversation and a contact and lists mine, open first by due time, overdue marked', async () => {
    const later = await h.api(ada, 'POST', '/api/tasks', { title: 'Check the refund went out', note: 'Finance said Friday', dueAt: inAnHour(), conversationId: conv });
    expect(later.status).toBe(201);
    expect(later.body).toMatchObject({ title: 'Check the refund went out', note: 'Finance said Friday', done: false, overdue: false, assignee: { id: adaId(), name: 'Ada Agent' }, conversation: { id: conv }, contact: { id: contactId, name: 'Una Customer' } });
    const late = await h.api(admin, 'POST', '/api/tasks', { title: 'Call Una back', dueAt: aMinuteAgo(), contactId, assigneeId: adaId() });
    expect(late.status).toBe(201);
    expect(late.body).toMatchObject({ overdue: true, conversation: null, contact: { id: contactId }, createdBy: { name: 'Alex Admin' } });
    await h.api(admin, 'POST', '/api/tasks', { title: "Admin's own", dueAt: inAnHour(), contactId });

    const mine = await h.api(ada, 'GET', '/api/tasks?mine=true&done=false');
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((t: any) => [t.title, t.overdue])).toEqual([['Call Una back', true], ['Check the refund went out', false]]);
    const onConversation = await h.api(bob, 'GET', `/api/tasks?conversationId=${conv}`);
    expect(onConversation.body.items.map((t: any) => t.title)).toEqual(['Check the refund went out']);
    const onContact = await h.api(ada, 'GET', `/api/tasks?contactId=${contactId}`);
    expect(onContact.body.items).toHaveLength(3);
    // Moved to a team Bob is not in, the conversation's task no longer shows on the customer for him.
    await h.testDb.db.conversation.update({ where: { id: conv }, data: { teamId: h.workspace.teams.get('Support')! } });
    expect((await h.api(bob, 'GET', `/api/tasks?contactId=${contactId}`)).body.items.map((t: any) => t.title).sort()).toEqual(["Admin's own", 'Call Una back']);
    expect((await h.api(bob, 'GET', `/api/tasks?conversationId=${conv}`)).status).toBe(404);
    await h.testDb.db.conversation.update({ where: { id: conv }, data: { teamId: null } });
  });

  it('completes, reopens, edits and deletes; only the assignee, the creator and supervisors may', async () => {
    const t = (await h.api(ada, 'POST', '/api/tasks', { title: 'Send the label', dueAt: inAnHour(), conversationId: conv })).body;
    const bobTries = await h.api(bob, 'PATCH', `/api/tasks/${t.id}`, { done: true });
    expect(bobTries.status).toBe(403);
    expect(bobTries.body.error.code).toBe('forbidden');
    const done = await h.api(ada, 'PATCH', `/api/tasks/${t.id}`, { done: true });
    expect(done.body).toMatchObject({ done: true, overdue: false });
    expect(done.body.doneAt).toEqual(expect.any(String));
    expect((await h.api(ada, 'GET', '/api/tasks?mine=true&done=false')).body.items.map((x: any) => x.id)).not.toContain(t.id);
    expect((await h.api(ada, 'GET', '/api/tasks?mine=true&done=true')).body.items.map((x: any) => x.id)).toContain(t.id);
    const reopened = await h.api(admin, 'PATCH', `/api/tasks/${t.id}`, { done: false, title: 'Send the return label', dueAt: aMinuteAgo() });
    expect(reopened.body).toMatchObject({ done: false, doneAt: null, title: 'Send the return label', overdue: true });
    expect((await h.api(bob, 'DELETE', `/api/tasks/${t.id}`)).status).toBe(403);
    expect((await h.api(ada, 'DELETE', `/api/tasks/${t.id}`)).status).toBe(204);
    expect((await h.api(ada, 'PATCH', `/api/tasks/${t.id}`, { done: true })).status).toBe(404);
    const audit = await h.testDb.db.auditEvent.findMany({ where: { targetId: t.id }, orderBy: { createdAt: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['task.create', 'task.complete', 'task.reopen', 'task.delete']);
  });

  it('refuses bad input with a clear 4xx and keeps nothing of it', async () => {
    const before = await h.testDb.db.task.count();
    const noTarget = await h.api(ada, 'POST', '/api/tasks', { title: 'Floating', dueAt: inAnHour() });
    expect(noTarget.status).toBe(422);
    expect(noTarget.body.error.message).toContain('conversationId or contactId');
    const badDate = await h.api(ada, 'POST', '/api/tasks', { title: 'X', dueAt: 'tomorrow', conversationId: conv });
    expect(badDate.status).toBe(422);
    expect(badDate.body.error.message).toContain('dueAt');
    const nobody = await h.api(ada, 'POST', '/api/tasks', { title: 'X', dueAt: inAnHour(), conversationId: conv, assigneeId: 'no-such-agent' });
    expect(nobody.status).toBe(422);
    expect(nobody.body.error.message).toBe('assigneeId: no agent no-such-agent');
    expect(await h.testDb.db.task.count()).toBe(before);
  });

  it('reminds the assignee once over the socket when a task falls due, however many sweeps run', async () => {
    const socket = await mustConnect(h.apiUrl, { token: ada });
    try {
      const t = (await h.api(admin, 'POST', '/api/tasks', { title: 'Chase the courier', dueAt: aMinuteAgo(), conversationId: conv, assigneeId: adaId() })).body;
      // The workers' own sweep (the status-timers maintenance job) fires it ...
      await h.rt.deps.queues.enqueue('maintenance', { task: 'status-timers' });
      await waitUntil(async () => h.completedJobs.find((j) => j.queue === 'maintenance' && (j.result as { tasksDue?: number })?.tasksDue), 'the sweep to fire the due task');
      const heard = () => socket.events.filter((e) => e.name === 'notification.created' && e.payload.data?.taskId === t.id);
      await waitUntil(async () => heard().length === 1 || null, 'the reminder on the socket');
      expect(heard()[0]!.payload).toMatchObject({ kind: 'task.due', conversationId: conv, data: { title: 'Chase the courier', contactName: 'Una Customer' } });
      // ... and later sweeps, two at once as on two nodes, do not fire it again.
      expect(await Promise.all([fireDueTasks(h.rt.deps), fireDueTasks(h.rt.deps)])).toEqual([0, 0]);
      await pause(300);
      expect(heard()).toHaveLength(1);
      expect(await remindersOf(t.id)).toBe(1);

      // Two sweeps racing for a fresh due task: exactly one of them notifies.
      const u = (await h.api(ada, 'POST', '/api/tasks', { title: 'Second reminder', dueAt: aMinuteAgo(), contactId })).body;
      const [a, b] = await Promise.all([fireDueTasks(h.rt.deps), fireDueTasks(h.rt.deps)]);
      expect(a + b).toBe(1);
      await waitUntil(async () => socket.events.some((e) => e.name === 'notification.created' && e.payload.data?.taskId === u.id) || null, 'the second reminder');
      // Done tasks are not reminded; reopening with a new due time arms it again.
      await h.api(ada, 'PATCH', `/api/tasks/${u.id}`, { done: true });
      await h.api(ada, 'PATCH', `/api/tasks/${u.id}`, { done: false, dueAt: aMinuteAgo() });
      expect(await fireDueTasks(h.rt.deps)).toBe(1);
      expect(await remindersOf(u.id)).toBe(2);
    } finally {
      socket.close();
    }
  });

  it("keeps each workspace's tasks to itself", async () => {
    const tag = randomBytes(4).toString('hex');
    const w2 = await createWorkspace({ db: h.testDb.db, passwords: testPasswords }, {
      name: 'Globex',
      slug: `globex-${tag}`,
      agents: [{ email: `admin-${tag}@globex.test`, name: 'Gloria Admin', role: 'admin', password: PASSWORD }],
      channels: [{ kind: 'email', name: 'Globex help', address: `help-${tag}@globex.test`, settings: {} }],
    });
    const gloria = await h.login(w2.agents[0]!.email);
    const t = (await h.api(ada, 'POST', '/api/tasks', { title: 'Ours', dueAt: inAnHour(), conversationId: conv })).body;
    expect((await h.api(gloria, 'PATCH', `/api/tasks/${t.id}`, { done: true })).status).toBe(404);
    expect((await h.api(gloria, 'DELETE', `/api/tasks/${t.id}`)).status).toBe(404);
    expect((await h.api(gloria, 'GET', `/api/tasks?conversationId=${conv}`)).status).toBe(404);
    expect((await h.api(gloria, 'GET', `/api/tasks?contactId=${contactId}`)).status).toBe(422);
    expect((await h.api(gloria, 'GET', '/api/tasks?mine=true')).body.items).toEqual([]);
    expect((await h.api(gloria, 'POST', '/api/tasks', { title: 'Theirs', dueAt: inAnHour(), conversationId: conv })).status).toBe(404);
    const crossAssign = await h.api(ada, 'POST', '/api/tasks', { title: 'For Gloria', dueAt: inAnHour(), conversationId: conv, assigneeId: w2.agents[0]!.id });
    expect(crossAssign.status).toBe(422);
    expect(crossAssign.body.error.message).toContain('assigneeId');
  });
});
