import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** What the sandbox needs from an HTTP request to check its ACS3-HMAC-SHA256 signature. */
export interface SignedRequest {
  method: string;
  pathname: string;
  /** Decoded query parameters, exactly as received. */
  query: Record<string, string>;
  /** Header names in lower case. */
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** The parts of an `Authorization: ACS3-HMAC-SHA256 Credential=…,SignedHeaders=…,Signature=…` header. */
export interface ParsedAuthorization {
  algorithm: string;
  accessKeyId: string;
  signedHeaders: string[];
  signature: string;
}

/** Headers every ACS3 request must sign. */
export const requiredSignedHeaders = ['host', 'x-acs-action', 'x-acs-content-sha256', 'x-acs-date', 'x-acs-version'];

/** Parses the Authorization header; undefined when it is missing or malformed. */
export function parseAuthorization(header: string | undefined): ParsedAuthorization | undefined {
  if (!header) return undefined;
  const space = header.indexOf(' ');
  if (space < 0) return undefined;
  const algorithm = header.slice(0, space);
  const fields = new Map<string, string>();
  for (const part of header.slice(space + 1).split(',')) {
    const equals = part.indexOf('=');
    if (equals > 0) fields.set(part.slice(0, equals).trim(), part.slice(equals + 1).trim());
  }
  const accessKeyId = fields.get('Credential');
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (!accessKeyId || !signedHeaders || !signature) return undefined;
  return { algorithm, accessKeyId, signedHeaders: signedHeaders.split(';'), signature };
}

/** RFC 3986 percent-encoding as the ACS3 canonical query string uses it. */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (character) => {
    return `%${character.charCodeAt(0).toString(16).toUpperCase()}`;
  });
}

/** Builds the canonical request of the ACS3 specification from what was received on the wire. */
export function canonicalRequest(request: SignedRequest, signedHeaders: string[], payloadHash: string): string {
  const canonicalQuery = Object.keys(request.query)
    .sort()
    .map((key) => `${percentEncode(key)}=${percentEncode(request.query[key] ?? '')}`)
    .join('&');
  const canonicalHeaders = signedHeaders
    .map((name) => {
      const value = request.headers[name];
      const values = (Array.isArray(value) ? value : [value ?? '']).map((item) => item.trim()).sort();
      return `${name}:${values.join(',')}\n`;
    })
    .join('');
  return [
    request.method,
    request.pathname,
    canonicalQuery,
    canonicalHeaders,
    signedHeaders.join(';'),
    payloadHash,
  ].join('\n');
}

/** The hex SHA-256 of a payload. */
export function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Computes the signature the service expects for this request and secret. */
export function expectedSignature(
  request: SignedRequest,
  signedHeaders: string[],
  secret: string,
): { signature: string; stringToSign: string } {
  const canonical = canonicalRequest(request, signedHeaders, sha256Hex(request.body));
  const stringToSign = `ACS3-HMAC-SHA256\n${sha256Hex(canonical)}`;
  return { signature: createHmac('sha256', secret).update(stringToSign).digest('hex'), stringToSign };
}

/** Compares two hex signatures in constant time. */
export function signaturesMatch(expected: string, received: string): boolean {
  const left = Buffer.from(expected, 'utf8');
  const right = Buffer.from(received.toLowerCase(), 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
