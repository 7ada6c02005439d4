/** Thrown by ByteReader when the data ends early or breaks the layout; readers turn it into a failure Result. */
export class LayoutError extends Error {}

/** A bounds-checked big-endian cursor over bytes, for JKS (zip.ts reads its little-endian records with a DataView). */
export class ByteReader {
  offset = 0;
  private readonly view: DataView;

  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** How many bytes are left after the cursor. */
  get remaining(): number {
    return this.bytes.length - this.offset;
  }

  /** Reads a big-endian unsigned 16-bit integer. */
  u16(): number {
    this.need(2);
    const value = this.view.getUint16(this.offset);
    this.offset += 2;
    return value;
  }

  /** Reads a big-endian unsigned 32-bit integer. */
  u32(): number {
    this.need(4);
    const value = this.view.getUint32(this.offset);
    this.offset += 4;
    return value;
  }

  /** Reads a big-endian unsigned 64-bit integer as a number (exact up to 2^53). */
  u64(): number {
    const high = this.u32();
    const low = this.u32();
    return high * 2 ** 32 + low;
  }

  /** Reads `length` bytes as a view (no copy). */
  take(length: number): Uint8Array {
    this.need(length);
    const slice = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return slice;
  }

  private need(length: number): void {
    if (length < 0 || this.offset + length > this.bytes.length) throw new LayoutError('the data ends early');
  }
}
