// Supervisors and admins: the workspace's possible duplicate contacts, each pair with why it looks
// like one person; review and merge it (the side-by-side chooser) or say it is not a duplicate.
import { useCallback, useEffect, useState } from 'react';
import { SettingsPage } from '../admin/admin-ui.tsx';
import { errorMessage } from '../api/client.ts';
import { mergeApi } from '../api/merge-endpoints.ts';
import type { ContactBrief, DuplicateSuggestion } from '../api/types.ts';
import { MergeDialog } from '../customer/merge-dialog.tsx';
import '../customer/merge.css';
import { isSupervisor, useSession } from '../state/session.tsx';
import { contactLabel as label } from '../ui/format.ts';
import { useToasts } from '../ui/toasts.tsx';

const details = (c: ContactBrief) => [c.email, c.phone].filter(Boolean).join(' · ');

function DuplicateList() {
  const toasts = useToasts();
  const [items, setItems] = useState<DuplicateSuggestion[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [merging, setMerging] = useState<DuplicateSuggestion | null>(null);
  const load = useCallback(() => mergeApi.workspaceDuplicates().then((r) => setItems(r.items), (err: unknown) => setError(errorMessage(err))), []);
  useEffect(() => void load(), [load]);

  const dismiss = async (d: DuplicateSuggestion) => {
    try {
      await mergeApi.dismiss(d.contact.id, d.other.id);
      setItems((list) => list?.filter((x) => x !== d) ?? null);
    } catch (err) {
      toasts.error(errorMessage(err));
    }
  };

  if (error) return <div className="banner banner-error">{error}</div>;
  if (!items) return <p className="dim">Looking for duplicates…</p>;
  return (
    <>
      {items.length === 0 ? (
        <p className="board-empty">No possible duplicates. Pairs marked “not a duplicate” stay hidden.</p>
      ) : (
        <table className="channel-table board-card" aria-label="Possible duplicates">
          <thead>
            <tr>
              <th scope="col">Contact</th>
              <th scope="col">Looks like</th>
              <th scope="col">Why</th>
              <th scope="col" aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {items.map((d) => (
              <tr key={`${d.contact.id}-${d.other.id}`}>
                <th scope="row">
                  {label(d.contact)} <div className="dim small duplicate-details">{details(d.contact)}</div>
                </th>
                <td>
                  {label(d.other)} <div className="dim small">{details(d.other)}</div>
                </td>
                <td className="small">{d.reasons.join('; ')}</td>
                <td>
                  <div className="channel-actions">
                    <button type="button" className="button" onClick={() => setMerging(d)}>
                      Review merge
                    </button>
                    <button type="button" className="button" onClick={() => void dismiss(d)}>
                      Not a duplicate
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {merging && (
        <MergeDialog
          contactId={merging.contact.id}
          name={label(merging.contact)}
          other={merging.other}
          onClose={() => setMerging(null)}
          onMerged={() => {
            setMerging(null);
            toasts.show({ tone: 'info', text: `${label(merging.other)} merged into ${label(merging.contact)}; undo it from their panel within 30 days` });
            void load();
          }}
        />
      )}
    </>
  );
}

export function DuplicatesPage({ onHelp }: { onHelp(): void }) {
  const { me } = useSession();
  return (
    <SettingsPage active="duplicates" testId="duplicates-page" allowed={isSupervisor(me)} denied="Only supervisors and admins see the workspace's duplicate contacts." onHelp={onHelp}>
      <div className="board-header">
        <h1 className="list-title">Duplicate contacts</h1>
      </div>
      <DuplicateList />
    </SettingsPage>
  );
}
