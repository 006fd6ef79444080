// Ids for rows routing writes in plain SQL: the same kind Prisma's `@default(uuid(7))` makes (a
// millisecond timestamp then random bits, RFC 9562), so they sort by creation like Prisma's.
import { randomBytes } from 'node:crypto';

export function uuid7(now: number = Date.now()): string {
  const b = randomBytes(16);
  b.writeUIntBE(now, 0, 6);
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
