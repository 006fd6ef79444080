// Who else an inbound email names besides its author: where replies go (Reply-To, and whether
// Parley follows it: only for a proven sender), who sent it on the author's behalf (Sender), and
// further From authors. Shown under the message head so the agent knows where the answer goes.
import type { TimelineMessage } from './use-conversation.ts';

type Named = { address: string; name: string | null };

const label = (a: Named) => (a.name ? `${a.name} <${a.address}>` : a.address);

export function MessageEnvelope({ envelope }: { envelope: TimelineMessage['envelope'] }) {
  if (!envelope) return null;
  const { replyTo, sentBy, alsoFrom } = envelope;
  return (
    <div className="message-envelope" data-testid="message-envelope">
      {replyTo && (
        <span title={replyTo.followed ? 'Replies are sent to this address' : 'The sender is not proven, so replies go to the From address instead'}>
          Reply-To {label(replyTo)}
          {replyTo.followed ? ' · replies go here' : ' · not followed (sender unverified)'}
        </span>
      )}
      {sentBy && <span>sent by {label(sentBy)}</span>}
      {alsoFrom.length > 0 && <span>also from {alsoFrom.map(label).join(', ')}</span>}
    </div>
  );
}
