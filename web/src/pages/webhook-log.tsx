// One endpoint's delivery log, newest first, refreshed every few seconds while open: status,
// event, attempts, the last response code and when; a finished delivery can be replayed (sent
// again with the same Parley-Delivery id and body).
import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../api/client.ts';
import type { WebhookDelivery, WebhookEndpoint } from '../api/types.ts';
import { webhookApi } from '../api/webhook-endpoints.ts';
import { fullTime } from '../ui/format.ts';
import { useToasts } from '../ui/toasts.tsx';

const REFRESH_MS = 3_000;

const STATUS_LABEL: Record<WebhookDelivery['status'], string> = { pending: 'Pending', succeeded: 'Succeeded', failed: 'Failed' };

export function WebhookLog({ endpoint, refreshKey }: { endpoint: WebhookEndpoint; refreshKey: number }) {
  const toasts = useToasts();
  const [items, setItems] = useState<WebhookDelivery[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const load = useCallback(() => {
    webhookApi.deliveries(endpoint.id).then(
      (r) => {
        setItems(r.items);
        setProblem(null);
      },
      (err: unknown) => setProblem(errorMessage(err)),
    );
  }, [endpoint.id]);
  useEffect(() => {
    load();
    const timer = window.setInterval(load, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [load, refreshKey]);

  const replay = async (d: WebhookDelivery) => {
    try {
      await webhookApi.replay(d.id);
      toasts.show({ tone: 'info', text: `${d.eventType} queued again` });
      load();
    } catch (err) {
      toasts.error(`Could not replay: ${errorMessage(err)}`);
    }
  };

  return (
    <section className="board-card" aria-label={`Deliveries to ${endpoint.url}`} data-testid="webhook-log">
      <h2 className="board-card-title">Deliveries to {endpoint.description || endpoint.url}</h2>
      {problem && <p className="inbound-error">{problem}</p>}
      {items === null ? (
        <p className="dim">Loading…</p>
      ) : items.length === 0 ? (
        <p className="board-empty">Nothing sent yet. “Send test event” sends one now.</p>
      ) : (
        <table className="channel-table" aria-label="Delivery log">
          <thead>
            <tr>
              <th scope="col">Status</th>
              <th scope="col">Event</th>
              <th scope="col">Attempts</th>
              <th scope="col">Response</th>
              <th scope="col">Time</th>
              <th scope="col" aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {items.map((d) => (
              <tr key={d.id} data-testid="webhook-delivery" data-status={d.status} data-delivery-id={d.id}>
                <th scope="row">
                  <span className={`status-pill webhook-${d.status}`}>{STATUS_LABEL[d.status]}</span>
                </th>
                <td>{d.eventType}</td>
                <td>{d.attempts}</td>
                <td title={d.lastResponseExcerpt ?? undefined}>
                  {d.lastStatusCode ?? '—'}
                  {d.lastError && <div className="inbound-error">{d.lastError}</div>}
                  {d.status === 'pending' && d.nextAttemptAt && d.attempts > 0 && <div className="dim">next attempt {fullTime(d.nextAttemptAt)}</div>}
                </td>
                <td>
                  <time dateTime={d.lastAttemptAt ?? d.createdAt}>{fullTime(d.lastAttemptAt ?? d.createdAt)}</time>
                </td>
                <td>
                  {d.status !== 'pending' && (
                    <button type="button" className="button" onClick={() => void replay(d)}>
                      Replay
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
