// Admins: outgoing webhooks. Endpoints receive the events they subscribe to as signed JSON POSTs
// (docs/webhooks.md); the signing secret is shown once, when made or rotated. Each endpoint has a
// delivery log with replay, and "Send test event".
import { useCallback, useEffect, useState } from 'react';
import { AdminPage } from '../admin/admin-ui.tsx';
import { errorMessage } from '../api/client.ts';
import type { WebhookEndpoint, WebhookEndpointWithSecret, WebhookEventType } from '../api/types.ts';
import { webhookApi } from '../api/webhook-endpoints.ts';
import { useToasts } from '../ui/toasts.tsx';
import { WebhookForm } from './webhook-form.tsx';
import { WebhookLog } from './webhook-log.tsx';
import './webhooks.css';

function SecretOnce({ shown, onDone }: { shown: WebhookEndpointWithSecret; onDone(): void }) {
  return (
    <div className="board-card webhook-secret" role="status" data-testid="webhook-secret">
      <p>
        Signing secret for <strong>{shown.url}</strong>. Copy it now: it is not shown again (Rotate secret makes a new one).
      </p>
      <code>{shown.secret}</code>
      <div className="form-actions">
        <button type="button" className="button" onClick={() => void navigator.clipboard?.writeText(shown.secret)}>
          Copy
        </button>
        <button type="button" className="button-primary" onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  );
}

function Webhooks() {
  const toasts = useToasts();
  const [endpoints, setEndpoints] = useState<WebhookEndpoint[] | null>(null);
  const [eventTypes, setEventTypes] = useState<WebhookEventType[]>([]);
  const [editing, setEditing] = useState<{ item: WebhookEndpoint | null } | null>(null);
  const [secret, setSecret] = useState<WebhookEndpointWithSecret | null>(null);
  const [logOf, setLogOf] = useState<string | null>(null);
  const [refreshKey, setRefreshKey] = useState(0);

  const load = useCallback(async () => {
    const r = await webhookApi.endpoints();
    setEndpoints(r.items);
    setEventTypes(r.eventTypes);
    setLogOf((current) => current ?? r.items[0]?.id ?? null);
  }, []);
  useEffect(() => {
    load().catch((err: unknown) => toasts.error(`Could not load the webhooks: ${errorMessage(err)}`));
  }, [load, toasts]);

  const act = async (what: string, run: () => Promise<unknown>) => {
    try {
      await run();
      await load();
    } catch (err) {
      toasts.error(`Could not ${what}: ${errorMessage(err)}`);
    }
  };
  const saved = (e: WebhookEndpoint | WebhookEndpointWithSecret) => {
    setEditing(null);
    if ('secret' in e) setSecret(e);
    setLogOf(e.id);
    void load();
  };
  const sendTest = (e: WebhookEndpoint) =>
    act('send a test event', async () => {
      await webhookApi.sendTest(e.id);
      setLogOf(e.id);
      setRefreshKey((k) => k + 1);
      toasts.show({ tone: 'info', text: 'Test event sent' });
    });
  const rotate = (e: WebhookEndpoint) => {
    if (!window.confirm(`Make a new signing secret for ${e.url}? The current one stops working at once.`)) return;
    void act('rotate the secret', async () => setSecret(await webhookApi.rotateSecret(e.id)));
  };
  const remove = (e: WebhookEndpoint) => {
    if (!window.confirm(`Delete the endpoint ${e.url} and its delivery log?`)) return;
    void act('delete the endpoint', async () => {
      await webhookApi.remove(e.id);
      setLogOf((current) => (current === e.id ? null : current));
    });
  };
  const shownLog = endpoints?.find((e) => e.id === logOf) ?? null;

  return (
    <>
      <div className="board-header">
        <h1 className="list-title">Webhooks</h1>
        {!editing && (
          <button type="button" className="button-primary" onClick={() => setEditing({ item: null })}>
            Add endpoint
          </button>
        )}
      </div>
      <p className="dim webhook-about">
        Parley POSTs each subscribed event as JSON, signed with the endpoint’s secret in the <code>Parley-Signature</code> header. Failed deliveries are retried with growing waits (by default 1 min, 5 min, 30 min, 2 h … up to 8 attempts); each delivery keeps its <code>Parley-Delivery</code> id, so a receiver can drop duplicates.
      </p>
      {secret && <SecretOnce shown={secret} onDone={() => setSecret(null)} />}
      {editing && <WebhookForm key={editing.item?.id ?? 'new'} item={editing.item} eventTypes={eventTypes} onSaved={saved} onCancel={() => setEditing(null)} />}
      {endpoints === null ? (
        <p className="dim">Loading…</p>
      ) : endpoints.length === 0 ? (
        <p className="board-empty">No endpoints yet.</p>
      ) : (
        <table className="channel-table board-card" aria-label="Webhook endpoints">
          <thead>
            <tr>
              <th scope="col">Endpoint</th>
              <th scope="col">Events</th>
              <th scope="col">State</th>
              <th scope="col" aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {endpoints.map((e) => (
              <tr key={e.id} data-testid="webhook-endpoint" aria-selected={e.id === logOf}>
                <th scope="row" className="webhook-endpoint-name">
                  {e.description && <div>{e.description}</div>}
                  <code className="dim webhook-url">{e.url}</code>
                </th>
                <td>{e.events.join(', ')}</td>
                <td className={e.active ? undefined : 'channel-off'}>{e.active ? 'Active' : 'Off'}</td>
                <td>
                  <div className="channel-actions">
                    <button type="button" className="button" onClick={() => setLogOf(e.id)}>
                      Deliveries
                    </button>
                    <button type="button" className="button" disabled={!e.active} onClick={() => void sendTest(e)}>
                      Send test event
                    </button>
                    <button type="button" className="button" onClick={() => setEditing({ item: e })}>
                      Change
                    </button>
                    <button type="button" className="button" onClick={() => rotate(e)}>
                      Rotate secret
                    </button>
                    <button type="button" className="button" onClick={() => remove(e)}>
                      Delete
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {shownLog && <WebhookLog key={shownLog.id} endpoint={shownLog} refreshKey={refreshKey} />}
    </>
  );
}

export function WebhooksPage({ onHelp }: { onHelp(): void }) {
  return (
    <AdminPage active="webhooks" testId="webhooks-page" denied="Only admins can manage webhooks." onHelp={onHelp}>
      <Webhooks />
    </AdminPage>
  );
}
