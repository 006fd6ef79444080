import { describe, expect, it } from 'vitest';
import { pickAgent, qualified, type Candidate } from '../../../../src/domain/routing/pick-agent.ts';
import { requirementSchema } from '../../../../src/domain/routing/workflow-schema.ts';

const agent = (id: string, o: Partial<Candidate> = {}): Candidate => ({ agentId: id, online: true, capacity: 100, load: 0, skills: new Map(), teamIds: [], lastAssignedAt: 0, ...o });
const anyone = requirementSchema.parse({});

describe('pickAgent', () => {
  it('picks the least loaded by share of capacity', () => {
    const a = agent('a', { load: 50 });
    const b = agent('b', { load: 20, capacity: 20 });
    const c = agent('c', { load: 30 });
    expect(pickAgent({ candidates: [a, b, c], requirement: anyone, cost: 10, lastAgentId: null })?.agentId).toBe('c');
  });
  it('breaks load ties by the longest idle', () => {
    const a = agent('a', { lastAssignedAt: 2000 });
    const b = agent('b', { lastAssignedAt: 1000 });
    expect(pickAgent({ candidates: [a, b], requirement: anyone, cost: 10, lastAgentId: null })?.agentId).toBe('b');
  });
  it('prefers the agent who last helped the contact when they have room, even if busier', () => {
    const a = agent('a', { load: 80 });
    const b = agent('b');
    expect(pickAgent({ candidates: [a, b], requirement: anyone, cost: 10, lastAgentId: 'a' })?.agentId).toBe('a');
    expect(pickAgent({ candidates: [a, b], requirement: anyone, cost: 30, lastAgentId: 'a' })?.agentId).toBe('b');
  });
  it('never picks an agent without room for the cost: a call excludes chats', () => {
    const onCall = agent('a', { load: 100 });
    const chatting = agent('b', { load: 25 });
    expect(pickAgent({ candidates: [onCall, chatting], requirement: anyone, cost: 100, lastAgentId: null })).toBeNull();
    expect(pickAgent({ candidates: [onCall, chatting], requirement: anyone, cost: 25, lastAgentId: null })?.agentId).toBe('b');
  });
  it('requires every skill at its minimum level', () => {
    const junior = agent('j', { skills: new Map([['billing', 2], ['lang:ru', 5]]) });
    const senior = agent('s', { skills: new Map([['billing', 4]]), load: 90 });
    const req = requirementSchema.parse({ skills: [{ skill: 'billing', minLevel: 3 }] });
    expect(pickAgent({ candidates: [junior, senior], requirement: req, cost: 10, lastAgentId: null })?.agentId).toBe('s');
    const both = requirementSchema.parse({ skills: [{ skill: 'billing', minLevel: 2 }, { skill: 'lang:ru', minLevel: 5 }] });
    expect(pickAgent({ candidates: [junior, senior], requirement: both, cost: 10, lastAgentId: null })?.agentId).toBe('j');
  });
  it('skips offline, excluded, other-team and non-previous agents as the requirement says', () => {
    const off = agent('off', { online: false });
    const declined = agent('declined');
    const otherTeam = agent('other', { teamIds: ['t2'] });
    const mine = agent('mine', { teamIds: ['t1'], load: 90 });
    const req = requirementSchema.parse({ teamId: 't1' });
    expect(pickAgent({ candidates: [off, declined, otherTeam, mine], requirement: req, cost: 10, lastAgentId: null, exclude: new Set(['declined']) })?.agentId).toBe('mine');
    const lastOnly = requirementSchema.parse({ lastAgent: true });
    expect(pickAgent({ candidates: [declined, mine], requirement: lastOnly, cost: 10, lastAgentId: null })).toBeNull();
  });
  it('lists qualified agents regardless of room, for skip-if-nobody-available', () => {
    const busy = agent('busy', { load: 100 });
    expect(qualified({ candidates: [busy, agent('off', { online: false })], requirement: anyone, cost: 10, lastAgentId: null }).map((c) => c.agentId)).toEqual(['busy']);
  });
});
