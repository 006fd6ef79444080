// Supervisors: inbound events Parley could not process (or webhook requests it refused), with the
// reason and the raw payload; retry one or many once the cause is fixed. Looking here clears the
// nav's badge.
import { useState } from 'react';
import { SettingsPage } from '../admin/admin-ui.tsx';
import { errorMessage } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import { canRetry, InboundEventCard } from '../inbound/inbound-event-card.tsx';
import { useInboundEvents, type InboundFilter } from '../inbound/use-inbound-events.ts';
import { useInboundRetry } from '../inbound/use-inbound-retry.ts';
import { isSupervisor, useSession } from '../state/session.tsx';
import '../inbound/inbound-events.css';

const FILTERS: { key: InboundFilter; label: string; about: string }[] = [
  { key: 'failed', label: 'Failed', about: 'Events Parley stored but could not process. Fix the cause (the error says what went wrong), then retry them.' },
  { key: 'rejected', label: 'Rejected', about: 'Webhook requests that failed verification (a wrong signature or secret). Kept for inspection; they are never processed.' },
];

function RetryToolbar(p: { retryable: readonly { id: string }[]; chosen: readonly string[]; onSelectAll(all: boolean): void; onRetry(): void }) {
  if (p.retryable.length === 0) return null;
  return (
    <div className="inbound-toolbar">
      <label>
        <input type="checkbox" checked={p.chosen.length === p.retryable.length} onChange={(x) => p.onSelectAll(x.target.checked)} /> Select all
      </label>
      <button type="button" className="button-primary" disabled={p.chosen.length === 0} onClick={p.onRetry}>
        Retry selected{p.chosen.length > 0 ? ` (${p.chosen.length})` : ''}
      </button>
    </div>
  );
}

function InboundEvents() {
  const [filter, setFilter] = useState<InboundFilter>('failed');
  const list = useInboundEvents(filter);
  const retries = useInboundRetry(list);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const retryable = list.items.filter(canRetry);
  const chosen = retryable.filter((e) => selected.has(e.id)).map((e) => e.id);
  const about = FILTERS.find((f) => f.key === filter)!.about;

  const select = (id: string, on: boolean) => setSelected((s) => (on ? new Set([...s, id]) : new Set([...s].filter((x) => x !== id))));
  const retry = (ids: string[]) => {
    setSelected((s) => new Set([...s].filter((x) => !ids.includes(x))));
    void retries.retry(ids);
  };
  const expand = (id: string) => api.inboundEvent(id).then(list.replace, (err: unknown) => retries.refuse(id, errorMessage(err)));

  return (
    <>
      <div className="board-header">
        <h1 className="list-title">Failed inbound events</h1>
        <div className="segmented" role="group" aria-label="Show">
          {FILTERS.map((f) => (
            <button key={f.key} type="button" className={f.key === filter ? 'segment segment-active' : 'segment'} aria-pressed={f.key === filter} onClick={() => setFilter(f.key)}>
              {f.label}
            </button>
          ))}
        </div>
      </div>
      <p className="inbound-about dim">{about}</p>
      <RetryToolbar retryable={retryable} chosen={chosen} onSelectAll={(all) => setSelected(new Set(all ? retryable.map((e) => e.id) : []))} onRetry={() => retry(chosen)} />
      {list.error && (
        <div className="banner banner-error" role="alert">
          Could not load the events: {list.error}
          <button type="button" className="link-button" onClick={list.reload}>
            Try again
          </button>
        </div>
      )}
      {!list.loading && list.items.length === 0 && !list.error && <p className="board-empty">{filter === 'failed' ? 'Nothing failed.' : 'No request was rejected.'}</p>}
      <div className="inbound-list" data-testid="inbound-list">
        {list.items.map((e) => (
          <InboundEventCard
            key={e.id}
            e={e}
            selected={selected.has(e.id)}
            retrying={retries.retrying.has(e.id)}
            refusal={retries.refusals.get(e.id)}
            onSelect={(on) => select(e.id, on)}
            onRetry={() => retry([e.id])}
            onExpand={() => void expand(e.id)}
          />
        ))}
      </div>
    </>
  );
}

export function InboundEventsPage({ onHelp }: { onHelp(): void }) {
  const { me } = useSession();
  return (
    <SettingsPage active="inbound" testId="inbound-events-page" allowed={isSupervisor(me)} denied="Only supervisors and admins can see failed inbound events." onHelp={onHelp}>
      <InboundEvents />
    </SettingsPage>
  );
}
