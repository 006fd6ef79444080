// The side-by-side view before a merge: both contacts' fields, attributes and tags, which of them
// conflict (the agent chooses), and how many rows of each kind would move to the survivor.
import type { Db } from '../../../db/client.ts';
import { AppError } from '../../../errors.ts';
import type { Viewer } from '../../auth/viewer.ts';
import { validationFailed } from '../../parse-input.ts';
import { loadVisibleContact } from '../contact-visibility.ts';
import { toContactBrief, type MergePreview } from './contact-merge-view.ts';
import { contactReferences } from './contact-references.ts';
import { compareContacts } from './merge-fields.ts';

export async function previewContactMerge(db: Db, viewer: Viewer, input: { contactId: string; otherId: string | undefined }): Promise<MergePreview> {
  const survivor = await loadVisibleContact(db, viewer, input.contactId);
  if (!input.otherId) throw validationFailed([{ path: 'otherId', message: 'name the contact to merge with' }], 'query');
  if (input.contactId === input.otherId) throw new AppError('unprocessable', 'A contact cannot be merged with itself');
  const merged = await loadVisibleContact(db, viewer, input.otherId);
  return db.$transaction(async (tx) => {
    const moves: Record<string, number> = {};
    for (const ref of await contactReferences(tx)) {
      const [row] = await tx.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${ref.table}" WHERE "${ref.column}" = $1`, merged.id);
      const n = Number(row?.n ?? 0);
      const label = ref.table === 'Contact' ? 'Contact (merged earlier)' : ref.table;
      if (n > 0) moves[label] = (moves[label] ?? 0) + n;
    }
    return { survivor: toContactBrief(survivor), merged: toContactBrief(merged), comparison: compareContacts(survivor, merged), moves };
  });
}
