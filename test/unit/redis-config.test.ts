// REDIS_URL, REDIS_SENTINELS and REDIS_CLUSTER_NODES: which Redis the configuration names, the
// ioredis options each opens with, and the hash-tagged queue prefix a Redis Cluster needs.
import { Cluster, Redis as SingleRedis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { connectionOptions, createProducerRedis, createWorkerRedis } from '../../src/redis.ts';

describe('redis configuration', () => {
  it('is one server at REDIS_URL by default, with the prefix as given', () => {
    const config = loadConfig({ REDIS_URL: 'redis://cache:6380/2' });
    expect(config.REDIS_TARGET).toEqual({ kind: 'single', url: 'redis://cache:6380/2' });
    expect(config.QUEUE_PREFIX).toBe('parley');
  });

  it('reads sentinels (default port 26379, IPv6 in brackets), the primary name and REDIS_URL credentials', () => {
    const config = loadConfig({
      REDIS_URL: 'rediss://parley:s%40cret@ignored:6379/3',
      REDIS_SENTINELS: 'sentinel-a:26380, sentinel-b ,[fd00::7]:26381',
      REDIS_SENTINEL_NAME: 'parley-primary',
    });
    expect(config.REDIS_TARGET).toEqual({
      kind: 'sentinel',
      sentinels: [
        { host: 'sentinel-a', port: 26380 },
        { host: 'sentinel-b', port: 26379 },
        { host: 'fd00::7', port: 26381 },
      ],
      name: 'parley-primary',
      auth: { username: 'parley', password: 's@cret', db: 3, tls: true },
    });
    expect(config.QUEUE_PREFIX).toBe('parley');
    const opened = connectionOptions(config.REDIS_TARGET, { maxRetriesPerRequest: null });
    expect(opened).toEqual({
      kind: 'single',
      url: '',
      options: { maxRetriesPerRequest: null, username: 'parley', password: 's@cret', db: 3, tls: {}, sentinels: config.REDIS_TARGET.kind === 'sentinel' ? config.REDIS_TARGET.sentinels : [], name: 'parley-primary' },
    });
  });

  it('reads cluster nodes and tags the queue prefix for one hash slot', () => {
    const config = loadConfig({ REDIS_URL: 'redis://:pw@unused:6379', REDIS_CLUSTER_NODES: 'node-1,node-2:7001', QUEUE_PREFIX: 'acme' });
    expect(config.REDIS_TARGET).toEqual({ kind: 'cluster', nodes: [{ host: 'node-1', port: 6379 }, { host: 'node-2', port: 7001 }], auth: { password: 'pw', tls: false } });
    expect(config.QUEUE_PREFIX).toBe('{acme}');
    // A prefix already tagged is kept.
    expect(loadConfig({ REDIS_CLUSTER_NODES: 'node-1', QUEUE_PREFIX: '{acme}:eu' }).QUEUE_PREFIX).toBe('{acme}:eu');
  });

  it('opens a cluster client for cluster nodes and a single client otherwise, without connecting first', () => {
    const cluster = createWorkerRedis(loadConfig({ REDIS_CLUSTER_NODES: 'node-1:7000' }).REDIS_TARGET, { lazyConnect: true });
    const single = createProducerRedis(loadConfig({ REDIS_SENTINELS: 'sentinel-a' }).REDIS_TARGET, { lazyConnect: true });
    try {
      expect(cluster).toBeInstanceOf(Cluster);
      expect(single).toBeInstanceOf(SingleRedis);
      expect((single as SingleRedis).options.sentinels).toEqual([{ host: 'sentinel-a', port: 26379 }]);
      expect((single as SingleRedis).options.enableOfflineQueue).toBe(false);
    } finally {
      cluster.disconnect();
      single.disconnect();
    }
  });

  it('refuses both sentinels and cluster nodes, bad host lists, a cluster database and a non-redis URL', () => {
    expect(() => loadConfig({ REDIS_SENTINELS: 'a', REDIS_CLUSTER_NODES: 'b' })).toThrow(/set one of them, not both/);
    expect(() => loadConfig({ REDIS_CLUSTER_NODES: 'node-1:port' })).toThrow(ConfigError);
    expect(() => loadConfig({ REDIS_SENTINELS: ' , ' })).toThrow(/REDIS_SENTINELS/);
    expect(() => loadConfig({ REDIS_CLUSTER_NODES: 'node-1', REDIS_URL: 'redis://x:6379/4' })).toThrow(/database other than 0/);
    expect(() => loadConfig({ REDIS_URL: 'http://cache:6379' })).toThrow(/REDIS_URL/);
  });
});
