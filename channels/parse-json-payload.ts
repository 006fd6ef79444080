// Reads a JSON webhook or socket payload (bytes, string or already parsed) against its schema;
// anything else is a ParseError naming the first problem, kept on the InboundEvent for admins.
import type { z } from 'zod';
import { ParseError } from './types.ts';

export function parseJsonPayload<T extends z.ZodType>(raw: unknown, schema: T, what: string): z.infer<T> {
  let value = raw;
  if (Buffer.isBuffer(raw) || raw instanceof Uint8Array || typeof raw === 'string') {
    try {
      value = JSON.parse(Buffer.from(raw as Uint8Array | string).toString('utf8'));
    } catch (err) {
      throw new ParseError(`not JSON: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ParseError(`not ${what}: ${issue ? `${issue.path.join('.') || 'payload'}: ${issue.message}` : 'unknown problem'}`);
  }
  return parsed.data;
}
