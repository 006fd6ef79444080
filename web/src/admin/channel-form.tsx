// Adding or changing a channel: kind (when new), name, address (when new) and the kind's settings.
// Secrets already stored show as dots and are kept unless typed over. The server checks everything
// and its message, naming the field, is shown as it is.
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import type { AdminChannel, ChannelKind, JsonObject } from '../api/types.ts';
import { FormFooter } from './admin-ui.tsx';
import { channelKindInfo, channelKinds } from '../channels/channel-kinds.ts';
import { fieldText, settingsPatch, withField, type Field } from './channel-fields.ts';

interface Props {
  /** The channel to change; null adds one. */
  channel: AdminChannel | null;
  onSaved(c: AdminChannel): void;
  onCancel(): void;
}

function FieldInput({ f, value, onChange }: { f: Field; value: string | boolean; onChange(v: string | boolean): void }) {
  const id = `field-${f.path}`;
  if (f.type === 'checkbox') {
    return (
      <label className="form-check" htmlFor={id}>
        <input id={id} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} /> {f.label}
      </label>
    );
  }
  const common = { id, value: String(value), placeholder: f.hint ?? '', onChange: (e: { target: { value: string } }) => onChange(e.target.value) };
  return (
    <label className="form-field" htmlFor={id}>
      <span>
        {f.label}
        {f.required && ' *'}
      </span>
      {f.type === 'textarea' || f.type === 'list' ? (
        <textarea rows={f.type === 'list' ? 3 : 2} {...common} />
      ) : (
        <input type={f.type === 'secret' ? 'password' : f.type === 'number' ? 'number' : 'text'} autoComplete="off" {...common} />
      )}
    </label>
  );
}

/** Where the provider must post for this channel: shown to copy into the provider's console. */
function WebhookUrl({ url }: { url: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="form-field">
      <span>Webhook URL</span>
      <span className="webhook-url">
        <input id="channel-webhook-url" aria-label="Webhook URL" readOnly value={url} onFocus={(e) => e.target.select()} />
        <button type="button" className="link-button" onClick={() => void navigator.clipboard?.writeText(url).then(() => setCopied(true))}>
          {copied ? 'Copied' : 'Copy'}
        </button>
      </span>
    </div>
  );
}

export function ChannelForm({ channel, onSaved, onCancel }: Props) {
  const [kind, setKind] = useState<ChannelKind>(channel?.kind ?? channelKinds()[0]?.kind ?? '');
  const [name, setName] = useState(channel?.name ?? '');
  const [address, setAddress] = useState(channel?.address ?? '');
  const [settings, setSettings] = useState<JsonObject>(channel?.settings ?? {});
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const kindInfo = channelKindInfo(kind);
  const fields = kindInfo.form;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setError(null);
    try {
      const saved = channel
        ? await api.updateChannel(channel.id, { name, settings: settingsPatch(channel.settings, settings, fields) })
        : await api.createChannel({ kind, name, address, settings });
      onSaved(saved);
    } catch (err) {
      setError(errorMessage(err));
      setSaving(false);
    }
  };

  return (
    <form className="channel-form board-card" aria-label={channel ? `Change ${channel.name}` : 'Add a channel'} onSubmit={(e) => void submit(e)}>
      <h2 className="board-card-title">{channel ? `Change ${channel.name}` : 'Add a channel'}</h2>
      {!channel && (
        <label className="form-field" htmlFor="channel-kind">
          <span>Kind</span>
          <select
            id="channel-kind"
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as ChannelKind);
              setSettings({});
            }}
          >
            {channelKinds().map((k) => (
              <option key={k.kind} value={k.kind}>
                {k.label}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="form-field" htmlFor="channel-name">
        <span>Name *</span>
        <input id="channel-name" value={name} maxLength={80} placeholder="e.g. Support email" onChange={(e) => setName(e.target.value)} />
      </label>
      <label className="form-field" htmlFor="channel-address">
        <span>Address *</span>
        <input id="channel-address" value={address} disabled={channel !== null} placeholder={kindInfo.addressHint} onChange={(e) => setAddress(e.target.value)} />
      </label>
      {channel?.webhookUrl && <WebhookUrl url={channel.webhookUrl} />}
      {fields.map((f) => (
        <FieldInput key={`${kind}-${f.path}`} f={f} value={fieldText(settings, f)} onChange={(v) => setSettings((s) => withField(s, f, v))} />
      ))}
      <FormFooter error={error} saving={saving} canSubmit={!!name.trim() && !!address.trim()} submitLabel={channel ? 'Save changes' : 'Add channel'} onCancel={onCancel} />
    </form>
  );
}
