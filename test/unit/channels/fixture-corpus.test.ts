// Every real-world fixture in test/fixtures (cited in the SOURCES.md beside it) through the parse
// command, counted per channel: what a customer sent is never refused. A fixture that is refused
// on purpose (not something a customer sends) is listed in REFUSED_ON_PURPOSE with the reason; any
// other refusal fails, and so does a listed fixture that parses. Prints the counts as one JSON line
// (recordedOnly: understood and kept as an ignored event, not a customer's message).
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChannelKind } from '../../../channels/registry.ts';
import { runParseCommand } from '../../../src/cli/parse-command.ts';

const FIXTURES = 'test/fixtures';

/** Fixture path (under test/fixtures) -> why refusing it is right. */
const REFUSED_ON_PURPOSE: Record<string, string> = {
  'email/no-from.eml': 'no From header: there is no one to answer (kept as a failed raw event)',
};

/** The channel a Twilio fixture is for, from its name: sms-, mms-, whatsapp-, voice-, status-<kind>-. */
function twilioKind(file: string): ChannelKind {
  const prefix = /^(?:status-)?(sms|mms|whatsapp|voice)-/.exec(file)?.[1];
  if (!prefix) throw new Error(`test/fixtures/twilio/${file}: name it sms-, mms-, whatsapp-, voice- or status-<kind>- so the corpus knows its channel`);
  return prefix === 'mms' ? 'sms' : (prefix as ChannelKind);
}

async function filesUnder(dir: string, ext: string): Promise<string[]> {
  const entries = await readdir(path.join(FIXTURES, dir), { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(ext))
    .map((e) => path.relative(path.join(FIXTURES, dir), path.join(e.parentPath, e.name)))
    .sort();
}

async function corpus(): Promise<{ kind: ChannelKind; file: string }[]> {
  const email = (await filesUnder('email', '.eml')).map((f) => ({ kind: 'email' as const, file: `email/${f}` }));
  const telegram = (await filesUnder('telegram', '.json')).map((f) => ({ kind: 'telegram' as const, file: `telegram/${f}` }));
  const twilio = (await filesUnder('twilio', '.json')).map((f) => ({ kind: twilioKind(path.basename(f)), file: `twilio/${f}` }));
  return [...email, ...telegram, ...twilio];
}

describe('the real-world fixture corpus', () => {
  it('parses every fixture a customer sent, refusing only those listed with a reason', async () => {
    const all = await corpus();
    const refused: Record<string, string> = {};
    const counts: Record<string, { fixtures: number; refused: number; recordedOnly: number }> = {};
    for (const { kind, file } of all) {
      const count = (counts[kind] ??= { fixtures: 0, refused: 0, recordedOnly: 0 });
      count.fixtures++;
      try {
        // Understood but no customer's message (a Telegram channel post): recorded, never refused.
        if (JSON.parse(await runParseCommand([kind, path.join(FIXTURES, file)])).kind === 'ignored') count.recordedOnly++;
      } catch (err) {
        count.refused++;
        refused[file] = err instanceof Error ? err.message : String(err);
      }
    }
    console.log(JSON.stringify({ corpus: counts, refused }));
    expect(all.length).toBeGreaterThan(50);
    expect(Object.keys(refused).sort()).toEqual(Object.keys(REFUSED_ON_PURPOSE).sort());
  });
});
