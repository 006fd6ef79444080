// Where an agent's reply is on its way to the customer, and why it failed if it did.
import type { TimelineMessage } from './use-conversation.ts';

const LABEL: Record<string, string> = { queued: 'Queued', sending: 'Sending', sent: 'Sent', delivered: 'Delivered', read: 'Read', failed: 'Failed' };

const tracked = (m: TimelineMessage) => m.direction === 'out' && m.kind === 'message' && m.deliveryStatus !== null;

export function DeliveryBadge({ m }: { m: TimelineMessage }) {
  if (m.local?.state === 'sending') return <span className="delivery delivery-sending">Sending…</span>;
  if (m.local?.state === 'failed') return <span className="delivery delivery-failed">Not sent</span>;
  if (!tracked(m) || !m.deliveryStatus) return null;
  return (
    <span className={`delivery delivery-${m.deliveryStatus}`} data-testid="delivery-status" data-status={m.deliveryStatus}>
      {LABEL[m.deliveryStatus] ?? m.deliveryStatus}
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
  if (!tracked(m) || !m.deliveryError) return null;
  return (
    <div className="delivery-error" role={m.deliveryStatus === 'failed' ? 'alert' : undefined} data-testid="delivery-error">
      {m.deliveryStatus === 'failed' ? 'Delivery failed: ' : 'Delivery delayed, retrying: '}
      {m.deliveryError}
    </div>
  );
}
