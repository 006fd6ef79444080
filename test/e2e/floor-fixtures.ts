// A realistic support floor for the supervisor board's journeys and screenshots, written straight to
// the database like test/support/routing-fixtures.ts: named agents with skills, presence and
// capacity, their open work, and the day's earlier conversations (answered and resolved) across
// channels. Deterministic: the same seed gives the same day.
import type { Db, Presence } from '../../src/db/client.ts';

const CUSTOMERS = ['Maria Lopez', 'Tom Becker', 'Aiko Tanaka', 'Lucas Martin', 'Fatima Zahra', 'Noah Schmidt', 'Olivia Brown', 'Ravi Kumar', 'Sofia Rossi', 'Jonas Weber', 'Emma Dubois', 'Kwame Mensah'];
const SUBJECTS: [string, string][] = [
  ['Where is my order?', 'I ordered a week ago and the tracking page has not changed since Monday.'],
  ['Wrong size delivered', 'I ordered the shirt in M but received an L. Can you send the right one?'],
  ['Cannot log in', 'The password reset email never arrives, so I cannot get into my account.'],
  ['Invoice needs our VAT number', 'Please reissue invoice 2291 with our VAT number on it.'],
  ['Change delivery address', 'We are moving on Friday; please deliver to our new office instead.'],
  ['Cancel my subscription', 'Please cancel my subscription at the end of this month.'],
  ['Package arrived damaged', 'The box was crushed and the lamp inside is broken. Photos attached.'],
];

/** A small deterministic generator (LCG), so screenshots show the same day every run. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export async function addAgent(db: Db, input: { workspaceId: string; name: string; presence: Presence; capacity: number; skills?: Record<string, number> }) {
  const skills = [];
  for (const [name, level] of Object.entries(input.skills ?? {})) {
    const s = await db.skill.upsert({ where: { workspaceId_name: { workspaceId: input.workspaceId, name } }, create: { workspaceId: input.workspaceId, name }, update: {} });
    skills.push({ skillId: s.id, level });
  }
  const slug = input.name.toLowerCase().replace(/[^a-z]+/g, '.');
  return db.agent.create({
    data: {
      workspaceId: input.workspaceId,
      email: `${slug}.${input.workspaceId.slice(-6)}@floor.test`,
      name: input.name,
      passwordHash: 'scrypt$1$1$1$x$y',
      presence: input.presence,
      capacity: input.capacity,
      skills: { create: skills },
    },
  });
}

async function newContact(db: Db, input: { workspaceId: string; customer: string; createdAt: Date }) {
  const contact = await db.contact.create({ data: { workspaceId: input.workspaceId, name: input.customer, createdAt: input.createdAt } });
  const ws = await db.workspace.update({ where: { id: input.workspaceId }, data: { conversationSeq: { increment: 1 } } });
  return { contact, number: ws.conversationSeq };
}

/** Open conversations assigned to an agent (their current load), with the customer's first message. */
export async function addOpenWork(db: Db, input: { workspaceId: string; agentId: string; channelId: string; count: number; now: Date; seed: number }) {
  const rnd = random(input.seed);
  for (let i = 0; i < input.count; i++) {
    const createdAt = new Date(input.now.getTime() - Math.round((10 + rnd() * 80) * 60_000));
    const customer = CUSTOMERS[Math.floor(rnd() * CUSTOMERS.length)]!;
    const [subject, text] = SUBJECTS[Math.floor(rnd() * SUBJECTS.length)]!;
    const { contact, number } = await newContact(db, { workspaceId: input.workspaceId, customer, createdAt });
    const conv = await db.conversation.create({
      data: { workspaceId: input.workspaceId, number, channelId: input.channelId, contactId: contact.id, assigneeId: input.agentId, subject, createdAt, lastMessageAt: createdAt, lastInboundAt: createdAt, messageCount: 1 },
    });
    await db.message.create({ data: { workspaceId: input.workspaceId, conversationId: conv.id, channelId: input.channelId, direction: 'in', authorContactId: contact.id, subject, text, createdAt } });
  }
}

/**
 * The day so far: `count` conversations between midnight (UTC, the harness workspace's zone) and
 * `now`, busier around midday, each answered within minutes and most resolved.
 */
export async function addEarlierToday(db: Db, input: { workspaceId: string; channels: { id: string; kind: string }[]; agentIds: string[]; count: number; now: Date; seed: number }) {
  const rnd = random(input.seed);
  const midnight = Date.UTC(input.now.getUTCFullYear(), input.now.getUTCMonth(), input.now.getUTCDate());
  const span = Math.max(input.now.getTime() - midnight - 30 * 60_000, 60_000);
  const weights: Record<string, number> = { email: 5, webchat: 3, sms: 2 };
  const pool = input.channels.flatMap((c) => Array.from({ length: weights[c.kind] ?? 1 }, () => c));
  for (let i = 0; i < input.count; i++) {
    // The mean of three uniforms: a gentle peak in the middle of the day so far.
    const createdAt = new Date(midnight + span * ((rnd() + rnd() + rnd()) / 3));
    const channel = pool[Math.floor(rnd() * pool.length)]!;
    const customer = CUSTOMERS[Math.floor(rnd() * CUSTOMERS.length)]!;
    const [subject] = SUBJECTS[Math.floor(rnd() * SUBJECTS.length)]!;
    const firstResponseAt = new Date(Math.min(createdAt.getTime() + Math.round((2 + rnd() * 25) * 60_000), input.now.getTime()));
    const resolvedAt = new Date(firstResponseAt.getTime() + Math.round((10 + rnd() * 120) * 60_000));
    const resolved = resolvedAt <= input.now;
    const { contact, number } = await newContact(db, { workspaceId: input.workspaceId, customer, createdAt });
    await db.conversation.create({
      data: {
        workspaceId: input.workspaceId,
        number,
        channelId: channel.id,
        contactId: contact.id,
        assigneeId: input.agentIds[i % input.agentIds.length]!,
        subject: channel.kind === 'email' ? subject : null,
        status: resolved ? 'resolved' : 'pending',
        statusKey: resolved ? 'resolved' : 'pending',
        createdAt,
        lastMessageAt: firstResponseAt,
        lastInboundAt: createdAt,
        firstResponseAt,
        resolvedAt: resolved ? resolvedAt : null,
        messageCount: 2,
      },
    });
  }
}
