// The customer panel's "Duplicates and merges": contacts that look like the same person (with the
// reason) to merge or dismiss as not a duplicate, "Merge with..." to pick one by hand, and the
// merges into this contact with "Undo merge" while that is possible (30 days).
import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../api/client.ts';
import { mergeApi } from '../api/merge-endpoints.ts';
import type { ContactBrief, ContactMerge, DuplicateSuggestion, MergeResult } from '../api/types.ts';
import { contactLabel } from '../ui/format.ts';
import { useToasts } from '../ui/toasts.tsx';
import { MergeDialog } from './merge-dialog.tsx';
import './merge.css';

const label = (c: ContactBrief | null) => (c ? contactLabel(c) : 'a contact');
const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

export function MergeHistory({ contactId, merges, onUndone }: { contactId: string; merges: ContactMerge[]; onUndone(): void }) {
  const toasts = useToasts();
  const [busy, setBusy] = useState<string | null>(null);
  const undo = async (m: ContactMerge) => {
    if (!window.confirm(`Undo the merge of ${label(m.merged)}? Both contacts go back to how they were before it.`)) return;
    setBusy(m.id);
    try {
      const r = await mergeApi.undo(contactId, m.id);
      toasts.show({ tone: 'info', text: `Merge undone: ${r.restored} records back on ${label(m.merged)}` });
      onUndone();
    } catch (err) {
      toasts.error(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };
  if (merges.length === 0) return null;
  return (
    <ul className="merge-history" aria-label="Merge history">
      {merges.map((m) => (
        <li key={m.id}>
          <span>
            Merged {label(m.merged)} {day(m.createdAt)} <span className="dim">({m.reason}{m.actor ? `, ${m.actor}` : ''})</span>
          </span>
          {m.undoneAt ? (
            <span className="dim small"> · undone {day(m.undoneAt)}</span>
          ) : m.undoable ? (
            <button type="button" className="link-button" disabled={busy === m.id} title={`Possible until ${day(m.undoUntil)}`} onClick={() => void undo(m)}>
              Undo merge
            </button>
          ) : (
            <span className="dim small" title={m.undoBlockedBy ?? undefined}>
              {' '}
              · cannot be undone
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

export function MergeSection({ contactId, name, onChanged }: { contactId: string; name: string; onChanged(): void }) {
  const toasts = useToasts();
  const [duplicates, setDuplicates] = useState<DuplicateSuggestion[]>([]);
  const [merges, setMerges] = useState<ContactMerge[]>([]);
  const [dialog, setDialog] = useState<{ other: ContactBrief | null } | null>(null);

  const load = useCallback(
    (signal?: AbortSignal) => {
      mergeApi.duplicates(contactId, signal).then((r) => setDuplicates(r.items), () => !signal?.aborted && setDuplicates([]));
      mergeApi.merges(contactId, signal).then((r) => setMerges(r.items), () => !signal?.aborted && setMerges([]));
    },
    [contactId],
  );
  useEffect(() => {
    const ctl = new AbortController();
    load(ctl.signal);
    return () => ctl.abort();
  }, [load]);

  const changed = () => {
    load();
    onChanged();
  };
  const merged = (r: MergeResult) => {
    setDialog(null);
    toasts.show({ tone: 'info', text: `Contacts merged (${Object.values(r.moved).reduce((a, b) => a + b, 0)} records moved)` });
    changed();
  };
  const dismiss = async (d: DuplicateSuggestion) => {
    try {
      await mergeApi.dismiss(contactId, d.other.id);
      setDuplicates((list) => list.filter((x) => x.other.id !== d.other.id));
    } catch (err) {
      toasts.error(errorMessage(err));
    }
  };

  return (
    <section className="panel-section" aria-label="Duplicates and merges" data-testid="merge-section">
      <div className="merge-head">
        <h3 className="panel-heading">Duplicates and merges</h3>
        <button type="button" className="link-button" onClick={() => setDialog({ other: null })}>
          Merge with…
        </button>
      </div>
      {duplicates.length > 0 && (
        <ul className="duplicate-list" aria-label="Possible duplicates">
          {duplicates.map((d) => (
            <li key={d.other.id}>
              <strong>{label(d.other)}</strong>
              <span className="dim small"> {d.reasons.join('; ')}</span>
              <span className="identity-claim-actions">
                <button type="button" className="link-button" onClick={() => setDialog({ other: d.other })}>
                  Review merge
                </button>
                <button type="button" className="link-button" onClick={() => void dismiss(d)}>
                  Not a duplicate
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      <MergeHistory contactId={contactId} merges={merges} onUndone={changed} />
      {dialog && <MergeDialog contactId={contactId} name={name} other={dialog.other} onClose={() => setDialog(null)} onMerged={merged} />}
    </section>
  );
}
