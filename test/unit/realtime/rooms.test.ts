import { describe, expect, it } from 'vitest';
import { roomsFor, rooms } from '../../../src/realtime/events.ts';
import { roomsForAgent } from '../../../src/realtime/agent-rooms.ts';

const base = { agentId: 'a1', workspaceId: 'w1', name: 'A', email: 'a@x', sessionId: 's' };

describe('realtime audiences', () => {
  it('sends a team conversation to supervisors, the team, the assignee and the old assignee', () => {
    const r = roomsFor({ workspaceId: 'w1', conversationId: 'c1', teamId: 't1', assigneeId: 'a2', alsoAgentIds: ['a3'] });
    expect(r.sort()).toEqual([rooms.supervisors('w1'), rooms.team('w1', 't1'), rooms.conversation('c1'), rooms.agent('a2'), rooms.agent('a3')].sort());
  });
  it('sends an unteamed conversation to the unteamed room, not to any team', () => {
    const r = roomsFor({ workspaceId: 'w1', conversationId: 'c1', teamId: null, assigneeId: null });
    expect(r).toContain(rooms.unteamed('w1'));
    expect(r.some((x) => x.includes(':team:'))).toBe(false);
  });
  it('puts an agent in their own, their teams\' and the unteamed rooms only', () => {
    const r = roomsForAgent({ ...base, role: 'agent', teamIds: ['t1'] });
    expect(r.sort()).toEqual([rooms.agent('a1'), rooms.unteamed('w1'), rooms.team('w1', 't1')].sort());
  });
  it('puts a supervisor in the workspace-wide room', () => {
    expect(roomsForAgent({ ...base, role: 'supervisor', teamIds: [] })).toContain(rooms.supervisors('w1'));
  });
});
