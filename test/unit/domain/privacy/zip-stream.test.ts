// The export's zip stream: every entry comes out intact (JSON deflated, files stored), and an
// entry's content is loaded only when the stream reaches it, so a large export is not held whole.
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { zipStream, type ZipEntry } from '../../../../src/domain/privacy/zip-stream.ts';

async function readAll(stream: ReadableStream<Uint8Array>, onChunk: () => void = () => undefined): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    onChunk();
  }
  return Buffer.concat(chunks);
}

describe('zipStream', () => {
  it('writes every entry so unzip gives back the same bytes', async () => {
    const json = new TextEncoder().encode(JSON.stringify({ hello: 'wörld', list: Array.from({ length: 500 }, (_, i) => i) }));
    const file = Buffer.from(Array.from({ length: 70_000 }, (_, i) => i % 251));
    const entries: ZipEntry[] = [
      { name: 'contact.json', compress: true, content: async () => json },
      { name: 'attachments/a-photo.jpg', content: async () => file },
      { name: 'attachments/b-empty.txt', content: async () => new Uint8Array() },
    ];
    const files = unzipSync(await readAll(zipStream(entries)));
    expect(Object.keys(files)).toEqual(['contact.json', 'attachments/a-photo.jpg', 'attachments/b-empty.txt']);
    expect(Buffer.from(files['contact.json']!).equals(Buffer.from(json))).toBe(true);
    expect(Buffer.from(files['attachments/a-photo.jpg']!).equals(file)).toBe(true);
    expect(files['attachments/b-empty.txt']!.length).toBe(0);
  });

  it('loads an entry only when the reader gets to it', async () => {
    const loaded: string[] = [];
    const entries: ZipEntry[] = ['one', 'two', 'three'].map((name) => ({ name, content: async () => (loaded.push(name), Buffer.alloc(200_000, name)) }));
    const stream = zipStream(entries);
    const reader = stream.getReader();
    await reader.read();
    // Reading has begun: far from every file is in memory yet.
    expect(loaded.length).toBeLessThan(3);
    reader.releaseLock();
    await readAll(stream);
    expect(loaded).toEqual(['one', 'two', 'three']);
  });

  it('fails the stream when a file cannot be read', async () => {
    const stream = zipStream([{ name: 'gone.bin', content: () => Promise.reject(new Error('file missing')) }]);
    await expect(readAll(stream)).rejects.toThrow('file missing');
  });

  it('writes an entry’s fallback in its place when it has one, and carries on', async () => {
    const stream = zipStream([
      { name: 'gone.bin', content: () => Promise.reject(new Error('file missing')), fallback: (err) => ({ name: 'gone.bin.unavailable.txt', content: Buffer.from(String(err)) }) },
      { name: 'kept.txt', content: async () => Buffer.from('still here') },
    ]);
    const files = unzipSync(await readAll(stream));
    expect(Object.keys(files)).toEqual(['gone.bin.unavailable.txt', 'kept.txt']);
    expect(Buffer.from(files['gone.bin.unavailable.txt']!).toString()).toContain('file missing');
  });
});
