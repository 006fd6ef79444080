// Customer messages arriving together (the ingest worker's concurrent jobs) are recorded together:
// while MAX_IN_FLIGHT batches are in their transactions, the messages that come in wait and go as
// the next batch, so a burst pays one BEGIN, one lock statement and one COMMIT per batch instead of
// per message, and a quiet moment pays no wait at all. A batch that fails is rolled back and its
// messages are recorded again one at a time, in order, so a poison message fails only its own job
// (which its queue retries) and the others are stored once.
import type { InboundMessage } from '../../../channels/types.ts';
import type { Db } from '../../db/client.ts';
import type { RecordInboundInput, RecordOutcome } from './inbound-types.ts';
import { recordCustomerMessageSql, recordCustomerMessagesSql } from './record-customer-message-sql.ts';

/** Large enough to amortise a transaction, small enough that its locks are held briefly. */
export const MAX_BATCH = 16;
/** Batches in their transactions at once per process: while one commits, the next one gathers. */
export const MAX_IN_FLIGHT = 2;

type Outcome = RecordOutcome | null;
interface Pending {
  input: RecordInboundInput<InboundMessage>;
  resolve: (o: Outcome) => void;
  reject: (err: unknown) => void;
}
interface Lane {
  pending: Pending[];
  inFlight: number;
  scheduled: boolean;
}

// One lane per database client (each test runtime has its own), like turnBatcher's owners.
const lanes = new WeakMap<Db, Lane>();

/** As recordCustomerMessageSql, but joined with the messages that arrive meanwhile. */
export function recordCustomerMessageBatched(db: Db, input: RecordInboundInput<InboundMessage>): Promise<Outcome> {
  let lane = lanes.get(db);
  if (!lane) lanes.set(db, (lane = { pending: [], inFlight: 0, scheduled: false }));
  const joined = lane;
  return new Promise<Outcome>((resolve, reject) => {
    joined.pending.push({ input, resolve, reject });
    schedule(db, joined);
  });
}

function schedule(db: Db, lane: Lane): void {
  if (lane.scheduled || lane.inFlight >= MAX_IN_FLIGHT || lane.pending.length === 0) return;
  lane.scheduled = true;
  // Messages whose previous step answered in the same turn of the event loop start together.
  setImmediate(() => {
    lane.scheduled = false;
    while (lane.inFlight < MAX_IN_FLIGHT && lane.pending.length > 0) {
      const batch = lane.pending.splice(0, MAX_BATCH);
      lane.inFlight++;
      void commit(db, batch).finally(() => {
        lane.inFlight--;
        schedule(db, lane);
      });
    }
  });
}

async function commit(db: Db, batch: Pending[]): Promise<void> {
  if (batch.length > 1) {
    let outcomes: Outcome[] | null = null;
    try {
      outcomes = await recordCustomerMessagesSql(db, batch.map((p) => p.input));
    } catch {
      // Rolled back, nothing of it stored: each message is tried alone below and fails (or not) by itself.
    }
    if (outcomes) {
      const done = outcomes;
      batch.forEach((p, i) => p.resolve(done[i]!));
      return;
    }
  }
  for (const p of batch) await recordCustomerMessageSql(db, p.input).then(p.resolve, p.reject);
}
