// Customer messages arriving together (the ingest worker's concurrent jobs) are recorded together:
// while MAX_IN_FLIGHT batches are in their transactions, the messages that come in wait and go as
// the next batch (src/db/lane-batcher.ts), so a burst pays one BEGIN, one lock statement and one
// COMMIT per batch instead of per message, and a quiet moment pays no wait at all. A batch that
// fails is rolled back and its messages are recorded again one at a time, in order, so a poison
// message fails only its own job (which its queue retries) and the others are stored once.
import type { InboundMessage } from '../../../channels/types.ts';
import type { Db } from '../../db/client.ts';
import { laneBatcher, type Settled } from '../../db/lane-batcher.ts';
import type { RecordInboundInput, RecordOutcome } from './inbound-types.ts';
import { recordCustomerMessageSql, recordCustomerMessagesSql } from './record-customer-message-sql.ts';

/** Large enough to amortise a transaction, small enough that its locks are held briefly. */
export const MAX_BATCH = 64;
/** Batches in their transactions at once per process: while one commits, the next one gathers. */
export const MAX_IN_FLIGHT = 2;

type Outcome = RecordOutcome | null;
type Input = RecordInboundInput<InboundMessage>;

async function commit(db: Db, batch: Input[]): Promise<Settled<Outcome>[]> {
  if (batch.length > 1) {
    try {
      return (await recordCustomerMessagesSql(db, batch)).map((value) => ({ ok: true, value }));
    } catch {
      // Rolled back, nothing of it stored: each message is tried alone below and fails (or not) by itself.
    }
  }
  const settled: Settled<Outcome>[] = [];
  for (const input of batch) {
    settled.push(await recordCustomerMessageSql(db, input).then((value) => ({ ok: true as const, value }), (error: unknown) => ({ ok: false as const, error })));
  }
  return settled;
}

/** As recordCustomerMessageSql, but joined with the messages that arrive meanwhile (one lane per database client). */
export const recordCustomerMessageBatched: (db: Db, input: Input) => Promise<Outcome> = laneBatcher(commit, { maxBatch: MAX_BATCH, maxInFlight: MAX_IN_FLIGHT });
