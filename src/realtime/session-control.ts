// SessionControl (events.ts) through socket.io's Redis emitter: every gateway node's Redis adapter
// applies these to its own sockets, in the order they were published (the same connection as the
// realtime events), so an event published after a change never reaches a socket the change shut out.
import { Emitter } from '@socket.io/redis-emitter';
import type { Db } from '../db/client.ts';
import type { Logger } from '../log.ts';
import type { Redis } from '../redis.ts';
import { roomsForAgent, workspaceRoomsBut } from './agent-rooms.ts';
import type { ServerToClientEvents } from './agent-protocol.ts';
import { rooms, type SessionControl } from './events.ts';
import { publishClient } from './publish-client.ts';
import { realtimeKey } from './redis-publisher.ts';

export function createSessionControl(input: { db: Db; log: Logger; redis: Redis; prefix: string; onError: (err: Error) => void }): SessionControl {
  const emitter = new Emitter<ServerToClientEvents>(publishClient(input.redis, input.onError), { key: realtimeKey(input.prefix) });
  const endSessions: SessionControl['endSessions'] = (target) => {
    if ('sessionIds' in target) {
      if (target.sessionIds.length > 0) emitter.in(target.sessionIds.map(rooms.session)).disconnectSockets(true);
      return;
    }
    const sockets = emitter.in(rooms.agent(target.agentId));
    (target.exceptSessionId ? sockets.except(rooms.session(target.exceptSessionId)) : sockets).disconnectSockets(true);
  };
  return {
    endSessions,
    async refreshAgentRooms(agentId) {
      try {
        const agent = await input.db.agent.findUnique({ where: { id: agentId }, include: { teams: { select: { teamId: true } } } });
        if (!agent?.active) return endSessions({ agentId });
        const teams = await input.db.team.findMany({ where: { workspaceId: agent.workspaceId }, select: { id: true } });
        const now = roomsForAgent({ agentId, workspaceId: agent.workspaceId, role: agent.role, teamIds: agent.teams.map((t) => t.teamId) });
        // Leave only what they may no longer hear, join what is new: a socket is never briefly out
        // of a room it keeps. Conversation rooms they can no longer see are left on the next event
        // to that conversation (redis-publisher.ts).
        const own = emitter.in(rooms.agent(agentId));
        own.socketsLeave(workspaceRoomsBut({ workspaceId: agent.workspaceId, teamIds: teams.map((t) => t.id), keep: now }));
        own.socketsJoin(now);
        // The app reloads its lists: conversations of a team they joined are not on screen yet.
        emitter.to(rooms.agent(agentId)).emit('agent.access', { teamIds: agent.teams.map((t) => t.teamId) });
      } catch (err) {
        // The gateway's periodic session check moves them within SOCKET_SESSION_CHECK_SECONDS.
        input.log.warn({ err, agentId }, 'could not refresh the rooms of an agent');
      }
    },
  };
}
