// Looks for a person's data everywhere Parley keeps anything: a pg_dump of the database (bytea
// columns come out hex-encoded, so each needle is also searched as hex, and as the base64 an
// email's MIME body would carry), every file under the data directory, and every key of the
// harness's Redis prefix. Returns where each needle was found; empty means nowhere.
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';

const run = promisify(execFile);

/** The forms a value can take in storage: as written, URL-encoded, hex (bytea) and base64 at each alignment. */
export function needleForms(value: string): string[] {
  const bytes = Buffer.from(value);
  const base64s = [0, 1, 2].map((shift) => {
    const b64 = Buffer.concat([Buffer.alloc(shift), bytes]).toString('base64');
    // Drop the characters the padding bytes and the cut at the end influence.
    const start = Math.ceil((shift * 4) / 3) + 1;
    return b64.slice(start, b64.length - 4);
  });
  const forms = [value, encodeURIComponent(value), bytes.toString('hex'), ...base64s.filter((b) => b.length >= 8)];
  return [...new Set([...forms, ...forms.map((f) => Buffer.from(f).toString('hex'))])].map((f) => f.toLowerCase());
}

export interface Hit {
  needle: string;
  where: string;
}

function findIn(haystack: string, needles: string[], where: string): Hit[] {
  const lower = haystack.toLowerCase();
  return needles.flatMap((needle) => needleForms(needle).filter((form) => lower.includes(form)).map(() => ({ needle, where })));
}

export async function scanDatabase(databaseUrl: string, needles: string[]): Promise<Hit[]> {
  const { stdout } = await run('pg_dump', ['--data-only', '--no-owner', `--dbname=${databaseUrl}`], { maxBuffer: 512 * 1024 * 1024 });
  // Report the table each hit is in: COPY blocks name their table.
  return stdout.split(/^COPY /m).flatMap((block) => findIn(block, needles, `table ${block.slice(0, block.indexOf(' '))}`));
}

export async function scanDirectory(root: string, needles: string[]): Promise<Hit[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const hits: Hit[] = [];
  for (const e of entries.filter((x) => x.isFile())) {
    const file = path.join(e.parentPath, e.name);
    hits.push(...findIn((await readFile(file)).toString('latin1'), needles, `file ${path.relative(root, file)}`));
  }
  return hits;
}

export async function scanRedis(url: string, prefix: string, needles: string[]): Promise<Hit[]> {
  const redis = new Redis(url);
  try {
    const hits: Hit[] = [];
    for await (const keys of redis.scanStream({ match: `${prefix}*`, count: 500 })) {
      for (const key of keys as string[]) {
        const value = await dumpKey(redis, key);
        hits.push(...findIn(`${key} ${value}`, needles, `redis ${key}`));
      }
    }
    return hits;
  } finally {
    redis.disconnect();
  }
}

async function dumpKey(redis: Redis, key: string): Promise<string> {
  const type = await redis.type(key);
  if (type === 'string') return (await redis.get(key)) ?? '';
  if (type === 'hash') return JSON.stringify(await redis.hgetall(key));
  if (type === 'list') return JSON.stringify(await redis.lrange(key, 0, -1));
  if (type === 'set') return JSON.stringify(await redis.smembers(key));
  if (type === 'zset') return JSON.stringify(await redis.zrange(key, '0', '-1'));
  if (type === 'stream') return JSON.stringify(await redis.xrange(key, '-', '+'));
  return '';
}
