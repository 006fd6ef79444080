// One open conversation: loaded from the API, subscribed to its socket room, kept live from
// message, activity and conversation events, with the agent's own sends shown at once (and their
// failure shown on the message itself, with a retry).
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import type { ConversationDetail, ConversationEvent, ConversationSummary, Message } from '../api/types.ts';
import type { ReplyFile } from '../composer/reply-files.ts';
import { useRealtime, useSocketEvent } from '../realtime/socket.tsx';
import { useSession } from '../state/session.tsx';

export type SendKind = 'reply' | 'note';

export interface TimelineMessage extends Message {
  /** The agent's own message until the server has it: its files are kept for a retry. */
  local?: { state: 'sending' | 'failed'; error?: string; kind: SendKind; files?: readonly ReplyFile[] };
}

export interface OpenConversation {
  detail: ConversationDetail | null;
  messages: TimelineMessage[];
  /** Activity entries (assignment, status, SLA, routing ...), oldest first. */
  events: ConversationEvent[];
  error: string | null;
  loading: boolean;
  send(kind: SendKind, text: string, files?: readonly ReplyFile[]): Promise<boolean>;
  retry(localId: string): void;
  discard(localId: string): void;
  applySummary(s: ConversationSummary): void;
  reload(): void;
}

/** A random id for a message being sent (getRandomValues works where randomUUID does not: plain http on a LAN). */
const newLocalId = () => `local-${Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('')}`;

function upsert<T extends { id: string }>(list: T[], m: T): T[] {
  const at = list.findIndex((x) => x.id === m.id);
  if (at === -1) return [...list, m];
  const next = list.slice();
  next[at] = m;
  return next;
}

export function useConversation(id: string | null, onInbound: () => void): OpenConversation {
  const { me } = useSession();
  const { socket, epoch } = useRealtime();
  const [detail, setDetail] = useState<ConversationDetail | null>(null);
  const [messages, setMessages] = useState<TimelineMessage[]>([]);
  const [events, setEvents] = useState<ConversationEvent[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [reloads, setReloads] = useState(0);
  const inbound = useRef(onInbound);
  inbound.current = onInbound;

  useEffect(() => {
    setDetail((d) => (d?.id === id ? d : null));
    if (!id) return;
    const ctl = new AbortController();
    setLoading(true);
    setError(null);
    api.conversation(id, ctl.signal).then(
      (c) => {
        setDetail(c);
        // Keep what is still being sent or failed locally; the server's list is the truth otherwise.
        setMessages((prev) => [...c.messages, ...prev.filter((m) => m.local)]);
        // Entries heard live while the request was out stay (the server's list may predate them).
        setEvents((prev) => prev.filter((e) => e.conversationId === c.id).reduce(upsert, c.events));
        setLoading(false);
      },
      (err: unknown) => {
        if (ctl.signal.aborted) return;
        setError(errorMessage(err));
        setLoading(false);
      },
    );
    return () => ctl.abort();
  }, [id, epoch, reloads]);

  useEffect(() => {
    if (!socket || !id) return;
    const join = () => socket.emit('conversation.join', { conversationId: id }, () => undefined);
    join();
    socket.on('connect', join);
    return () => {
      socket.off('connect', join);
      socket.emit('conversation.leave', { conversationId: id });
    };
  }, [socket, id]);

  const onMessage = (m: Message) => {
    if (m.conversationId !== id) return;
    // The socket may bring our own message before the POST answers: it replaces the local copy.
    const isEcho = (x: TimelineMessage) =>
      x.local?.state === 'sending' && (m.clientKey ? x.id === m.clientKey : x.author?.id === m.author?.id && x.kind === m.kind && x.text === m.text);
    setMessages((list) => {
      const echo = m.direction === 'out' ? list.find(isEcho) : undefined;
      return upsert(echo ? list.filter((x) => x !== echo) : list, m);
    });
    if (m.direction === 'in' && m.kind === 'message') inbound.current();
  };
  useSocketEvent('message.created', onMessage);
  useSocketEvent('message.updated', onMessage);
  useSocketEvent('conversation.activity', (e) => {
    if (e.conversationId === id) setEvents((list) => upsert(list, e));
  });

  const applySummary = useCallback(
    (s: ConversationSummary) => setDetail((d) => (d && d.id === s.id ? { ...d, ...s, messages: d.messages, events: d.events } : d)),
    [],
  );
  useSocketEvent('conversation.updated', applySummary);
  useSocketEvent('conversation.assigned', applySummary);

  const deliver = useCallback(
    async (localId: string, kind: SendKind, text: string, conversationId: string, files: readonly ReplyFile[]): Promise<boolean> => {
      try {
        const saved = kind === 'reply' ? await api.reply(conversationId, text, files, undefined, localId) : await api.note(conversationId, text);
        setMessages((list) => upsert(list.filter((m) => m.id !== localId), list.find((m) => m.id === saved.id) ?? saved));
        return true;
      } catch (err) {
        setMessages((list) => list.map((m) => (m.id === localId ? { ...m, local: { state: 'failed', error: errorMessage(err), kind, files } } : m)));
        return false;
      }
    },
    [],
  );

  const send = useCallback(
    async (kind: SendKind, text: string, files: readonly ReplyFile[] = []) => {
      if (!id) return false;
      // The local copy's id is the reply's idempotency key: a retry of it can never send it twice.
      const localId = newLocalId();
      const now = new Date().toISOString();
      const local: TimelineMessage = {
        id: localId,
        conversationId: id,
        channelId: detail?.channel.id ?? '',
        direction: 'out',
        kind: kind === 'note' ? 'note' : 'message',
        author: { type: 'agent', id: me.id, name: me.name },
        subject: null,
        text,
        quotedText: null,
        html: null,
        externalId: null,
        deliveryStatus: null,
        deliveryError: null,
        nextAttemptAt: null,
        deadLetteredAt: null,
        clientKey: localId,
        sentAt: null,
        deliveredAt: null,
        createdAt: now,
        attachments: files.map((f, i) => ({ id: `${localId}-${i}`, filename: f.filename, contentType: f.contentType, size: f.size, inline: false, contentId: null })),
        metadata: {},
        sender: null,
        envelope: null,
        local: { state: 'sending', kind, files },
      };
      setMessages((list) => [...list, local]);
      return deliver(localId, kind, text, id, files);
    },
    [id, detail?.channel.id, me.id, me.name, deliver],
  );

  const retry = useCallback(
    (localId: string) => {
      const m = messages.find((x) => x.id === localId);
      if (!m?.local) return;
      const { kind, files = [] } = m.local;
      setMessages((list) => list.map((x) => (x.id === localId ? { ...x, local: { state: 'sending', kind, files } } : x)));
      void deliver(localId, kind, m.text, m.conversationId, files);
    },
    [messages, deliver],
  );

  const discard = useCallback((localId: string) => setMessages((list) => list.filter((m) => m.id !== localId)), []);

  const visible = id ? messages.filter((m) => m.conversationId === id) : [];
  const visibleEvents = id ? events.filter((e) => e.conversationId === id).sort((a, b) => a.createdAt.localeCompare(b.createdAt)) : [];
  return { detail: detail?.id === id ? detail : null, messages: visible, events: visibleEvents, error, loading, send, retry, discard, applySummary, reload: () => setReloads((n) => n + 1) };
}
