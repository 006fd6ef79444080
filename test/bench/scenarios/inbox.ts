// Inbox scenario: seeds 1x (full: 10k conversations / 100k messages) with fast SQL, measures p95 of
// the agent's default views (mine / unassigned / team, open), opening a conversation, searching
// for a common word and the supervisor board through the HTTP API with logged-in people; then grows
// the same workspace to 10x and measures again. growth = 10x p95 / 1x p95 (the worst endpoint's).
import { people, startBenchCluster, type BenchCluster } from '../support/bench-cluster.ts';
import { COMMON_WORD, seedInbox } from '../support/seed-inbox.ts';
import { percentile } from '../support/stats.ts';

export interface InboxSize {
  conversations: number;
  messagesPerConversation: number;
  /** Requests per endpoint per data size. */
  requests: number;
}

export const inboxSizes: Record<'full' | 'quick', InboxSize> = {
  full: { conversations: 10_000, messagesPerConversation: 10, requests: 60 },
  quick: { conversations: 1_000, messagesPerConversation: 10, requests: 40 },
};

const WARM_UP = 10;

type Endpoints = { listP95Ms: number; listAllP95Ms: number; openP95Ms: number; searchP95Ms: number; boardP95Ms: number };

async function timed(url: string, token: string): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status}`);
  return performance.now() - t0;
}

async function measure(c: BenchCluster, tokens: { agent: string; supervisor: string }, size: InboxSize): Promise<Endpoints> {
  const base = `${c.apiUrl}/api`;
  const views = [`${base}/conversations?assignee=me&status=open`, `${base}/conversations?assignee=unassigned&status=open`, `${base}/conversations?teamId=${c.teamId}&status=open`];
  const ids = (await c.db.conversation.findMany({ where: { workspaceId: c.workspaceId }, select: { id: true }, orderBy: { number: 'desc' }, take: size.requests * 20 })).map((r) => r.id);
  const sample = async (n: number, next: (i: number) => Promise<number>) => {
    // Warm-up requests (the API's first calls compile and fill caches): not counted.
    for (let i = 0; i < WARM_UP; i++) await next(i);
    const out: number[] = [];
    for (let i = 0; i < n; i++) out.push(await next(i));
    return percentile(out, 95);
  };
  return {
    listP95Ms: await sample(size.requests, (i) => timed(views[i % views.length]!, tokens.agent)),
    listAllP95Ms: await sample(size.requests, () => timed(`${base}/conversations`, tokens.supervisor)),
    openP95Ms: await sample(size.requests, (i) => timed(`${base}/conversations/${ids[(i * 17) % ids.length]}`, tokens.supervisor)),
    searchP95Ms: await sample(size.requests, () => timed(`${base}/search?q=${COMMON_WORD}`, tokens.agent)),
    boardP95Ms: await sample(size.requests, () => timed(`${base}/supervisor/board`, tokens.supervisor)),
  };
}

export async function runInbox(size: InboxSize): Promise<{ inbox: Record<string, number> }> {
  const c = await startBenchCluster();
  try {
    const queueId = (await c.db.queue.findFirstOrThrow({ where: { workspaceId: c.workspaceId } })).id;
    const seed = { queueId, workspaceId: c.workspaceId, channelId: c.smsChannelId, teamId: c.teamId, agentId: c.agentIds.agent, supervisorId: c.agentIds.supervisor, messagesPerConversation: size.messagesPerConversation, conversationsPerContact: 20 };
    const tokens = { agent: await c.login(people.agent), supervisor: await c.login(people.supervisor) };
    await seedInbox(c.benchDb.url, { ...seed, from: 0, to: size.conversations });
    const x1 = await measure(c, tokens, size);
    await seedInbox(c.benchDb.url, { ...seed, from: size.conversations, to: size.conversations * 10 });
    const x10 = await measure(c, tokens, size);
    const growthOf = (k: keyof Endpoints) => x10[k] / x1[k];
    const keys = Object.keys(x10) as (keyof Endpoints)[];
    return {
      inbox: {
        ...x10,
        growth: Math.max(...keys.map(growthOf)),
        ...Object.fromEntries(keys.map((k) => [`growth_${k.replace('P95Ms', '')}`, growthOf(k)])),
        ...Object.fromEntries(keys.map((k) => [`x1_${k}`, x1[k]])),
      },
    };
  } finally {
    await c.close();
  }
}
