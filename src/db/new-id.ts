// Row ids for the plain-SQL paths, of the same kind Prisma makes for `@default(uuid(7))`: a UUID
// version 7 (RFC 9562), whose first 48 bits are the Unix time in milliseconds, so ids made here
// and by Prisma sort together by creation time and keep the primary-key index append-mostly.
import { randomBytes } from 'node:crypto';

export function newId(now: number = Date.now()): string {
  const b = randomBytes(16);
  b.writeUIntBE(now, 0, 6);
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
