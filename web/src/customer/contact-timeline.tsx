// The customer's timeline across every channel in the panel: their messages, our replies, notes
// and calls, newest first, each with its channel, direction, time and a link to its conversation.
import type { ContactTimelineEntry } from '../api/types.ts';
import { ChannelIcon, conversationTitle } from '../ui/channel-icon.tsx';
import { fullTime, relativeTime } from '../ui/format.ts';
import { Glyph, type GlyphName } from '../ui/glyph.tsx';
import { useNow } from '../ui/use-now.ts';
import { useContactTimeline } from './use-contact-timeline.ts';
import './contact-timeline.css';

interface Props {
  contactId: string;
  /** The open conversation: its entries say so (null on the contact page). */
  conversationId: string | null;
  refreshKey: string;
  conversationHref(id: string): string;
  onOpenConversation(id: string): void;
}

const isCall = (e: ContactTimelineEntry) => e.kind === 'event' && typeof e.metadata === 'object' && e.metadata !== null && 'call' in e.metadata;

/** What the entry is, in words (the arrow beside it says the same for the eye). */
function describe(e: ContactTimelineEntry): { what: string; glyph: GlyphName; tone: string } {
  const by = e.author?.type === 'agent' ? ` by ${e.author.name}` : '';
  if (isCall(e)) return { what: e.direction === 'in' ? 'Incoming call' : 'Outgoing call', glyph: e.direction === 'in' ? 'inbound' : 'outbound', tone: 'call' };
  switch (e.kind) {
    case 'note':
      return { what: `Note${by}`, glyph: 'note', tone: 'note' };
    case 'auto_reply':
      return { what: 'Automatic reply', glyph: e.direction === 'in' ? 'inbound' : 'outbound', tone: 'muted' };
    case 'bounce':
      return { what: 'Bounce', glyph: 'inbound', tone: 'muted' };
    case 'event':
      return { what: 'Event', glyph: 'page', tone: 'muted' };
    default:
      return e.direction === 'in' ? { what: 'Received', glyph: 'inbound', tone: 'in' } : { what: `Sent${by}`, glyph: 'outbound', tone: 'out' };
  }
}

function snippet(e: ContactTimelineEntry): string {
  const text = e.text.replace(/\s+/g, ' ').trim();
  if (text) return text.length > 240 ? `${text.slice(0, 239)}…` : text;
  const files = e.attachments.filter((a) => !a.inline).length;
  return files > 0 ? `${files} attachment${files === 1 ? '' : 's'}` : (e.subject ?? '');
}

export function ContactTimeline(p: Props) {
  const timeline = useContactTimeline(p.contactId, p.refreshKey);
  const now = useNow(60_000);
  return (
    <section className="panel-section" aria-labelledby="contact-timeline-title">
      <h3 id="contact-timeline-title" className="panel-heading">
        Timeline, all channels
      </h3>
      {timeline.loading === 'initial' && timeline.items.length === 0 && <div className="dim small">Loading…</div>}
      {!timeline.loading && !timeline.error && timeline.items.length === 0 && <div className="dim small">Nothing yet.</div>}
      <ol className="contact-timeline" aria-label="Customer timeline" data-testid="contact-timeline">
        {timeline.items.map((e) => {
          const { what, glyph, tone } = describe(e);
          const current = e.conversation.id === p.conversationId;
          const href = p.conversationHref(e.conversation.id);
          return (
            <li key={e.id} className={`ct-entry ct-${tone}`} data-entry-id={e.id} data-direction={e.direction} data-channel-kind={e.channel.kind}>
              <div className="ct-head">
                <ChannelIcon kind={e.channel.kind} />
                <Glyph name={glyph} size={14} />
                <span className="ct-what">{what}</span>
                <time className="ct-time" dateTime={e.createdAt} title={fullTime(e.createdAt)}>
                  {relativeTime(e.createdAt, now)}
                </time>
              </div>
              <p className="ct-text">{snippet(e)}</p>
              {current ? (
                <span className="ct-link ct-here">#{e.conversation.number} · this conversation</span>
              ) : (
                <a
                  className="ct-link"
                  href={href}
                  onClick={(ev) => {
                    ev.preventDefault();
                    p.onOpenConversation(e.conversation.id);
                  }}
                >
                  #{e.conversation.number} · {conversationTitle({ subject: e.conversation.subject, channel: e.channel })}
                </a>
              )}
            </li>
          );
        })}
      </ol>
      {timeline.error && (
        <div className="banner banner-error" role="alert">
          {timeline.error}
        </div>
      )}
      {timeline.next && (
        <button type="button" className="button-quiet ct-more" disabled={timeline.loading === 'more'} onClick={timeline.loadMore}>
          {timeline.loading === 'more' ? 'Loading…' : 'Load more'}
        </button>
      )}
    </section>
  );
}
