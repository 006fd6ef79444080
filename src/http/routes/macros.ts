// /api/macros: every agent lists the macros they may apply (shared ones and their own) and applies
// them; supervisors and admins create, change and delete them.
import { Hono } from 'hono';
import { z } from 'zod';
import { applyMacro } from '../../domain/macros/apply-macro.ts';
import { listMacros } from '../../domain/macros/list-macros.ts';
import { createMacro, deleteMacro, updateMacro } from '../../domain/macros/save-macro.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { allow } from '../permissions.ts';
import { macroApplyBody, macroCreateBody, macroUpdateBody } from '../schemas/macros.ts';
import { validate } from '../validate.ts';

const idParam = z.object({ id: z.string().min(1) });

export function macroRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/macros', allow('agent'), async (c) => c.json({ items: await listMacros(deps.db, c.get('viewer')) }));
  app.post('/macros', allow('supervisor'), validate('json', macroCreateBody), async (c) => c.json(await createMacro(deps.db, c.get('viewer'), c.req.valid('json')), 201));
  app.patch('/macros/:id', allow('supervisor'), validate('param', idParam), validate('json', macroUpdateBody), async (c) => {
    return c.json(await updateMacro(deps.db, c.get('viewer'), c.req.valid('param').id, c.req.valid('json')));
  });
  app.delete('/macros/:id', allow('supervisor'), validate('param', idParam), async (c) => {
    await deleteMacro(deps.db, c.get('viewer'), c.req.valid('param').id);
    return c.body(null, 204);
  });
  app.post('/macros/:id/apply', allow('agent'), validate('param', idParam), validate('json', macroApplyBody), async (c) => {
    return c.json(await applyMacro(deps, c.get('viewer'), { macroId: c.req.valid('param').id, ...c.req.valid('json') }));
  });
  return app;
}
