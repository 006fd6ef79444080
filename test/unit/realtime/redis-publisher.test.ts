// The Redis publisher checks a conversation room's visibility once per synchronous run of
// publishes to the same audience (a change's entries, summary and message), and again for any
// other audience or a later run: each check is one more message every gateway node decodes. The
// publishes of a run reach Redis together, as one pipeline (publish-client.ts).
import { describe, expect, it } from 'vitest';
import type { Redis } from '../../../src/redis.ts';
import { createRedisPublisher } from '../../../src/realtime/redis-publisher.ts';
import { publishClient } from '../../../src/realtime/publish-client.ts';

/** A connection whose pipelines hand each exec's channels to `exec`, which answers for them. */
function pipelinedRedis(exec: (channels: string[]) => Promise<[Error | null, unknown][]>): Redis {
  return {
    pipeline: () => {
      const queued: string[] = [];
      const pipeline = { publish: (channel: string) => (queued.push(channel), pipeline), exec: () => exec(queued) };
      return pipeline;
    },
  } as unknown as Redis;
}

/** Records what reaches Redis: the publishes of a run arrive together, as one pipeline's exec. */
function recordingRedis() {
  const sent: string[] = [];
  const redis = pipelinedRedis(async (channels) => (sent.push(...channels), channels.map(() => [null, 1])));
  return { redis, sent };
}

const audience = { workspaceId: 'w1', conversationId: 'c1', teamId: 't1', assigneeId: 'a1' };
const summary = { id: 'c1' } as never;
const message = { id: 'm1', conversationId: 'c1' } as never;
/** The emitter sends a room operation (socketsLeave) on its request channel, broadcasts on the key's own. */
const leaves = (sent: string[]) => sent.filter((c) => c.includes('-request#')).length;

describe('createRedisPublisher', () => {
  it('sends one room check for a run of publishes to the same audience', async () => {
    const { redis, sent } = recordingRedis();
    const publisher = createRedisPublisher(redis, 'p', () => undefined);
    publisher.publish('conversation.updated', audience, summary);
    publisher.publish('message.created', audience, message);
    expect(sent).toHaveLength(0);
    await new Promise((r) => setImmediate(r));
    expect(sent).toHaveLength(3);
    expect(leaves(sent)).toBe(1);
  });

  it('checks again for another audience and for a later run', async () => {
    const { redis, sent } = recordingRedis();
    const publisher = createRedisPublisher(redis, 'p', () => undefined);
    publisher.publish('conversation.updated', audience, summary);
    publisher.publish('conversation.updated', { ...audience, assigneeId: 'a2' }, summary);
    await new Promise((r) => setImmediate(r));
    publisher.publish('message.created', { ...audience, assigneeId: 'a2' }, message);
    await new Promise((r) => setImmediate(r));
    expect(leaves(sent)).toBe(3);
    expect(sent).toHaveLength(6);
  });
});

describe('publishClient', () => {
  it('sends a run of publishes from every emitter of a connection as one pipeline, in the order they were made', async () => {
    const execs: string[][] = [];
    const redis = pipelinedRedis(async (channels) => (execs.push(channels), channels.map(() => [null, 1])));
    const a = publishClient(redis, () => undefined);
    const b = publishClient(redis, () => undefined);
    await Promise.all([a.publish('1', 'x'), b.publish('2', 'y'), a.publish('3', 'z')]);
    await new Promise((r) => setImmediate(r));
    await b.publish('4', 'w');
    await new Promise((r) => setImmediate(r));
    expect(execs).toEqual([['1', '2', '3'], ['4']]);
  });

  it("reports a failed run once to each emitter's handler, and a refused exec likewise", async () => {
    let refuse = false;
    const redis = pipelinedRedis(async (channels) => {
      if (refuse) throw new Error("Stream isn't writeable and enableOfflineQueue options is false");
      return channels.map(() => [new Error('Connection is closed.'), null]);
    });
    const seenA: string[] = [];
    const seenB: string[] = [];
    const a = publishClient(redis, (err) => seenA.push(err.message));
    const b = publishClient(redis, (err) => seenB.push(err.message));
    void a.publish('1', 'x');
    void a.publish('2', 'x');
    void b.publish('3', 'y');
    await new Promise((r) => setImmediate(r));
    expect(seenA).toEqual(['Connection is closed.']);
    expect(seenB).toEqual(['Connection is closed.']);
    refuse = true;
    void a.publish('4', 'x');
    await new Promise((r) => setImmediate(r));
    expect(seenA).toEqual(['Connection is closed.', "Stream isn't writeable and enableOfflineQueue options is false"]);
    expect(seenB).toHaveLength(1);
  });
});
