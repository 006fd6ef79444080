// The export encoder on its own: RFC 4180 quoting and formula neutralising per column type, JSON
// and NDJSON framing, rows pulled only as the reader asks, and the source ended when the reader stops.
import { reportFigureColumns } from '../../../../src/domain/exports/report-figures.ts';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contactColumns } from '../../../../src/domain/exports/contact-columns.ts';
import { conversationColumns, messageColumns } from '../../../../src/domain/exports/conversation-columns.ts';
import { csvField } from '../../../../src/domain/exports/csv.ts';
import { streamRows, type ExportColumn } from '../../../../src/domain/exports/stream-rows.ts';

interface Row {
  text: string | null;
  n: number;
  at: Date | null;
  tags: string[];
}
const columns: ExportColumn<Row>[] = [
  { name: 'text', type: 'string', description: '', value: (r) => r.text },
  { name: 'n', type: 'integer', description: '', value: (r) => r.n },
  { name: 'at', type: 'timestamp', description: '', value: (r) => r.at },
  { name: 'tags', type: 'string[]', description: '', value: (r) => r.tags },
];

async function* rowsOf<T>(rows: T[]) {
  yield* rows;
}
const read = (s: ReadableStream<Uint8Array>) => new Response(s).text();

describe('csvField', () => {
  it('quotes commas, quotes, CR and LF and leaves the rest alone', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField('Zoë 日本 ✓')).toBe('Zoë 日本 ✓');
  });

  it('neutralises what a spreadsheet would run, unless it is not text', () => {
    for (const f of ['=1+2', '+1', '-1', '@SUM(A1)', '\tx']) expect(csvField(f)).toBe(`'${f}`);
    expect(csvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvField('\rx')).toBe('"\'\rx"');
    expect(csvField('-1', { text: false })).toBe('-1');
    expect(csvField('a=b')).toBe('a=b');
  });
});

describe('streamRows', () => {
  const rows: Row[] = [
    { text: '=x, "y"', n: -3, at: new Date('2026-12-04T17:00:00Z'), tags: ['a', 'b,c'] },
    { text: null, n: 0, at: null, tags: [] },
  ];

  it('writes CSV with a header and CRLF lines, nulls empty, numbers as they are', async () => {
    expect(await read(streamRows(rowsOf(rows), columns, 'csv'))).toBe('text,n,at,tags\r\n"\'=x, ""y""",-3,2026-12-04T17:00:00.000Z,"[""a"",""b,c""]"\r\n,0,,[]\r\n');
    expect(await read(streamRows(rowsOf<Row>([]), columns, 'csv'))).toBe('text,n,at,tags\r\n');
  });

  it('writes a JSON array and NDJSON, values unchanged', async () => {
    const objects = [
      { text: '=x, "y"', n: -3, at: '2026-12-04T17:00:00.000Z', tags: ['a', 'b,c'] },
      { text: null, n: 0, at: null, tags: [] },
    ];
    const json = await read(streamRows(rowsOf(rows), columns, 'json'));
    expect(json).toBe(`[\n${JSON.stringify(objects[0])},\n${JSON.stringify(objects[1])}\n]\n`);
    expect(await read(streamRows(rowsOf<Row>([]), columns, 'json'))).toBe('[]\n');
    expect(await read(streamRows(rowsOf(rows), columns, 'ndjson'))).toBe(objects.map((o) => `${JSON.stringify(o)}\n`).join(''));
  });

  it('pulls rows only as the reader asks, and ends the source when the reader cancels', async () => {
    let produced = 0;
    let ended = false;
    async function* endless() {
      try {
        for (;;) {
          produced++;
          yield { text: 'x'.repeat(100), n: produced, at: null, tags: [] } satisfies Row;
        }
      } finally {
        ended = true;
      }
    }
    const reader = streamRows(endless(), columns, 'csv').getReader();
    await reader.read();
    await new Promise((r) => setTimeout(r, 20));
    // One chunk (~64 KB, ~600 rows) handed over and at most one more buffered: never the endless rest.
    expect(produced).toBeLessThan(2_000);
    await reader.cancel();
    expect(ended).toBe(true);
  });
});

describe('docs/exports.md', () => {
  it('lists every column of every export with its type', () => {
    const doc = readFileSync('docs/exports.md', 'utf8');
    for (const c of [...contactColumns, ...conversationColumns, ...messageColumns, ...reportFigureColumns]) expect(doc).toContain(`| \`${c.name}\` | ${c.type} |`);
  });
});
