// Admins: the traffic-light thresholds of each headline figure and what counts as a complaint.
import { useState, type FormEvent } from 'react';
import { FormFooter } from '../admin/admin-ui.tsx';
import { errorMessage } from '../api/client.ts';
import { reportsApi } from '../api/reports-endpoints.ts';
import type { FigureKey, ReportSettings } from '../api/types.ts';
import { FIGURE_LABELS } from './figure-labels.ts';

export function ThresholdsForm(p: { settings: ReportSettings; onSaved(s: ReportSettings): void; onCancel(): void }) {
  const [bounds, setBounds] = useState(p.settings.thresholds);
  const [tags, setTags] = useState(p.settings.complaintTags.join(', '));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const keys = Object.keys(FIGURE_LABELS) as FigureKey[];
  const set = (key: FigureKey, which: 'green' | 'amber', value: string) => setBounds((b) => ({ ...b, [key]: { ...b[key], [which]: Number(value) } }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setError(null);
    try {
      const complaintTags = tags.split(',').map((t) => t.trim()).filter(Boolean);
      p.onSaved(await reportsApi.saveSettings({ thresholds: bounds, complaintTags }));
    } catch (err) {
      setError(errorMessage(err));
      setSaving(false);
    }
  };
  return (
    <form className="board-card report-thresholds" aria-label="Report thresholds" onSubmit={(e) => void submit(e)}>
      <h2 className="board-card-title">Traffic lights</h2>
      <table className="report-table">
        <thead>
          <tr>
            <th>Figure</th>
            <th>Green up to / from</th>
            <th>Amber up to / from</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((k) => (
            <tr key={k}>
              <td>{FIGURE_LABELS[k]}</td>
              <td>
                <input type="number" step="any" min={0} aria-label={`${FIGURE_LABELS[k]} green`} value={bounds[k].green} onChange={(e) => set(k, 'green', e.target.value)} />
              </td>
              <td>
                <input type="number" step="any" min={0} aria-label={`${FIGURE_LABELS[k]} amber`} value={bounds[k].amber} onChange={(e) => set(k, 'amber', e.target.value)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <label className="form-field" htmlFor="complaint-tags">
        <span>Complaint tags (comma-separated)</span>
        <input id="complaint-tags" value={tags} onChange={(e) => setTags(e.target.value)} />
      </label>
      <FormFooter error={error} saving={saving} canSubmit submitLabel="Save thresholds" onCancel={p.onCancel} />
    </form>
  );
}
