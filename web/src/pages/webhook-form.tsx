// Adds or changes an outgoing webhook endpoint: URL, description, the events it subscribes to and
// whether it is on. The signing secret is not part of the form: the server makes it.
import { useState, type FormEvent } from 'react';
import { CheckGroup } from '../admin/check-group.tsx';
import { FormFooter } from '../admin/admin-ui.tsx';
import { errorMessage } from '../api/client.ts';
import type { WebhookEndpoint, WebhookEndpointWithSecret, WebhookEventType } from '../api/types.ts';
import { webhookApi } from '../api/webhook-endpoints.ts';

interface Props {
  item: WebhookEndpoint | null;
  eventTypes: readonly WebhookEventType[];
  /** `secret`: only for a new endpoint, shown once. */
  onSaved(e: WebhookEndpoint | WebhookEndpointWithSecret): void;
  onCancel(): void;
}

export function WebhookForm({ item, eventTypes, onSaved, onCancel }: Props) {
  const [url, setUrl] = useState(item?.url ?? 'https://');
  const [description, setDescription] = useState(item?.description ?? '');
  const [events, setEvents] = useState<string[]>(item?.events ?? ['message.created']);
  const [active, setActive] = useState(item?.active ?? true);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setError(null);
    try {
      const body = { url: url.trim(), description, events: events as WebhookEventType[], active };
      onSaved(item ? await webhookApi.update(item.id, body) : await webhookApi.create(body));
    } catch (err) {
      setError(errorMessage(err));
      setSaving(false);
    }
  };

  const title = item ? `Change ${item.url}` : 'Add a webhook endpoint';
  return (
    <form className="channel-form board-card" aria-label={title} onSubmit={(e) => void submit(e)}>
      <h2 className="board-card-title">{title}</h2>
      <label className="form-field" htmlFor="webhook-url">
        <span>URL *</span>
        <input id="webhook-url" type="url" value={url} maxLength={2000} placeholder="https://example.com/parley-events" onChange={(e) => setUrl(e.target.value)} />
      </label>
      <label className="form-field" htmlFor="webhook-description">
        <span>Description</span>
        <input id="webhook-description" value={description} maxLength={500} placeholder="e.g. CRM sync" onChange={(e) => setDescription(e.target.value)} />
      </label>
      <CheckGroup legend="Events" options={eventTypes.map((t) => ({ value: t, label: t }))} value={events} onChange={setEvents} />
      <label className="form-field" htmlFor="webhook-active">
        <span>Active</span>
        <input id="webhook-active" type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />
      </label>
      <FormFooter error={error} saving={saving} canSubmit={url.trim().length > 8 && events.length > 0} submitLabel={item ? 'Save changes' : 'Add endpoint'} onCancel={onCancel} />
    </form>
  );
}
