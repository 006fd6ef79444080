// The /visitor namespace's events, as the server (src/realtime/visitor-gateway.ts) defines them.
export interface VisitorMessage {
  id: string;
  clientId: string | null;
  direction: 'in' | 'out';
  text: string;
  author: { name: string | null } | null;
  createdAt: string;
}

export interface Session {
  visitorId: string;
  /** Set when the server issued a new token (first visit, or an unknown token). */
  token: string | null;
  channel: { title: string; greeting: string | null; prechat: { enabled: boolean; topics: string[]; requireEmail: boolean }; maxMessageLength: number };
}

export interface Status {
  available: boolean;
  reason: 'closed' | 'nobody-online' | null;
  conversation: { status: string; assigned: boolean } | null;
  waiting: { position: number; estimatedWaitSeconds: number | null } | null;
}

export type Answer<T> = ({ ok: true } & T) | { ok: false; error: { code: string; message: string; retryAfterMs?: number } };
