// How a team is shown (team views, team assignment, Admin → Teams): its lead and members by id,
// and since when it is archived (archived teams are left out of pickers). Node-free
// (src/contract).
import type { Prisma } from '../../db/model-types.ts';

export const teamViewInclude = {
  members: { select: { agentId: true } },
} satisfies Prisma.TeamInclude;

export type TeamWithView = Prisma.TeamGetPayload<{ include: typeof teamViewInclude }>;

export function toTeamView(t: TeamWithView) {
  return { id: t.id, name: t.name, leadAgentId: t.leadAgentId, memberIds: t.members.map((m) => m.agentId), archivedAt: t.archivedAt };
}

export type TeamView = ReturnType<typeof toTeamView>;
