// What every export does around its rows: the audit entry (exports carry personal data), the
// download's file name (workspace and date) and content type.
import type { Deps } from '../../deps.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Viewer } from '../auth/viewer.ts';
import { contentTypes, type ExportFormat } from './stream-rows.ts';

export interface ExportDownload {
  filename: string;
  contentType: string;
  stream: ReadableStream<Uint8Array>;
}

export interface ExportSpec {
  /** The export's name in the file name and the audit action (`export.<what>`). */
  what: string;
  format: ExportFormat;
  /** Recorded in the audit entry, so the log says what was taken out. */
  filters: Record<string, unknown>;
  open: () => Promise<ReadableStream<Uint8Array>>;
}

const extensions = { csv: 'csv', json: 'json', ndjson: 'ndjson' } as const satisfies Record<ExportFormat, string>;

/** A name safe in a Content-Disposition header and on any file system. */
const fileSafe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'workspace';

export async function startExport(deps: Pick<Deps, 'db' | 'clock'>, viewer: Viewer, spec: ExportSpec): Promise<ExportDownload> {
  const workspace = await deps.db.workspace.findUniqueOrThrow({ where: { id: viewer.workspaceId }, select: { slug: true } });
  const now = deps.clock.now();
  // The cursor opens before the entry is written: an export that cannot start is not logged as taken.
  const stream = await spec.open();
  await recordAudit(deps.db, {
    workspaceId: viewer.workspaceId,
    actorAgentId: viewer.agentId,
    action: `export.${spec.what}`,
    targetType: 'workspace',
    targetId: viewer.workspaceId,
    data: { format: spec.format, ...spec.filters },
    createdAt: now,
  }).catch(async (err: unknown) => {
    await stream.cancel();
    throw err;
  });
  const day = now.toISOString().slice(0, 10);
  return { filename: `parley-${fileSafe(workspace.slug)}-${spec.what}-${day}.${extensions[spec.format]}`, contentType: contentTypes[spec.format], stream };
}
