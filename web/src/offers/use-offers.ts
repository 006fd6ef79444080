// Conversations offered to this agent (queues in offer mode): kept from `conversation.offered`
// until accepted, declined, expired, or taken elsewhere (a later summary no longer offers it to us).
import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import type { ConversationSummary, OfferEvent } from '../api/types.ts';
import { desktopNotify } from '../inbox/notify.ts';
import { useRealtime, useSocketEvent } from '../realtime/socket.tsx';
import { useSession } from '../state/session.tsx';
import { conversationTitle } from '../ui/channel-icon.tsx';
import { contactLabel } from '../ui/format.ts';

export interface Offer {
  conversation: ConversationSummary;
  expiresAt: number;
  /** When it arrived here: the countdown bar runs from this to `expiresAt`. */
  receivedAt: number;
  busy: 'accepting' | 'declining' | null;
  error: string | null;
}

export interface Offers {
  offers: Offer[];
  accept(id: string): Promise<ConversationSummary | null>;
  decline(id: string): void;
  dismiss(id: string): void;
}

/** An expired offer with an error stays until dismissed; otherwise it leaves shortly after expiry. */
const LINGER_MS = 1500;

export function useOffers(onOpen: (id: string) => void): Offers {
  const { me } = useSession();
  const [offers, setOffers] = useState<Offer[]>([]);
  const patch = useCallback((id: string, change: Partial<Offer>) => setOffers((all) => all.map((o) => (o.conversation.id === id ? { ...o, ...change } : o))), []);
  const dismiss = useCallback((id: string) => setOffers((all) => all.filter((o) => o.conversation.id !== id)), []);

  const add = useCallback((events: OfferEvent[]) => {
    setOffers((all) => {
      const fresh = events.filter((e) => !all.some((o) => o.conversation.id === e.conversation.id && o.busy));
      const ids = new Set(fresh.map((e) => e.conversation.id));
      const now = Date.now();
      const added = fresh.map((e) => {
        const expiresAt = Date.parse(e.expiresAt);
        return { conversation: e.conversation, expiresAt, receivedAt: Math.min(now, expiresAt - 1000), busy: null, error: null };
      });
      return [...all.filter((o) => !ids.has(o.conversation.id)), ...added];
    });
  }, []);

  // Offers still standing after a reload or a reconnect (their live event may have been missed).
  const { epoch } = useRealtime();
  useEffect(() => {
    let live = true;
    api.myOffers().then(
      (r) => live && add(r.items),
      () => undefined, // the next offer event or reconnect tries again; the offer also times out server-side
    );
    return () => {
      live = false;
    };
  }, [epoch, add]);

  useSocketEvent('conversation.offered', (e) => {
    add([e]);
    const c = e.conversation;
    desktopNotify('Conversation offered to you', `#${c.number} ${conversationTitle(c)} · ${contactLabel(c.contact)}`, () => window.focus());
  });

  const onSummary = (s: ConversationSummary) => {
    if (s.assignee || s.offeredAgentId !== me.id) setOffers((all) => all.filter((o) => o.conversation.id !== s.id || o.busy === 'accepting'));
  };
  useSocketEvent('conversation.updated', onSummary);
  useSocketEvent('conversation.assigned', onSummary);

  const hasOffers = offers.length > 0;
  useEffect(() => {
    if (!hasOffers) return;
    const t = setInterval(() => {
      const now = Date.now();
      setOffers((all) => {
        const left = all.filter((o) => o.busy || o.error || o.expiresAt + LINGER_MS > now);
        return left.length === all.length ? all : left;
      });
    }, 500);
    return () => clearInterval(t);
  }, [hasOffers]);

  const accept = useCallback(
    async (id: string) => {
      patch(id, { busy: 'accepting', error: null });
      try {
        const summary = await api.acceptOffer(id);
        dismiss(id);
        onOpen(id);
        return summary;
      } catch (err) {
        patch(id, { busy: null, error: errorMessage(err) });
        return null;
      }
    },
    [patch, dismiss, onOpen],
  );

  const decline = useCallback(
    (id: string) => {
      patch(id, { busy: 'declining', error: null });
      api.declineOffer(id).then(
        () => dismiss(id),
        (err: unknown) => patch(id, { busy: null, error: errorMessage(err) }),
      );
    },
    [patch, dismiss],
  );

  return { offers, accept, decline, dismiss };
}
