// "Merge with...": find the other contact, choose field by field what the contact keeps (side by
// side), confirm, merge. The other contact's identities, conversations and messages come over;
// the merge can be undone from the panel for 30 days.
import { useEffect, useState } from 'react';
import { errorMessage } from '../api/client.ts';
import { mergeApi } from '../api/merge-endpoints.ts';
import type { ContactBrief, MergePreview, MergeResult } from '../api/types.ts';
import { contactLabel as label } from '../ui/format.ts';
import { MergeChooser, missingChoices, type MergeChoices } from './merge-chooser.tsx';

/** What moves, per table the server names: [one, several]. */
const TABLE_LABELS: Record<string, [string, string]> = {
  ContactIdentity: ['address', 'addresses'],
  Conversation: ['conversation', 'conversations'],
  Message: ['message', 'messages'],
  IdentityClaim: ['claimed address', 'claimed addresses'],
  'Contact (merged earlier)': ['contact merged earlier', 'contacts merged earlier'],
};
const moved = (table: string, n: number) => `${n} ${(TABLE_LABELS[table] ?? [table, table])[n === 1 ? 0 : 1]}`;

function ContactSearch({ contactId, onPick }: { contactId: string; onPick(c: ContactBrief): void }) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<ContactBrief[] | null>(null);
  useEffect(() => {
    if (q.trim().length < 2) return setFound(null);
    const ctl = new AbortController();
    const t = setTimeout(() => mergeApi.searchContacts(q.trim(), ctl.signal).then((r) => setFound(r.items.filter((c) => c.id !== contactId)), () => undefined), 200);
    return () => {
      clearTimeout(t);
      ctl.abort();
    };
  }, [q, contactId]);
  return (
    <>
      <label className="field">
        <span className="field-label">Find the other contact</span>
        <input className="privacy-input" aria-label="Search contacts" placeholder="Name, email or phone" value={q} autoFocus onChange={(e) => setQ(e.target.value)} />
      </label>
      {found && found.length === 0 && <p className="dim small">No contact matches.</p>}
      <ul className="merge-results">
        {found?.map((c) => (
          <li key={c.id}>
            <button type="button" className="history-item" onClick={() => onPick(c)}>
              <strong>{label(c)}</strong> <span className="dim small">{[c.email, c.phone].filter(Boolean).join(' · ')}</span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

export function MergeDialog(p: { contactId: string; name: string; other?: ContactBrief | null; onClose(): void; onMerged(r: MergeResult): void }) {
  const [other, setOther] = useState<ContactBrief | null>(p.other ?? null);
  const [preview, setPreview] = useState<MergePreview | null>(null);
  const [choices, setChoices] = useState<MergeChoices>({});
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setPreview(null);
    setChoices({});
    setConfirming(false);
    if (!other) return;
    mergeApi.preview(p.contactId, other.id).then(setPreview, (err: unknown) => setError(errorMessage(err)));
  }, [p.contactId, other]);

  const missing = preview ? missingChoices(preview, choices) : [];
  const merge = async () => {
    setBusy(true);
    setError(null);
    try {
      p.onMerged(await mergeApi.merge(p.contactId, { otherId: other!.id, choices }));
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };
  const moves = preview ? Object.entries(preview.moves).map(([t, n]) => moved(t, n)) : [];

  return (
    <div className="overlay" role="presentation" onMouseDown={p.onClose}>
      <div className="dialog merge-dialog" role="dialog" aria-modal="true" aria-label="Merge contacts" onMouseDown={(e) => e.stopPropagation()}>
        <header className="dialog-header">
          <h2>{other ? `Merge ${label(other)} into ${p.name}` : `Merge ${p.name} with…`}</h2>
          <button type="button" className="icon-button" aria-label="Close" onClick={p.onClose}>
            ×
          </button>
        </header>
        {!other && <ContactSearch contactId={p.contactId} onPick={setOther} />}
        {other && !preview && !error && <p className="dim">Comparing…</p>}
        {preview && !confirming && (
          <>
            <p className="small">{p.name} stays; where both have a value, choose the one to keep.</p>
            <MergeChooser preview={preview} choices={choices} onChange={setChoices} />
          </>
        )}
        {preview && confirming && (
          <div className="merge-confirm" data-testid="merge-confirm">
            <p>
              <strong>{label(other!)}</strong> becomes part of <strong>{p.name}</strong>: {moves.length ? moves.join(', ') : 'nothing else'} move over.
            </p>
            <p className="small dim">You can undo this merge from {p.name}’s panel for 30 days; both contacts are then restored exactly as they are now.</p>
          </div>
        )}
        {error && (
          <div className="composer-error" role="alert">
            {error}
          </div>
        )}
        <div className="form-actions">
          <button type="button" className="button" onClick={() => (confirming ? setConfirming(false) : other && !p.other ? setOther(null) : p.onClose())}>
            {confirming || (other && !p.other) ? 'Back' : 'Cancel'}
          </button>
          {preview && !confirming && (
            <button type="button" className="button-primary" disabled={missing.length > 0} title={missing.length ? `Choose: ${missing.join(', ')}` : undefined} onClick={() => setConfirming(true)}>
              Continue
            </button>
          )}
          {confirming && (
            <button type="button" className="button-danger" disabled={busy} onClick={() => void merge()}>
              {busy ? 'Merging…' : 'Merge contacts'}
            </button>
          )}
        </div>
      </div>
    </div>
  );
}
