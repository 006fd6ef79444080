// The contract every channel adapter keeps, as one suite each adapter runs with its own fixtures
// (test/unit/channels/<kind>/contract.test.ts; contract-coverage.test.ts fails for a kind without
// one): normalize is deterministic, pure and reads the saved bytes as the stored payload;
// externalIds are stable and distinct; a tampered request fails verify; every provider status
// maps; input it cannot use, however large, is refused with a ParseError. What does not apply to
// a channel is declared with the reason, and the suite checks that it indeed does not apply.
import { describe, expect, it } from 'vitest';
import { ParseError, type ChannelAdapter, type ChannelConfig, type DeliveryUpdate, type NormalizedInbound, type VerifyInput } from '../../channels/types.ts';

export interface Fixture {
  name: string;
  raw: unknown;
}

export interface TamperedRequest {
  name: string;
  input: VerifyInput;
}

export type VerifyContract =
  /** The provider signs the body: a genuine request passes, a changed byte of its body or any tampered one does not. */
  | { signs: 'body'; valid: VerifyInput; tampered: TamperedRequest[] }
  /** The provider proves itself with a shared secret but signs no body: why, and the requests without the secret. */
  | { signs: 'nothing'; why: string; valid: VerifyInput; tampered: TamperedRequest[] }
  /** No provider request reaches this channel to verify (it is authenticated elsewhere): why. */
  | { none: string };

export type StatusContract =
  | {
      /** A status callback reporting `status` for one of our messages. */
      callback(status: string): unknown;
      /** Every status the provider documents: the delivery state it becomes, or why it is none. */
      documented: Record<string, DeliveryUpdate['status'] | { none: string }>;
    }
  /** The provider reports no delivery status through this adapter: why. */
  | { none: string };

export type OversizedContract =
  /** Larger than anything the provider sends: refused, saying why. */
  | { raw: unknown; refused: RegExp }
  /** Accepted whole (the edge bounds the size): why. The result is no larger than the input. */
  | { raw: unknown; accepted: string };

export interface ContractInput {
  adapter: ChannelAdapter;
  channel: ChannelConfig;
  /** Realistic payloads of distinct items, as the edge stores them; all must normalise. */
  fixtures: Fixture[];
  /** The payload as the bytes `parley parse` reads from a saved file (or the provider posts). */
  asBytes(raw: unknown): Buffer;
  /** Payloads the adapter must refuse, and the reason it gives. */
  invalid: (Fixture & { reason: RegExp })[];
  verify: VerifyContract;
  statuses: StatusContract;
  oversized: OversizedContract;
}

/** Input no channel can use: each is refused with a ParseError, never another error. */
const garbage: Fixture[] = [
  { name: 'undefined', raw: undefined },
  { name: 'null', raw: null },
  { name: 'a number', raw: 42 },
  { name: 'an empty string', raw: '' },
  { name: 'an array', raw: [] },
  { name: 'an empty object', raw: {} },
  { name: 'bytes that are not text', raw: Buffer.from([0xff, 0xfe, 0x00, 0x9c]) },
];

/** A deep copy that stays a Buffer when it was one (structuredClone makes a plain Uint8Array of it). */
const copyOf = (raw: unknown): unknown => (Buffer.isBuffer(raw) ? Buffer.from(raw) : structuredClone(raw));
const normalizeCopy = (input: ContractInput, raw: unknown) => input.adapter.normalize(copyOf(raw), input.channel);

async function refusal(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (err) {
    return err;
  }
  return 'normalised without an error';
}

function expectParseError(error: unknown, what: string, reason?: RegExp): void {
  expect(error, what).toBeInstanceOf(ParseError);
  const message = (error as Error).message;
  expect(message, what).not.toBe('');
  expect(message, `${what}: one line, shown to admins`).not.toContain('\n');
  if (reason) expect(message, what).toMatch(reason);
}

