import { describe, expect, it } from 'vitest';
import { matchFilter, type RoutingFacts } from '../../../../src/domain/routing/match-filter.ts';
import { workflowSchema } from '../../../../src/domain/routing/workflow-schema.ts';

const facts = (o: Partial<RoutingFacts> = {}): RoutingFacts => ({
  channel: 'email', teamId: null, language: null, firstMessageText: '', contactTier: null, contactTags: [], conversationTags: [], priority: 'normal', attributes: {}, ...o,
});
const step = (queue: string) => [{ queue, timeoutSeconds: 60 }];
const wf = workflowSchema.parse({
  filters: [
    { name: 'complaints', when: { conversationTags: ['complaint'] }, steps: step('Complaints') },
    { name: 'voice billing', when: { channel: ['voice'], attributes: { menu: ['2'] } }, steps: step('Billing') },
    { name: 'refunds', when: { keywords: ['refund', 'money back'] }, steps: step('Billing') },
    { name: 'russian', when: { language: ['ru'] }, steps: step('Russian') },
    { name: 'vip', when: { contactTier: ['gold'], priority: ['high', 'urgent'] }, steps: step('VIP') },
  ],
  fallback: { steps: step('General') },
});

describe('matchFilter', () => {
  it('takes the first filter whose conditions all hold', () => {
    expect(matchFilter(wf, facts({ conversationTags: ['complaint'], firstMessageText: 'refund' })).name).toBe('complaints');
    expect(matchFilter(wf, facts({ firstMessageText: 'I want a Refund now' })).name).toBe('refunds');
  });
  it('matches keywords as whole words, case-insensitively, including phrases', () => {
    expect(matchFilter(wf, facts({ firstMessageText: 'refundable ticket?' })).name).toBe('fallback');
    expect(matchFilter(wf, facts({ firstMessageText: 'can I get my MONEY BACK?' })).name).toBe('refunds');
  });
  it('matches the voice menu choice through attributes', () => {
    expect(matchFilter(wf, facts({ channel: 'voice', attributes: { menu: '2' } })).name).toBe('voice billing');
    expect(matchFilter(wf, facts({ channel: 'voice', attributes: { menu: '1' } })).name).toBe('fallback');
    expect(matchFilter(wf, facts({ channel: 'sms', attributes: { menu: '2' } })).name).toBe('fallback');
  });
  it('matches a language by its primary subtag', () => {
    expect(matchFilter(wf, facts({ language: 'ru-RU' })).name).toBe('russian');
  });
  it('needs every condition of a filter', () => {
    expect(matchFilter(wf, facts({ contactTier: 'gold' })).name).toBe('fallback');
    expect(matchFilter(wf, facts({ contactTier: 'gold', priority: 'urgent' })).name).toBe('vip');
  });
  it('rejects unknown condition keys when the workflow is saved', () => {
    expect(() => workflowSchema.parse({ filters: [{ name: 'x', when: { chanel: ['email'] }, steps: step('A') }], fallback: { steps: step('G') } })).toThrow();
  });
});
