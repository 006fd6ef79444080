// The little of CMS (RFC 5652) an inbox needs from an opaque S/MIME part (application/pkcs7-mime,
// RFC 8551 §3.5): whether it is signed-data or enveloped-data, and for signed-data the signed
// MIME entity it carries (encapContentInfo.eContent), so the text can be shown. No signature is
// checked here: the message says it is signed, not that the signature is valid.

interface Tlv {
  tag: number;
  start: number;
  end: number;
}

const SIGNED_DATA = '2a864886f70d010702';
const ENVELOPED_DATA = '2a864886f70d010703';

/** One DER element at `pos`, or null (indefinite BER lengths and truncation included). */
function readTlv(der: Buffer, pos: number, limit: number): Tlv | null {
  if (pos + 2 > limit) return null;
  const tag = der[pos]!;
  let length = der[pos + 1]!;
  let start = pos + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4 || start + count > limit) return null;
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + der[start + i]!;
    start += count;
  }
  return start + length > limit ? null : { tag, start, end: start + length };
}

function children(der: Buffer, parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let pos = parent.start; pos < parent.end; ) {
    const child = readTlv(der, pos, parent.end);
    if (!child) return out;
    out.push(child);
    pos = child.end;
  }
  return out;
}

/** An OCTET STRING's bytes, primitive or constructed of pieces. */
function octets(der: Buffer, t: Tlv): Buffer {
  if (t.tag === 0x04) return der.subarray(t.start, t.end);
  return Buffer.concat(children(der, t).map((c) => octets(der, c)));
}

export type CmsContent = { kind: 'signed'; content: Buffer | null } | { kind: 'encrypted' } | { kind: 'unknown' };

export function readCms(der: Buffer): CmsContent {
  const root = readTlv(der, 0, der.length);
  if (!root || root.tag !== 0x30) return { kind: 'unknown' };
  const [oid, explicit] = children(der, root);
  if (!oid || oid.tag !== 0x06) return { kind: 'unknown' };
  const type = der.subarray(oid.start, oid.end).toString('hex');
  if (type === ENVELOPED_DATA) return { kind: 'encrypted' };
  if (type !== SIGNED_DATA || !explicit) return { kind: 'unknown' };
  const signedData = children(der, explicit)[0];
  const encap = signedData ? children(der, signedData).find((c) => c.tag === 0x30) : undefined;
  const eContent = encap ? children(der, encap).find((c) => c.tag === 0xa0) : undefined;
  const inner = eContent ? children(der, eContent)[0] : undefined;
  return { kind: 'signed', content: inner && (inner.tag === 0x04 || inner.tag === 0x24) ? octets(der, inner) : null };
}
