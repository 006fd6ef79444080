// Reads a JSON webhook or socket payload (bytes, string or already parsed) against its schema;
// anything else is a ParseError naming the first problem, kept on the InboundEvent for admins.
import type { z } from 'zod';
import { exceedsJsonDepth, tooDeepMessage } from './json-depth.ts';
import { ParseError } from './types.ts';

/** `maxBytes`: the largest payload the provider sends; a larger one is refused unread. */
export function parseJsonPayload<T extends z.ZodType>(raw: unknown, schema: T, what: string, opts: { maxBytes?: number } = {}): z.infer<T> {
  let value = raw;
  const isText = Buffer.isBuffer(raw) || raw instanceof Uint8Array || typeof raw === 'string';
  if (opts.maxBytes !== undefined) assertWithin(isText ? Buffer.byteLength(raw as Uint8Array | string) : jsonBytes(raw), opts.maxBytes, what);
  if (isText) {
    try {
      value = JSON.parse(Buffer.from(raw).toString('utf8'));
    } catch (err) {
      throw new ParseError(`not JSON: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  // zod walks recursively: a hostile nesting depth would overflow the stack instead of failing.
  if (exceedsJsonDepth(value)) throw new ParseError(`not ${what}: ${tooDeepMessage()}`);
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ParseError(`not ${what}: ${issue ? `${issue.path.join('.') || 'payload'}: ${issue.message}` : 'unknown problem'}`);
  }
  return parsed.data;
}

function assertWithin(bytes: number, maxBytes: number, what: string): void {
  if (bytes > maxBytes) throw new ParseError(`payload of ${bytes} bytes is larger than ${what} can be (at most ${maxBytes})`);
}

/** The size of an already parsed payload as JSON; one that is no JSON at all is left to the schema to refuse. */
function jsonBytes(value: unknown): number {
  try {
    return Buffer.byteLength(JSON.stringify(value) ?? '');
  } catch {
    return 0;
  }
}
