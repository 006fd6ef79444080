// Admin → Surveys: whether Parley asks customers how satisfied they were after a resolution, what
// it asks, how long after, how often per contact, on which channels; and the latest answers.
import { useEffect, useState, type FormEvent } from 'react';
import { AdminPage } from '../admin/admin-ui.tsx';
import { CheckGroup } from '../admin/check-group.tsx';
import { errorMessage } from '../api/client.ts';
import { csatApi } from '../api/csat-endpoints.ts';
import type { CsatSettings, CsatSettingsBody, CsatSurvey } from '../api/types.ts';
import { fullTime } from '../ui/format.ts';
import { useToasts } from '../ui/toasts.tsx';
import { CsatStars } from '../conversation/csat-stars.tsx';
import '../admin/editors.css';
import './csat.css';

type NumberField = 'delayMinutes' | 'throttleDays' | 'responseWindowHours';
const NUMBERS: [NumberField, string, string][] = [
  ['delayMinutes', 'Delay after resolution (minutes)', 'Not sent if the conversation is reopened before then; 0 sends at once'],
  ['throttleDays', 'At most one survey per contact every (days)', '0: every resolution is surveyed'],
  ['responseWindowHours', 'Answers taken for (hours)', 'The link works, and a 1-5 reply counts, this long after sending'],
];

function SettingsForm({ loaded }: { loaded: CsatSettings }) {
  const toasts = useToasts();
  const s = loaded.settings;
  const [form, setForm] = useState<Omit<CsatSettingsBody, NumberField> & Record<NumberField, string>>({ ...s, delayMinutes: String(s.delayMinutes), throttleDays: String(s.throttleDays), responseWindowHours: String(s.responseWindowHours) });
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setError(null);
    try {
      await csatApi.saveSettings({ ...form, delayMinutes: Number(form.delayMinutes), throttleDays: Number(form.throttleDays), responseWindowHours: Number(form.responseWindowHours) });
      toasts.show({ tone: 'info', text: 'Survey settings saved' });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };
  const options = loaded.kinds.map((k) => ({ value: k.kind, label: `${k.label} (${k.style === 'link' ? 'a link to the survey page' : 'reply 1-5'})` }));
  return (
    <form className="channel-form board-card csat-settings" aria-label="Satisfaction surveys" noValidate onSubmit={(e) => void submit(e)}>
      <h2 className="board-card-title">Satisfaction surveys (CSAT)</h2>
      <label className="check-option">
        <input type="checkbox" checked={form.enabled} onChange={(e) => setForm({ ...form, enabled: e.target.checked })} /> Ask customers to rate the conversation once it is resolved
      </label>
      <label className="form-field" htmlFor="csat-question">
        <span>Question</span>
        <input id="csat-question" maxLength={300} value={form.question} onChange={(e) => setForm({ ...form, question: e.target.value })} />
      </label>
      {NUMBERS.map(([key, label, hint]) => (
        <label key={key} className="form-field" htmlFor={`csat-${key}`}>
          <span>{label}</span>
          <input id={`csat-${key}`} type="number" min={0} inputMode="numeric" value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} />
          <small className="dim">{hint}</small>
        </label>
      ))}
      <CheckGroup legend="Channels" options={options} value={form.channelKinds} onChange={(channelKinds) => setForm({ ...form, channelKinds })} />
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

function LatestAnswers() {
  const [items, setItems] = useState<CsatSurvey[] | null>(null);
  useEffect(() => {
    csatApi.surveys().then((r) => setItems(r.items.filter((s) => s.status === 'answered')), () => setItems([]));
  }, []);
  if (!items) return null;
  return (
    <section aria-label="Latest answers">
      <h2 className="board-card-title">Latest answers</h2>
      {items.length === 0 ? (
        <p className="board-empty">No answers yet.</p>
      ) : (
        <table className="channel-table board-card">
          <thead>
            <tr>
              <th>Answered</th>
              <th>Score</th>
              <th>Comment</th>
              <th>Channel</th>
            </tr>
          </thead>
          <tbody>
            {items.map((s) => (
              <tr key={s.id}>
                <td>{s.answeredAt ? fullTime(s.answeredAt) : ''}</td>
                <td>
                  <CsatStars score={s.score ?? 0} />
                </td>
                <td>{s.comment ?? ''}</td>
                <td>{s.channelKind}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function CsatSettingsPage({ onHelp }: { onHelp(): void }) {
  const [loaded, setLoaded] = useState<CsatSettings | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    csatApi.settings().then(setLoaded, (err: unknown) => setError(errorMessage(err)));
  }, []);
  return (
    <AdminPage active="surveys" testId="csat-settings-page" denied="Only admins can change the survey settings." onHelp={onHelp}>
      <div className="board-header">
        <h1 className="list-title">Surveys</h1>
      </div>
      {loaded ? <SettingsForm loaded={loaded} /> : error ? <div className="banner banner-error">{error}</div> : <p className="board-empty">Loading…</p>}
      {loaded && <LatestAnswers />}
    </AdminPage>
  );
}
