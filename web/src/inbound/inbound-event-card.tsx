// One inbound event on the failed events page: where it came from, why it failed, its raw payload
// as plain text (collapsed; a preview until expanded), and retrying it.
import type { InboundEvent } from '../api/types.ts';
import { navigate } from '../router.ts';
import { fileSize, fullTime } from '../ui/format.ts';

const STATUS: Record<InboundEvent['status'], string> = { failed: 'Failed', rejected: 'Rejected', received: 'Processing…', processed: 'Processed', ignored: 'Ignored' };
const FORMAT: Record<InboundEvent['payload']['format'], string> = { raw: 'raw', json: 'JSON', none: 'empty' };

interface Props {
  e: InboundEvent;
  selected: boolean;
  retrying: boolean;
  refusal: string | undefined;
  onSelect(selected: boolean): void;
  onRetry(): void;
  onExpand(): void;
}

export const canRetry = (e: InboundEvent) => e.status === 'failed' || e.status === 'ignored';

function Payload({ e, onExpand }: Pick<Props, 'e' | 'onExpand'>) {
  const p = e.payload;
  if (p.format === 'none') return <p className="dim inbound-payload-none">No payload was kept.</p>;
  return (
    <details className="inbound-payload">
      <summary>
        Payload ({FORMAT[p.format]}, {fileSize(p.length)}
        {p.truncated ? `, first ${fileSize(p.text.length)} shown` : ''})
      </summary>
      {/* Text, never markup: React escapes it, and the server shows control characters as escapes. */}
      <pre data-testid="inbound-payload">{p.text}</pre>
      {p.truncated && (
        <button type="button" className="link-button" onClick={onExpand}>
          Show the whole payload
        </button>
      )}
    </details>
  );
}

function Outcome({ conversationId }: { conversationId: string }) {
  const href = `/inbox/all/c/${encodeURIComponent(conversationId)}`;
  return (
    <p className="inbound-outcome">
      Processed into a conversation.{' '}
      <a
        href={href}
        onClick={(x) => {
          x.preventDefault();
          navigate(href);
        }}
      >
        Open the conversation
      </a>
    </p>
  );
}

export function InboundEventCard({ e, selected, retrying, refusal, onSelect, onRetry, onExpand }: Props) {
  const label = `${e.channel.name} event ${e.externalId}`;
  return (
    <article className="inbound-card board-card" data-testid="inbound-event" data-event-id={e.id} data-status={e.status} aria-label={label}>
      <header className="inbound-head">
        {canRetry(e) && <input type="checkbox" checked={selected} aria-label={`Select ${label}`} onChange={(x) => onSelect(x.target.checked)} />}
        <span className={`status-pill inbound-status inbound-status-${e.status}`}>{STATUS[e.status]}</span>
        <span className="inbound-channel">
          {e.channel.name} <span className="dim">{e.channel.kind} · {e.channel.address}</span>
        </span>
        <span className="inbound-meta dim">
          received <time dateTime={e.receivedAt}>{fullTime(e.receivedAt)}</time> · {e.attempts} {e.attempts === 1 ? 'attempt' : 'attempts'}
        </span>
      </header>
      {e.error && (
        <p className="inbound-error" data-testid="inbound-error">
          {e.error}
        </p>
      )}
      <p className="inbound-id dim">
        Id from the provider: <code>{e.externalId}</code>
      </p>
      {refusal && (
        <p className="inbound-refusal" role="alert">
          {refusal}
        </p>
      )}
      {e.status === 'processed' && e.conversationId && <Outcome conversationId={e.conversationId} />}
      <Payload e={e} onExpand={onExpand} />
      {canRetry(e) && (
        <div className="inbound-actions">
          <button type="button" className="button" disabled={retrying} onClick={onRetry}>
            {retrying ? 'Retrying…' : 'Retry'}
          </button>
        </div>
      )}
    </article>
  );
}
