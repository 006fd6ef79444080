// The people and records the route matrix calls the API about: workspace W1 with teams T1 (Support)
// and T2 (Billing); agent A1 in T1 owning conversation C1 (team T1, contact K1, an attachment); agent
// A2 in T2 only; a supervisor and an admin; workspace W2 with its own admin; a chat widget visitor;
// and one of each record a route names by id. Built straight in the database.
import { testPasswords } from '../../support/passwords.ts';
import { randomBytes } from 'node:crypto';
import { startSession } from '../../../src/domain/auth/sessions.ts';
import { hashSecretToken, newSecretToken } from '../../../src/domain/auth/secret-token.ts';
import { mergeContactPair } from '../../../src/domain/contacts/merges/merge-contact-pair.ts';
import { createVisitor } from '../../../src/domain/visitors/visitor-sessions.ts';
import { createWorkspace } from '../../../src/seed/create-workspace.ts';
import { PASSWORD, type Harness } from '../../support/harness.ts';

export const CALLERS = ['nobody', 'visitor', 'otherTeamAgent', 'owningAgent', 'supervisor', 'admin', 'otherWorkspaceAdmin'] as const;
export type Caller = (typeof CALLERS)[number];
export type Role = 'agent' | 'supervisor' | 'admin';

export interface MatrixFixtures {
  /** Who each caller is (no agent for nobody and the visitor). */
  agents: Record<Exclude<Caller, 'nobody' | 'visitor'>, { id: string; role: Role }>;
  visitorToken: string;
  /** A new session for the caller, so one cell's logout or password change cannot touch another. */
  credentials(caller: Caller): Promise<string | null>;
  ids: {
    conversation: string;
    contact: string;
    attachment: string;
    person: string;
    team: string;
    queue: string;
    agent: string;
    inboundEvent: string;
    slaPolicy: string;
    calendar: string;
    statusKey: string;
    channel: string;
    channelKind: string;
    cannedResponse: string;
    task: string;
    macro: string;
    webhookEndpoint: string;
    webhookDelivery: string;
    accountLinkToken: string;
    claim: string;
    contactMerge: string;
    claimLinkToken: string;
    csatLinkToken: string;
    message: string;
    ownSession: string;
    article: string;
    reviewStep: string;
    knowledgeCategory: string;
    helpWorkspace: string;
    articleSlug: string;
    lifecycleStage: string;
    attributeDefinition: string;
    organisation: string;
    contactView: string;
  };
  /** A login session of the owning agent, for a cell that ends one. */
  freshOwnSession(): Promise<{ ownSession: string }>;
  /** A pending identity claim of the contact with a live confirmation link, for a cell that confirms one. */
  freshClaim(): Promise<{ claim: string; claimLinkToken: string }>;
  /** A canned response nobody else uses, for a cell that deletes one. */
  freshCannedResponse(): Promise<string>;
  /** A task of the owning agent's on the conversation, for a cell that deletes one. */
  freshTask(): Promise<string>;
  /** A shared macro, for a cell that deletes one. */
  freshMacro(): Promise<string>;
  /** A webhook endpoint nobody else uses, for a cell that deletes one. */
  freshWebhookEndpoint(): Promise<string>;
  /** Customer 360 records nobody else uses, for the cells that delete one. */
  freshLifecycleStage(): Promise<string>;
  freshAttributeDefinition(): Promise<string>;
  freshOrganisation(): Promise<string>;
  /** The owning agent's own (unshared) saved view of the contacts list. */
  freshContactView(): Promise<string>;
}

