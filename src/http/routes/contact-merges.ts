// GET /api/contact-search?q=: find a contact to merge with. GET /api/contacts/:id/duplicates: who looks
// like the same person, with reasons; POST .../duplicates/dismiss: "not a duplicate".
// GET /api/contact-duplicates: the workspace's suggestions (supervisors). GET .../merge-preview
// and POST .../merge: the side-by-side choice, then the merge into :id. GET .../merges: the
// contact's merge history; POST .../merges/:mergeId/undo: un-merge within 30 days.
import { Hono } from 'hono';
import { z } from 'zod';
import { dismissDuplicate } from '../../domain/contacts/merges/dismiss-duplicate.ts';
import { findContactDuplicates, findWorkspaceDuplicates } from '../../domain/contacts/merges/find-duplicate-contacts.ts';
import { listContactMerges } from '../../domain/contacts/merges/list-contact-merges.ts';
import { mergeContactsByHand } from '../../domain/contacts/merges/merge-contacts-by-hand.ts';
import { previewContactMerge } from '../../domain/contacts/merges/preview-contact-merge.ts';
import { searchContacts } from '../../domain/contacts/merges/search-contacts.ts';
import { undoContactMerge } from '../../domain/contacts/merges/undo-contact-merge.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { allow } from '../permissions.ts';
import { contactSearchQuery, dismissDuplicateBody, mergeBody, mergePreviewQuery } from '../schemas/contact-merges.ts';
import { validate } from '../validate.ts';

const idParam = z.object({ id: z.string().min(1) });

export function contactMergeRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/contact-search', allow('agent'), validate('query', contactSearchQuery), async (c) => c.json({ items: await searchContacts(deps.db, c.get('viewer'), c.req.valid('query')) }));
  app.get('/contact-duplicates', allow('supervisor'), async (c) => c.json({ items: await findWorkspaceDuplicates(deps.db, c.get('viewer')) }));
  app.get('/contacts/:id/duplicates', allow('agent'), validate('param', idParam), async (c) => c.json({ items: await findContactDuplicates(deps.db, c.get('viewer'), c.req.valid('param').id) }));
  app.post('/contacts/:id/duplicates/dismiss', allow('agent'), validate('param', idParam), validate('json', dismissDuplicateBody), async (c) => {
    await dismissDuplicate(deps.db, c.get('viewer'), { contactId: c.req.valid('param').id, otherId: c.req.valid('json').otherId });
    return c.body(null, 204);
  });
  app.get('/contacts/:id/merge-preview', allow('agent'), validate('param', idParam), validate('query', mergePreviewQuery), async (c) =>
    c.json(await previewContactMerge(deps.db, c.get('viewer'), { contactId: c.req.valid('param').id, otherId: c.req.valid('query').otherId })),
  );
  app.post('/contacts/:id/merge', allow('agent'), validate('param', idParam), validate('json', mergeBody), async (c) => {
    const body = c.req.valid('json');
    return c.json(await mergeContactsByHand(deps, c.get('viewer'), { contactId: c.req.valid('param').id, otherId: body.otherId, choices: body.choices }));
  });
  app.get('/contacts/:id/merges', allow('agent'), validate('param', idParam), async (c) => c.json({ items: await listContactMerges(deps, c.get('viewer'), c.req.valid('param').id) }));
  app.post('/contacts/:id/merges/:mergeId/undo', allow('agent'), validate('param', z.object({ id: z.string().min(1), mergeId: z.string().min(1) })), async (c) => {
    const { id, mergeId } = c.req.valid('param');
    return c.json(await undoContactMerge(deps, c.get('viewer'), { contactId: id, mergeId }));
  });
  return app;
}
