import { describe, expect, it } from 'vitest';
import { choosePolicy, targetSeconds, type PolicyLike } from '../../../../src/domain/sla/choose-policy.ts';

const policy = (p: Partial<PolicyLike> & { id: string }): PolicyLike => ({ position: 0, active: true, conditions: {}, targets: { normal: { first_response: 3600 } }, ...p });
const facts = { channel: 'email' as const, contactTier: null, tags: [] as string[], teamId: null };

describe('choosePolicy', () => {
  const complaint = policy({ id: 'complaint', position: 0, conditions: { tags: ['complaint'] } });
  const vip = policy({ id: 'vip', position: 5, conditions: { contactTier: ['gold'] } });
  const chat = policy({ id: 'chat', position: 10, conditions: { channel: ['webchat'] } });
  const everything = policy({ id: 'default', position: 100 });
  const all = [everything, chat, vip, complaint];

  it('takes the first matching policy by position, not by list order', () => {
    expect(choosePolicy(all, { ...facts, tags: ['complaint'], contactTier: 'gold' })?.id).toBe('complaint');
    expect(choosePolicy(all, { ...facts, contactTier: 'gold' })?.id).toBe('vip');
  });
  it('falls through to the catch-all policy', () => {
    expect(choosePolicy(all, facts)?.id).toBe('default');
    expect(choosePolicy(all, { ...facts, channel: 'webchat' })?.id).toBe('chat');
  });
  it('requires every stated condition', () => {
    const both = policy({ id: 'both', conditions: { channel: ['email'], contactTier: ['gold'] } });
    expect(choosePolicy([both], facts)).toBeNull();
    expect(choosePolicy([both], { ...facts, contactTier: 'gold' })?.id).toBe('both');
  });
  it('skips inactive policies', () => {
    expect(choosePolicy([{ ...complaint, active: false }, everything], { ...facts, tags: ['complaint'] })?.id).toBe('default');
  });
  it('matches a team condition only when the conversation has that team', () => {
    const team = policy({ id: 'team', conditions: { teamId: ['t1'] } });
    expect(choosePolicy([team], facts)).toBeNull();
    expect(choosePolicy([team], { ...facts, teamId: 't1' })?.id).toBe('team');
  });
  it('breaks position ties deterministically', () => {
    const a = policy({ id: 'a', position: 1 });
    const b = policy({ id: 'b', position: 1 });
    expect(choosePolicy([b, a], facts)?.id).toBe('a');
  });
});

describe('targetSeconds', () => {
  const p = policy({ id: 'p', targets: { urgent: { first_response: 60 }, normal: { first_response: 3600, resolution: 86400 } } });
  it('reads the target for the priority and metric', () => {
    expect(targetSeconds(p, 'urgent', 'first_response')).toBe(60);
    expect(targetSeconds(p, 'normal', 'resolution')).toBe(86400);
  });
  it('falls back to the next lower stated priority, then upwards', () => {
    expect(targetSeconds(p, 'high', 'first_response')).toBe(3600);
    expect(targetSeconds(p, 'low', 'first_response')).toBe(3600);
    expect(targetSeconds(p, 'urgent', 'resolution')).toBe(86400);
  });
  it('is null when no priority states the metric', () => {
    expect(targetSeconds(p, 'normal', 'next_response')).toBeNull();
  });
});
