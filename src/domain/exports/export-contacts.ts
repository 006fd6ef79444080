// GET /api/exports/contacts.(csv|json): every contact the viewer may see, oldest first, streamed
// from a server-side cursor. Supervisors and admins only; audited.
import type { Deps } from '../../deps.ts';
import { requireSupervisor, type Viewer } from '../auth/viewer.ts';
import { visibleContactsSql } from '../contacts/contact-visibility.ts';
import { binder } from '../conversations/visibility.ts';
import { contactColumns, type ContactExportRow } from './contact-columns.ts';
import { openCursorRows } from './cursor-rows.ts';
import { rangeForAudit, type ContactExportRequest } from './export-filters.ts';
import { isoSql, rangeSql } from './export-sql.ts';
import { startExport, type ExportDownload } from './start-export.ts';
import { streamRows } from './stream-rows.ts';

export async function exportContacts(deps: Pick<Deps, 'db' | 'clock'>, viewer: Viewer, req: ContactExportRequest): Promise<ExportDownload> {
  requireSupervisor(viewer, 'export contacts');
  const values: unknown[] = [];
  const bind = binder(values);
  const where = [visibleContactsSql(viewer, 'k', bind), `k."mergedIntoId" IS NULL`, ...rangeSql('k."createdAt"', req, bind)];
  const text = `SELECT k.id, k.name, k.email, k.phone, k.tier, k."lifecycleStage" AS lifecycle_stage, k.tags, k.attributes,
      COALESCE((SELECT array_agg(i."channelKind" || ':' || i.address ORDER BY i."createdAt", i.id) FROM "ContactIdentity" i WHERE i."contactId" = k.id), '{}') AS identities,
      o.id AS company_id, o.name AS company, a.id AS owner_id, a.name AS owner,
      (SELECT count(*)::int FROM "Conversation" c WHERE c."contactId" = k.id) AS conversation_count,
      ${isoSql('k."createdAt"')} AS created_at, ${isoSql('k."updatedAt"')} AS updated_at, ${isoSql('k."erasedAt"')} AS erased_at
    FROM "Contact" k LEFT JOIN "Organisation" o ON o.id = k."organisationId" LEFT JOIN "Agent" a ON a.id = k."ownerId"
    WHERE ${where.join(' AND ')} ORDER BY k."createdAt", k.id`;
  return startExport(deps, viewer, {
    what: 'contacts',
    format: req.format,
    filters: rangeForAudit(req),
    open: async () => streamRows(await openCursorRows<ContactExportRow>(deps.db, { text, values }), contactColumns, req.format),
  });
}
