// The reply box: Reply (to the customer) and Note (private) tabs, "/" for canned responses with
// placeholders filled, "@" to mention an agent in a note, Ctrl/⌘+Enter to send, Esc to leave.
import { forwardRef, useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import type { ConversationSummary } from '../api/types.ts';
import { useSession } from '../state/session.tsx';
import { contactLabel } from '../ui/format.ts';
import type { SendKind } from '../conversation/use-conversation.ts';
import { Suggestions, type Suggestion } from './suggestions.tsx';
import { fillPlaceholders, matchAgents, matchCanned, replaceToken, tokenAt, type Token } from './tokens.ts';

interface Props {
  conversation: ConversationSummary;
  mode: SendKind;
  onMode(mode: SendKind): void;
  onSend(kind: SendKind, text: string): Promise<boolean>;
}

// Drafts survive switching between conversations and tabs (not reloads).
const drafts = new Map<string, string>();

export const Composer = forwardRef<HTMLTextAreaElement, Props>(function Composer({ conversation, mode, onMode, onSend }, ref) {
  const { me, agents, canned } = useSession();
  const draftKey = `${conversation.id}:${mode}`;
  const [text, setText] = useState(() => drafts.get(draftKey) ?? '');
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const [sending, setSending] = useState(false);

  useEffect(() => setText(drafts.get(draftKey) ?? ''), [draftKey]);
  const update = (value: string) => {
    setText(value);
    drafts.set(draftKey, value);
  };

  const token: Token | null = useMemo(() => {
    const t = tokenAt(text, caret, '/') ?? (mode === 'note' ? tokenAt(text, caret, '@') : null);
    return t && t.start !== dismissed ? t : null;
  }, [text, caret, mode, dismissed]);

  const items: (Suggestion & { insert: string })[] = useMemo(() => {
    if (!token) return [];
    if (token.trigger === '/') {
      const ctx = { contact: conversation.contact, agent: { name: me.name }, conversation: { number: conversation.number } };
      return matchCanned(canned, token.query).map((c) => ({ key: c.id, label: `/${c.shortcut}`, detail: c.title, insert: fillPlaceholders(c.body, ctx) }));
    }
    return matchAgents(agents, token.query, me.id).map((a) => ({ key: a.id, label: a.name, detail: a.email, insert: `@${a.name} ` }));
  }, [token, canned, agents, me, conversation]);

  useEffect(() => setActive(0), [token?.start, token?.trigger, items.length]);

  const pick = (i: number) => {
    const item = items[i];
    const el = typeof ref === 'object' ? ref?.current : null;
    if (!item || !token || !el) return;
    const next = replaceToken(text, token, item.insert);
    update(next.text);
    setCaret(next.caret);
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(next.caret, next.caret);
    });
  };

  const submit = async () => {
    const body = text.trim();
    if (!body || sending) return;
    setSending(true);
    update('');
    await onSend(mode, body);
    setSending(false);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (items.length > 0) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        setActive((i) => (i + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length);
        return;
      }
      if (e.key === 'Enter' || e.key === 'Tab') {
        e.preventDefault();
        pick(active);
        return;
      }
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        setDismissed(token?.start ?? null);
        return;
      }
    }
    if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) {
      e.preventDefault();
      void submit();
    } else if (e.key === 'Escape') {
      e.currentTarget.blur();
    }
  };

  const placeholder =
    mode === 'reply' ? `Reply to ${contactLabel(conversation.contact)}… ( / for canned responses )` : 'Private note for your team… ( @ to mention, / for canned responses )';

  return (
    <div className={mode === 'note' ? 'composer composer-note' : 'composer'} data-testid="composer">
      <div className="composer-tabs" role="tablist">
        <button type="button" role="tab" aria-selected={mode === 'reply'} className={mode === 'reply' ? 'ctab ctab-active' : 'ctab'} onClick={() => onMode('reply')}>
          Reply <kbd>r</kbd>
        </button>
        <button type="button" role="tab" aria-selected={mode === 'note'} className={mode === 'note' ? 'ctab ctab-active' : 'ctab'} onClick={() => onMode('note')}>
          Note <kbd>n</kbd>
        </button>
      </div>
      <div className="composer-input">
        <Suggestions items={items} active={active} title={token?.trigger === '@' ? 'Mention an agent' : 'Canned responses'} onPick={pick} onHover={setActive} />
        <textarea
          ref={ref}
          value={text}
          aria-label={mode === 'reply' ? 'Reply' : 'Note'}
          placeholder={placeholder}
          rows={4}
          onChange={(e) => {
            update(e.target.value);
            setCaret(e.target.selectionStart);
            setDismissed(null);
          }}
          onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
          onKeyDown={onKeyDown}
        />
      </div>
      <div className="composer-actions">
        <span className="composer-hint">
          <kbd>Ctrl</kbd>+<kbd>Enter</kbd> to send · <kbd>Esc</kbd> to leave
        </span>
        <button type="button" className="button-primary" disabled={!text.trim() || sending} onClick={() => void submit()}>
          {mode === 'reply' ? 'Send reply' : 'Add note'}
        </button>
      </div>
    </div>
  );
});
