// The Redis publisher checks a conversation room's visibility once per synchronous run of
// publishes to the same audience (a change's entries, summary and message), and again for any
// other audience or a later run: each check is one more message every gateway node decodes.
import { describe, expect, it } from 'vitest';
import type { Redis } from '../../../src/redis.ts';
import { createRedisPublisher } from '../../../src/realtime/redis-publisher.ts';

function recordingRedis() {
  const sent: string[] = [];
  const redis = {
    publish: async (channel: string) => {
      sent.push(channel);
      return 1;
    },
  } as unknown as Redis;
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
    await Promise.resolve();
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
    await Promise.resolve();
    expect(leaves(sent)).toBe(3);
    expect(sent).toHaveLength(6);
  });
});
