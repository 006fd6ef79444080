// What domain operations need from the outside world, passed explicitly (no module singletons).
import type { ChannelAdapter } from '../channels/types.ts';
import type { Clock } from './clock.ts';
import type { Db } from './db/client.ts';
import type { PasswordHasher } from './domain/auth/password.ts';
import type { Logger } from './log.ts';
import type { Metrics } from './metrics/metrics.ts';
import type { Queues } from './queues.ts';
import type { RealtimePublisher, SessionControl } from './realtime/events.ts';
import type { AttachmentStore } from './storage/attachment-store.ts';

export interface Deps {
  db: Db;
  clock: Clock;
  log: Logger;
  queues: Queues;
  publisher: RealtimePublisher;
  /** Closes or re-rooms agents' sockets on every node once a session or what an agent may see changed. */
  realtime: SessionControl;
  store: AttachmentStore;
  /** Hashes and verifies passwords; one per process (it bounds how many hashes run at once). */
  passwords: PasswordHasher;
  /** The adapter of a channel kind; throws UnknownChannelKind for a kind the registry does not list. */
  adapterFor(kind: string): ChannelAdapter;
  /** This process's Prometheus metrics (in-memory counters; scraped at /metrics). */
  metrics: Metrics;
}
