// A seeded dataset for the reports tests, and the figures it should give computed here in plain
// TypeScript (minute by minute for business hours, Intl for local days), independently of the
// report's SQL and of the SLA's business-time code.
import type { Db } from '../../src/db/client.ts';

export const TZ = 'Europe/Berlin';
export const FROM = '2026-11-23';
export const TO = '2026-12-03';
/** Monday 30 November is a holiday; open Monday to Friday 09:00-17:00 Berlin time. */
export const HOLIDAY = '2026-11-30';
export const RANGE_START = Date.parse('2026-11-22T23:00:00Z');
export const RANGE_END = Date.parse('2026-12-03T23:00:00Z');
const MIN = 60_000;

export interface MessageSpec { dir: 'in' | 'out'; at: number; agent: number | null }
export interface ConversationSpec {
  created: number;
  channel: 0 | 1;
  contact: number;
  assignee: number | null;
  team: boolean;
  tags: string[];
  policy: 0 | 1 | null;
  messages: MessageSpec[];
  resolvedAt: number | null;
}

/** Berlin wall time to UTC ms (November/December: CET, UTC+1). */
export const berlin = (iso: string) => Date.parse(`${iso}:00+01:00`);

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function buildSpecs(): ConversationSpec[] {
  const hand: ConversationSpec[] = [
    // Friday 17:30 after closing, answered on the holiday Monday: no business time at all.
    { created: berlin('2026-11-27T17:30'), channel: 0, contact: 0, assignee: 1, team: true, tags: ['complaint'], policy: 0, resolvedAt: berlin('2026-12-01T11:00'),
      messages: [{ dir: 'in', at: berlin('2026-11-27T17:30'), agent: null }, { dir: 'out', at: berlin('2026-11-30T09:30'), agent: 1 }, { dir: 'in', at: berlin('2026-11-30T10:00'), agent: null }, { dir: 'out', at: berlin('2026-12-01T10:30'), agent: 1 }] },
    // Friday 16:00, answered Tuesday 09:30: one hour on Friday and half an hour on Tuesday.
    { created: berlin('2026-11-27T16:00'), channel: 1, contact: 1, assignee: 2, team: false, tags: ['billing'], policy: 1, resolvedAt: null,
      messages: [{ dir: 'in', at: berlin('2026-11-27T16:00'), agent: null }, { dir: 'out', at: berlin('2026-12-01T09:30'), agent: 2 }] },
    // Either side of Berlin midnight (the same UTC day): two different local days.
    { created: berlin('2026-11-25T23:30'), channel: 0, contact: 2, assignee: null, team: false, tags: [], policy: null, resolvedAt: berlin('2026-11-26T10:00'),
      messages: [{ dir: 'in', at: berlin('2026-11-25T23:30'), agent: null }, { dir: 'out', at: berlin('2026-11-26T09:15'), agent: 1 }] },
    { created: berlin('2026-11-26T00:30'), channel: 0, contact: 3, assignee: 1, team: true, tags: [], policy: 0, resolvedAt: null,
      messages: [{ dir: 'in', at: berlin('2026-11-26T00:30'), agent: null }] },
    // Contact 2 again 2 days after the resolution above (a repeat within 7 days); contact 4 after 9 days.
    { created: berlin('2026-11-28T10:00'), channel: 1, contact: 2, assignee: 2, team: false, tags: [], policy: null, resolvedAt: null, messages: [{ dir: 'in', at: berlin('2026-11-28T10:00'), agent: null }] },
    { created: berlin('2026-11-23T08:00'), channel: 0, contact: 4, assignee: 1, team: true, tags: [], policy: 0, resolvedAt: berlin('2026-11-23T12:00'),
      messages: [{ dir: 'in', at: berlin('2026-11-23T08:00'), agent: null }, { dir: 'out', at: berlin('2026-11-23T09:10'), agent: 1 }] },
    { created: berlin('2026-12-02T12:00'), channel: 0, contact: 4, assignee: null, team: false, tags: [], policy: null, resolvedAt: null, messages: [{ dir: 'in', at: berlin('2026-12-02T12:00'), agent: null }] },
  ];
  const rand = rng(17);
  const pick = (n: number) => Math.floor(rand() * n);
  const random: ConversationSpec[] = [];
  for (let i = 0; i < 40; i++) {
    const created = RANGE_START + pick(7 * 24 * 60) * MIN;
    const agent = 1 + pick(2);
    const messages: MessageSpec[] = [{ dir: 'in', at: created, agent: null }];
    let at = created;
    for (let turn = pick(3); turn > 0; turn--) {
      at += (5 + pick(1500)) * MIN;
      messages.push({ dir: 'out', at, agent });
      if (rand() < 0.6) {
        at += (1 + pick(400)) * MIN;
        messages.push({ dir: 'in', at, agent: null });
        if (rand() < 0.3) messages.push({ dir: 'in', at: (at += 3 * MIN), agent: null });
      }
    }
    const replied = messages.some((m) => m.dir === 'out');
    random.push({
      created,
      channel: (i % 3 === 0 ? 1 : 0) as 0 | 1,
      contact: 5 + pick(12),
      assignee: replied || rand() < 0.5 ? agent : null,
      team: rand() < 0.5,
      tags: [...(rand() < 0.2 ? ['complaint'] : []), ...(rand() < 0.3 ? ['billing'] : [])],
      policy: rand() < 0.2 ? 1 : rand() < 0.6 ? 0 : null,
      messages,
      resolvedAt: replied && rand() < 0.6 ? at + (10 + pick(1500)) * MIN : null,
    });
  }
  return [...hand, ...random];
}

