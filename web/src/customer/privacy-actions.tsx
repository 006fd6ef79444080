// The customer panel's data controls for admins: download everything we hold about the contact
// (a zip), erase the contact after typing ERASE, and see who opened their data (the audit log).
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../api/client.ts';
import { privacyApi } from '../api/privacy-endpoints.ts';
import { isAdmin, useSession } from '../state/session.tsx';
import { useToasts } from '../ui/toasts.tsx';
import './privacy.css';

const CONFIRM = 'ERASE';

function EraseDialog({ contactId, name, onClose, onErased }: { contactId: string; name: string; onClose(): void; onErased(): void }) {
  const toasts = useToasts();
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await privacyApi.eraseContact(contactId, { confirm: typed });
      toasts.show({ tone: 'info', text: `Contact erased (${result.conversations} conversation${result.conversations === 1 ? '' : 's'} kept without their content)` });
      onErased();
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };
  return (
    <div className="overlay" role="presentation" onMouseDown={onClose}>
      <form className="dialog" role="dialog" aria-modal="true" aria-label="Erase contact" onMouseDown={(e) => e.stopPropagation()} onSubmit={(e) => void submit(e)}>
        <header className="dialog-header">
          <h2>Erase {name}?</h2>
          <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
            ×
          </button>
        </header>
        <p className="small">
          Their messages, files, addresses and details are removed for good; their conversations stay, without content, so reports still count them. This cannot be undone.
        </p>
        <label className="field">
          <span className="field-label">Type {CONFIRM} to confirm</span>
          <input className="privacy-input" aria-label={`Type ${CONFIRM} to confirm`} value={typed} autoFocus onChange={(e) => setTyped(e.target.value)} />
        </label>
        {error && (
          <div className="composer-error" role="alert">
            {error}
          </div>
        )}
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button-danger" disabled={busy || typed !== CONFIRM}>
            {busy ? 'Erasing…' : 'Erase contact'}
          </button>
        </div>
      </form>
    </div>
  );
}

export function PrivacyActions({ contactId, name, erased, onErased }: { contactId: string; name: string; erased: boolean; onErased(): void }) {
  const { me } = useSession();
  const [erasing, setErasing] = useState(false);
  if (!isAdmin(me)) return null;
  return (
    <section className="panel-section" aria-label="Customer data">
      <h3 className="panel-heading">Customer data</h3>
      <div className="form-actions privacy-actions">
        <a className="button" href={privacyApi.exportUrl(contactId)} download>
          Export data
        </a>
        {!erased && (
          <button type="button" className="button" onClick={() => setErasing(true)}>
            Erase contact…
          </button>
        )}
        <a className="button" href={`/admin/audit?contactId=${encodeURIComponent(contactId)}`}>
          Access log
        </a>
      </div>
      {erasing && (
        <EraseDialog
          contactId={contactId}
          name={name}
          onClose={() => setErasing(false)}
          onErased={() => {
            setErasing(false);
            onErased();
          }}
        />
      )}
    </section>
  );
}
