// The audit log for admins, newest first, a page at a time: every recorded action (changes, reads
// of personal data, exports, erasures), filtered by the person who acted and the customer concerned.
import type { Db, Prisma } from '../../db/client.ts';
import { requireAdmin, type Viewer } from '../auth/viewer.ts';
import type { AuditPage } from './audit-view.ts';

export interface AuditQuery {
  agentId?: string;
  contactId?: string;
  action?: string;
  /** The `next` of the previous page. */
  cursor?: string;
  limit: number;
}

export async function listAudit(db: Db, viewer: Viewer, query: AuditQuery): Promise<AuditPage> {
  requireAdmin(viewer, 'read the audit log');
  const where: Prisma.AuditEventWhereInput = {
    workspaceId: viewer.workspaceId,
    ...(query.agentId ? { actorAgentId: query.agentId } : {}),
    ...(query.contactId ? { contactId: query.contactId } : {}),
    ...(query.action ? { action: query.action } : {}),
    // Ids are UUIDv7: their order is the order entries were written in.
    ...(query.cursor ? { id: { lt: query.cursor } } : {}),
  };
  const rows = await db.auditEvent.findMany({ where, orderBy: { id: 'desc' }, take: query.limit + 1, include: { actor: { select: { id: true, name: true } } } });
  const page = rows.slice(0, query.limit);
  const contactIds = [...new Set(page.flatMap((r) => (r.contactId ? [r.contactId] : [])))];
  const contacts = new Map((await db.contact.findMany({ where: { id: { in: contactIds } }, select: { id: true, name: true, email: true, phone: true } })).map((c) => [c.id, c]));
  return {
    items: page.map((r) => {
      const c = r.contactId ? contacts.get(r.contactId) : undefined;
      return {
        id: r.id,
        action: r.action,
        actor: r.actor,
        targetType: r.targetType,
        targetId: r.targetId,
        contact: r.contactId ? { id: r.contactId, name: c ? (c.name ?? c.email ?? c.phone) : null } : null,
        data: r.data,
        createdAt: r.createdAt.toISOString(),
      };
    }),
    next: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
