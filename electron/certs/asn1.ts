import forge from 'node-forge';

/** Converts bytes to the binary string node-forge works with. */
export function toBinary(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('binary');
}

/** Converts node-forge's binary string back to bytes. */
export function fromBinary(binary: string): Uint8Array {
  return new Uint8Array(Buffer.from(binary, 'binary'));
}

/** Parses one whole DER value, or returns null when the bytes are not exactly one valid DER value. */
export function parseDer(bytes: Uint8Array): forge.asn1.Asn1 | null {
  try {
    const options = { strict: true, parseAllBytes: true, decodeBitStrings: false };
    // node-forge accepts an options object here; its type declarations only know the older boolean form.
    return forge.asn1.fromDer(toBinary(bytes), options as unknown as boolean);
  } catch {
    return null;
  }
}

/** Serialises an ASN.1 value to DER bytes. */
export function toDer(value: forge.asn1.Asn1): Uint8Array {
  return fromBinary(forge.asn1.toDer(value).getBytes());
}

/** The children of a constructed ASN.1 value, or an empty list. */
export function children(value: forge.asn1.Asn1 | undefined): forge.asn1.Asn1[] {
  return value && Array.isArray(value.value) ? value.value : [];
}

/** The dotted OID of an OBJECT IDENTIFIER value, or null. */
export function oidOf(value: forge.asn1.Asn1 | undefined): string | null {
  if (!value || value.type !== forge.asn1.Type.OID || typeof value.value !== 'string') return null;
  try {
    return forge.asn1.derToOid(value.value);
  } catch {
    return null;
  }
}
