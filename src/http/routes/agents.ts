// GET /api/agents and GET /api/teams: who works in the workspace, for assignment pickers, team
// views and @mentions. Every agent may read them. `GET /api/teams?archived=include` adds archived
// teams (Admin → Teams).
import { Hono } from 'hono';
import { listAgents } from '../../domain/agents/list-agents.ts';
import { listTeams } from '../../domain/agents/list-teams.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { allow } from '../permissions.ts';
import { teamListQuery } from '../schemas/people.ts';
import { validate } from '../validate.ts';

export function agentRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/agents', allow('agent'), async (c) => c.json({ items: await listAgents(deps.db, c.get('viewer')) }));
  app.get('/teams', allow('agent'), validate('query', teamListQuery), async (c) => {
    return c.json({ items: await listTeams(deps.db, c.get('viewer'), { includeArchived: c.req.valid('query').archived === 'include' }) });
  });
  return app;
}
