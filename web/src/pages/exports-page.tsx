// Supervisors and admins: download contacts and conversations (optionally with their messages) as
// CSV or JSON for a date range. Each download is a link the server streams and writes to the audit log.
import { useState } from 'react';
import { SettingsPage } from '../admin/admin-ui.tsx';
import { CheckGroup } from '../admin/check-group.tsx';
import '../admin/editors.css';
import './exports.css';
import { exportApi } from '../api/export-endpoints.ts';
import { DownloadLinks } from '../ui/download-links.tsx';
import type { ConversationStatus } from '../api/types.ts';
import { isSupervisor, useSession } from '../state/session.tsx';

const STATUSES: ConversationStatus[] = ['open', 'pending', 'snoozed', 'resolved'];
function ExportForms() {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [statuses, setStatuses] = useState<ConversationStatus[]>([]);
  const [messages, setMessages] = useState(false);
  const badRange = from !== '' && to !== '' && from > to;
  const range = { from: from || undefined, to: to || undefined };

  return (
    <>
      <section className="channel-form board-card" aria-label="Date range">
        <h2 className="board-card-title">Date range</h2>
        <p className="small dim">Contacts and conversations created on these days (UTC, both included). Leave empty for everything.</p>
        <label className="form-field" htmlFor="export-from">
          <span>From</span>
          <input id="export-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label className="form-field" htmlFor="export-to">
          <span>To</span>
          <input id="export-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        {badRange && (
          <div className="composer-error" role="alert">
            “From” must not be after “To”.
          </div>
        )}
      </section>
      <section className="channel-form board-card" aria-label="Conversations export">
        <h2 className="board-card-title">Conversations</h2>
        <CheckGroup legend="Status (none ticked: all)" options={STATUSES.map((s) => ({ value: s, label: s }))} value={statuses} onChange={(next) => setStatuses(next as ConversationStatus[])} />
        <label className="check-option">
          <input type="checkbox" checked={messages} onChange={(e) => setMessages(e.target.checked)} />
          Include messages (CSV: one line per message; JSON: nested in each conversation)
        </label>
        <DownloadLinks
          what="conversations"
          disabled={badRange}
          url={(file) => exportApi.conversationsUrl(file, { ...range, status: statuses.length ? statuses.join(',') : undefined, include: messages ? 'messages' : undefined })}
        />
      </section>
      <section className="channel-form board-card" aria-label="Contacts export">
        <h2 className="board-card-title">Contacts</h2>
        <p className="small dim">Every contact with their addresses and number of conversations. Erased contacts stay anonymised.</p>
        <DownloadLinks what="contacts" disabled={badRange} url={(file) => exportApi.contactsUrl(file, range)} />
      </section>
    </>
  );
}

export function ExportsPage({ onHelp }: { onHelp(): void }) {
  const { me } = useSession();
  return (
    <SettingsPage active="exports" testId="exports-page" allowed={isSupervisor(me)} denied="Only supervisors and admins can export data." onHelp={onHelp}>
      <div className="board-header">
        <h1 className="list-title">Exports</h1>
      </div>
      <ExportForms />
    </SettingsPage>
  );
}
