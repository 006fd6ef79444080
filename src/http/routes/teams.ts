// Admin → Teams: create (POST /teams), rename, archive or restore, members and lead
// (PATCH /teams/:id). Reading is GET /teams (agents.ts). Admins only.
import { Hono } from 'hono';
import { z } from 'zod';
import { createTeam, updateTeam } from '../../domain/teams/save-team.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { allow } from '../permissions.ts';
import { teamCreateBody, teamPatchBody } from '../schemas/people.ts';
import { validate } from '../validate.ts';

const idParam = z.object({ id: z.string().min(1) });

export function teamRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.post('/teams', allow('admin'), validate('json', teamCreateBody), async (c) => c.json(await createTeam(deps, c.get('viewer'), c.req.valid('json')), 201));
  app.patch('/teams/:id', allow('admin'), validate('param', idParam), validate('json', teamPatchBody), async (c) => {
    return c.json(await updateTeam(deps, c.get('viewer'), c.req.valid('param').id, c.req.valid('json')));
  });
  return app;
}
