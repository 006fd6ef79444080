// Row ids for the plain-SQL paths, of the same kind Prisma makes for `@default(uuid(7))`: a UUID
// version 7 (RFC 9562), whose first 48 bits are the Unix time in milliseconds, so ids made here
// and by Prisma sort together by creation time and keep the primary-key index append-mostly.
// The random bits come from randomUUID (a version 4 UUID: the same variant bits, 74 random bits
// where version 7 wants them), which draws from a cached entropy pool instead of one randomBytes
// call and buffer per id (3% of the route worker's CPU in a burst, docs/performance/routing.md).
import { randomUUID } from 'node:crypto';

export function newId(now: number = Date.now()): string {
  const time = now.toString(16).padStart(12, '0');
  // "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx": the time takes the first 12 digits, 7 the version's.
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${randomUUID().slice(15)}`;
}
