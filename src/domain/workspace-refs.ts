// Every id a request names (in its body or query) must belong to the caller's workspace. Each write
// path lists the references it was given and calls `assertRefsInWorkspace` once: one query per
// kind, and a 422 whose details name every field at fault (`teamIds.1: no team ...`). An id of
// another workspace reads exactly like one that does not exist, so nothing about it is revealed.
import type { Db, Tx } from '../db/client.ts';
import { validationFailed, type FieldProblem } from './parse-input.ts';

/** What a request can name. Queues are named by id or (in the routing workflow) by name; skills by name; statuses by key. */
export type RefKind = 'team' | 'agent' | 'queue' | 'queueName' | 'skill' | 'calendar' | 'policy' | 'channel' | 'contact' | 'cannedResponse' | 'status' | 'knowledgeCategory' | 'organisation';

export interface WorkspaceRef {
  kind: RefKind;
  /** The request's field as a dotted path: `teamId`, `teamIds.1`, `filters.0.steps.2.queue`. */
  path: string;
  /** The id, or the name or key for the kinds named that way. */
  id: string;
  /** Refuse an archived team or a deactivated (or not yet joined) agent. */
  active?: boolean;
}

/** Found rows: key -> why it may not be used where `active` is asked for (null: it may). */
type Found = Map<string, string | null>;
type Loader = (db: Db | Tx, workspaceId: string, keys: string[]) => Promise<Found>;

const byKey = (rows: { key: string; inactive?: string | null }[]): Found => new Map(rows.map((r) => [r.key, r.inactive ?? null]));

const agentInactive = (a: { name: string; active: boolean; joinedAt: Date | null }): string | null => {
  if (a.active) return null;
  return a.joinedAt ? `${a.name} is deactivated and cannot take conversations or lead a team` : `${a.name} has not accepted their invitation yet`;
};

interface KindSpec {
  load: Loader;
  missing: (id: string) => string;
}

const kinds = {
  team: {
    load: async (db, workspaceId, ids) =>
      byKey((await db.team.findMany({ where: { workspaceId, id: { in: ids } }, select: { id: true, archivedAt: true } })).map((t) => ({ key: t.id, inactive: t.archivedAt ? `team ${t.id} is archived` : null }))),
    missing: (id) => `no team ${id}`,
  },
  agent: {
    load: async (db, workspaceId, ids) =>
      byKey((await db.agent.findMany({ where: { workspaceId, id: { in: ids } }, select: { id: true, name: true, active: true, joinedAt: true } })).map((a) => ({ key: a.id, inactive: agentInactive(a) }))),
    missing: (id) => `no agent ${id}`,
  },
  queue: {
    load: async (db, workspaceId, ids) => byKey((await db.queue.findMany({ where: { workspaceId, id: { in: ids } }, select: { id: true } })).map((q) => ({ key: q.id }))),
    missing: (id) => `no queue ${id}`,
  },
  queueName: {
    load: async (db, workspaceId, names) => byKey((await db.queue.findMany({ where: { workspaceId, name: { in: names } }, select: { name: true } })).map((q) => ({ key: q.name }))),
    missing: (name) => `no queue named "${name}"`,
  },
  skill: {
    load: async (db, workspaceId, names) => byKey((await db.skill.findMany({ where: { workspaceId, name: { in: names } }, select: { name: true } })).map((s) => ({ key: s.name }))),
    missing: (name) => `no skill named "${name}"`,
  },
  calendar: {
    load: async (db, workspaceId, ids) => byKey((await db.businessCalendar.findMany({ where: { workspaceId, id: { in: ids } }, select: { id: true } })).map((c) => ({ key: c.id }))),
    missing: (id) => `no calendar ${id}`,
  },
  policy: {
    load: async (db, workspaceId, ids) =>
      byKey((await db.slaPolicy.findMany({ where: { workspaceId, id: { in: ids } }, select: { id: true, active: true } })).map((p) => ({ key: p.id, inactive: p.active ? null : `SLA policy ${p.id} is not active` }))),
    missing: (id) => `no SLA policy ${id}`,
  },
  channel: {
    load: async (db, workspaceId, ids) =>
      byKey((await db.channel.findMany({ where: { workspaceId, id: { in: ids } }, select: { id: true, active: true } })).map((c) => ({ key: c.id, inactive: c.active ? null : `channel ${c.id} is not active` }))),
    missing: (id) => `no channel ${id}`,
  },
  contact: {
    load: async (db, workspaceId, ids) => byKey((await db.contact.findMany({ where: { workspaceId, id: { in: ids } }, select: { id: true } })).map((c) => ({ key: c.id }))),
    missing: (id) => `no contact ${id}`,
  },
  cannedResponse: {
    load: async (db, workspaceId, ids) => byKey((await db.cannedResponse.findMany({ where: { workspaceId, id: { in: ids } }, select: { id: true } })).map((r) => ({ key: r.id }))),
    missing: (id) => `no canned response ${id}`,
  },
  knowledgeCategory: {
    load: async (db, workspaceId, ids) => byKey((await db.knowledgeCategory.findMany({ where: { workspaceId, id: { in: ids } }, select: { id: true } })).map((c) => ({ key: c.id }))),
    missing: (id) => `no category ${id}`,
  },
  organisation: {
    load: async (db, workspaceId, ids) => byKey((await db.organisation.findMany({ where: { workspaceId, id: { in: ids } }, select: { id: true } })).map((o) => ({ key: o.id }))),
    missing: (id) => `no organisation ${id}`,
  },
  status: {
    load: async (db, workspaceId, keys) => byKey((await db.statusDefinition.findMany({ where: { workspaceId, key: { in: keys } }, select: { key: true } })).map((s) => ({ key: s.key }))),
    missing: (key) => `no status "${key}"`,
  },
} as const satisfies Record<RefKind, KindSpec>;

