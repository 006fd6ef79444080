// The one streaming encoder behind every export (contacts, conversations, reports): an async
// iterable of row objects and the columns to write, to a byte stream in CSV, a JSON array or NDJSON.
// It pulls a row only when the reader wants more (ReadableStream pull), so a slow download holds
// one chunk of rows, never the whole result. Columns are documented in docs/exports.md.
import { csvField, csvLine } from './csv.ts';

export type ExportFormat = 'csv' | 'json' | 'ndjson';

/** How a value is written: CSV renders arrays and JSON as JSON text, timestamps as ISO 8601 (UTC). */
export type ColumnType = 'string' | 'integer' | 'number' | 'boolean' | 'timestamp' | 'string[]' | 'json';

export interface ExportColumn<Row> {
  /** The CSV header and the JSON key (snake_case). */
  name: string;
  type: ColumnType;
  /** What the column means (docs/exports.md lists it). */
  description: string;
  value: (row: Row) => unknown;
}

export const contentTypes = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  ndjson: 'application/x-ndjson; charset=utf-8',
} as const satisfies Record<ExportFormat, string>;

/** Rows are encoded into chunks of about this many characters before they are handed on. */
const CHUNK_CHARS = 64 * 1024;

/** The row as the JSON export writes it: one key per column, timestamps as ISO strings. */
export function rowObject<Row>(columns: readonly ExportColumn<Row>[], row: Row): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const col of columns) out[col.name] = jsonValue(col.value(row));
  return out;
}

/**
 * Streams `rows` as `format`: CSV with a header line, a JSON array (one object per line) or NDJSON.
 * Cancelling the stream (the client went away) ends the iterable, which releases what it holds.
 */
export function streamRows<Row>(rows: AsyncIterable<Row>, columns: readonly ExportColumn<Row>[], format: ExportFormat): ReadableStream<Uint8Array> {
  const iterator = rows[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  const writer = writers[format](columns);
  let started = false;
  let count = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let text = started ? '' : writer.start;
      started = true;
      while (text.length < CHUNK_CHARS) {
        const next = await iterator.next();
        if (next.done) {
          text += writer.end(count);
          if (text) controller.enqueue(encoder.encode(text));
          controller.close();
          return;
        }
        text += writer.row(next.value, count++);
      }
      controller.enqueue(encoder.encode(text));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

interface Writer<Row> {
  start: string;
  row: (row: Row, index: number) => string;
  end: (count: number) => string;
}

const writers: { [F in ExportFormat]: <Row>(columns: readonly ExportColumn<Row>[]) => Writer<Row> } = {
  csv: (columns) => ({
    start: csvLine(columns.map((c) => csvField(c.name))),
    row: (row) => csvLine(columns.map((c) => csvValue(c.type, c.value(row)))),
    end: () => '',
  }),
  json: (columns) => ({
    start: '[',
    row: (row, i) => `${i ? ',' : ''}\n${JSON.stringify(rowObject(columns, row))}`,
    end: (count) => (count ? '\n]\n' : ']\n'),
  }),
  ndjson: (columns) => ({
    start: '',
    row: (row) => `${JSON.stringify(rowObject(columns, row))}\n`,
    end: () => '',
  }),
};

function jsonValue(value: unknown): unknown {
  if (value === undefined) return null;
  return value instanceof Date ? value.toISOString() : value;
}

function csvValue(type: ColumnType, value: unknown): string {
  if (value === null || value === undefined) return '';
  switch (type) {
    case 'string':
      return csvField(String(value));
    case 'integer':
    case 'number':
    case 'boolean':
      return String(value);
    case 'timestamp':
      return value instanceof Date ? value.toISOString() : csvField(String(value), { text: false });
    case 'string[]':
    case 'json':
      return csvField(JSON.stringify(value));
  }
}