export async function buildMatrixFixtures(h: Harness): Promise<MatrixFixtures> {
  const db = h.testDb.db;
  const tag = randomBytes(4).toString('hex');
  const w1 = h.workspace.workspace.id;
  const [admin, a1, a2] = h.workspace.agents;
  const t1 = h.workspace.teams.get('Support')!;
  const email = h.workspace.channels[0]!;
  const supervisor = await db.agent.create({ data: { workspaceId: w1, email: `sup-${tag}@acme.test`, name: 'Sue Supervisor', role: 'supervisor', passwordHash: 'unused' } });
  const person = await db.agent.create({ data: { workspaceId: w1, email: `pat-${tag}@acme.test`, name: 'Pat Person', role: 'agent', passwordHash: 'unused' } });
  const w2 = await createWorkspace({ db, passwords: testPasswords }, {
    name: 'Globex',
    slug: `globex-${tag}`,
    agents: [{ email: `admin-${tag}@globex.test`, name: 'Gloria Admin', role: 'admin', password: PASSWORD }],
    channels: [{ kind: 'email', name: 'Globex help', address: `help-${tag}@globex.test`, settings: {} }],
  });

  const contact = await db.contact.create({ data: { workspaceId: w1, name: 'Kim Customer' } });
  const seq = await db.workspace.update({ where: { id: w1 }, data: { conversationSeq: { increment: 1 } } });
  const conversation = await db.conversation.create({ data: { workspaceId: w1, number: seq.conversationSeq, channelId: email.id, contactId: contact.id, teamId: t1, assigneeId: a1!.id } });
  const message = await db.message.create({ data: { workspaceId: w1, conversationId: conversation.id, channelId: email.id, direction: 'in', authorContactId: contact.id, text: 'My invoice is wrong' } });
  // A reply that failed, which the retry route may send again.
  const reply = await db.message.create({ data: { workspaceId: w1, conversationId: conversation.id, channelId: email.id, direction: 'out', authorAgentId: a1!.id, text: 'We are on it', deliveryStatus: 'failed', deliveryError: 'for the route matrix' } });
  const file = await h.rt.deps.store.put(Buffer.from('invoice 42'));
  const attachment = await db.attachment.create({ data: { workspaceId: w1, messageId: message.id, filename: 'invoice.txt', contentType: 'text/plain', size: file.size, sha256: file.sha256, storageKey: file.key } });

  const queue = await db.queue.findFirstOrThrow({ where: { workspaceId: w1 } });
  const inboundEvent = await db.inboundEvent.create({ data: { workspaceId: w1, channelId: email.id, externalId: `matrix-${tag}`, status: 'failed', error: 'for the route matrix' } });
  const calendar = await db.businessCalendar.create({ data: { workspaceId: w1, name: 'Office hours', timeZone: 'UTC', weeklyHours: { mon: [{ start: '09:00', end: '17:00' }] } } });
  const slaPolicy = await db.slaPolicy.create({ data: { workspaceId: w1, name: 'Matrix policy', targets: { normal: { first_response: 3600 } }, calendarId: calendar.id } });
  // A status key only W1 has: W2's admin must not reach it through their own workspace's statuses.
  const status = await db.statusDefinition.create({ data: { workspaceId: w1, key: `w1-${tag}`, label: 'Waiting on legal', category: 'open', position: 99 } });
  const canned = () => db.cannedResponse.create({ data: { workspaceId: w1, shortcut: `m-${randomBytes(4).toString('hex')}`, title: 'Thanks', body: 'Thanks for writing' } });
  const cannedResponse = await canned();
  const newTask = () => db.task.create({ data: { workspaceId: w1, conversationId: conversation.id, contactId: contact.id, title: 'Call back', dueAt: new Date(Date.now() + 86_400_000), assigneeId: a1!.id, createdById: a1!.id } });
  const task = await newTask();
  const newMacro = () => db.macro.create({ data: { workspaceId: w1, name: `Macro ${randomBytes(4).toString('hex')}`, actions: [{ type: 'setPriority', priority: 'high' }] } });
  const macro = await newMacro();
  const knowledgeCategory = await db.knowledgeCategory.create({ data: { workspaceId: w1, name: 'Billing', slug: `billing-${tag}` } });
  const article = await db.knowledgeArticle.create({ data: { workspaceId: w1, categoryId: knowledgeCategory.id, title: 'Refunds', slug: `refunds-${tag}`, body: 'Within 30 days.', language: 'en', state: 'published', authorId: a1!.id } });
  // A discard address: allowed callers' test events and replays fail there without reaching anything.
  const hook = () => db.webhookEndpoint.create({ data: { workspaceId: w1, url: 'http://127.0.0.1:9/matrix', events: ['message.created'], secret: 'whsec_matrix' } });
  const webhookEndpoint = await hook();
  const webhookDelivery = await db.webhookDelivery.create({ data: { workspaceId: w1, endpointId: webhookEndpoint.id, eventId: `ev-${tag}`, eventType: 'message.created', payload: {}, status: 'failed' } });
  const unique = () => randomBytes(4).toString('hex');
  const stage = async () => (await db.lifecycleStage.create({ data: { workspaceId: w1, name: `matrix-${unique()}`, position: 50 } })).id;
  const attribute = async () => (await db.attributeDefinition.create({ data: { workspaceId: w1, key: `m_${unique()}`, label: 'Matrix', type: 'text' } })).id;
  const organisation = async () => (await db.organisation.create({ data: { workspaceId: w1, name: `Matrix ${unique()}` } })).id;
  const contactView = async () => (await db.savedContactView.create({ data: { workspaceId: w1, agentId: a1!.id, name: `Matrix ${unique()}`, filters: {} } })).id;

  // Someone invited but not joined yet, whose link the public account-link routes read.
  const invitee = await db.agent.create({ data: { workspaceId: w1, email: `ivy-${tag}@acme.test`, name: 'Ivy Invitee', role: 'agent', passwordHash: null, active: false, joinedAt: null } });
  const accountLinkToken = newSecretToken();
  await db.agentToken.create({ data: { workspaceId: w1, agentId: invitee.id, purpose: 'invite', tokenHash: hashSecretToken(accountLinkToken), expiresAt: new Date(Date.now() + 86_400_000) } });

  // The contact claimed an address in the chat; its confirmation link is what the public claim routes read.
  const freshClaim = async () => {
    const claimLinkToken = newSecretToken();
    const claim = await db.identityClaim.create({
      data: { workspaceId: w1, contactId: contact.id, field: 'email', value: `kim-${randomBytes(4).toString('hex')}@example.test`, channelKind: 'webchat', reason: 'typed into the chat', tokenHash: hashSecretToken(claimLinkToken), tokenExpiresAt: new Date(Date.now() + 86_400_000) },
    });
    return { claim: claim.id, claimLinkToken };
  };
  const claim = await freshClaim();
  // Another contact merged into K1 (by hand), whose undo the merge-history routes name.
  const twin = await db.contact.create({ data: { workspaceId: w1, name: 'Kim C.' } });
  const merge = await db.$transaction((tx) => mergeContactPair(tx, { workspaceId: w1, survivorId: contact.id, mergedId: twin.id, choices: { fields: { name: 'survivor' } }, fallback: null, actorAgentId: admin!.id, reason: 'merged by hand', now: new Date() }));

  // A satisfaction survey sent by link and not answered yet: what the public survey routes read.
  const csatLinkToken = newSecretToken();
  const sentAt = new Date();
  await db.csatSurvey.create({
    data: { workspaceId: w1, conversationId: conversation.id, contactId: contact.id, channelId: email.id, channelKind: 'email', style: 'link', status: 'sent', tokenHash: hashSecretToken(csatLinkToken), resolvedAt: sentAt, scheduledFor: sentAt, sentAt, expiresAt: new Date(sentAt.getTime() + 86_400_000) },
  });

  const webchat = await db.channel.create({ data: { workspaceId: w1, kind: 'webchat', name: 'Site chat', address: `pk-${tag}`, settings: {} } });
  const visitor = await createVisitor(db, { workspaceId: w1, channelId: webchat.id, now: new Date() });

  const ownSession = async () => {
    const agent = await db.agent.findUniqueOrThrow({ where: { id: a1!.id } });
    const started = await startSession(db, { agent, now: new Date(), ttlHours: 1, client: { ip: null, userAgent: 'route matrix' } });
    const session = await db.session.findUniqueOrThrow({ where: { tokenHash: hashSecretToken(started.token) }, select: { id: true } });
    return { ownSession: session.id };
  };

  const agents: MatrixFixtures['agents'] = {
    otherTeamAgent: { id: a2!.id, role: 'agent' },
    owningAgent: { id: a1!.id, role: 'agent' },
    supervisor: { id: supervisor.id, role: 'supervisor' },
    admin: { id: admin!.id, role: 'admin' },
    otherWorkspaceAdmin: { id: w2.agents[0]!.id, role: 'admin' },
  };

  return {
    agents,
    visitorToken: visitor.token,
    async credentials(caller) {
      if (caller === 'nobody') return null;
      if (caller === 'visitor') return visitor.token;
      const agent = await db.agent.findUniqueOrThrow({ where: { id: agents[caller].id } });
      return (await startSession(db, { agent, now: new Date(), ttlHours: 1, client: { ip: null, userAgent: 'route matrix' } })).token;
    },
    ids: {
      conversation: conversation.id,
      contact: contact.id,
      attachment: attachment.id,
      person: person.id,
      team: t1,
      queue: queue.id,
      agent: a1!.id,
      inboundEvent: inboundEvent.id,
      slaPolicy: slaPolicy.id,
      calendar: calendar.id,
      statusKey: status.key,
      channel: email.id,
      channelKind: 'email',
      cannedResponse: cannedResponse.id,
      task: task.id,
      macro: macro.id,
      webhookEndpoint: webhookEndpoint.id,
      webhookDelivery: webhookDelivery.id,
      accountLinkToken,
      ...claim,
      csatLinkToken,
      contactMerge: merge.mergeId,
      message: reply.id,
      ownSession: (await ownSession()).ownSession,
      article: article.id,
      reviewStep: 'submit',
      knowledgeCategory: knowledgeCategory.id,
      helpWorkspace: (await db.workspace.findUniqueOrThrow({ where: { id: w1 } })).slug,
      articleSlug: article.slug,
      lifecycleStage: await stage(),
      attributeDefinition: await attribute(),
      organisation: await organisation(),
      contactView: await contactView(),
    },
    freshOwnSession: ownSession,
    freshClaim,
    freshCannedResponse: async () => (await canned()).id,
    freshTask: async () => (await newTask()).id,
    freshMacro: async () => (await newMacro()).id,
    freshWebhookEndpoint: async () => (await hook()).id,
    freshLifecycleStage: stage,
    freshAttributeDefinition: attribute,
    freshOrganisation: organisation,
    freshContactView: contactView,
  };
}
