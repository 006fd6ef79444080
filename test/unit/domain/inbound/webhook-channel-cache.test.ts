import { describe, expect, it } from 'vitest';
import type { Channel, Db } from '../../../../src/db/client.ts';
import { CHANNEL_CACHE_TTL_MS, cachedChannelByAddress, cachedChannelById, cachedChannelByNamedAddress, forgetChannel, rememberChannel } from '../../../../src/domain/inbound/webhook-channel-cache.ts';

// The cache only keys on the client's identity; it never calls it.
const someDb = () => ({}) as unknown as Db;
const channel = (over: Partial<Channel> = {}): Channel =>
  ({ id: 'ch-1', workspaceId: 'ws-1', kind: 'sms', name: 'SMS', address: '+14155550100', settings: {}, state: {}, active: true, createdAt: new Date(0), updatedAt: new Date(0), ...over }) as Channel;
const at = (ms: number) => new Date(Date.UTC(2026, 11, 3) + ms);

describe('webhook channel cache', () => {
  it('serves a remembered channel by id and by address until its bound, then no more', () => {
    const db = someDb();
    rememberChannel(db, channel(), at(0));
    expect(cachedChannelById(db, 'ch-1', at(CHANNEL_CACHE_TTL_MS - 1))?.id).toBe('ch-1');
    expect(cachedChannelByAddress(db, 'sms', '+14155550100', at(CHANNEL_CACHE_TTL_MS - 1))?.id).toBe('ch-1');
    expect(cachedChannelById(db, 'ch-1', at(CHANNEL_CACHE_TTL_MS))).toBeNull();
    expect(cachedChannelByAddress(db, 'sms', '+14155550100', at(CHANNEL_CACHE_TTL_MS))).toBeNull();
  });

  it('never keeps an inactive channel, and forgets one at once when told', () => {
    const db = someDb();
    rememberChannel(db, channel({ active: false }), at(0));
    expect(cachedChannelById(db, 'ch-1', at(1))).toBeNull();
    rememberChannel(db, channel(), at(0));
    forgetChannel(db, 'ch-1');
    expect(cachedChannelById(db, 'ch-1', at(1))).toBeNull();
    expect(cachedChannelByAddress(db, 'sms', '+14155550100', at(1))).toBeNull();
  });

  it('keeps each database client apart, and another kind at the same address apart', () => {
    const one = someDb();
    const other = someDb();
    rememberChannel(one, channel(), at(0));
    expect(cachedChannelById(other, 'ch-1', at(1))).toBeNull();
    expect(cachedChannelByAddress(one, 'whatsapp', '+14155550100', at(1))).toBeNull();
  });

  it('serves a channel by the address as a request wrote it, and forgetting the channel drops every way to it', () => {
    const db = someDb();
    rememberChannel(db, channel(), at(0), { named: '+1 (415) 555-0100' });
    rememberChannel(db, channel(), at(1), { named: '4155550100' });
    expect(cachedChannelByNamedAddress(db, 'sms', '+1 (415) 555-0100', at(2))?.id).toBe('ch-1');
    expect(cachedChannelByNamedAddress(db, 'voice', '+1 (415) 555-0100', at(2))).toBeNull();
    forgetChannel(db, 'ch-1');
    expect(cachedChannelByNamedAddress(db, 'sms', '+1 (415) 555-0100', at(2))).toBeNull();
    expect(cachedChannelByNamedAddress(db, 'sms', '4155550100', at(2))).toBeNull();
    expect(cachedChannelById(db, 'ch-1', at(2))).toBeNull();
  });

  it('stays bounded however many ways requests name an address', () => {
    const db = someDb();
    for (let i = 0; i < 5_000; i++) rememberChannel(db, channel(), at(0), { named: `+1415555${i}` });
    expect(cachedChannelByNamedAddress(db, 'sms', '+14155550', at(1))).toBeNull();
    expect(cachedChannelByNamedAddress(db, 'sms', '+14155554999', at(1))?.id).toBe('ch-1');
  });
});
