// Puts inbound attachment bytes into the store before the database transaction (content-addressed,
// so a retried ingest stores nothing twice), and returns the rows to create.
import type { NormalizedAttachment } from '../../../channels/types.ts';
import type { AttachmentStore } from '../../storage/attachment-store.ts';

export interface AttachmentRow {
  filename: string;
  contentType: string;
  size: number;
  sha256: string | null;
  storageKey: string | null;
  sourceUrl: string | null;
  contentId: string | null;
  inline: boolean;
}

export async function storeAttachments(store: AttachmentStore, attachments: NormalizedAttachment[]): Promise<AttachmentRow[]> {
  const rows: AttachmentRow[] = [];
  for (const a of attachments) {
    const stored = a.content ? await store.put(a.content) : null;
    rows.push({
      filename: a.filename,
      contentType: a.contentType,
      size: stored?.size ?? a.size,
      sha256: stored?.sha256 ?? null,
      storageKey: stored?.key ?? null,
      sourceUrl: a.url ?? null,
      contentId: a.contentId ?? null,
      inline: a.inline,
    });
  }
  return rows;
}
