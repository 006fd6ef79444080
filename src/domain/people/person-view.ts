// How admins see a person on Admin → People: role, state, teams, routing profile, and a pending
// invite's expiry. Never the password hash. Node-free (src/contract).
import type { Agent, Prisma } from '../../db/model-types.ts';
import { toAgentPresence } from '../agents/presence-view.ts';

export const personViewInclude = {
  teams: { select: { teamId: true } },
  skills: { select: { level: true, skill: { select: { name: true } } } },
  tokens: { where: { usedAt: null, purpose: 'invite' }, select: { expiresAt: true }, orderBy: { createdAt: 'desc' }, take: 1 },
} satisfies Prisma.AgentInclude;

export type PersonWithView = Prisma.AgentGetPayload<{ include: typeof personViewInclude }>;

/** invited: has not accepted their invite yet; deactivated: may not log in, keeps their history. */
export type PersonState = 'invited' | 'active' | 'deactivated';

export function personState(a: Pick<Agent, 'active' | 'joinedAt'>): PersonState {
  if (a.active) return 'active';
  return a.joinedAt ? 'deactivated' : 'invited';
}

export function toPersonView(a: PersonWithView) {
  const state = personState(a);
  return {
    id: a.id,
    name: a.name,
    email: a.email,
    role: a.role,
    state,
    teamIds: a.teams.map((t) => t.teamId),
    skills: a.skills.map((s) => ({ skill: s.skill.name, level: s.level })).sort((x, y) => x.skill.localeCompare(y.skill)),
    capacity: a.capacity,
    languages: a.languages,
    ...toAgentPresence(a),
    joinedAt: a.joinedAt,
    createdAt: a.createdAt,
    /** When the pending invite link stops working (an invited person only; null when none is pending). */
    inviteExpiresAt: state === 'invited' ? (a.tokens[0]?.expiresAt ?? null) : null,
  };
}

export type PersonView = ReturnType<typeof toPersonView>;
