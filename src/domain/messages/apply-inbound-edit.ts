// A customer changed a message they sent (a Telegram edit): the message shows the new text, the
// texts it had before are kept in metadata.history, and it is marked edited. Edits may arrive out
// of order or twice; only a newer edit replaces the text, and each is applied once.
import type { InboundEdit, InboundMessage } from '../../../channels/types.ts';
import type { Message, Prisma, Tx } from '../../db/client.ts';

interface EditMetadata {
  edited?: boolean;
  editedAt?: string;
  /** Earlier texts, oldest first, each with when it was current from. */
  history?: { text: string; at: string | null }[];
  /** Provider ids of the edits applied, so a redelivered edit changes nothing. */
  editIds?: string[];
}

export type EditOutcome = { status: 'applied' | 'duplicate'; message: Message } | { status: 'unknown-original' };

export async function applyInboundEdit(tx: Tx, input: { channelId: string; normalized: InboundMessage & { edit: InboundEdit } }): Promise<EditOutcome> {
  const { normalized: n } = input;
  const original = await tx.message.findUnique({ where: { channelId_externalId: { channelId: input.channelId, externalId: n.edit.originalExternalId } } });
  if (!original || original.direction !== 'in') return { status: 'unknown-original' };
  const meta = (original.metadata ?? {}) as Record<string, unknown> & EditMetadata;
  if (meta.editIds?.includes(n.externalId)) return { status: 'duplicate', message: original };
  const editedAt = n.edit.editedAt.toISOString();
  const newer = !meta.editedAt || editedAt > meta.editedAt;
  const currentSince = meta.editedAt ?? original.sentAt?.toISOString() ?? null;
  const history = newer ? [...(meta.history ?? []), { text: original.text, at: currentSince }] : [...(meta.history ?? []), { text: n.text, at: editedAt }];
  const metadata = {
    ...meta,
    edited: true,
    editedAt: newer ? editedAt : meta.editedAt,
    history: history.sort((a, b) => (a.at ?? '').localeCompare(b.at ?? '')),
    editIds: [...(meta.editIds ?? []), n.externalId],
  };
  const message = await tx.message.update({
    where: { id: original.id },
    data: { ...(newer ? { text: n.text, quotedText: n.quotedText } : {}), metadata: metadata as Prisma.InputJsonValue },
  });
  return { status: 'applied', message };
}
