// Sending an approved template (SMS / WhatsApp): pick one, fill its placeholders, see the text the
// customer gets, send. The way to write on WhatsApp after its 24-hour window.
import { useState } from 'react';
import { errorMessage } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import type { MessageTemplate } from '../api/types.ts';

/** The template's text with its placeholders filled (an empty one stays visible as {{key}}). */
export function fillTemplate(t: MessageTemplate, values: Record<string, string>): string {
  return t.body.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => values[key]?.trim() || whole);
}

interface Props {
  conversationId: string;
  templates: MessageTemplate[];
  onClose(): void;
}

export function TemplatePicker({ conversationId, templates, onClose }: Props) {
  const [index, setIndex] = useState(0);
  const [values, setValues] = useState<Record<string, string>>({});
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const template = templates[index]!;
  const missing = template.variables.filter((v) => !values[v.key]?.trim());
  const preview = fillTemplate(template, values);

  const send = async () => {
    setSending(true);
    setError(null);
    try {
      const variables = Object.fromEntries(template.variables.map((v) => [v.key, values[v.key]!.trim()]));
      await api.reply(conversationId, preview || template.name, [], { contentSid: template.contentSid, variables });
      onClose();
    } catch (err) {
      setError(errorMessage(err));
      setSending(false);
    }
  };

  return (
    <div className="template-picker" role="group" aria-label="Send a template">
      <label className="template-field">
        <span>Template</span>
        <select
          value={index}
          onChange={(e) => {
            setIndex(Number(e.target.value));
            setValues({});
          }}
        >
          {templates.map((t, i) => (
            <option key={t.contentSid} value={i}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      {template.variables.map((v) => (
        <label key={v.key} className="template-field">
          <span>{v.label}</span>
          <input value={values[v.key] ?? ''} maxLength={200} onChange={(e) => setValues((all) => ({ ...all, [v.key]: e.target.value }))} />
        </label>
      ))}
      {preview && (
        <p className="template-preview" data-testid="template-preview">
          {preview}
        </p>
      )}
      {error && (
        <div className="composer-error" role="alert">
          {error}
        </div>
      )}
      <div className="template-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button-primary" disabled={sending || missing.length > 0} title={missing.length > 0 ? `Fill in: ${missing.map((m) => m.label).join(', ')}` : undefined} onClick={() => void send()}>
          {sending ? 'Sending…' : 'Send template'}
        </button>
      </div>
    </div>
  );
}
