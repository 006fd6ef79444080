// Work asked for by concurrent callers (the ingest worker's jobs), done in batches that grow with
// the load: while `maxInFlight` batches of an owner are at the database, the items that come in
// wait and go together as the next batch (up to `maxBatch`), so a burst pays one round trip per
// batch instead of one per item, and a quiet moment pays no wait (a batch starts on setImmediate,
// after this turn's I/O callbacks: callers whose previous step answered together start together).
// Unlike turnBatcher (the edge's), which starts a batch every turn whatever is in flight, a lane
// holds the items back while its batches are out: under load that is where the batching comes from.

/** One item's outcome: its value, or the error that fails only its caller. */
export type Settled<O> = { ok: true; value: O } | { ok: false; error: unknown };

/** Does a whole batch: one outcome per item, in the items' order. Throwing fails every item of the batch. */
export type LaneWork<K, I, O> = (owner: K, items: I[]) => Promise<Settled<O>[]>;

export interface LaneOptions {
  /** Large enough to amortise a round trip, small enough that one batch's locks are held briefly. */
  maxBatch: number;
  /** Batches of one owner at the database at once. */
  maxInFlight: number;
}

interface Pending<I, O> {
  item: I;
  resolve: (o: O) => void;
  reject: (err: unknown) => void;
}
interface Lane<I, O> {
  pending: Pending<I, O>[];
  inFlight: number;
  scheduled: boolean;
}

/** Each item's value when the batch's work succeeds; lets a lane's work be written for the happy path. */
export const allOk = <O>(values: O[]): Settled<O>[] => values.map((value) => ({ ok: true, value }));

/** A function that joins its item to the owner's lane (one lane per database client, per runtime). */
export function laneBatcher<K extends object, I, O>(work: LaneWork<K, I, O>, opts: LaneOptions): (owner: K, item: I) => Promise<O> {
  const lanes = new WeakMap<K, Lane<I, O>>();
  const run = async (owner: K, batch: Pending<I, O>[]) => {
    try {
      const outcomes = await work(owner, batch.map((p) => p.item));
      if (outcomes.length !== batch.length) throw new Error(`a batch of ${batch.length} gave ${outcomes.length} outcomes`);
      batch.forEach((p, i) => {
        const o = outcomes[i]!;
        if (o.ok) p.resolve(o.value);
        else p.reject(o.error);
      });
    } catch (err) {
      for (const p of batch) p.reject(err);
    }
  };
  const schedule = (owner: K, lane: Lane<I, O>) => {
    if (lane.scheduled || lane.inFlight >= opts.maxInFlight || lane.pending.length === 0) return;
    lane.scheduled = true;
    setImmediate(() => {
      lane.scheduled = false;
      while (lane.inFlight < opts.maxInFlight && lane.pending.length > 0) {
        const batch = lane.pending.splice(0, opts.maxBatch);
        lane.inFlight++;
        void run(owner, batch).finally(() => {
          lane.inFlight--;
          schedule(owner, lane);
        });
      }
    });
  };
  return (owner, item) => {
    let lane = lanes.get(owner);
    if (!lane) lanes.set(owner, (lane = { pending: [], inFlight: 0, scheduled: false }));
    const joined = lane;
    return new Promise<O>((resolve, reject) => {
      joined.pending.push({ item, resolve, reject });
      schedule(owner, joined);
    });
  };
}
