// Admin → Privacy: how long the workspace keeps data it no longer needs. The maintenance job
// purges older data hourly; resolved conversations keep their content unless a number is set.
import { useEffect, useState, type FormEvent } from 'react';
import { AdminPage } from '../admin/admin-ui.tsx';
import { errorMessage } from '../api/client.ts';
import { privacyApi } from '../api/privacy-endpoints.ts';
import type { RetentionSettings } from '../api/types.ts';
import { useToasts } from '../ui/toasts.tsx';
import '../customer/privacy.css';

type Field = Exclude<keyof RetentionSettings, 'resolvedConversationDays'>;
const FIELDS: [Field, string, string][] = [
  ['rawPayloadDays', 'Raw inbound payloads', 'Provider payloads of messages already in Parley'],
  ['rejectedWebhookDays', 'Rejected webhooks', 'Requests that failed signature checks'],
  ['expiredSessionDays', 'Expired sessions', 'Days after a login session expired'],
  ['visitorDays', 'Website visitors', 'Chat visitors not seen for this long'],
];

function RetentionForm() {
  const toasts = useToasts();
  const [form, setForm] = useState<Record<keyof RetentionSettings, string> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    privacyApi.retention().then(
      (s) => setForm({ rawPayloadDays: String(s.rawPayloadDays), rejectedWebhookDays: String(s.rejectedWebhookDays), expiredSessionDays: String(s.expiredSessionDays), visitorDays: String(s.visitorDays), resolvedConversationDays: s.resolvedConversationDays === null || s.resolvedConversationDays === undefined ? '' : String(s.resolvedConversationDays) }),
      (err: unknown) => setError(errorMessage(err)),
    );
  }, []);
  if (!form) return error ? <div className="banner banner-error">{error}</div> : <p className="board-empty">Loading…</p>;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setError(null);
    try {
      await privacyApi.saveRetention({
        rawPayloadDays: Number(form.rawPayloadDays),
        rejectedWebhookDays: Number(form.rejectedWebhookDays),
        expiredSessionDays: Number(form.expiredSessionDays),
        visitorDays: Number(form.visitorDays),
        resolvedConversationDays: form.resolvedConversationDays.trim() === '' ? null : Number(form.resolvedConversationDays),
      });
      toasts.show({ tone: 'info', text: 'Retention settings saved' });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };
  const input = (key: keyof RetentionSettings, label: string, hint: string, placeholder?: string) => (
    <label key={key} className="form-field" htmlFor={`retention-${key}`}>
      <span>{label} (days)</span>
      <input id={`retention-${key}`} type="number" min={1} inputMode="numeric" value={form[key]} placeholder={placeholder} onChange={(e) => setForm({ ...form, [key]: e.target.value })} />
      <small className="dim">{hint}</small>
    </label>
  );
  return (
    <form className="channel-form board-card" aria-label="Data retention" noValidate onSubmit={(e) => void submit(e)}>
      <h2 className="board-card-title">Data retention</h2>
      <p className="small dim">Older data is purged by the hourly maintenance job.</p>
      {FIELDS.map(([key, label, hint]) => input(key, label, hint))}
      {input('resolvedConversationDays', 'Resolved conversations', 'Their messages and files are removed after this long; the conversations still count in reports. Empty: keep them.', 'Keep')}
      {error && (
        <div className="composer-error" role="alert">
          {error}
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save'}
        </button>
      </div>
    </form>
  );
}

export function PrivacyPage({ onHelp }: { onHelp(): void }) {
  return (
    <AdminPage active="privacy" testId="privacy-page" denied="Only admins can change the privacy settings." onHelp={onHelp}>
      <div className="board-header">
        <h1 className="list-title">Privacy</h1>
        <a className="button" href="/admin/audit">
          Audit log
        </a>
      </div>
      <RetentionForm />
    </AdminPage>
  );
}