export const refKinds = Object.keys(kinds) as RefKind[];

/** The problems with these references, in the order given (none: every one is the workspace's). */
export async function workspaceRefProblems(db: Db | Tx, workspaceId: string, refs: readonly WorkspaceRef[]): Promise<FieldProblem[]> {
  const keysByKind = new Map<RefKind, Set<string>>();
  for (const r of refs) keysByKind.set(r.kind, (keysByKind.get(r.kind) ?? new Set()).add(r.id));
  const found = new Map<RefKind, Found>();
  for (const [kind, keys] of keysByKind) found.set(kind, await kinds[kind].load(db, workspaceId, [...keys]));
  return refs.flatMap((r): FieldProblem[] => {
    const rows = found.get(r.kind)!;
    if (!rows.has(r.id)) return [{ path: r.path, message: kinds[r.kind].missing(r.id) }];
    const inactive = rows.get(r.id);
    return r.active && inactive ? [{ path: r.path, message: inactive }] : [];
  });
}

/** Throws 422 naming every field whose reference is not the workspace's (or not active where that is asked for). */
export async function assertRefsInWorkspace(db: Db | Tx, workspaceId: string, refs: readonly WorkspaceRef[], what = 'request'): Promise<void> {
  if (refs.length === 0) return;
  const problems = await workspaceRefProblems(db, workspaceId, refs);
  if (problems.length) throw validationFailed(problems, what);
}

/** One optional reference: nothing when the field was not given or was cleared (null). */
export function refOf(kind: RefKind, path: string, id: string | null | undefined, opts: { active?: boolean } = {}): WorkspaceRef[] {
  return id ? [{ kind, path, id, ...opts }] : [];
}

/** A list field: each id named by its index (`teamIds.2`). */
export function refsOf(kind: RefKind, path: string, ids: readonly string[] | null | undefined, opts: { active?: boolean } = {}): WorkspaceRef[] {
  return (ids ?? []).map((id, i) => ({ kind, path: `${path}.${i}`, id, ...opts }));
}
