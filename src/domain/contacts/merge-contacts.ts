// Merges one contact into another automatically (same email or phone, a verified claim): the
// survivor keeps its own values where both have one and gains what it lacks, tags and attributes
// are joined, and every identity, conversation and authored message moves. Nothing is deleted, and
// the merge is recorded so it can be undone within 30 days (merges/merge-contact-pair.ts).
import type { Tx } from '../../db/client.ts';
import { mergeContactPair } from './merges/merge-contact-pair.ts';

export async function mergeContacts(tx: Tx, input: { fromId: string; intoId: string; reason: string; now?: Date }): Promise<void> {
  if (input.fromId === input.intoId) return;
  const [from, into] = await Promise.all([tx.contact.findUniqueOrThrow({ where: { id: input.fromId } }), tx.contact.findUniqueOrThrow({ where: { id: input.intoId } })]);
  if (from.workspaceId !== into.workspaceId) throw new Error('cannot merge contacts of different workspaces');
  if (from.mergedIntoId === into.id) return;
  await mergeContactPair(tx, { workspaceId: into.workspaceId, survivorId: into.id, mergedId: from.id, choices: {}, fallback: 'survivor', actorAgentId: null, reason: input.reason, now: input.now ?? new Date() });
}
