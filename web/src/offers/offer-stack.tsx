// Offers to this agent as prominent cards in the top right corner, on every page: who wrote and
// about what, a countdown to the offer's expiry, Accept (opens the conversation) and Decline.
import type { Offer, Offers } from './use-offers.ts';
import { ChannelIcon, channelLabel, conversationTitle } from '../ui/channel-icon.tsx';
import { contactLabel, previewOf } from '../ui/format.ts';
import { useNow } from '../ui/use-now.ts';
import './offers.css';

function OfferCard({ offer, onAccept, onDecline, onDismiss }: { offer: Offer; onAccept(): void; onDecline(): void; onDismiss(): void }) {
  const now = useNow(250);
  const c = offer.conversation;
  const left = Math.max(0, Math.ceil((offer.expiresAt - now) / 1000));
  const total = offer.expiresAt - offer.receivedAt;
  const share = Math.min(1, Math.max(0, (offer.expiresAt - now) / total));
  const expired = left === 0;
  const titleId = `offer-title-${c.id}`;
  return (
    <section className={`offer-card${expired ? ' offer-expired' : ''}`} aria-labelledby={titleId} data-testid="offer-card" data-conversation-id={c.id}>
      <header className="offer-head">
        <span className="offer-kicker">
          <ChannelIcon kind={c.channel.kind} /> {channelLabel(c.channel.kind)} offered to you{c.queue ? ` · ${c.queue.name}` : ''}
        </span>
        <span className="offer-expires">
          {!expired && 'expires in '}
          <span className="offer-countdown" data-testid="offer-countdown">
            {expired ? 'Expired' : `${left}s`}
          </span>
        </span>
      </header>
      <h2 className="offer-title" id={titleId}>
        {contactLabel(c.contact)}
        {(c.priority === 'high' || c.priority === 'urgent') && <span className={`prio prio-${c.priority}`}>{c.priority}</span>}
      </h2>
      <div className="offer-subject">
        {conversationTitle(c)} <span className="row-number">#{c.number}</span>
      </div>
      {c.lastMessage && <p className="offer-preview">{previewOf(c)}</p>}
      <div className="offer-timer" aria-hidden="true">
        <span style={{ width: `${share * 100}%` }} />
      </div>
      {offer.error && (
        <div className="offer-error" role="alert">
          {offer.error}
        </div>
      )}
      <div className="offer-actions">
        {offer.error || expired ? (
          <button type="button" className="button" onClick={onDismiss}>
            Dismiss
          </button>
        ) : (
          <>
            <button type="button" className="button-primary" disabled={offer.busy !== null} onClick={onAccept}>
              {offer.busy === 'accepting' ? 'Accepting…' : 'Accept'}
            </button>
            <button type="button" className="button" disabled={offer.busy !== null} onClick={onDecline}>
              {offer.busy === 'declining' ? 'Declining…' : 'Decline'}
            </button>
          </>
        )}
      </div>
    </section>
  );
}

export function OfferStack({ offers }: { offers: Offers }) {
  const newest = offers.offers.at(-1)?.conversation;
  return (
    <>
      {/* Announced once per offer; the ticking countdown stays out of the live region. */}
      <div className="sr-only" aria-live="assertive">
        {newest ? `Conversation offered to you: ${contactLabel(newest.contact)}, ${conversationTitle(newest)}` : ''}
      </div>
      {offers.offers.length > 0 && (
        <div className="offers">
          {offers.offers.map((o) => (
            <OfferCard
              key={o.conversation.id}
              offer={o}
              onAccept={() => void offers.accept(o.conversation.id)}
              onDecline={() => offers.decline(o.conversation.id)}
              onDismiss={() => offers.dismiss(o.conversation.id)}
            />
          ))}
        </div>
      )}
    </>
  );
}