/** The same body with one letter or digit changed: still well-formed, no longer what was signed. */
function tamperBody(body: Buffer): Buffer {
  const bytes = Buffer.from(body);
  for (let i = bytes.length - 1; i >= 0; i--) {
    const c = String.fromCharCode(bytes[i]!);
    if (/[0-9]/.test(c)) bytes[i] = c === '9' ? 0x30 : bytes[i]! + 1;
    else if (/[a-y]/i.test(c)) bytes[i] = bytes[i]! + 1;
    else if (/z/i.test(c)) bytes[i] = bytes[i]! - 25;
    else continue;
    return bytes;
  }
  throw new Error('the signed body has no letter or digit to change');
}

/** How much text an item carries, to hold an accepted huge payload to what came in. */
function textSize(n: NormalizedInbound): number {
  if (n.kind === 'status' || n.kind === 'call_event' || n.kind === 'ignored') return JSON.stringify(n).length;
  return n.text.length + (n.quotedText?.length ?? 0) + (n.html?.length ?? 0) + (n.subject?.length ?? 0);
}

function rawSize(raw: unknown): number {
  return Buffer.isBuffer(raw) || typeof raw === 'string' ? raw.length : JSON.stringify(raw).length;
}

export function runAdapterContract(input: ContractInput): void {
  const { adapter, channel } = input;
  describe(`${adapter.kind} adapter contract`, () => {
    it('is run with a channel of its own kind and realistic fixtures', () => {
      expect(channel.kind).toBe(adapter.kind);
      expect(input.fixtures.length).toBeGreaterThanOrEqual(3);
      expect(input.invalid.length).toBeGreaterThanOrEqual(1);
    });

    describe('normalize', () => {
      it('gives the same result twice for every fixture, of its own kind, with a non-empty externalId', async () => {
        for (const f of input.fixtures) {
          const a = await normalizeCopy(input, f.raw);
          expect(await normalizeCopy(input, f.raw), f.name).toEqual(a);
          expect(a.channel, f.name).toBe(adapter.kind);
          expect(a.externalId.trim(), f.name).not.toBe('');
          if (a.kind === 'status') expect(a.update.externalId.trim(), f.name).not.toBe('');
          else if (a.kind === 'ignored') expect(a.reason.trim(), f.name).not.toBe('');
          else expect(a.from.address.trim(), f.name).not.toBe('');
        }
      });

      it('reads the saved bytes of a payload as the payload itself', async () => {
        for (const f of input.fixtures) expect(await input.adapter.normalize(input.asBytes(f.raw), channel), f.name).toEqual(await normalizeCopy(input, f.raw));
      });

      it('never mutates the payload it reads', async () => {
        for (const f of input.fixtures) {
          const copy = copyOf(f.raw);
          await adapter.normalize(copy, channel);
          expect(copy, f.name).toEqual(f.raw);
        }
      });

      it('refuses payloads it cannot use with a one-line ParseError saying why', async () => {
        for (const f of input.invalid) expectParseError(await refusal(() => normalizeCopy(input, f.raw)), f.name, f.reason);
      });

      it('refuses garbage with a ParseError, never another error', async () => {
        for (const f of garbage) expectParseError(await refusal(() => adapter.normalize(f.raw, channel)), f.name);
      });

      const { oversized } = input;
      if ('refused' in oversized) {
        it('refuses a payload larger than the provider ever sends with a ParseError', { timeout: 30_000 }, async () => {
          expectParseError(await refusal(() => adapter.normalize(oversized.raw, channel)), 'oversized payload', oversized.refused);
        });
      } else {
        it(`accepts a huge payload whole, no larger than it came (${oversized.accepted})`, { timeout: 30_000 }, async () => {
          const n = await adapter.normalize(oversized.raw, channel);
          expect(textSize(n)).toBeLessThanOrEqual(rawSize(oversized.raw));
        });
      }
    });

    describe('externalIds', () => {
      it('are the same for the same item however often it arrives', async () => {
        for (const f of input.fixtures) {
          const ids = await Promise.all([normalizeCopy(input, f.raw), normalizeCopy(input, f.raw), adapter.normalize(input.asBytes(f.raw), channel)]);
          expect(new Set(ids.map((n) => n.externalId)).size, f.name).toBe(1);
        }
      });

      it('differ between distinct items', async () => {
        const ids = await Promise.all(input.fixtures.map(async (f) => (await normalizeCopy(input, f.raw)).externalId));
        expect(new Set(ids).size).toBe(ids.length);
      });
    });

    describeVerify(input);
    describeStatuses(input);
  });
}

