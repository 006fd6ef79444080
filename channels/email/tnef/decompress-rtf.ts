// Compressed RTF (MS-OXRTFCP), the form Outlook stores a message body in (PR_RTF_COMPRESSED, found
// in winmail.dat): an LZ77 variant over a 4096-byte dictionary that starts filled with common RTF.
// https://learn.microsoft.com/en-us/openspecs/exchange_server_protocols/ms-oxrtfcp

// MS-OXRTFCP §3.1.3.1: the dictionary's initial contents.
const PREFILL = Buffer.from(
  '{\\rtf1\\ansi\\mac\\deff0\\deftab720{\\fonttbl;}{\\f0\\fnil \\froman \\fswiss \\fmodern \\fscript \\fdecor MS Sans SerifSymbolArialTimes New RomanCourier{\\colortbl\\red0\\green0\\blue0\r\n\\par \\pard\\plain\\f0\\fs20\\b\\i\\u\\tab\\tx',
  'latin1',
);
const COMPRESSED = 0x75465a4c; // "LZFu"
const UNCOMPRESSED = 0x414c454d; // "MELA"
const HEADER_BYTES = 16;

/** The RTF text's bytes, or null when the data is not compressed RTF or is cut short. */
export function decompressRtf(data: Buffer): Buffer | null {
  if (data.length < HEADER_BYTES) return null;
  const compSize = data.readUInt32LE(0);
  const rawSize = data.readUInt32LE(4);
  const type = data.readUInt32LE(8);
  const end = Math.min(data.length, compSize + 4);
  if (type === UNCOMPRESSED) return data.subarray(HEADER_BYTES, Math.min(end, HEADER_BYTES + rawSize));
  if (type !== COMPRESSED) return null;
  const dictionary = Buffer.alloc(4096);
  PREFILL.copy(dictionary);
  let write = PREFILL.length;
  const out: number[] = [];
  let pos = HEADER_BYTES;
  while (pos < end) {
    const control = data[pos++]!;
    for (let bit = 0; bit < 8 && pos < end; bit++) {
      if ((control & (1 << bit)) === 0) {
        const byte = data[pos++]!;
        out.push(byte);
        dictionary[write] = byte;
        write = (write + 1) % 4096;
        continue;
      }
      if (pos + 1 >= end) return Buffer.from(out);
      const reference = data.readUInt16BE(pos);
      pos += 2;
      const offset = reference >> 4;
      const length = (reference & 0x0f) + 2;
      if (offset === write) return Buffer.from(out);
      for (let i = 0; i < length; i++) {
        const byte = dictionary[(offset + i) % 4096]!;
        out.push(byte);
        dictionary[write] = byte;
        write = (write + 1) % 4096;
      }
    }
  }
  return Buffer.from(out);
}
