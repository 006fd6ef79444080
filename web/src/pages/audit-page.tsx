// Admin → Audit log: who did what, including who opened, exported or erased a customer's data,
// newest first, filtered by person and by customer (the customer panel links here).
import { useCallback, useEffect, useState } from 'react';
import { AdminPage } from '../admin/admin-ui.tsx';
import { errorMessage } from '../api/client.ts';
import { mergeApi } from '../api/merge-endpoints.ts';
import { privacyApi } from '../api/privacy-endpoints.ts';
import type { AuditEntry } from '../api/types.ts';
import { navigate } from '../router.ts';
import { useSession } from '../state/session.tsx';
import { useToasts } from '../ui/toasts.tsx';
import '../customer/privacy.css';

const ACTIONS: Record<string, string> = {
  'conversation.view': 'opened conversation',
  'contact.view': 'opened contact',
  'contact.export': 'exported contact',
  'contact.erase': 'erased contact',
  'contact.update': 'changed contact',
  'contact.merge': 'merged contacts',
  'contact.merge_undone': 'undid a merge of',
  'contact.not_duplicate': 'marked not a duplicate',
};

const UNDO_WINDOW_MS = 30 * 86_400_000;

/** A merge entry of the last 30 days: "Undo merge" (the server says why when a later merge or an erasure stands in the way). */
function UndoMergeButton({ entry }: { entry: AuditEntry }) {
  const toasts = useToasts();
  const [done, setDone] = useState(false);
  const mergeId = (entry.data as { mergeId?: unknown } | null)?.mergeId;
  if (entry.action !== 'contact.merge' || typeof mergeId !== 'string' || Date.now() - Date.parse(entry.createdAt) > UNDO_WINDOW_MS) return null;
  if (done) return <span className="dim small">undone</span>;
  const undo = async () => {
    if (!window.confirm('Undo this merge? Both contacts go back to how they were before it.')) return;
    try {
      await mergeApi.undo(entry.targetId, mergeId);
      setDone(true);
    } catch (err) {
      toasts.error(errorMessage(err));
    }
  };
  return (
    <button type="button" className="link-button" onClick={() => void undo()}>
      Undo merge
    </button>
  );
}

function AuditList({ agentId, contactId }: { agentId: string | null; contactId: string | null }) {
  const [items, setItems] = useState<AuditEntry[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(
    async (cursor?: string) => {
      try {
        const page = await privacyApi.audit({ agentId: agentId ?? undefined, contactId: contactId ?? undefined, cursor });
        setItems((prev) => (cursor ? [...(prev ?? []), ...page.items] : page.items));
        setNext(page.next);
      } catch (err) {
        setError(errorMessage(err));
      }
    },
    [agentId, contactId],
  );
  useEffect(() => {
    setItems(null);
    void load();
  }, [load]);
  if (error) return <div className="banner banner-error">{error}</div>;
  if (!items) return <p className="board-empty">Loading…</p>;
  if (items.length === 0) return <p className="board-empty">No entries.</p>;
  return (
    <>
      <ul className="people-list board-card audit-list" aria-label="Audit entries">
        {items.map((e) => (
          <li key={e.id} className="audit-row" data-audit-id={e.id}>
            <time className="dim small" dateTime={e.createdAt}>
              {new Date(e.createdAt).toLocaleString()}
            </time>
            <span className="audit-actor">{e.actor?.name ?? 'Parley'}</span>
            <span className="audit-action">{ACTIONS[e.action] ?? e.action}</span>
            <span className="audit-subject">{e.contact ? (e.contact.name ?? e.contact.id) : `${e.targetType} ${e.targetId}`}</span>
            <UndoMergeButton entry={e} />
          </li>
        ))}
      </ul>
      {next && (
        <button type="button" className="button" onClick={() => void load(next)}>
          Show older
        </button>
      )}
    </>
  );
}

export function AuditPage({ onHelp, agentId, contactId }: { onHelp(): void; agentId: string | null; contactId: string | null }) {
  const { agents } = useSession();
  const [contactInput, setContactInput] = useState(contactId ?? '');
  const go = (a: string | null, c: string | null) => {
    const q = new URLSearchParams();
    if (a) q.set('agentId', a);
    if (c) q.set('contactId', c);
    navigate(`/admin/audit${q.size ? `?${q}` : ''}`);
  };
  return (
    <AdminPage active="privacy" testId="audit-page" denied="Only admins can read the audit log." onHelp={onHelp}>
      <div className="board-header">
        <h1 className="list-title">Audit log</h1>
      </div>
      <form className="audit-filters" aria-label="Filter the audit log" onSubmit={(e) => { e.preventDefault(); go(agentId, contactInput.trim() || null); }}>
        <label className="form-field" htmlFor="audit-person">
          <span>Person</span>
          <select id="audit-person" value={agentId ?? ''} onChange={(e) => go(e.target.value || null, contactId)}>
            <option value="">Everyone</option>
            {agents.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label className="form-field" htmlFor="audit-contact">
          <span>Contact id</span>
          <input id="audit-contact" value={contactInput} placeholder="Any contact" onChange={(e) => setContactInput(e.target.value)} />
        </label>
        <button type="submit" className="button">
          Filter
        </button>
      </form>
      <AuditList agentId={agentId} contactId={contactId} />
    </AdminPage>
  );
}
