// The middle-right column: header with actions, the timeline, and the reply box. On phones it is
// a view of its own with a back control to the list; on phones and tablets its header opens the
// customer (a view, or a sheet over it).
import { useEffect, useRef, type RefObject } from 'react';
import type { ConversationSummary } from '../api/types.ts';
import { Composer } from '../composer/composer.tsx';
import { ChannelIcon, conversationTitle } from '../ui/channel-icon.tsx';
import { contactLabel, statusLabel } from '../ui/format.ts';
import { Glyph } from '../ui/glyph.tsx';
import { TagEditor } from '../ui/tag-editor.tsx';
import { ActivityItem } from './activity-item.tsx';
import { AssignMenu } from './assign-menu.tsx';
import { MessageItem } from './message-item.tsx';
import { StatusControls } from './status-controls.tsx';
import { MacroMenu } from './macro-menu.tsx';
import { TaskMenu } from '../tasks/task-menu.tsx';
import type { ConversationActions } from './use-actions.ts';
import { mergeTimeline } from './merge-timeline.ts';
import type { OpenConversation, SendKind } from './use-conversation.ts';
import { useTypingIndicator } from './use-typing.ts';

interface Props {
  open: OpenConversation;
  actions: ConversationActions;
  mode: SendKind;
  onMode(m: SendKind): void;
  composerRef: RefObject<HTMLTextAreaElement | null>;
  /** Back to the list (the control shows on phones only). */
  onBack(): void;
  /** Show or hide the customer (the control shows where the customer is not always beside the conversation). */
  onCustomer(): void;
  customerOpen: boolean;
}

function BackButton({ onBack }: { onBack(): void }) {
  return (
    <button type="button" className="icon-button pane-back" aria-label="Back to conversations" title="Back to conversations" onClick={onBack}>
      <Glyph name="back" size={20} />
    </button>
  );
}

type HeaderProps = Pick<Props, 'actions' | 'onBack' | 'onCustomer' | 'customerOpen'> & { c: ConversationSummary };

function Header({ c, actions, onBack, onCustomer, customerOpen }: HeaderProps) {
  return (
    <header className="pane-header">
      <div className="pane-title-row">
        <BackButton onBack={onBack} />
        <h2 className="pane-title">{conversationTitle(c)}</h2>
        <span className={`status-pill status-${c.status}`}>{statusLabel[c.status]}</span>
        <button type="button" className="button pane-customer" aria-label="Customer details" aria-expanded={customerOpen} aria-controls="customer-panel" onClick={onCustomer}>
          <Glyph name="customer" size={16} /> Customer
        </button>
      </div>
      <div className="pane-meta">
        <ChannelIcon kind={c.channel.kind} /> <span>{contactLabel(c.contact)}</span>
        <span className="dim">·</span> <span className="dim">#{c.number}</span>
        <span className="dim">·</span> <span className="dim">{c.channel.name}</span>
        {c.team && (
          <>
            <span className="dim">·</span> <span className="dim">{c.team.name}</span>
          </>
        )}
        <TagEditor label="Conversation tags" tags={c.tags ?? []} onChange={(tags) => void actions.update(c.id, { tags })} />
      </div>
      <div className="pane-actions">
        <AssignMenu c={c} onAssign={(body) => void actions.assign(c.id, body)} />
        <TaskMenu conversationId={c.id} />
        <MacroMenu onApply={(m) => void actions.applyMacro(c.id, m)} />
        <StatusControls c={c} onStatus={(s, until, reason) => void actions.setStatus(c.id, s, until, reason)} onPriority={(priority) => void actions.update(c.id, { priority })} />
      </div>
    </header>
  );
}

export function ConversationPane({ open, actions, mode, onMode, composerRef, onBack, onCustomer, customerOpen }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const count = open.messages.length + open.events.length;
  const id = open.detail?.id;
  const stick = useRef(true);
  const typing = useTypingIndicator(id ?? null, open.detail ? contactLabel(open.detail.contact) : '');

  useEffect(() => {
    stick.current = true;
  }, [id]);
  useEffect(() => {
    const el = scroller.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [count, id]);

  if (open.error && !open.detail) {
    return (
      <section className="pane pane-empty">
        <BackButton onBack={onBack} />
        <div className="banner banner-error" role="alert">
          {open.error}
          <button type="button" className="link-button" onClick={open.reload}>
            Try again
          </button>
        </div>
      </section>
    );
  }
  if (!open.detail) {
    return (
      <section className="pane pane-empty">
        <BackButton onBack={onBack} />
        {open.loading ? 'Loading conversation…' : ''}
      </section>
    );
  }
  const c = open.detail;
  return (
    <section className="pane" aria-label={`Conversation #${c.number}`} data-testid="conversation-pane">
      <Header c={c} actions={actions} onBack={onBack} onCustomer={onCustomer} customerOpen={customerOpen} />
      <div
        className="timeline-scroll"
        ref={scroller}
        onScroll={(e) => {
          const el = e.currentTarget;
          stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 80;
        }}
      >
        <ol className="timeline">
          {mergeTimeline(open.messages, open.events).map((x) =>
            x.type === 'message' ? <MessageItem key={x.m.id} m={x.m} onRetry={open.retry} onDiscard={open.discard} /> : <ActivityItem key={x.e.id} e={x.e} />,
          )}
        </ol>
      </div>
      <div className="typing-indicator" aria-live="polite" data-testid="typing-indicator">
        {typing}
      </div>
      <Composer ref={composerRef} conversation={c} replyRefusal={c.replyRefusal ?? null} mode={mode} onMode={onMode} onSend={open.send} />
    </section>
  );
}
