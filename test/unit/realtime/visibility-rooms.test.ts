// The rooms that may see a conversation (the socket side of visibility.ts): a socket hears a
// conversation through its own rooms exactly when the viewer may see it; anyone else in the
// conversation's room is shut out before the next emit.
import { describe, expect, it } from 'vitest';
import { roomsForAgent, shutOutNonViewers, workspaceRoomsBut } from '../../../src/realtime/agent-rooms.ts';
import { rooms, visibilityRoomsFor } from '../../../src/realtime/events.ts';
import type { Role } from '../../../src/domain/auth/viewer.ts';

const viewers: { agentId: string; workspaceId: string; role: Role; teamIds: string[] }[] = [
  { agentId: 'ada', workspaceId: 'w1', role: 'agent', teamIds: ['support'] },
  { agentId: 'bob', workspaceId: 'w1', role: 'agent', teamIds: ['billing'] },
  { agentId: 'nel', workspaceId: 'w1', role: 'agent', teamIds: [] },
  { agentId: 'sam', workspaceId: 'w1', role: 'supervisor', teamIds: [] },
  { agentId: 'ann', workspaceId: 'w1', role: 'admin', teamIds: ['support'] },
  { agentId: 'olga', workspaceId: 'w2', role: 'admin', teamIds: [] },
];
const conversations = [
  { workspaceId: 'w1', teamId: 'support', assigneeId: 'ada' },
  { workspaceId: 'w1', teamId: 'support', assigneeId: null },
  { workspaceId: 'w1', teamId: 'billing', assigneeId: 'ada' },
  { workspaceId: 'w1', teamId: null, assigneeId: null },
  { workspaceId: 'w1', teamId: 'billing', assigneeId: 'bob' },
];
// visibility.ts's rule: supervisors see the workspace; agents what is theirs, their teams', and unteamed.
const maySee = (v: (typeof viewers)[number], c: (typeof conversations)[number]) =>
  v.workspaceId === c.workspaceId && (v.role !== 'agent' || c.assigneeId === v.agentId || c.teamId === null || v.teamIds.includes(c.teamId));

describe('conversation visibility in rooms', () => {
  for (const v of viewers) {
    for (const c of conversations) {
      it(`${v.agentId} (${v.role}, teams ${v.teamIds.join('+') || 'none'}) ${maySee(v, c) ? 'hears' : 'does not hear'} a conversation of ${c.workspaceId}/${c.teamId ?? 'no team'}/${c.assigneeId ?? 'unassigned'}`, () => {
        const shared = roomsForAgent(v).filter((r) => visibilityRoomsFor(c).includes(r));
        expect(shared.length > 0).toBe(maySee(v, c));
      });
    }
  }

  it('shuts the conversation room to everyone outside the rooms that may see it', () => {
    const calls: unknown[] = [];
    shutOutNonViewers({ in: (room) => ({ except: (keep) => ({ socketsLeave: (left) => void calls.push({ room, keep, left }) }) }) }, { id: 'c1', workspaceId: 'w1', teamId: 't1', assigneeId: 'a1' });
    expect(calls).toEqual([{ room: rooms.conversation('c1'), keep: [rooms.supervisors('w1'), rooms.team('w1', 't1'), rooms.agent('a1')], left: rooms.conversation('c1') }]);
  });

  it('leaves the workspace rooms an agent no longer has, never one they keep', () => {
    const keep = roomsForAgent({ agentId: 'ada', workspaceId: 'w1', role: 'agent', teamIds: ['billing'] });
    expect(workspaceRoomsBut({ workspaceId: 'w1', teamIds: ['support', 'billing'], keep }).sort()).toEqual([rooms.supervisors('w1'), rooms.team('w1', 'support')].sort());
  });
});
