// What real mail clients get wrong in MIME headers, repaired on the raw bytes before MIME parsing
// so that no odd value of a field Parley uses loses the message's text:
// - 8-bit header fields without encoded-words (RFC 2047 says encode; old clients write raw
//   windows-1251, iso-8859-1, shift_jis bytes): decoded by the message's own charset when they are
//   not valid UTF-8 (RFC 6532 allows raw UTF-8, which stays as it is);
// - a misspelled Content-Transfer-Encoding ("base-64", "Quoted-Printible", "8bits");
// - a charset name that names no charset ("unknown-8bit", "x-user-defined"): UTF-8 when the bytes
//   are valid UTF-8, else windows-1252, the superset of Latin-1 that such mail almost always is.
// The bytes the message is keyed and authenticated by stay the originals: this copy is only parsed.
import { TextDecoder } from 'node:util';

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });
const OPAQUE_CHARSETS = new Set(['unknown-8bit', 'x-user-defined', 'unknown', 'x-unknown', 'default', 'none']);

function isUtf8(bytes: Buffer): boolean {
  try {
    STRICT_UTF8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function decoderFor(label: string | null): TextDecoder {
  try {
    if (label && !OPAQUE_CHARSETS.has(label.toLowerCase())) return new TextDecoder(label);
  } catch {
    // An unknown label: fall through to the Latin-1 superset.
  }
  return new TextDecoder('windows-1252');
}

/** "base64" for "base-64", "BASE64 ", "b64"; "quoted-printable" for "Quoted-Printible"; null when unrecognisable. */
export function canonicalTransferEncoding(value: string): string | null {
  const squashed = value.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (squashed.startsWith('base') || squashed === 'b64') return 'base64';
  if (squashed.startsWith('quot') || squashed === 'qp') return 'quoted-printable';
  if (/^7bits?$/.test(squashed)) return '7bit';
  if (/^8bits?$/.test(squashed)) return '8bit';
  if (squashed.startsWith('bin')) return 'binary';
  return null;
}

const HEADER_END = /\r?\n\r?\n/;
const FIRST_CHARSET = /charset\s*=\s*"?([A-Za-z0-9._:+-]+)"?/i;

function headerCharset(text: string): string | null {
  return FIRST_CHARSET.exec(text)?.[1] ?? null;
}

/** The top header block with every non-UTF-8 line decoded by `charset` and written back as UTF-8. */
function repairEightBitHeaders(head: string, charset: string | null): string {
  const decoder = decoderFor(charset);
  return head
    .split('\n')
    .map((line) => {
      const bytes = Buffer.from(line, 'latin1');
      if (!/[\x80-\xff]/.test(line) || isUtf8(bytes)) return line;
      return Buffer.from(decoder.decode(bytes), 'utf8').toString('latin1');
    })
    .join('\n');
}

function repairTransferEncodings(text: string): string {
  return text.replace(/^(content-transfer-encoding[ \t]*:[ \t]*)([^\r\n;]*)/gim, (whole, name: string, value: string) => {
    const canonical = canonicalTransferEncoding(value);
    return canonical && canonical !== value.trim().toLowerCase() ? `${name}${canonical}` : whole;
  });
}

/** Only inside Content-Type fields (with their folded lines): a body that mentions a charset stays as written. */
function repairOpaqueCharsets(text: string, bodyIsUtf8: boolean): string {
  return text.replace(/^content-type[ \t]*:[^\r\n]*(?:\r?\n[ \t][^\r\n]*)*/gim, (field) =>
    field.replace(/(charset\s*=\s*)("?)([A-Za-z0-9._:+-]+)\2/gi, (whole, name: string, quote: string, label: string) =>
      OPAQUE_CHARSETS.has(label.toLowerCase()) ? `${name}${quote}${bodyIsUtf8 ? 'utf-8' : 'windows-1252'}${quote}` : whole,
    ),
  );
}

/** A copy of the raw message with the repairs above; the same bytes when nothing needed repair. */
export function repairRawMime(bytes: Buffer): Buffer {
  const text = bytes.toString('latin1');
  const end = HEADER_END.exec(text);
  const headEnd = end ? end.index : text.length;
  const head = text.slice(0, headEnd);
  const rest = text.slice(headEnd);
  const charset = headerCharset(head) ?? headerCharset(rest);
  const repairedHead = /[\x80-\xff]/.test(head) ? repairEightBitHeaders(head, charset) : head;
  const repaired = repairOpaqueCharsets(repairTransferEncodings(repairedHead + rest), isUtf8(Buffer.from(rest, 'latin1')));
  return repaired === text ? bytes : Buffer.from(repaired, 'latin1');
}
