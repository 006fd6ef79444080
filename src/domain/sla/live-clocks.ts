// The conversations whose SLA clocks are still running or paused, with the facts that choose
// their policy: what a change of SLA policy or calendar can move.
import { asChannelKind } from '../../../channels/registry.ts';
import type { Db, Priority, SlaClock, Tx } from '../../db/client.ts';
import type { PolicyFacts } from './choose-policy.ts';

export interface LiveConversation {
  id: string;
  number: number;
  priority: Priority;
  slaPolicyId: string | null;
  facts: PolicyFacts;
  clocks: SlaClock[];
}

export async function loadLiveClocks(db: Db | Tx, workspaceId: string): Promise<LiveConversation[]> {
  const clocks = await db.slaClock.findMany({
    where: { workspaceId, status: { in: ['running', 'paused'] } },
    orderBy: [{ conversationId: 'asc' }, { key: 'asc' }],
    include: { conversation: { include: { channel: { select: { kind: true } }, contact: { select: { tier: true } } } } },
  });
  const byConversation = new Map<string, LiveConversation>();
  for (const { conversation: c, ...clock } of clocks) {
    const entry = byConversation.get(c.id) ?? {
      id: c.id,
      number: c.number,
      priority: c.priority,
      slaPolicyId: c.slaPolicyId,
      facts: { channel: asChannelKind(c.channel.kind), contactTier: c.contact.tier, tags: c.tags ?? [], teamId: c.teamId },
      clocks: [],
    };
    entry.clocks.push(clock);
    byConversation.set(c.id, entry);
  }
  return [...byConversation.values()];
}
