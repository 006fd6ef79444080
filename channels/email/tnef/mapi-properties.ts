// The MAPI property lists inside a TNEF stream (MS-OXTNEF §2.1.3.4, attMAPIProps and
// attAttachment): each property is a type, an id (named properties carry a GUID and a name or
// number first) and one or more values, every value padded to four bytes. Only values this inbox
// reads are kept: strings, binaries and embedded objects.
// https://learn.microsoft.com/en-us/openspecs/exchange_server_protocols/ms-oxtnef

export type MapiValue = string | Buffer;

const PT_STRING8 = 0x001e;
const PT_UNICODE = 0x001f;
const PT_BINARY = 0x0102;
const PT_OBJECT = 0x000d;
const MULTI_VALUE = 0x1000;
// Fixed-size types and their value sizes; values of two bytes are padded to four.
const FIXED_SIZES: Record<number, number> = { 0x0001: 4, 0x0002: 4, 0x0003: 4, 0x0004: 4, 0x0005: 8, 0x0006: 8, 0x0007: 8, 0x000a: 4, 0x000b: 4, 0x0014: 8, 0x0040: 8, 0x0048: 16 };

const padded = (n: number) => (n + 3) & ~3;

class Reader {
  constructor(
    private readonly data: Buffer,
    public pos = 0,
  ) {}
  u16(): number {
    this.need(2);
    const v = this.data.readUInt16LE(this.pos);
    this.pos += 2;
    return v;
  }
  u32(): number {
    this.need(4);
    const v = this.data.readUInt32LE(this.pos);
    this.pos += 4;
    return v;
  }
  bytes(n: number): Buffer {
    this.need(n);
    const v = this.data.subarray(this.pos, this.pos + n);
    this.pos += n;
    return v;
  }
  skip(n: number): void {
    this.need(n);
    this.pos += n;
  }
  private need(n: number): void {
    if (n < 0 || this.pos + n > this.data.length) throw new RangeError('MAPI property list cut short');
  }
}

function readString(bytes: Buffer, type: number, decode8: (b: Buffer) => string): string {
  const text = type === PT_UNICODE ? bytes.toString('utf16le') : decode8(bytes);
  return text.replace(/\u0000+$/, '');
}

/**
 * Properties by id (the low 16 bits of the tag; named properties are skipped). `decode8` decodes
 * 8-bit strings by the stream's code page. Throws RangeError when the list is cut short.
 */
export function readMapiProperties(data: Buffer, decode8: (b: Buffer) => string): Map<number, MapiValue> {
  const r = new Reader(data);
  const props = new Map<number, MapiValue>();
  const count = r.u32();
  for (let i = 0; i < count && r.pos < data.length; i++) {
    const fullType = r.u16();
    const id = r.u16();
    if (id >= 0x8000) {
      r.skip(16);
      const kind = r.u32();
      if (kind === 0) r.skip(4);
      else r.skip(padded(r.u32()));
    }
    const type = fullType & ~MULTI_VALUE;
    const variable = type === PT_STRING8 || type === PT_UNICODE || type === PT_BINARY || type === PT_OBJECT;
    const values = variable || fullType & MULTI_VALUE ? r.u32() : 1;
    for (let v = 0; v < values; v++) {
      if (!variable) {
        const size = FIXED_SIZES[type];
        if (size === undefined) throw new RangeError(`unknown MAPI property type 0x${type.toString(16)}`);
        r.skip(size);
        continue;
      }
      const length = r.u32();
      const bytes = r.bytes(length);
      r.skip(padded(length) - length);
      if (v > 0 || id >= 0x8000) continue;
      // An embedded object starts with the 16-byte interface id of what it is.
      props.set(id, type === PT_BINARY ? bytes : type === PT_OBJECT ? bytes.subarray(16) : readString(bytes, type, decode8));
    }
  }
  return props;
}
