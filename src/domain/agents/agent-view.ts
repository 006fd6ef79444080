// How an agent is shown to other agents (assignment pickers, @mentions, avatars). Never the
// password hash. One function, so presence and load can be added in one place. Node-free (src/contract).
import type { Prisma } from '../../db/model-types.ts';

export const agentViewInclude = {
  teams: { select: { teamId: true } },
} satisfies Prisma.AgentInclude;

export type AgentWithView = Prisma.AgentGetPayload<{ include: typeof agentViewInclude }>;

export function toAgentView(a: AgentWithView) {
  return {
    id: a.id,
    name: a.name,
    email: a.email,
    role: a.role,
    active: a.active,
    teamIds: a.teams.map((t) => t.teamId),
  };
}

export type AgentView = ReturnType<typeof toAgentView>;
