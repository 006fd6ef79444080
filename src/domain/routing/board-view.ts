// The supervisor board as GET /api/supervisor/board returns it (built in board.ts and
// today-stats.ts): queues, agents with presence and load, today's totals. Node-free (src/contract).
import type { Agent, Priority, Queue } from '../../db/model-types.ts';

export type BoardQueue = Pick<Queue, 'id' | 'name' | 'mode'> & {
  waiting: number;
  longestWaitSeconds: number;
  byPriority: Record<Priority, number>;
  slaAtRisk: number;
  slaBreached: number;
  eligibleAgents: number;
  availableAgents: number;
};

export type BoardAgent = Pick<Agent, 'id' | 'name' | 'role' | 'presence' | 'capacity'> & {
  load: number;
  openConversations: number;
};

export interface TodayStats {
  since: string;
  conversations: number;
  resolved: number;
  slaBreaches: number;
  firstResponseMedianSeconds: number | null;
  resolutionMedianSeconds: number | null;
  /** New conversations per hour of the workspace's day and channel kind. */
  volumeByHour: { hour: number; channel: string; count: number }[];
}

export interface SupervisorBoard {
  at: string;
  queues: BoardQueue[];
  agents: BoardAgent[];
  today: TodayStats;
}
