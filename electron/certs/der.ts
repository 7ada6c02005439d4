// The one DER reader without node-forge: a tag-length-value walker, and the element tree built on it.
/** One DER element: its tag byte, its content bytes, and its children when it is constructed. */
export interface DerNode {
  tag: number;
  content: Uint8Array;
  children: DerNode[];
}

/** One DER tag-length-value found by `readTlv`: its tag byte and where its content starts and ends. */
export interface Tlv {
  tag: number;
  contentStart: number;
  end: number;
}

/** Reads the DER TLV at `offset` without decoding it, or null when the bytes end early (a cheap walker). */
export function readTlv(bytes: Uint8Array, offset: number): Tlv | null {
  if (offset + 2 > bytes.length) return null;
  const tag = bytes[offset]!;
  const first = bytes[offset + 1]!;
  let length = first;
  let contentStart = offset + 2;
  if (first & 0x80) {
    const count = first & 0x7f;
    if (count === 0 || count > 4 || offset + 2 + count > bytes.length) return null;
    length = 0;
    for (let index = 0; index < count; index++) length = length * 256 + bytes[offset + 2 + index]!;
    contentStart += count;
  }
  const end = contentStart + length;
  return end > bytes.length ? null : { tag, contentStart, end };
}

/** Reads the DER element at `offset`; returns it and the offset after it. Throws RangeError on malformed input. */
function readNode(bytes: Uint8Array, offset: number): { node: DerNode; end: number } {
  const tlv = readTlv(bytes, offset);
  if (!tlv) throw new RangeError('truncated DER');
  const content = bytes.subarray(tlv.contentStart, tlv.end);
  const children: DerNode[] = [];
  if (tlv.tag & 0x20) {
    let position = 0;
    while (position < content.length) {
      const child = readNode(content, position);
      children.push(child.node);
      position = child.end;
    }
  }
  return { node: { tag: tlv.tag, content, children }, end: tlv.end };
}

/** Parses a DER document into its element tree (node-forge's strict parse is `parseDer` in asn1.ts). */
export function parseDerTree(bytes: Uint8Array): DerNode {
  return readNode(bytes, 0).node;
}

/** Decodes a DER OBJECT IDENTIFIER's content to dotted form. */
export function decodeOid(content: Uint8Array): string {
  const parts: number[] = [];
  let value = 0;
  for (const byte of content) {
    value = value * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) {
      if (parts.length === 0)
        parts.push(Math.min(2, Math.floor(value / 40)), value - Math.min(2, Math.floor(value / 40)) * 40);
      else parts.push(value);
      value = 0;
    }
  }
  return parts.join('.');
}
