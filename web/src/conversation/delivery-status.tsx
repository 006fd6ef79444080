// Where an agent's reply is on its way to the customer (queued, retrying and when, sent,
// delivered, read), and why it failed or is being retried. The server's message.updated events
// move it along live. A reply that failed (also after days of retries) or whose delivery is
// uncertain (the sending process stopped before the server's answer was recorded) can be sent
// again with one click: the same message, with the same Message-ID.
import { useState } from 'react';
import { api } from '../api/endpoints.ts';
import { useNow } from '../ui/use-now.ts';
import type { TimelineMessage } from './use-conversation.ts';
import './timeline.css';

const LABEL: Record<string, string> = { queued: 'Queued', sending: 'Sending', sent: 'Sent', delivered: 'Delivered', read: 'Read', failed: 'Failed', uncertain: 'Delivery uncertain' };

const tracked = (m: TimelineMessage) => m.direction === 'out' && m.kind === 'message' && m.deliveryStatus !== null;
/** A transient failure came back to the queue with its reason: the worker tries again. */
const retrying = (m: TimelineMessage) => (m.deliveryStatus === 'queued' || m.deliveryStatus === 'sending') && !!m.deliveryError;

export function DeliveryBadge({ m }: { m: TimelineMessage }) {
  if (m.local?.state === 'sending') return <span className="delivery delivery-sending">Sending…</span>;
  if (m.local?.state === 'failed') return <span className="delivery delivery-failed">Not sent</span>;
  if (!tracked(m) || !m.deliveryStatus) return null;
  const again = retrying(m);
  return (
    <span className={`delivery delivery-${again ? 'retrying' : m.deliveryStatus}`} data-testid="delivery-status" data-status={m.deliveryStatus} data-retrying={again || undefined}>
      {again ? 'Retrying' : (LABEL[m.deliveryStatus] ?? m.deliveryStatus)}
    </span>
  );
}

const clock = (iso: string) => new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** "next attempt 10:32:15 (in 8 s)", counting down; "now" once the time has come. */
function NextAttempt({ at }: { at: string }) {
  const now = useNow(1000);
  const seconds = Math.ceil((Date.parse(at) - now) / 1000);
  return (
    <span className="delivery-next" data-testid="delivery-next-attempt">
      {' '}
      · next attempt <time dateTime={at}>{clock(at)}</time>
      {seconds > 0 ? ` (in ${seconds < 90 ? `${seconds} s` : `${Math.round(seconds / 60)} min`})` : ' (now)'}
    </span>
  );
}

export function DeliveryProblem({ m, onRetry, onDiscard }: { m: TimelineMessage; onRetry(): void; onDiscard(): void }) {
  if (m.local?.state === 'failed') {
    return (
      <div className="delivery-error" role="alert">
        <span>Not sent: {m.local.error}</span>
        <button type="button" className="link-button" onClick={onRetry}>
          Retry
        </button>
        <button type="button" className="link-button" onClick={onDiscard}>
          Discard
        </button>
      </div>
    );
  }
  if (tracked(m) && m.deliveryStatus === 'uncertain') {
    return (
      <div className="delivery-error delivery-error-uncertain" role="status" data-testid="delivery-error">
        Delivery uncertain — the server may not have received it. <SendAgain id={m.id} label="Send again" />
      </div>
    );
  }
  if (!tracked(m) || !m.deliveryError) return null;
  const again = retrying(m);
  return (
    <div className={`delivery-error${again ? ' delivery-error-retrying' : ''}`} role={m.deliveryStatus === 'failed' ? 'alert' : 'status'} data-testid="delivery-error">
      {again ? 'Retrying: ' : m.deliveryStatus === 'failed' ? 'Delivery failed: ' : 'Delivery problem: '}
      {m.deliveryError}
      {again && m.nextAttemptAt && <NextAttempt at={m.nextAttemptAt} />}
      {m.deliveryStatus === 'failed' && (
        <>
          {' '}
          <SendAgain id={m.id} label="Retry" />
        </>
      )}
    </div>
  );
}

/** Queues the stored reply again (POST /api/messages/:id/retry); the live update then shows it queued. */
function SendAgain({ id, label }: { id: string; label: string }) {
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const click = () => {
    setState({ busy: true, error: null });
    api.retryDelivery(id).then(
      () => setState({ busy: false, error: null }),
      (err: unknown) => setState({ busy: false, error: err instanceof Error ? err.message : String(err) }),
    );
  };
  return (
    <>
      <button type="button" className="link-button" onClick={click} disabled={state.busy} data-testid="delivery-send-again">
        {state.busy ? 'Sending…' : label}
      </button>
      {state.error && <span className="delivery-send-again-error"> ({state.error})</span>}
    </>
  );
}
