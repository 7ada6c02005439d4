import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkClientCertificate,
  checkRootCertificate,
  inspectBytes,
  loadPrivateKey,
  parsePemBlocks,
  readCertificates,
  readJks,
  readPkcs7,
  readZip,
} from '../../../electron/certs';
import { certErrorCodes } from '../../../shared/cert-types';
import type { Result } from '../../../shared/result';
import { importCertificate, makeTestPki, openssl, type TestPki } from '../../support/cert-tools';

let pki: TestPki;
const seeds: Uint8Array[] = [];
const known = new Set<string>(certErrorCodes);

/** A parser result is either a value or one of our codes with a message; anything thrown fails the property. */
function wellFormed(result: Result<unknown, string>): boolean {
  return result.ok || (known.has(result.error.code) && result.error.message.length > 0);
}

beforeAll(() => {
  pki = makeTestPki();
  const f = pki.folder.file;
  pki.folder.write(
    'chain.pem',
    pki.folder.read('intermediate.pem').toString() + pki.folder.read('root.pem').toString(),
  );
  openssl(['x509', '-in', pki.rootCert, '-outform', 'DER', '-out', f('root.der')]);
  openssl(['crl2pkcs7', '-nocrl', '-certfile', f('chain.pem'), '-outform', 'DER', '-out', f('chain.p7b')]);
  openssl(['pkcs12', '-export', '-nokeys', '-in', f('chain.pem'), '-passout', 'pass:', '-out', f('chain.p12')]);
  importCertificate({
    keystore: f('root.jks'),
    file: pki.rootCert,
    storetype: 'JKS',
    storepass: 'apsaradb',
    alias: 'root',
  });
  openssl(['pkey', '-in', pki.clientKey, '-outform', 'DER', '-out', f('key.der')]);
  for (const name of ['chain.pem', 'root.der', 'chain.p7b', 'chain.p12', 'root.jks', 'key.der', 'client.key']) {
    seeds.push(new Uint8Array(pki.folder.read(name)));
  }
  const { zipSync } = require('fflate') as typeof import('fflate');
  seeds.push(zipSync({ 'a/ca.pem': seeds[0]!, 'a/ca.jks': seeds[4]!, 'a/ca.p7b': seeds[2]! }));
});
afterAll(() => pki.folder.remove());

/** Damaged versions of real files: flipped bytes, cuts and splices. */
function mutated(): fc.Arbitrary<Uint8Array> {
  return fc
    .tuple(
      fc.integer({ min: 0, max: 7 }),
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }),
      fc.option(fc.nat()),
    )
    .map(([seedIndex, flips, cut]) => {
      const bytes = new Uint8Array(seeds[seedIndex]!);
      for (const [position, value] of flips) bytes[position % bytes.length] = value;
      return cut === null ? bytes : bytes.subarray(0, cut % (bytes.length + 1));
    });
}

const anyBytes = fc.oneof(
  fc.uint8Array({ maxLength: 2048 }),
  mutated(),
  fc.uint8Array({ maxLength: 64 }).map((tail) => Uint8Array.from([0x30, 0x82, ...tail])),
);

describe('no input makes the parsers throw: they return our Results', () => {
  it('readCertificates and inspectBytes, with and without a password', () => {
    fc.assert(
      fc.property(anyBytes, fc.option(fc.string({ maxLength: 8 }), { nil: undefined }), (bytes, password) => {
        expect(wellFormed(readCertificates(bytes, { password }))).toBe(true);
        expect(wellFormed(inspectBytes(bytes, { password }))).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('readJks, readZip, readPkcs7, loadPrivateKey and the checks', () => {
    fc.assert(
      fc.property(anyBytes, (bytes) => {
        expect(wellFormed(readJks(bytes))).toBe(true);
        expect(wellFormed(readZip(bytes))).toBe(true);
        expect(wellFormed(readPkcs7(bytes))).toBe(true);
        expect(wellFormed(loadPrivateKey(bytes))).toBe(true);
        expect(wellFormed(loadPrivateKey(bytes, 'guess'))).toBe(true);
        expect(wellFormed(checkRootCertificate([bytes]))).toBe(true);
        expect(wellFormed(checkClientCertificate([bytes], seeds[6]!))).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('parsePemBlocks on text built from PEM pieces', () => {
    const piece = fc.constantFrom(
      '-----BEGIN CERTIFICATE-----',
      '-----END CERTIFICATE-----',
      '-----BEGIN PKCS7-----',
      '-----END PKCS7-----',
      'MIIB',
      '====',
      '\n',
      'Proc-Type: 4,ENCRYPTED',
      '-----BEGIN PRIVATE KEY-----',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 12 })), { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        expect(wellFormed(parsePemBlocks(text))).toBe(true);
        expect(wellFormed(readCertificates(new TextEncoder().encode(text)))).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('the real seeds themselves read fine (the mutations start from valid files)', () => {
    const formats = seeds.map((bytes) => {
      const result = readCertificates(bytes);
      return result.ok ? result.value.format : result.error.code;
    });
    expect(formats).toEqual(['pem', 'der', 'pkcs7', 'pkcs12', 'jks', 'only_private_key', 'only_private_key', 'zip']);
  });
});
