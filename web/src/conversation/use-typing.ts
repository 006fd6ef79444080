// Typing in an open conversation, both ways. Who is typing here (the customer on a live chat, or
// another agent), from `conversation.typing` events, each shown until they stop, send, or go
// quiet; and this agent's own typing in the reply box, told to the server so the customer's chat
// and the other agents show it.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useRealtime, useSocketEvent } from '../realtime/socket.tsx';
import { useSession } from '../state/session.tsx';

/** A "typing" without a later "stopped" (a closed tab) fades after this long. */
const TYPING_TTL_MS = 6000;
/** While the agent keeps typing, "typing" is repeated this often (Telegram shows it for 5 s). */
const REPEAT_MS = 3000;
/** This long without a keystroke counts as stopped. */
const IDLE_MS = 4000;

type Typists = Map<string, { name: string; until: number }>;

/** Who is typing in the conversation, as a sentence ("Maria is typing…"), or null. */
export function typingSentence(names: string[]): string | null {
  if (names.length === 0) return null;
  if (names.length === 1) return `${names[0]} is typing…`;
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)} are typing…`;
}

export function useTypingIndicator(conversationId: string | null, contactName: string): string | null {
  const { me } = useSession();
  const [typists, setTypists] = useState<Typists>(new Map());
  useEffect(() => setTypists(new Map()), [conversationId]);

  const change = useCallback((key: string, entry: { name: string; until: number } | null) => {
    setTypists((all) => {
      if (!entry && !all.has(key)) return all;
      const next = new Map(all);
      if (entry) next.set(key, entry);
      else next.delete(key);
      return next;
    });
  }, []);

  useSocketEvent('conversation.typing', (e) => {
    if (e.conversationId !== conversationId) return;
    if (e.by.type === 'agent' && e.by.id === me.id) return;
    const key = e.by.type === 'contact' ? 'contact' : e.by.id;
    change(key, e.typing ? { name: e.by.type === 'contact' ? contactName : e.by.name, until: Date.now() + TYPING_TTL_MS } : null);
  });
  // Whoever sent a message has stopped typing it.
  useSocketEvent('message.created', (m) => {
    if (m.conversationId !== conversationId) return;
    if (m.direction === 'in') change('contact', null);
    else if (m.author?.type === 'agent' && m.author.id) change(m.author.id, null);
  });

  const any = typists.size > 0;
  useEffect(() => {
    if (!any) return;
    const t = setInterval(() => {
      const now = Date.now();
      setTypists((all) => {
        const live = new Map([...all].filter(([, v]) => v.until > now));
        return live.size === all.size ? all : live;
      });
    }, 1000);
    return () => clearInterval(t);
  }, [any]);

  return typingSentence([...typists.values()].map((t) => t.name));
}

/**
 * This agent's typing in a reply: `keystroke()` on every change of the text, `stop()` when the
 * reply is sent. Notes are private, so only replies are announced (`enabled`).
 */
export function useTypingSignal(conversationId: string, enabled: boolean): { keystroke(): void; stop(): void } {
  const { socket } = useRealtime();
  const state = useRef<{ sentAt: number; idle: ReturnType<typeof setTimeout> | undefined }>({ sentAt: 0, idle: undefined });

  const stop = useCallback(() => {
    const s = state.current;
    clearTimeout(s.idle);
    s.idle = undefined;
    if (s.sentAt === 0) return;
    s.sentAt = 0;
    socket?.emit('conversation.typing', { conversationId, typing: false });
  }, [socket, conversationId]);

  const keystroke = useCallback(() => {
    if (!enabled || !socket) return;
    const s = state.current;
    const now = Date.now();
    if (now - s.sentAt >= REPEAT_MS) {
      s.sentAt = now;
      socket.emit('conversation.typing', { conversationId, typing: true });
    }
    clearTimeout(s.idle);
    s.idle = setTimeout(stop, IDLE_MS);
  }, [enabled, socket, conversationId, stop]);

  // Leaving the conversation, switching to a note or unmounting ends the typing.
  useEffect(() => stop, [stop, enabled]);
  return { keystroke, stop };
}
