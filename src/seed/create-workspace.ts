// Creates a workspace with its agents, teams and channels in one go (demo seed, tests, onboarding).
import type { Db, Role, Tx } from '../db/client.ts';
import type { PasswordHasher } from '../domain/auth/password.ts';
import { seedLifecycleStages } from '../domain/contacts/lifecycle-stages.ts';
import { seedStatusDefinitions } from '../domain/conversations/status-definitions.ts';
import { GENERAL_QUEUE } from '../domain/routing/load-workflow.ts';

export interface WorkspaceSpec {
  name: string;
  slug: string;
  timeZone?: string;
  agents: { email: string; name: string; role: Role; password: string; teams?: string[] }[];
  teams?: string[];
  channels: { kind: string; name: string; address: string; settings: Record<string, unknown> }[];
}

export async function createWorkspace(deps: { db: Db; passwords: PasswordHasher }, spec: WorkspaceSpec) {
  // One hash per distinct password, not per agent (a hash costs ~0.2 s at OWASP's parameters; the demo's agents share one).
  const byPassword = new Map<string, Promise<string>>();
  for (const a of spec.agents) if (!byPassword.has(a.password)) byPassword.set(a.password, deps.passwords.hash(a.password));
  const hashes = await Promise.all(spec.agents.map((a) => byPassword.get(a.password)!));
  return deps.db.$transaction((tx) => insertWorkspace(tx, spec, hashes));
}

/** The same inside the caller's transaction, with the agents' password hashes already made (hashing is slow: not under a lock). */
export async function insertWorkspace(tx: Tx, spec: WorkspaceSpec, hashes: string[]) {
  const workspace = await tx.workspace.create({ data: { name: spec.name, slug: spec.slug, timeZone: spec.timeZone ?? 'UTC' } });
  await seedStatusDefinitions(tx, workspace.id);
  await seedLifecycleStages(tx, workspace.id);
  await tx.queue.create({ data: { workspaceId: workspace.id, name: GENERAL_QUEUE } });
  const teams = new Map<string, string>();
  for (const name of spec.teams ?? []) {
    const team = await tx.team.create({ data: { workspaceId: workspace.id, name } });
    teams.set(name, team.id);
  }
  const agents = [];
  for (const [i, a] of spec.agents.entries()) {
    const agent = await tx.agent.create({
      data: { workspaceId: workspace.id, email: a.email.toLowerCase(), name: a.name, role: a.role, passwordHash: hashes[i]! },
    });
    for (const t of a.teams ?? []) {
      const teamId = teams.get(t);
      if (!teamId) throw new Error(`agent ${a.email} names unknown team ${t}`);
      await tx.teamMember.create({ data: { teamId, agentId: agent.id } });
    }
    agents.push(agent);
  }
  const channels = [];
  for (const c of spec.channels) {
    channels.push(await tx.channel.create({ data: { workspaceId: workspace.id, kind: c.kind, name: c.name, address: c.address.toLowerCase(), settings: c.settings as object } }));
  }
  return { workspace, agents, channels, teams };
}