function describeVerify(input: ContractInput): void {
  const { adapter, channel, verify } = input;
  if ('none' in verify) {
    it(`has no provider request to verify: ${verify.none}`, () => {
      expect(adapter.verify).toBeUndefined();
    });
    return;
  }
  describe('verify', () => {
    const check = (request: VerifyInput) => {
      expect(adapter.verify, `the ${adapter.kind} adapter declares a verify contract but has no verify`).toBeDefined();
      return adapter.verify!(request, channel);
    };
    const expectRefused = (request: VerifyInput, name: string) => {
      const verdict = check(request);
      expect(verdict.ok, name).toBe(false);
      const reason = verdict.ok ? '' : verdict.reason;
      expect(reason.trim(), name).not.toBe('');
      expect(reason, `${name}: one line, stored for admins`).not.toContain('\n');
    };

    it('accepts a genuine request', () => {
      expect(check(verify.valid)).toEqual({ ok: true });
    });

    it('refuses tampered requests, each with a reason', () => {
      expect(verify.tampered.length).toBeGreaterThanOrEqual(1);
      for (const t of verify.tampered) expectRefused(t.input, t.name);
    });

    const changedBody = { ...verify.valid, rawBody: tamperBody(verify.valid.rawBody) };
    if (verify.signs === 'body') {
      it('refuses a genuine request whose body was changed by one character', () => {
        expectRefused(changedBody, 'changed body');
      });
    } else {
      it(`cannot tell a changed body from a genuine one: ${verify.why}`, () => {
        expect(check(changedBody)).toEqual({ ok: true });
      });
    }
  });
}

function describeStatuses(input: ContractInput): void {
  const { adapter, channel, statuses } = input;
  if ('none' in statuses) {
    it(`has no delivery statuses to map: ${statuses.none}`, async () => {
      expect(adapter.parseStatus).toBeUndefined();
      for (const f of input.fixtures) expect((await normalizeCopy(input, f.raw)).kind, f.name).not.toBe('status');
    });
    return;
  }
  describe('statuses', () => {
    const documented = Object.entries(statuses.documented);

    it('maps every documented provider status to a delivery state, or says why it is none', () => {
      expect(adapter.parseStatus, `the ${adapter.kind} adapter declares statuses but has no parseStatus`).toBeDefined();
      const mapped = Object.fromEntries(documented.map(([status]) => [status, adapter.parseStatus!(statuses.callback(status), channel)?.status ?? null]));
      const expected = Object.fromEntries(documented.map(([status, state]) => [status, typeof state === 'string' ? state : null]));
      expect(mapped).toEqual(expected);
      for (const [status, state] of documented) if (typeof state !== 'string') expect(state.none.trim(), status).not.toBe('');
    });

    it('normalises a status callback to a status item carrying the same delivery report', async () => {
      for (const [status, state] of documented) {
        const raw = statuses.callback(status);
        const n = await normalizeCopy(input, raw);
        if (typeof state === 'string') expect(n, status).toEqual({ channel: adapter.kind, externalId: n.externalId, kind: 'status', update: adapter.parseStatus!(raw, channel) });
        // No delivery state: a customer's message, or a report that updates nothing, recorded as ignored with the reason.
        else if (n.kind !== 'message') expect(n, `${status}: ${state.none}`).toMatchObject({ kind: 'ignored', reason: expect.stringMatching(/\S/) });
      }
    });

    it('keys each status of one message apart, so every report is kept', async () => {
      const ids = await Promise.all(documented.filter(([, s]) => typeof s === 'string').map(async ([status]) => (await normalizeCopy(input, statuses.callback(status))).externalId));
      expect(new Set(ids).size).toBe(ids.length);
    });
  });
}
