// An agent's open work as routing counts it, in SQL, for the statements that need it (the
// router's batch, routing-snapshot.ts, and the supervisor board, board-counts.ts), so both read
// load the same way: the assigned conversations from the counters the "Conversation" triggers keep
// (AgentLoad: one row per agent and channel, migration 20261206110000_agent_load), plus the live
// offers, counted through their partial index (an offer stops counting when it expires, which no
// trigger sees). Rows: ("agentId", kind, n, assigned), n counting offers too.

/**
 * `agents`: an SQL condition on "AgentLoad" l choosing whose counters (it may name the workspace's
 * agents through a join the caller adds in `from`); `workspace` and `now`: bound parameters.
 */
export function agentWorkSql(input: { from: string; agents: string; workspace: string; now: string }): string {
  return `SELECT l."agentId", ch.kind, l.assigned AS n, l.assigned
          FROM ${input.from} JOIN "Channel" ch ON ch.id = l."channelId"
          WHERE ${input.agents} AND l.assigned > 0
          UNION ALL
          SELECT c."offeredAgentId", ch.kind, count(*)::int, 0
          FROM "Conversation" c JOIN "Channel" ch ON ch.id = c."channelId"
          WHERE c."workspaceId" = ${input.workspace} AND c.status = 'open' AND c."assigneeId" IS NULL AND c."offeredAgentId" IS NOT NULL
            AND c."offerExpiresAt" > (${input.now}::timestamptz AT TIME ZONE 'UTC')
          GROUP BY 1, 2`;
}
