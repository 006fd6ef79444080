// Reads Twilio webhook parameters from what the edge stored (an object) or what a person saved
// (a JSON object, or the raw form body), for normalize, parseStatus and the parse command.
import { ParseError } from '../types.ts';
import type { TwilioParams } from './schema.ts';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * No Twilio webhook comes near this (a message body is at most 1600 characters,
 * https://www.twilio.com/docs/glossary/what-sms-character-limit); the webhook edge accepts no
 * larger body either (src/http/routes/webhooks-twilio.ts).
 */
export const MAX_TWILIO_PAYLOAD_BYTES = 512 * 1024;

function assertNotOversized(bytes: number): void {
  if (bytes > MAX_TWILIO_PAYLOAD_BYTES) throw new ParseError(`payload of ${bytes} bytes is larger than any Twilio webhook (at most ${MAX_TWILIO_PAYLOAD_BYTES})`);
}

export function parseTwilioParams(raw: unknown): TwilioParams {
  if (Buffer.isBuffer(raw) || raw instanceof Uint8Array) {
    assertNotOversized(raw.byteLength);
    return fromText(Buffer.from(raw).toString('utf8'));
  }
  if (typeof raw === 'string') {
    assertNotOversized(Buffer.byteLength(raw));
    return fromText(raw);
  }
  if (isRecord(raw)) return fromObject(raw);
  throw new ParseError('expected Twilio webhook parameters as an object of strings');
}

/** key=value&key=value with nothing unencoded in between, as Twilio posts it. */
const FORM_BODY = /^[^\s&=]+=[^\s&]*(?:&[^\s&=]+=[^\s&]*)*$/;

function fromText(text: string): TwilioParams {
  const trimmed = text.trim();
  if (trimmed === '') throw new ParseError('empty payload: expected Twilio webhook parameters');
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (err) {
      throw new ParseError(`not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (!isRecord(value)) throw new ParseError('expected a JSON object of Twilio webhook parameters');
    return fromObject(value);
  }
  if (!FORM_BODY.test(trimmed)) throw new ParseError('expected a JSON object of Twilio webhook parameters (or the form-encoded body Twilio posts)');
  return Object.fromEntries(new URLSearchParams(trimmed));
}

function fromObject(value: Record<string, unknown>): TwilioParams {
  const params: TwilioParams = {};
  let bytes = 0;
  for (const [key, v] of Object.entries(value)) {
    if (typeof v === 'string') params[key] = v;
    else if (typeof v === 'number' || typeof v === 'boolean') params[key] = String(v);
    else if (v !== null && v !== undefined) throw new ParseError(`parameter ${key} is not a string`);
    bytes += Buffer.byteLength(key) + Buffer.byteLength(params[key] ?? '');
  }
  assertNotOversized(bytes);
  return params;
}

/** The form body as Twilio's signature algorithm sees it: repeated keys keep every value. */
export function formParamsForSignature(rawBody: Buffer): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(rawBody.toString('utf8'))) {
    const seen = params[key];
    params[key] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  return params;
}

/** A required parameter, or a ParseError naming it. */
export function requireParam(params: TwilioParams, name: string): string {
  const value = params[name]?.trim();
  if (!value) throw new ParseError(`missing ${name} parameter`);
  return value;
}
