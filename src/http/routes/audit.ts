// GET /api/audit?agentId=&contactId=&action=&cursor=: the audit log for admins, newest first.
import { Hono } from 'hono';
import { listAudit } from '../../domain/audit/list-audit.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { allow } from '../permissions.ts';
import { auditQuery } from '../schemas/privacy.ts';
import { validate } from '../validate.ts';

export function auditRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/audit', allow('admin'), validate('query', auditQuery), async (c) => c.json(await listAudit(deps.db, c.get('viewer'), c.req.valid('query'))));
  return app;
}
