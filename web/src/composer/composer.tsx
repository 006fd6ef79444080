// The reply box: Reply (to the customer) and Note (private) tabs, "/" for canned responses with
// placeholders filled, "@" to mention an agent in a note, files on a reply (picked or dropped, within
// what the channel carries), Knowledge to insert a published article's link or excerpt,
// Ctrl/⌘+Enter to send, Esc to leave. Where the channel cannot answer
// this contact in writing at all (an SMS sender ID, a phone call), Reply says why instead of taking text.
import { forwardRef, useEffect, useLayoutEffect, useMemo, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import type { ConversationSummary } from '../api/types.ts';
import { useSession } from '../state/session.tsx';
import { channelLabel } from '../ui/channel-icon.tsx';
import { contactLabel, fileSize } from '../ui/format.ts';
import type { SendKind } from '../conversation/use-conversation.ts';
import { useTypingSignal } from '../conversation/use-typing.ts';
import { Suggestions, type Suggestion } from './suggestions.tsx';
import { readReplyFile, replyFilesProblem, type ReplyFile } from './reply-files.ts';
import { KnowledgePicker } from './knowledge-picker.tsx';
import { TemplatePicker } from './template-picker.tsx';
import { fillPlaceholders, matchAgents, matchCanned, replaceToken, tokenAt, type Token } from './tokens.ts';

interface Props {
  conversation: ConversationSummary;
  /** Why no written reply can be sent here at all (the server's channel check), or null. */
  replyRefusal?: string | null;
  mode: SendKind;
  onMode(mode: SendKind): void;
  onSend(kind: SendKind, text: string, files: readonly ReplyFile[]): Promise<boolean>;
}

// Drafts (text and a reply's files) survive switching between conversations and tabs (not reloads).
const drafts = new Map<string, string>();
const fileDrafts = new Map<string, ReplyFile[]>();

export const Composer = forwardRef<HTMLTextAreaElement, Props>(function Composer({ conversation, replyRefusal = null, mode, onMode, onSend }, ref) {
  const { me, agents, canned, channels } = useSession();
  const draftKey = `${conversation.id}:${mode}`;
  const [text, setText] = useState(() => drafts.get(draftKey) ?? '');
  const [files, setFiles] = useState<ReplyFile[]>(() => fileDrafts.get(draftKey) ?? []);
  const [readError, setReadError] = useState<string | null>(null);
  const filePicker = useRef<HTMLInputElement>(null);
  const typing = useTypingSignal(conversation.id, mode === 'reply');
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const [sending, setSending] = useState(false);

  useEffect(() => {
    setText(drafts.get(draftKey) ?? '');
    setFiles(fileDrafts.get(draftKey) ?? []);
    setReadError(null);
  }, [draftKey]);
  const update = (value: string) => {
    setText(value);
    drafts.set(draftKey, value);
  };
  const updateFiles = (next: ReplyFile[]) => {
    setFiles(next);
    fileDrafts.set(draftKey, next);
  };

  // Files go with replies only, on channels that carry them.
  const channelName = channelLabel(conversation.channel.kind);
  const channel = channels.find((ch) => ch.id === conversation.channel.id);
  const maxFileBytes = channel?.maxReplyFileBytes ?? null;
  const blocked = mode === 'reply' ? replyRefusal : null;
  const templates = mode === 'reply' && !blocked ? (channel?.templates ?? []) : [];
  const [picking, setPicking] = useState(false);
  const [knowledge, setKnowledge] = useState(false);
  useEffect(() => {
    setPicking(false);
    setKnowledge(false);
  }, [draftKey]);
  /** An article's link or excerpt goes in at the caret, on a line of its own. */
  const insertArticle = (snippet: string) => {
    const before = text.slice(0, caret);
    const after = text.slice(caret);
    const lead = before && !before.endsWith('\n') ? '\n' : '';
    const next = `${before}${lead}${snippet}${after && !after.startsWith('\n') ? '\n' : ''}`;
    update(next + after);
    setCaret(next.length);
    pendingCaret.current = next.length;
    setKnowledge(false);
  };
  const filesAllowed = mode === 'reply' && maxFileBytes !== null && !blocked;
  const filesProblem = mode === 'reply' ? replyFilesProblem(files, maxFileBytes, channelName) : null;
  const attach = async (picked: FileList | null) => {
    if (!picked || picked.length === 0 || mode !== 'reply') return;
    setReadError(null);
    try {
      updateFiles([...files, ...(await Promise.all(Array.from(picked, readReplyFile)))]);
    } catch (err) {
      setReadError((err as Error).message);
    }
  };
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    if (!e.dataTransfer.types.includes('Files') || mode !== 'reply') return;
    e.preventDefault();
    void attach(e.dataTransfer.files);
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
    pendingCaret.current = next.caret;
  };
  // The caret goes after the inserted text as soon as it is rendered, before the next keystroke
  // (a later frame could put it back in the middle of what was typed since).
  const pendingCaret = useRef<number | null>(null);
  useLayoutEffect(() => {
    const el = typeof ref === 'object' ? ref?.current : null;
    if (pendingCaret.current === null || !el) return;
    el.focus();
    el.setSelectionRange(pendingCaret.current, pendingCaret.current);
    pendingCaret.current = null;
  }, [text, ref]);

  const outgoing = mode === 'reply' ? files : [];
  const canSend = (text.trim() !== '' || outgoing.length > 0) && !filesProblem && !sending && !blocked;
  const submit = async () => {
    if (!canSend) return;
    setSending(true);
    typing.stop();
    update('');
    updateFiles(mode === 'reply' ? [] : files);
    await onSend(mode, text.trim(), outgoing);
    setSending(false);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    // Ctrl/⌘+Enter sends, even while suggestions are open.
    if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) {
      e.preventDefault();
      void submit();
      return;
    }
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
    if (e.key === 'Escape') {
      e.currentTarget.blur();
    }
  };

  const placeholder =
    mode === 'reply' ? `Reply to ${contactLabel(conversation.contact)}… ( / for canned responses )` : 'Private note for your team… ( @ to mention, / for canned responses )';

  return (
    <div className={mode === 'note' ? 'composer composer-note' : 'composer'} data-testid="composer" onDragOver={(e) => filesAllowed && e.dataTransfer.types.includes('Files') && e.preventDefault()} onDrop={onDrop}>
      <div className="composer-tabs" role="tablist">
        <button type="button" role="tab" aria-selected={mode === 'reply'} className={mode === 'reply' ? 'ctab ctab-active' : 'ctab'} onClick={() => onMode('reply')}>
          Reply <kbd>r</kbd>
        </button>
        <button type="button" role="tab" aria-selected={mode === 'note'} className={mode === 'note' ? 'ctab ctab-active' : 'ctab'} onClick={() => onMode('note')}>
          Note <kbd>n</kbd>
        </button>
      </div>
      {blocked && (
        <p className="composer-blocked" role="note" data-testid="reply-refusal">
          {blocked} Private notes still work (Note tab).
        </p>
      )}
      <div className="composer-input">
        <Suggestions items={items} active={active} title={token?.trigger === '@' ? 'Mention an agent' : 'Canned responses'} onPick={pick} onHover={setActive} />
        <textarea
          ref={ref}
          value={text}
          aria-label={mode === 'reply' ? 'Reply' : 'Note'}
          placeholder={blocked ? 'No written reply can reach this contact on this channel' : placeholder}
          disabled={blocked !== null}
          rows={4}
          onChange={(e) => {
            update(e.target.value);
            typing.keystroke();
            setCaret(e.target.selectionStart);
            setDismissed(null);
          }}
          onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
          onKeyDown={onKeyDown}
        />
      </div>
      {knowledge && !blocked && <KnowledgePicker onInsert={insertArticle} onClose={() => setKnowledge(false)} />}
      {picking && templates.length > 0 && <TemplatePicker conversationId={conversation.id} templates={templates} onClose={() => setPicking(false)} />}
      {mode === 'reply' && files.length > 0 && (
        <ul className="composer-files" aria-label="Files to send">
          {files.map((f, i) => (
            <li key={`${f.filename}-${i}`} className="composer-file">
              <span className="attachment-name">{f.filename}</span>
              <span className="attachment-size">{fileSize(f.size)}</span>
              <button type="button" className="composer-file-remove" aria-label={`Remove ${f.filename}`} onClick={() => updateFiles(files.filter((_, j) => j !== i))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {(filesProblem ?? readError) && (
        <div className="composer-error" role="alert">
          {filesProblem ?? readError}
        </div>
      )}
      <div className="composer-actions">
        {mode === 'reply' && (
          <>
            <input ref={filePicker} type="file" multiple hidden aria-label="Files to attach" onChange={(e) => void attach(e.target.files).then(() => (e.target.value = ''))} />
            <button
              type="button"
              className="button composer-attach"
              disabled={!filesAllowed}
              title={filesAllowed ? `Attach files (up to ${fileSize(maxFileBytes)} in all)` : `${channelName} cannot carry files`}
              onClick={() => filePicker.current?.click()}
            >
              Attach
            </button>
          </>
        )}
        <button type="button" className="button composer-attach" aria-expanded={knowledge} disabled={blocked !== null} onClick={() => setKnowledge((v) => !v)}>
          Knowledge
        </button>
        {templates.length > 0 && (
          <button type="button" className="button composer-attach" aria-expanded={picking} onClick={() => setPicking((v) => !v)}>
            Template
          </button>
        )}
        <span className="composer-hint">
          <kbd>Ctrl</kbd>+<kbd>Enter</kbd> to send · <kbd>Esc</kbd> to leave
        </span>
        <button type="button" className="button-primary" disabled={!canSend} onClick={() => void submit()}>
          {mode === 'reply' ? 'Send reply' : 'Add note'}
        </button>
      </div>
    </div>
  );
});
