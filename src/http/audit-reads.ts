// Audits reads of personal data: after a successful GET of a contact or a conversation, records
// that the viewer opened it (throttled per person and subject, see record-read.ts). A failure to
// write the entry is logged; the reader still gets what they asked for.
import type { MiddlewareHandler } from 'hono';
import { recordRead, type ReadSubject } from '../domain/audit/record-read.ts';
import type { AppDeps, AppEnv } from './context.ts';

export function auditReads(deps: AppDeps, targetType: ReadSubject): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (c.req.method !== 'GET' || c.res.status !== 200) return;
    const viewer = c.get('viewer');
    const targetId = c.req.param('id');
    if (!viewer || !targetId) return;
    await recordRead(deps, viewer, { targetType, targetId }).catch((err: unknown) => deps.log.error({ err, targetType, targetId }, 'could not audit a read of personal data'));
  };
}