// ---- independent figures ------------------------------------------------------------------
const parts = new Intl.DateTimeFormat('en-GB', { timeZone: TZ, weekday: 'short', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
function local(ms: number) {
  const p = Object.fromEntries(parts.formatToParts(ms).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, weekday: p.weekday!, hour: Number(p.hour) };
}
export const localDate = (ms: number) => local(ms).date;

const openCache = new Map<number, boolean>();
/** Minute by minute: open Monday-Friday 09:00-17:00 Berlin, not on the holiday. */
export function businessMinutes(from: number, to: number): number {
  let n = 0;
  for (let t = from; t < to; t += MIN) {
    const hourKey = Math.floor(t / (60 * MIN));
    let open = openCache.get(hourKey);
    if (open === undefined) {
      const l = local(t);
      open = !['Sat', 'Sun'].includes(l.weekday) && l.hour >= 9 && l.hour < 17 && l.date !== HOLIDAY;
      openCache.set(hourKey, open);
    }
    if (open) n++;
  }
  return n;
}

/** percentile_cont: linear interpolation between the closest ranks. */
export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = p * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export interface Span { s: number; e: number; agent: number | null; complaint: boolean }

export const firstReplyAt = (c: ConversationSpec) => c.messages.find((m) => m.dir === 'out')?.at ?? null;

export function spansOf(specs: ConversationSpec[], isComplaint: (c: ConversationSpec) => boolean) {
  const first: Span[] = [];
  const next: Span[] = [];
  const resolution: Span[] = [];
  for (const c of specs) {
    const complaint = isComplaint(c);
    const fr = firstReplyAt(c);
    if (fr !== null) first.push({ s: c.created, e: fr, agent: c.assignee, complaint });
    if (c.resolvedAt !== null) resolution.push({ s: c.created, e: c.resolvedAt, agent: c.assignee, complaint });
    let replied = false;
    let waitingSince: number | null = null;
    for (const m of c.messages) {
      if (m.dir === 'in') waitingSince ??= m.at;
      else {
        if (replied && waitingSince !== null) next.push({ s: waitingSince, e: m.at, agent: m.agent, complaint });
        replied = true;
        waitingSince = null;
      }
    }
  }
  return { first_response: first, next_response: next, resolution };
}

const round2 = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);
export function expectedStats(spans: Span[]) {
  const cal = spans.map((s) => (s.e - s.s) / 3_600_000);
  const biz = spans.map((s) => businessMinutes(s.s, s.e) / 60);
  return {
    count: spans.length,
    calendarHours: { median: round2(percentile(cal, 0.5)), p90: round2(percentile(cal, 0.9)) },
    businessHours: { median: round2(percentile(biz, 0.5)), p90: round2(percentile(biz, 0.9)) },
  };
}

/** Writes the specs: contacts, conversations, messages (numbers from 1). */
export async function seedSpecs(db: Db, ws: { workspaceId: string; channelIds: [string, string]; agentIds: string[]; teamId: string; queueId: string; policyIds: [string, string] }, specs: ConversationSpec[]) {
  const contactIds: string[] = [];
  for (let i = 0; i < 17; i++) {
    const contact = await db.contact.create({ data: { workspaceId: ws.workspaceId, name: `Customer ${i}`, lifecycleStage: i % 3 === 0 ? 'lead' : i % 3 === 1 ? 'customer' : null } });
    contactIds.push(contact.id);
  }
  const ids: string[] = [];
  for (const [i, c] of specs.entries()) {
    const fr = firstReplyAt(c);
    const conv = await db.conversation.create({
      data: {
        workspaceId: ws.workspaceId, number: i + 1, channelId: ws.channelIds[c.channel], contactId: contactIds[c.contact]!, status: c.resolvedAt ? 'resolved' : 'open', statusKey: c.resolvedAt ? 'resolved' : 'open',
        assigneeId: c.assignee === null ? null : ws.agentIds[c.assignee]!, teamId: c.team ? ws.teamId : null, queueId: i % 2 === 0 ? ws.queueId : null, tags: c.tags,
        slaPolicyId: c.policy === null ? null : ws.policyIds[c.policy], createdAt: new Date(c.created), firstResponseAt: fr === null ? null : new Date(fr), resolvedAt: c.resolvedAt === null ? null : new Date(c.resolvedAt),
        subject: `Case ${i + 1}`, messageCount: c.messages.length,
      },
    });
    ids.push(conv.id);
    await db.message.createMany({
      data: c.messages.map((m) => ({
        workspaceId: ws.workspaceId, conversationId: conv.id, channelId: ws.channelIds[c.channel], direction: m.dir, kind: 'message' as const, text: 'x', references: [],
        authorAgentId: m.agent === null ? null : ws.agentIds[m.agent]!, authorContactId: m.dir === 'in' ? contactIds[c.contact]! : null, createdAt: new Date(m.at),
      })),
    });
  }
  return { conversationIds: ids, contactIds };
}
