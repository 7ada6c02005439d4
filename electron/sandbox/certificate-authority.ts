import { generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';
import { buildCaPackageZip, encodePemBundle } from '../certs/index';

/** A server certificate the sandbox CA issued, with its unencrypted key. */
export interface IssuedCertificate {
  certificatePem: string;
  /** The leaf followed by the intermediate, as a server presents it. */
  chainPem: string;
  keyPem: string;
  notBefore: Date;
  notAfter: Date;
}

interface Authority {
  certificate: forge.pki.Certificate;
  key: forge.pki.rsa.PrivateKey;
}

const dayMs = 24 * 60 * 60 * 1000;

function newRsaKeys(): { privateKey: forge.pki.rsa.PrivateKey; publicKey: forge.pki.rsa.PublicKey } {
  const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const privatePem = pair.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const privateKey = forge.pki.privateKeyFromPem(privatePem) as forge.pki.rsa.PrivateKey;
  return { privateKey, publicKey: forge.pki.setRsaPublicKey(privateKey.n, privateKey.e) };
}

function serial(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] ?? 0) & 0x7f;
  return bytes.toString('hex');
}

function makeCertificate(
  subject: forge.pki.CertificateField[],
  publicKey: forge.pki.rsa.PublicKey,
  issuer: Authority | null,
  signingKey: forge.pki.rsa.PrivateKey,
  notBefore: Date,
  notAfter: Date,
  extensions: object[],
): forge.pki.Certificate {
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = publicKey;
  certificate.serialNumber = serial();
  certificate.validity.notBefore = notBefore;
  certificate.validity.notAfter = notAfter;
  certificate.setSubject(subject);
  certificate.setIssuer(issuer ? issuer.certificate.subject.attributes : subject);
  certificate.setExtensions([{ name: 'subjectKeyIdentifier' }, ...extensions]);
  certificate.sign(signingKey, forge.md.sha256.create());
  return certificate;
}

function derOf(certificate: forge.pki.Certificate): Uint8Array {
  return Uint8Array.from(Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes(), 'binary'));
}

/** The sandbox's own two-level CA (root and intermediate), standing in for the ApsaraDB CA chain. */
export class SandboxCertificateAuthority {
  private constructor(
    private readonly root: Authority,
    private readonly intermediate: Authority,
  ) {}

  /** Creates a fresh root and intermediate valid for ten years from `now`. */
  static create(now: Date = new Date()): SandboxCertificateAuthority {
    const notBefore = new Date(now.getTime() - dayMs);
    const notAfter = new Date(now.getTime() + 3650 * dayMs);
    const authority = (commonName: string, issuer: Authority | null, pathLength: number | undefined): Authority => {
      const keys = newRsaKeys();
      const subject = [
        { name: 'countryName', value: 'CN' },
        { name: 'organizationName', value: 'ApsaraDB Sandbox' },
        { name: 'commonName', value: commonName },
      ];
      const extensions = [
        {
          name: 'basicConstraints',
          cA: true,
          critical: true,
          ...(pathLength === undefined ? {} : { pathLenConstraint: pathLength }),
        },
        { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
      ];
      const signer = issuer?.key ?? keys.privateKey;
      const certificate = makeCertificate(subject, keys.publicKey, issuer, signer, notBefore, notAfter, extensions);
      return { certificate, key: keys.privateKey };
    };
    const root = authority('ApsaraDB Sandbox Root CA', null, undefined);
    return new SandboxCertificateAuthority(root, authority('ApsaraDB Sandbox Intermediate CA', root, 0));
  }

  /** The CA chain in PEM: the intermediate, then the root (the ApsaraDB-CA-Chain.pem of the package). */
  chainPem(): string {
    return encodePemBundle([derOf(this.intermediate.certificate), derOf(this.root.certificate)]);
  }

  /** The root certificate in PEM. */
  rootPem(): string {
    return forge.pki.certificateToPem(this.root.certificate);
  }

  /** Issues a 365-day server certificate for one endpoint host name. */
  issueServerCertificate(host: string, now: Date = new Date()): IssuedCertificate {
    const keys = newRsaKeys();
    const notBefore = new Date(now.getTime() - 60_000);
    const notAfter = new Date(now.getTime() + 365 * dayMs);
    const certificate = makeCertificate(
      [
        { name: 'countryName', value: 'CN' },
        { name: 'organizationName', value: 'ApsaraDB Sandbox' },
        { name: 'commonName', value: host },
      ],
      keys.publicKey,
      this.intermediate,
      this.intermediate.key,
      notBefore,
      notAfter,
      [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
        { name: 'extKeyUsage', serverAuth: true },
        { name: 'subjectAltName', altNames: [{ type: 2, value: host }] },
      ],
    );
    const certificatePem = forge.pki.certificateToPem(certificate);
    return {
      certificatePem,
      chainPem: certificatePem + forge.pki.certificateToPem(this.intermediate.certificate),
      keyPem: forge.pki.privateKeyToPem(keys.privateKey),
      notBefore,
      notAfter,
    };
  }

  /** The CA package ServerCAUrl serves: a zip with ApsaraDB-CA-Chain.pem, .jks (password apsaradb) and .p7b. */
  packageZip(): Uint8Array {
    const zip = buildCaPackageZip(this.chainPem());
    if (!zip.ok) throw new Error(`the sandbox CA chain could not be packaged: ${zip.error.message}`);
    return zip.value;
  }
}
