// Password hashing with scrypt from node:crypto (no native addon), at OWASP's parameters by
// default (N = 2^17, r = 8, p = 1). Stored as a PHC string: $scrypt$ln=17,r=8,p=1$salt$hash.
// Hashes of the first format (scrypt$N$r$p$salt$hash, N = 2^14) still verify and are flagged for
// rehashing, as is any hash made with other parameters than the current ones. Every hash runs
// through a bounded set of slots (hashing-slots.ts).
import { randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import type { Config } from '../../config.ts';
import { createHashingSlots, type HashingSlots } from './hashing-slots.ts';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** The key derivation itself; injectable so tests can count and hold hashes. */
export type Kdf = (password: string, salt: Buffer, keylen: number, params: ScryptParams) => Promise<Buffer>;

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /**
   * Whether the password matches, and whether the stored hash should be replaced by a fresh one.
   * With no usable hash (unknown email, no password yet, a foreign format) the same work is done
   * against a throwaway salt and the answer is no, so timing does not tell which accounts exist.
   */
  verify(password: string, stored: string | null): Promise<{ ok: boolean; rehash: boolean }>;
  readonly slots: HashingSlots;
}

const KEYLEN = 32;
const SALT_BYTES = 16;

// scrypt needs 128 * N * r bytes; Node refuses above maxmem (32 MiB by default), too little for N = 2^17.
const maxmemFor = (params: ScryptParams) => 128 * params.N * params.r * params.p + 16 * 1024 * 1024;

export const scryptKdf: Kdf = (password, salt, keylen, params) =>
  new Promise((resolve, reject) => scryptCb(password, salt, keylen, { ...params, maxmem: maxmemFor(params) }, (err, key) => (err ? reject(err) : resolve(key))));

interface ParsedHash {
  params: ScryptParams;
  salt: Buffer;
  hash: Buffer;
  legacy: boolean;
}

const b64 = (buf: Buffer) => buf.toString('base64').replace(/=+$/, '');

/** Refuses parameters no hash of ours has, so a tampered row cannot make a login allocate gigabytes. */
function sane(params: ScryptParams): boolean {
  const { N, r, p } = params;
  return Number.isInteger(N) && N >= 2 && N <= 2 ** 20 && (N & (N - 1)) === 0 && Number.isInteger(r) && r >= 1 && r <= 32 && Number.isInteger(p) && p >= 1 && p <= 16;
}

export function parsePasswordHash(stored: string): ParsedHash | null {
  const phc = stored.match(/^\$scrypt\$ln=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/);
  const legacy = phc ? null : stored.match(/^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/);
  const m = phc ?? legacy;
  if (!m) return null;
  const params = { N: phc ? 2 ** Number(m[1]) : Number(m[1]), r: Number(m[2]), p: Number(m[3]) };
  const hash = Buffer.from(m[5]!, 'base64');
  if (!sane(params) || hash.length < 16) return null;
  return { params, salt: Buffer.from(m[4]!, 'base64'), hash, legacy: !!legacy };
}

export function createPasswordHasher(opts: { cost: number; concurrency: number; maxQueued: number; kdf?: Kdf }): PasswordHasher {
  const kdf = opts.kdf ?? scryptKdf;
  const current: ScryptParams = { N: 2 ** opts.cost, r: 8, p: 1 };
  const slots = createHashingSlots({ concurrency: opts.concurrency, maxQueued: opts.maxQueued });
  const derive = (password: string, salt: Buffer, keylen: number, params: ScryptParams) => slots.run(() => kdf(password, salt, keylen, params));

  return {
    slots,
    async hash(password) {
      const salt = randomBytes(SALT_BYTES);
      const key = await derive(password, salt, KEYLEN, current);
      return `$scrypt$ln=${opts.cost},r=${current.r},p=${current.p}$${b64(salt)}$${b64(key)}`;
    },
    async verify(password, stored) {
      const parsed = stored === null ? null : parsePasswordHash(stored);
      if (!parsed) {
        await derive(password, randomBytes(SALT_BYTES), KEYLEN, current);
        return { ok: false, rehash: false };
      }
      const key = await derive(password, parsed.salt, parsed.hash.length, parsed.params);
      const ok = timingSafeEqual(key, parsed.hash);
      const outdated = parsed.legacy || parsed.params.N !== current.N || parsed.params.r !== current.r || parsed.params.p !== current.p || parsed.hash.length !== KEYLEN;
      return { ok, rehash: ok && outdated };
    },
  };
}

/** The hasher a process uses, from its config (one per process: the slots bound the whole process). */
export const passwordHasherFor = (config: Pick<Config, 'PASSWORD_HASH_COST' | 'PASSWORD_HASH_CONCURRENCY' | 'PASSWORD_HASH_QUEUE'>): PasswordHasher =>
  createPasswordHasher({ cost: config.PASSWORD_HASH_COST, concurrency: config.PASSWORD_HASH_CONCURRENCY, maxQueued: config.PASSWORD_HASH_QUEUE });
