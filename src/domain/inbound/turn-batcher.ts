// Work asked for by concurrent requests within one turn of the event loop, done as one batch (one
// SQL statement, one Redis round trip) instead of one each: under a burst of webhooks the number
// of round trips, writes and commits falls with the burst's size. Every caller still waits for,
// and hears, its own outcome: the batch's result for its item, or the batch's error.

/** Does a whole batch: gives back one result per item, in the items' order, or throws for all of them. */
export type BatchWork<I, O> = (items: I[]) => Promise<O[]>;

interface Batch<I, O> {
  items: I[];
  settle: Array<{ resolve: (out: O) => void; reject: (err: unknown) => void }>;
}

/**
 * A function that joins its item to the batch of this turn (one batch at a time per owner: per
 * database client, per queue set), started with setImmediate, which runs after this turn's I/O
 * callbacks: every request whose previous step answered in the same turn has joined by then.
 */
export function turnBatcher<K extends object, I, O>(work: (owner: K) => BatchWork<I, O>): (owner: K, item: I) => Promise<O> {
  const open = new WeakMap<K, Batch<I, O>>();
  const flush = (owner: K, batch: Batch<I, O>) => {
    if (open.get(owner) === batch) open.delete(owner);
    work(owner)(batch.items).then(
      (results) => {
        if (results.length !== batch.items.length) throw new Error(`a batch of ${batch.items.length} gave ${results.length} results`);
        batch.settle.forEach((s, i) => s.resolve(results[i]!));
      },
    ).catch((err: unknown) => batch.settle.forEach((s) => s.reject(err)));
  };
  return (owner, item) => {
    let batch = open.get(owner);
    if (!batch) {
      const started: Batch<I, O> = { items: [], settle: [] };
      open.set(owner, started);
      setImmediate(() => flush(owner, started));
      batch = started;
    }
    const joined = batch;
    return new Promise<O>((resolve, reject) => {
      joined.items.push(item);
      joined.settle.push({ resolve, reject });
    });
  };
}
