// When Postgres refuses connections, never answers, or an open connection goes silent, the webhook
// edge answers 503 with Retry-After within 5 s (so the provider retries) and the API answers 503
// instead of 500 or hanging.
import net from 'node:net';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.ts';
import { createApp } from '../../../src/http/app.ts';
import { createLogger } from '../../../src/log.ts';
import { createRedisRateLimiter } from '../../../src/realtime/visitor-rate-limit.ts';
import { createAttemptLimiter } from '../../../src/http/attempt-limiter.ts';
import { createProducerRedis } from '../../../src/redis.ts';
import { createRuntime, type Runtime } from '../../../src/runtime.ts';
import { createTestDb, type TestDb } from '../../support/db.ts';
import { testRedisUrl } from '../../support/env.ts';
import { startTcpProxy, type TcpProxy } from '../../support/tcp-proxy.ts';

const runtimes: Runtime[] = [];
const closers: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  // The stand-ins first: a runtime closing over a silent connection would wait for it.
  for (const close of closers.reverse()) await close();
  for (const rt of runtimes) await rt.close().catch(() => undefined);
});

function appOn(databaseUrl: string) {
  const config = loadConfig({ DATABASE_URL: databaseUrl, REDIS_URL: testRedisUrl, QUEUE_PREFIX: `t-dbdown-${randomBytes(4).toString('hex')}`, LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const rt = createRuntime(config, createLogger(config.LOG_LEVEL));
  runtimes.push(rt);
  const redis = createProducerRedis(testRedisUrl);
  closers.push(async () => redis.disconnect());
  return createApp({ ...rt.deps, config: rt.config, limiter: createRedisRateLimiter(redis, config.QUEUE_PREFIX, rt.deps.log), attempts: createAttemptLimiter(redis, config.QUEUE_PREFIX, rt.deps.log) });
}

const webhook = (app: ReturnType<typeof createApp>) =>
  app.request(`/webhooks/custom/0193aa00-0000-7000-8000-000000000001`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: 'evt-1', from: { id: 'u' }, text: 'hi' }) });
const twilioAlias = (app: ReturnType<typeof createApp>) =>
  app.request('/webhooks/twilio/messages', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'MessageSid=SM1&To=%2B14155550100&From=%2B14155550142&Body=hi' });

async function expect503Soon(res: Promise<Response> | Response) {
  const started = Date.now();
  const answer = await res;
  const elapsed = Date.now() - started;
  expect(answer.status).toBe(503);
  expect(answer.headers.get('retry-after')).toBe('5');
  expect(((await answer.json()) as { error: { code: string } }).error.code).toBe('unavailable');
  expect(elapsed).toBeLessThan(5_000);
}

describe('the edges while the database is away', () => {
  it('answers 503 with Retry-After when Postgres refuses connections', async () => {
    const app = appOn('postgresql://postgres@127.0.0.1:1/parley');
    await expect503Soon(webhook(app));
    await expect503Soon(twilioAlias(app));
    await expect503Soon(app.request('/api/conversations', { headers: { authorization: 'Bearer some-token' } }));
  });

  it('answers 503 within 5 s when Postgres accepts the connection but never answers', async () => {
    const held = new Set<net.Socket>();
    const silent = net.createServer((s) => void held.add(s));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise((resolve) => (held.forEach((s) => s.destroy()), silent.close(resolve))));
    const app = appOn(`postgresql://postgres@127.0.0.1:${(silent.address() as net.AddressInfo).port}/parley`);
    await expect503Soon(webhook(app));
  });

  it('answers 503 within 5 s when the open connections go silent', async () => {
    const testDb: TestDb = await createTestDb();
    closers.push(() => testDb.drop());
    const target = new URL(testDb.url);
    const proxy: TcpProxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    closers.push(() => proxy.close());
    const app = appOn(`postgresql://postgres@127.0.0.1:${proxy.port}${target.pathname}`);
    // The pool's connections are open and working: an unknown channel is a plain 404.
    expect((await webhook(app)).status).toBe(404);
    proxy.freeze();
    await expect503Soon(webhook(app));
  });
});
