// Reads the bytes of an outbound message's attachments from the store for the adapter.
import type { OutboundAttachment } from '../../../channels/types.ts';
import type { AttachmentStore } from '../../storage/attachment-store.ts';

export async function loadOutboundAttachments(
  store: AttachmentStore,
  rows: { filename: string; contentType: string; storageKey: string | null }[],
): Promise<OutboundAttachment[]> {
  const out: OutboundAttachment[] = [];
  for (const r of rows) {
    if (!r.storageKey) throw new Error(`attachment ${r.filename} has no stored content to send`);
    out.push({ filename: r.filename, contentType: r.contentType, content: await store.get(r.storageKey) });
  }
  return out;
}
