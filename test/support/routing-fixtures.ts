// Builds routing scenarios straight in the database: online agents with skills, and open
// unassigned conversations, without going through a channel.
import type { Db, Priority } from '../../src/db/client.ts';

export async function addSkilledAgents(db: Db, input: { workspaceId: string; count: number; capacity: number; skills?: Record<string, number>; prefix: string; presence?: 'online' | 'away' | 'offline' }) {
  const skillIds = new Map<string, string>();
  for (const name of Object.keys(input.skills ?? {})) {
    const s = await db.skill.upsert({ where: { workspaceId_name: { workspaceId: input.workspaceId, name } }, create: { workspaceId: input.workspaceId, name }, update: {} });
    skillIds.set(name, s.id);
  }
  const agents = [];
  for (let i = 0; i < input.count; i++) {
    const agent = await db.agent.create({
      data: {
        workspaceId: input.workspaceId,
        email: `${input.prefix}-${i}@agents.test`,
        name: `${input.prefix} ${i}`,
        passwordHash: 'scrypt$1$1$1$x$y',
        presence: input.presence ?? 'online',
        capacity: input.capacity,
        skills: { create: Object.entries(input.skills ?? {}).map(([name, level]) => ({ skillId: skillIds.get(name)!, level })) },
      },
    });
    agents.push(agent);
  }
  return agents;
}

export async function addOpenConversations(db: Db, input: { workspaceId: string; channelId: string; count: number; text?: (i: number) => string; priority?: Priority; tags?: string[] }) {
  const ids: string[] = [];
  for (let i = 0; i < input.count; i++) {
    const contact = await db.contact.create({ data: { workspaceId: input.workspaceId, name: `Customer ${i}` } });
    const ws = await db.workspace.update({ where: { id: input.workspaceId }, data: { conversationSeq: { increment: 1 } } });
    const conv = await db.conversation.create({
      data: { workspaceId: input.workspaceId, number: ws.conversationSeq, channelId: input.channelId, contactId: contact.id, priority: input.priority ?? 'normal', tags: input.tags ?? [] },
    });
    await db.message.create({ data: { workspaceId: input.workspaceId, conversationId: conv.id, channelId: input.channelId, direction: 'in', authorContactId: contact.id, text: input.text?.(i) ?? `Help with case ${i}` } });
    ids.push(conv.id);
  }
  return ids;
}
