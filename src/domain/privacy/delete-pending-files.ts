// Deletes attachment files recorded in PendingFileDeletion once no attachment row refers to them
// (the store keys files by content, so another customer's identical file keeps it). Runs right
// after an erasure or purge commits and again from maintenance, so a failed deletion is retried.
// Two runs may overlap (a late media download, the maintenance sweep): the file removal is
// idempotent and the row writes are by-filter, so the run that loses the race changes nothing.
import type { Deps } from '../../deps.ts';

const BATCH = 200;

export interface FileDeletionResult {
  deleted: number;
  kept: number;
  failed: number;
}

export async function deletePendingFiles(deps: Pick<Deps, 'db' | 'store' | 'log'>, input: { storageKeys?: string[] } = {}): Promise<FileDeletionResult> {
  const pending = await deps.db.pendingFileDeletion.findMany({
    where: input.storageKeys ? { storageKey: { in: input.storageKeys } } : {},
    orderBy: { createdAt: 'asc' },
    take: BATCH,
  });
  const result: FileDeletionResult = { deleted: 0, kept: 0, failed: 0 };
  for (const p of pending) {
    const stillUsed = await deps.db.attachment.count({ where: { storageKey: p.storageKey } });
    if (stillUsed > 0) {
      await deps.db.pendingFileDeletion.deleteMany({ where: { storageKey: p.storageKey } });
      result.kept++;
      continue;
    }
    try {
      await deps.store.delete(p.storageKey);
      await deps.db.pendingFileDeletion.deleteMany({ where: { storageKey: p.storageKey } });
      result.deleted++;
    } catch (err) {
      deps.log.warn({ err, storageKey: p.storageKey }, 'could not delete an attachment file; maintenance tries again');
      await deps.db.pendingFileDeletion.updateMany({ where: { storageKey: p.storageKey }, data: { attempts: { increment: 1 }, lastError: err instanceof Error ? err.message : String(err) } });
      result.failed++;
    }
  }
  return result;
}
