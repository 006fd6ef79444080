// Attachment bytes live behind this interface; the filesystem store keys files by their sha256,
// so storing the same file twice (a retried ingest, a forwarded attachment) costs nothing.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface StoredFile {
  key: string;
  sha256: string;
  size: number;
}

export interface AttachmentStore {
  put(content: Buffer): Promise<StoredFile>;
  get(key: string): Promise<Buffer>;
  /** Removes the file; a key with no file is not an error (a retried deletion). */
  delete(key: string): Promise<void>;
}

export function createFsAttachmentStore(root: string): AttachmentStore {
  const fileFor = (key: string) => {
    if (!/^[a-f0-9]{64}$/.test(key)) throw new Error(`invalid attachment key ${key}`);
    return path.join(root, key.slice(0, 2), key.slice(2, 4), key);
  };
  return {
    async put(content) {
      const sha256 = createHash('sha256').update(content).digest('hex');
      const file = fileFor(sha256);
      const exists = await stat(file).then((s) => s.size === content.length, () => false);
      if (!exists) {
        await mkdir(path.dirname(file), { recursive: true });
        const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
        await writeFile(tmp, content);
        await rename(tmp, file);
      }
      return { key: sha256, sha256, size: content.length };
    },
    get: (key) => readFile(fileFor(key)),
    delete: (key) => rm(fileFor(key), { force: true }),
  };
}
