// The workflow editor's draft: reordering keeps each filter's key, and what PUT gets has no keys,
// no empty conditions (the schema wants non-empty "any of" lists) and no empty team requirement.
import { describe, expect, it } from 'vitest';
import { moveItem, newFilter, toDraft, toWorkflowBody } from '../../src/routing/workflow-draft.ts';

describe('the workflow draft', () => {
  it('sends what the schema takes: no keys, no empty conditions, no empty team', () => {
    const draft = toDraft({ filters: [], fallback: { name: 'fallback', steps: [{ queue: 'General', requirement: { skills: [], lastAgent: false }, timeoutSeconds: 600, skipIfNobodyAvailable: false }] }, lastAgentWindowHours: 72 });
    const billing = newFilter('Billing');
    billing.name = 'Billing';
    billing.when = { keywords: ['invoice'], channel: [], contactTags: [], attributes: { topic: ['billing'], menu: [] } };
    billing.steps[0]!.requirement = { skills: [{ skill: 'billing', minLevel: 3 }], lastAgent: false, teamId: '' };
    const body = toWorkflowBody({ ...draft, filters: [billing] });
    expect(body).toEqual({
      filters: [{ name: 'Billing', when: { keywords: ['invoice'], attributes: { topic: ['billing'] } }, steps: [{ queue: 'Billing', requirement: { skills: [{ skill: 'billing', minLevel: 3 }], lastAgent: false }, timeoutSeconds: 300, skipIfNobodyAvailable: false }] }],
      fallback: { name: 'fallback', steps: [{ queue: 'General', requirement: { skills: [], lastAgent: false }, timeoutSeconds: 600, skipIfNobodyAvailable: false }] },
      lastAgentWindowHours: 72,
    });
  });

  it('moves an item within bounds and keeps it otherwise', () => {
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    const [first, second] = [newFilter('Q'), newFilter('Q')];
    expect(moveItem([first, second], 0, 1).map((f) => f.uid)).toEqual([second.uid, first.uid]);
  });
});
