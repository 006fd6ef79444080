// The inbox's place in the URL: view, filters, the open conversation and whether its customer is
// shown (the phone's third view, the tablet's sheet) survive a reload as the same route.
import { describe, expect, it } from 'vitest';
import { inboxPath, parseRoute, type InboxRoute } from '../../src/router.ts';

const base: Omit<InboxRoute, 'page'> = { view: { kind: 'team', teamId: 't1' }, status: 'pending', channelId: 'ch1', conversationId: null };

describe('inbox routes', () => {
  it('round-trips the list, a conversation and its customer', () => {
    for (const r of [base, { ...base, conversationId: 'c1' }, { ...base, conversationId: 'c1', customer: true }]) {
      const url = new URL(inboxPath(r), 'http://x');
      expect(parseRoute(url.pathname, url.search)).toEqual({ page: 'inbox', ...r, customer: r.customer ?? false });
    }
    expect(inboxPath({ ...base, conversationId: 'c1', customer: true })).toBe('/inbox/team-t1/c/c1/customer?status=pending&channel=ch1');
  });

  it('shows no customer without an open conversation', () => {
    expect(inboxPath({ ...base, customer: true })).toBe('/inbox/team-t1?status=pending&channel=ch1');
    expect(parseRoute('/inbox/all/customer', '')).toMatchObject({ conversationId: null, customer: false });
  });
});
