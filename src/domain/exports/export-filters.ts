// What an export may be narrowed to, as the domain takes it (the HTTP query is parsed into this
// by src/http/schemas/exports.ts).
import type { ConversationStatus } from '../../db/model-types.ts';
import type { ExportFormat } from './stream-rows.ts';

/** Created at or after `from` and before `to` (UTC instants; either end may be open). */
export interface ExportRange {
  from?: Date;
  to?: Date;
}

export interface ContactExportRequest extends ExportRange {
  format: ExportFormat;
}

export interface ConversationExportRequest extends ExportRange {
  format: ExportFormat;
  /** Only conversations in these status categories (all when empty or missing). */
  statuses?: ConversationStatus[];
  /** Add the messages: CSV one line per message, JSON a `messages` array per conversation. */
  includeMessages?: boolean;
}

/** The range as the audit entry records it. */
export const rangeForAudit = (r: ExportRange) => ({ from: r.from?.toISOString() ?? null, to: r.to?.toISOString() ?? null });
