// GET /api/agents and GET /api/teams: who works in the workspace, for assignment pickers, team
// views and @mentions. Every agent may read them.
import { Hono } from 'hono';
import { listAgents } from '../../domain/agents/list-agents.ts';
import { listTeams } from '../../domain/agents/list-teams.ts';
import { requireAuth } from '../auth-middleware.ts';
import type { AppDeps, AppEnv } from '../context.ts';

export function agentRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/agents', requireAuth(deps), async (c) => c.json({ items: await listAgents(deps.db, c.get('viewer')) }));
  app.get('/teams', requireAuth(deps), async (c) => c.json({ items: await listTeams(deps.db, c.get('viewer')) }));
  return app;
}
