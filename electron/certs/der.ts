/** One DER element: its tag byte, its content bytes, and its children when it is constructed. */
export interface DerNode {
  tag: number;
  content: Uint8Array;
  children: DerNode[];
}

/** Reads the DER element at `offset`; returns it and the offset after it. Throws RangeError on malformed input. */
function readNode(bytes: Uint8Array, offset: number): { node: DerNode; end: number } {
  const tag = bytes[offset];
  let lengthByte = bytes[offset + 1];
  if (tag === undefined || lengthByte === undefined) throw new RangeError('truncated DER');
  let cursor = offset + 2;
  let length = lengthByte;
  if (lengthByte & 0x80) {
    const count = lengthByte & 0x7f;
    if (count === 0 || count > 4) throw new RangeError('unsupported DER length');
    length = 0;
    for (let index = 0; index < count; index++) {
      lengthByte = bytes[cursor++];
      if (lengthByte === undefined) throw new RangeError('truncated DER');
      length = length * 256 + lengthByte;
    }
  }
  const end = cursor + length;
  if (end > bytes.length) throw new RangeError('truncated DER');
  const content = bytes.subarray(cursor, end);
  const children: DerNode[] = [];
  if (tag & 0x20) {
    let position = 0;
    while (position < content.length) {
      const child = readNode(content, position);
      children.push(child.node);
      position = child.end;
    }
  }
  return { node: { tag, content, children }, end };
}

/** Parses a DER document into its element tree. */
export function parseDer(bytes: Uint8Array): DerNode {
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
