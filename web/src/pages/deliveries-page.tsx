// Supervisors: every reply that has not reached the customer across the workspace: in retry after
// transient failures (with the next attempt), given up on after the channel's retry window (dead
// letter), or with an uncertain delivery; a dead-lettered or uncertain one can be retried from here.
import { useState } from 'react';
import { SettingsPage } from '../admin/admin-ui.tsx';
import { errorMessage } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import type { Delivery, DeliveryState } from '../api/types.ts';
import { useDeliveries } from '../deliveries/use-deliveries.ts';
import { isSupervisor, useSession } from '../state/session.tsx';
import { fullTime } from '../ui/format.ts';
import '../inbound/inbound-events.css';

const STATES: { key: DeliveryState; label: string; about: string; empty: string }[] = [
  { key: 'retrying', label: 'Retrying', about: 'Replies the receiving server refused for now (e.g. 451) or could not be reached for. Parley keeps trying, further apart each time (up to an hour), for the channel’s retry window (5 days unless set).', empty: 'No reply is being retried.' },
  { key: 'dead', label: 'Gave up', about: 'Replies still refused when the channel’s retry window ended. Retry sends one again from the start.', empty: 'No reply was given up on.' },
  { key: 'uncertain', label: 'Uncertain', about: 'The sending process stopped after handing the reply over and before the server’s answer was recorded: the server may or may not have it. Parley does not send it again on its own; Send again does, with the same Message-ID.', empty: 'No delivery is uncertain.' },
];

function DeliveryCard({ d, onRetried }: { d: Delivery; onRetried(): void }) {
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const retry = () => {
    setBusy(true);
    api.retryDelivery(d.id).then(
      () => {
        setBusy(false);
        onRetried();
      },
      (err: unknown) => {
        setBusy(false);
        setProblem(errorMessage(err));
      },
    );
  };
  const canRetry = d.deliveryStatus === 'failed' || d.deliveryStatus === 'uncertain';
  return (
    <article className="inbound-card board-card" data-testid="delivery" data-message-id={d.id} data-status={d.deliveryStatus}>
      <div className="inbound-head">
        <span className="inbound-channel">{d.channel.name}</span>
        <span>to {d.to ?? d.contact.name ?? 'unknown'}</span>
        <a href={`/inbox/all/c/${encodeURIComponent(d.conversationId)}`}>{d.subject ?? 'Open the conversation'}</a>
        <span className="inbound-meta dim">
          written {fullTime(d.createdAt)} · {d.deliveryAttempts} attempt{d.deliveryAttempts === 1 ? '' : 's'}
        </span>
      </div>
      <p className="dim">{d.text}</p>
      {d.deliveryError && <p className="inbound-error">{d.deliveryError}</p>}
      {d.nextAttemptAt && (
        <p className="dim" data-testid="delivery-next">
          Retrying, next attempt at <time dateTime={d.nextAttemptAt}>{fullTime(d.nextAttemptAt)}</time>
          {d.retryingSince && <> (failing since {fullTime(d.retryingSince)})</>}
        </p>
      )}
      {canRetry && (
        <div>
          <button type="button" className="button" disabled={busy} onClick={retry}>
            {d.deliveryStatus === 'uncertain' ? 'Send again' : 'Retry'}
          </button>
          {problem && <span className="inbound-error"> {problem}</span>}
        </div>
      )}
    </article>
  );
}

function Deliveries() {
  const [state, setState] = useState<DeliveryState>('retrying');
  const list = useDeliveries(state);
  const shown = STATES.find((s) => s.key === state)!;
  return (
    <>
      <div className="board-header">
        <h1 className="list-title">Deliveries</h1>
        <div className="segmented" role="group" aria-label="Show">
          {STATES.map((s) => (
            <button key={s.key} type="button" className={s.key === state ? 'segment segment-active' : 'segment'} aria-pressed={s.key === state} onClick={() => setState(s.key)}>
              {s.label}
            </button>
          ))}
        </div>
      </div>
      <p className="inbound-about dim">{shown.about}</p>
      {list.error && (
        <div className="banner banner-error" role="alert">
          Could not load the deliveries: {list.error}
          <button type="button" className="link-button" onClick={list.reload}>
            Try again
          </button>
        </div>
      )}
      {!list.loading && list.items.length === 0 && !list.error && <p className="board-empty">{shown.empty}</p>}
      <div className="inbound-list" data-testid="delivery-list">
        {list.items.map((d) => (
          <DeliveryCard key={d.id} d={d} onRetried={list.reload} />
        ))}
      </div>
    </>
  );
}

export function DeliveriesPage({ onHelp }: { onHelp(): void }) {
  const { me } = useSession();
  return (
    <SettingsPage active="deliveries" testId="deliveries-page" allowed={isSupervisor(me)} denied="Only supervisors and admins can see deliveries across the workspace." onHelp={onHelp}>
      <Deliveries />
    </SettingsPage>
  );
}
