import { X509Certificate } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { CertErrorCode, ExpiryState } from '../../shared/cert-types';
import type { CertificateFacts } from '../../shared/contract/certificates';
import { fail, ok, type Result } from '../../shared/result';
import { writeFileAtomic } from '../platform/atomic-write';
import { describeCertificate } from './facts';
import { encodePem, parsePemBlocks } from './pem';

/** One certificate kept in the store, with the label the user or the RDS client gave it. */
export interface StoreEntry {
  /** The SHA-256 fingerprint, colon-separated hex, as `cert inspect` prints it. */
  fingerprintSha256: string;
  label: string;
  addedAt: string;
  /** The entry's PEM file; libpq can use it directly as sslrootcert. */
  path: string;
  expiryState: ExpiryState;
  facts: CertificateFacts;
}

/** What an add did: which certificates are new, and which were already kept (deduplicated by fingerprint). */
export interface StoreAddition {
  added: StoreEntry[];
  existing: StoreEntry[];
}

/** The ports of the store: its folder (`<app home>/certificates`) and a clock. */
export interface CertificateStorePorts {
  folder: string;
  now?: () => Date;
}

const headerLine = '# RDS PG Connect certificate store entry';

/** The certificate store: CA certificates kept as labelled PEM files, one per SHA-256 fingerprint. */
export class CertificateStore {
  private readonly folder: string;
  private readonly now: () => Date;

  constructor(ports: CertificateStorePorts) {
    this.folder = ports.folder;
    this.now = ports.now ?? (() => new Date());
  }

  /** Every readable entry, soonest-expiring first. */
  async list(): Promise<StoreEntry[]> {
    const names = await readdir(this.folder).catch(() => [] as string[]);
    const entries: StoreEntry[] = [];
    for (const name of names.filter((candidate) => /^[0-9a-f]{64}\.pem$/.test(candidate))) {
      const entry = await this.load(join(this.folder, name));
      if (entry) entries.push(entry);
    }
    return entries.sort((left, right) => left.facts.notAfter.localeCompare(right.facts.notAfter));
  }

  /** Adds certificates under a label; one already kept is left as it is and reported as existing. */
  async add(certificates: Uint8Array[], label: string): Promise<Result<StoreAddition, CertErrorCode>> {
    const addition: StoreAddition = { added: [], existing: [] };
    const cleanLabel = label.replace(/[\r\n]+/g, ' ').trim();
    for (const der of certificates) {
      const path = this.pathOf(new X509Certificate(der).fingerprint256);
      const existing = await this.load(path);
      if (existing) {
        addition.existing.push(existing);
        continue;
      }
      const addedAt = this.now().toISOString();
      const text = `${headerLine}\n# label: ${JSON.stringify(cleanLabel)}\n# added: ${addedAt}\n${encodePem('CERTIFICATE', der)}`;
      try {
        await writeFileAtomic(path, text);
      } catch (error) {
        return fail(
          'store_failed',
          `the certificate store at ${this.folder} cannot be written (${(error as NodeJS.ErrnoException).code}).`,
        );
      }
      const entry = await this.load(path);
      if (entry) addition.added.push(entry);
    }
    return ok(addition);
  }

  /** Finds an entry by its full fingerprint (with or without colons) or a unique prefix of at least 8 hex digits. */
  async find(fingerprint: string): Promise<Result<StoreEntry, CertErrorCode>> {
    const wanted = fingerprint.replace(/:/g, '').toLowerCase();
    const matches = /^[0-9a-f]{8,64}$/.test(wanted)
      ? (await this.list()).filter((entry) => hexOf(entry.fingerprintSha256).startsWith(wanted))
      : [];
    if (matches.length === 1) return ok(matches[0]!);
    if (matches.length > 1)
      return fail(
        'store_entry_not_found',
        `${fingerprint} matches ${matches.length} entries; give more of the fingerprint.`,
      );
    return fail(
      'store_entry_not_found',
      `no stored certificate has the fingerprint ${fingerprint}; run "rdspg cert store list".`,
    );
  }

  /** Removes an entry by fingerprint (or unique prefix) and returns what was removed. */
  async remove(fingerprint: string): Promise<Result<StoreEntry, CertErrorCode>> {
    const entry = await this.find(fingerprint);
    if (!entry.ok) return entry;
    try {
      await rm(entry.value.path);
    } catch (error) {
      return fail('store_failed', `${entry.value.path} cannot be removed (${(error as NodeJS.ErrnoException).code}).`);
    }
    return entry;
  }

  /** The PEM bundle of some entries, in the order given, for a server's sslrootcert. */
  async bundle(fingerprints: string[]): Promise<Result<string, CertErrorCode>> {
    let text = '';
    for (const fingerprint of fingerprints) {
      const entry = await this.find(fingerprint);
      if (!entry.ok) return entry;
      text += await readFile(entry.value.path, 'utf8');
    }
    return ok(text);
  }

  private pathOf(fingerprintSha256: string): string {
    return join(this.folder, `${hexOf(fingerprintSha256)}.pem`);
  }

  private async load(path: string): Promise<StoreEntry | null> {
    const text = await readFile(path, 'utf8').catch(() => null);
    if (text === null) return null;
    const blocks = parsePemBlocks(text);
    const block = blocks.ok ? blocks.value.find((candidate) => candidate.label === 'CERTIFICATE') : undefined;
    if (!block) return null;
    try {
      const facts = describeCertificate(block.der, this.now());
      return {
        fingerprintSha256: facts.fingerprintSha256,
        label: parseLabel(text),
        addedAt: /^# added: (.+)$/m.exec(text)?.[1] ?? '',
        path,
        expiryState: facts.expiryState,
        facts,
      };
    } catch {
      return null;
    }
  }
}

function hexOf(fingerprint: string): string {
  return fingerprint.replace(/:/g, '').toLowerCase();
}

function parseLabel(text: string): string {
  const raw = /^# label: (.+)$/m.exec(text)?.[1];
  if (!raw) return '';
  try {
    const value = JSON.parse(raw);
    return typeof value === 'string' ? value : '';
  } catch {
    return '';
  }
}

/** The store's folder inside the app's data folder (see resolveAppHome). */
export function certificateStoreFolder(appHome: string): string {
  return join(appHome, 'certificates');
}
