// The measuring half of the ingest scenarios, whatever the edge: N messages pushed by C concurrent
// senders as fast as the edge answers, each followed until the agent's socket receives it as
// `message.created` (matched by the message's externalId: the Twilio MessageSid, the email's
// Message-ID). Gives the accept rate, the end-to-end rate and the ack and agent latencies.
import type { Attempt } from '../../reliability/support/senders.ts';
import { sendAll } from '../../reliability/support/senders.ts';
import type { AgentSocket } from '../../support/agent-socket.ts';
import { percentile } from './stats.ts';

// A type, not an interface: it must fit the scenarios' `Record<string, number>` figure groups.
export type FollowedIngest = {
  acceptedPerSecond: number;
  endToEndPerSecond: number;
  ackP50Ms: number;
  ackP99Ms: number;
  agentP50Ms: number;
  agentP99Ms: number;
  delivered: number;
};

export async function followIngest<T>(
  agent: AgentSocket,
  items: readonly T[],
  opts: { idOf: (item: T) => string; send: (item: T) => Promise<Attempt>; senders: number; drainTimeoutMs: number; /** Sends at this steady rate instead of as fast as the edge answers. */ perSecond?: number },
): Promise<FollowedIngest> {
  const sentAt = new Map<string, number>();
  const heardAt = new Map<string, number>();
  const onCreated = (m: { externalId?: string | null }) => {
    if (m.externalId && sentAt.has(m.externalId) && !heardAt.has(m.externalId)) heardAt.set(m.externalId, performance.now());
  };
  agent.socket.on('message.created', onCreated);
  try {
    const acks: number[] = [];
    const started = performance.now();
    let lastAck = started;
    const stats = await sendAll(
      items,
      async (item) => {
        const id = opts.idOf(item);
        const t0 = performance.now();
        if (!sentAt.has(id)) sentAt.set(id, t0);
        const outcome = await opts.send(item);
        const t1 = performance.now();
        if (outcome === 'accepted') {
          acks.push(t1 - t0);
          lastAck = Math.max(lastAck, t1);
        }
        return outcome;
      },
      { concurrency: opts.senders, perSecond: opts.perSecond ?? 1e9 },
    );
    if (stats.permanent.length > 0) throw new Error(`the edge refused: ${stats.permanent.slice(0, 3).join('; ')}`);
    const deadline = performance.now() + opts.drainTimeoutMs;
    while (heardAt.size < items.length && performance.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    const lastHeard = Math.max(...heardAt.values(), started);
    const agentLatencies = [...heardAt].map(([id, at]) => at - sentAt.get(id)!);
    return {
      acceptedPerSecond: stats.accepted / ((lastAck - started) / 1000),
      endToEndPerSecond: heardAt.size / ((lastHeard - started) / 1000),
      ackP50Ms: percentile(acks, 50),
      ackP99Ms: percentile(acks, 99),
      agentP50Ms: percentile(agentLatencies, 50),
      agentP99Ms: percentile(agentLatencies, 99),
      delivered: heardAt.size,
    };
  } finally {
    agent.socket.off('message.created', onCreated);
  }
}
