// The contact settings: /api/lifecycle-stages (the ordered stage list: everyone reads, admins add,
// rename, reorder and remove, moving a removed stage's contacts) and /api/attribute-definitions
// (typed custom attributes: everyone reads, admins define).
import { Hono } from 'hono';
import { z } from 'zod';
import { createAttributeDefinition, deleteAttributeDefinition, listAttributeDefinitions, updateAttributeDefinition } from '../../domain/contacts/attribute-definitions.ts';
import { listLifecycleStages } from '../../domain/contacts/lifecycle-stages.ts';
import { createLifecycleStage, removeLifecycleStage, renameLifecycleStage, reorderLifecycleStages } from '../../domain/contacts/manage-lifecycle-stages.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { allow } from '../permissions.ts';
import {
  attributeDefinitionBody,
  attributeDefinitionPatchBody,
  lifecycleStageBody,
  lifecycleStageDeleteQuery,
  lifecycleStageOrderBody,
  lifecycleStagePatchBody,
} from '../schemas/contacts.ts';
import { validate } from '../validate.ts';

const idParam = z.object({ id: z.string().min(1) });

export function contactSettingsRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/lifecycle-stages', allow('agent'), async (c) => c.json({ items: await listLifecycleStages(deps.db, c.get('viewer').workspaceId) }));
  app.post('/lifecycle-stages', allow('admin'), validate('json', lifecycleStageBody), async (c) => c.json({ items: await createLifecycleStage(deps.db, c.get('viewer'), c.req.valid('json')) }, 201));
  app.put('/lifecycle-stages/order', allow('admin'), validate('json', lifecycleStageOrderBody), async (c) => c.json({ items: await reorderLifecycleStages(deps.db, c.get('viewer'), c.req.valid('json').ids) }));
  app.patch('/lifecycle-stages/:id', allow('admin'), validate('param', idParam), validate('json', lifecycleStagePatchBody), async (c) =>
    c.json({ items: await renameLifecycleStage(deps.db, c.get('viewer'), c.req.valid('param').id, c.req.valid('json').name) }),
  );
  app.delete('/lifecycle-stages/:id', allow('admin'), validate('param', idParam), validate('query', lifecycleStageDeleteQuery), async (c) => {
    const { moveTo } = c.req.valid('query');
    return c.json({ items: await removeLifecycleStage(deps.db, c.get('viewer'), c.req.valid('param').id, moveTo === 'none' ? null : moveTo) });
  });

  app.get('/attribute-definitions', allow('agent'), async (c) => c.json({ items: await listAttributeDefinitions(deps.db, c.get('viewer').workspaceId) }));
  app.post('/attribute-definitions', allow('admin'), validate('json', attributeDefinitionBody), async (c) => c.json(await createAttributeDefinition(deps.db, c.get('viewer'), c.req.valid('json')), 201));
  app.patch('/attribute-definitions/:id', allow('admin'), validate('param', idParam), validate('json', attributeDefinitionPatchBody), async (c) =>
    c.json(await updateAttributeDefinition(deps.db, c.get('viewer'), c.req.valid('param').id, c.req.valid('json'))),
  );
  app.delete('/attribute-definitions/:id', allow('admin'), validate('param', idParam), async (c) => {
    await deleteAttributeDefinition(deps.db, c.get('viewer'), c.req.valid('param').id);
    return c.body(null, 204);
  });
  return app;
}
