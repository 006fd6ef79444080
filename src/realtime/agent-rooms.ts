// The rooms an agent's socket sits in, from their role and teams (events.ts names them): their own
// room, and what they may see of the workspace. Recomputed whenever role or teams change.
import { isSupervisor, type Viewer } from '../domain/auth/viewer.ts';
import { rooms, visibilityRoomsFor } from './events.ts';

export function roomsForAgent(a: Viewer): string[] {
  if (isSupervisor(a)) return [rooms.agent(a.agentId), rooms.supervisors(a.workspaceId)];
  return [rooms.agent(a.agentId), rooms.unteamed(a.workspaceId), ...a.teamIds.map((t) => rooms.team(a.workspaceId, t))];
}

/** The workspace rooms a socket may be in for what it sees (supervisors, unteamed, every team), but not `keep`. */
export function workspaceRoomsBut(input: { workspaceId: string; teamIds: readonly string[]; keep: readonly string[] }): string[] {
  const all = [rooms.supervisors(input.workspaceId), rooms.unteamed(input.workspaceId), ...input.teamIds.map((t) => rooms.team(input.workspaceId, t))];
  return all.filter((r) => !input.keep.includes(r));
}

/** What socket.io's server and its Redis emitter both offer for moving sockets between rooms. */
interface RoomOps {
  in(room: string): { except(rooms: string[]): { socketsLeave(rooms: string): void } };
}

/**
 * Sockets in the conversation's room that may no longer see it (it moved team or assignee, or the
 * agent left the team since joining) leave the room; call before emitting to it. Through an
 * emitter or the Redis adapter this reaches every node before the emit that follows it.
 */
export function shutOutNonViewers(ops: RoomOps, c: { id: string; workspaceId: string; teamId: string | null; assigneeId: string | null }): void {
  const room = rooms.conversation(c.id);
  ops.in(room).except(visibilityRoomsFor(c)).socketsLeave(room);
}
