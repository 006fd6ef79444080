// Writes files into a zip as a byte stream, one file per pull, so a large export never sits in
// memory whole (fflate's streaming Zip; JSON is deflated, attachments stored as they are, since
// most are compressed formats already).
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';

export interface ZipEntry {
  name: string;
  /** Loaded when the stream reaches the entry. */
  content(): Promise<Uint8Array>;
  compress?: boolean;
  /** Written instead when `content` fails (a file gone from the store); without it the stream fails. */
  fallback?(err: unknown): { name: string; content: Uint8Array };
}

export function zipStream(entries: AsyncIterable<ZipEntry> | Iterable<ZipEntry>): ReadableStream<Uint8Array> {
  let zip: Zip;
  let iterator: AsyncIterator<ZipEntry> | Iterator<ZipEntry>;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      zip = new Zip((err, chunk, final) => {
        if (err) return controller.error(err);
        if (chunk.length > 0) controller.enqueue(chunk);
        if (final) controller.close();
      });
      iterator = Symbol.asyncIterator in entries ? entries[Symbol.asyncIterator]() : entries[Symbol.iterator]();
    },
    async pull() {
      const next = await iterator.next();
      if (next.done) {
        zip.end();
        return;
      }
      const { name, content } = await load(next.value);
      const file = next.value.compress ? new ZipDeflate(name, { level: 6 }) : new ZipPassThrough(name);
      zip.add(file);
      file.push(content, true);
    },
  });
}

async function load(entry: ZipEntry): Promise<{ name: string; content: Uint8Array }> {
  try {
    return { name: entry.name, content: await entry.content() };
  } catch (err) {
    if (!entry.fallback) throw err;
    return entry.fallback(err);
  }
}
