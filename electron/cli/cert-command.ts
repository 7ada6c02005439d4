import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { type CertOutputFormat, certOutputFormats } from '../../shared/cert-types';
import type { CertificateFacts } from '../../shared/contract/certificates';
import type { Failure } from '../../shared/result';
import {
  CertificateStore,
  certificateStoreFolder,
  convertFile,
  type Inspection,
  inspectFile,
  readCertificateFile,
  type StoreEntry,
} from '../certs';
import { resolveAppHome } from '../platform/app-home';
import { type CliCommand, type CliIo, usageFailure, writeFailure, writeJson, writeLine } from './command';

const usage =
  'rdspg cert inspect FILE [--password P] [--json] | rdspg cert convert FILE --to pem|der|p7b|jks|pk8 --out FILE [--password P] | ' +
  'rdspg cert store list [--json] | rdspg cert store add FILE [--label L] [--password P] [--json] | rdspg cert store remove FINGERPRINT [--json]';

/** `rdspg cert …`: inspect, convert and keep CA certificates (PEM, DER, P7B, JKS, PKCS#12, the RDS CA package). */
export const certCommand: CliCommand = {
  summary: 'inspect, convert and keep certificates (PEM, DER, P7B, JKS, PKCS#12, RDS CA package)',
  usage,
  async run(args, io) {
    const [action, ...rest] = args;
    if (action === 'inspect') return inspect(rest, io);
    if (action === 'convert') return convert(rest, io);
    if (action === 'store') return store(rest, io);
    writeFailure(
      io.stderr,
      usageFailure(usage, action ? `unknown cert action "${action}"` : 'missing the cert action'),
    );
    return 2;
  },
};

function report(io: CliIo, json: boolean, failure: Failure): number {
  if (json) writeJson(io.stdout, { ok: false, error: failure });
  writeFailure(io.stderr, failure);
  return 1;
}

function oneFile(positionals: string[], io: CliIo, what = 'FILE'): string | null {
  if (positionals.length === 1) return positionals[0]!;
  writeFailure(io.stderr, usageFailure(usage, positionals.length ? `expected one ${what}` : `missing ${what}`));
  return null;
}

async function inspect(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { password: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  const file = oneFile(positionals, io);
  if (!file) return 2;
  const inspection = await inspectFile(file, { password: values.password });
  if (!inspection.ok) return report(io, values.json, inspection.error);
  if (values.json) writeJson(io.stdout, inspection.value);
  else printInspection(io, inspection.value);
  return 0;
}

function printInspection(io: CliIo, inspection: Inspection): void {
  const count = inspection.certificates.length;
  writeLine(
    io.stdout,
    `format: ${inspection.format} — ${count} certificate${count === 1 ? '' : 's'}; forms a chain: ${inspection.formsChain ? 'yes' : 'no'}`,
  );
  for (const [index, facts] of inspection.certificates.entries()) printFacts(io, facts, index + 1);
  for (const warning of inspection.warnings) writeLine(io.stdout, `warning [${warning.kind}]: ${warning.message}`);
}

function printFacts(io: CliIo, facts: CertificateFacts, position: number): void {
  const key = `${facts.keyType}${facts.curve ? ` ${facts.curve}` : ''}${facts.keySize ? ` ${facts.keySize} bits` : ''}`;
  const lines = [
    `[${position}] ${facts.subject}${facts.member ? `   (from ${facts.member})` : ''}`,
    `    issuer:     ${facts.issuer}${facts.selfSigned ? ' (self-signed)' : ''}`,
    `    serial:     ${facts.serialNumber}`,
    `    valid:      ${facts.notBefore} → ${facts.notAfter} (${facts.expiryState}, ${facts.daysLeft} days left)`,
    `    CA:         ${facts.isCA ? 'yes' : 'no (leaf)'}; key: ${key}; signature: ${facts.signatureAlgorithm}`,
    `    SHA-256:    ${facts.fingerprintSha256}`,
    `    SHA-1:      ${facts.fingerprintSha1}`,
  ];
  if (facts.subjectAltNames.length) lines.push(`    alt names:  ${facts.subjectAltNames.join(', ')}`);
  for (const line of lines) writeLine(io.stdout, line);
}

async function convert(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { to: { type: 'string' }, out: { type: 'string' }, password: { type: 'string' } },
  });
  const file = oneFile(positionals, io);
  if (!file) return 2;
  if (!values.to || !certOutputFormats.includes(values.to as CertOutputFormat)) {
    writeFailure(io.stderr, usageFailure(usage, `--to must be one of ${certOutputFormats.join(', ')}`));
    return 2;
  }
  if (!values.out) {
    writeFailure(io.stderr, usageFailure(usage, 'missing --out FILE'));
    return 2;
  }
  const conversion = await convertFile(file, values.to as CertOutputFormat, values.out, values.password);
  if (!conversion.ok) return report(io, false, conversion.error);
  const what =
    values.to === 'pk8'
      ? 'private key (PKCS#8 DER)'
      : `${conversion.value.count} certificate${conversion.value.count === 1 ? '' : 's'}`;
  writeLine(io.stdout, `wrote ${what} as ${values.to} to ${conversion.value.out}`);
  return 0;
}

async function store(args: string[], io: CliIo): Promise<number> {
  const [action, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { label: { type: 'string' }, password: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  const certificates = new CertificateStore({ folder: certificateStoreFolder(resolveAppHome(io.env)) });
  if (action === 'list' && positionals.length === 0 && !values.label && values.password === undefined) {
    const entries = await certificates.list();
    if (values.json) writeJson(io.stdout, { entries: entries.map(summary) });
    else if (entries.length === 0)
      writeLine(io.stdout, 'the certificate store is empty; add one with "rdspg cert store add FILE --label L"');
    else for (const entry of entries) printEntry(io, entry);
    return 0;
  }
  if (action === 'add') {
    const file = oneFile(positionals, io);
    if (!file) return 2;
    const read = await readCertificateFile(file, { password: values.password });
    if (!read.ok) return report(io, values.json, read.error);
    const addition = await certificates.add(read.value, values.label ?? basename(file));
    if (!addition.ok) return report(io, values.json, addition.error);
    if (values.json)
      writeJson(io.stdout, {
        added: addition.value.added.map(summary),
        existing: addition.value.existing.map(summary),
      });
    for (const entry of values.json ? [] : addition.value.added) printEntry(io, entry, 'added');
    for (const entry of values.json ? [] : addition.value.existing) printEntry(io, entry, 'already kept');
    return 0;
  }
  if (action === 'remove' && !values.label && values.password === undefined) {
    const fingerprint = oneFile(positionals, io, 'FINGERPRINT');
    if (!fingerprint) return 2;
    const removed = await certificates.remove(fingerprint);
    if (!removed.ok) return report(io, values.json, removed.error);
    if (values.json) writeJson(io.stdout, { removed: summary(removed.value) });
    else printEntry(io, removed.value, 'removed');
    return 0;
  }
  writeFailure(
    io.stderr,
    usageFailure(
      usage,
      action ? `unknown or misused store action "${action}"` : 'missing the store action (list, add or remove)',
    ),
  );
  return 2;
}

function summary(entry: StoreEntry) {
  const { facts } = entry;
  return {
    fingerprintSha256: entry.fingerprintSha256,
    label: entry.label,
    addedAt: entry.addedAt,
    path: entry.path,
    expiryState: entry.expiryState,
    subject: facts.subject,
    issuer: facts.issuer,
    notAfter: facts.notAfter,
    daysLeft: facts.daysLeft,
    isCA: facts.isCA,
  };
}

function printEntry(io: CliIo, entry: StoreEntry, verb?: string): void {
  const state = { valid: 'valid', expires_soon: 'EXPIRES WITHIN 30 DAYS', expired: 'EXPIRED' }[entry.expiryState];
  writeLine(
    io.stdout,
    `${verb ? `${verb}: ` : ''}${entry.fingerprintSha256}  ${state} (${entry.facts.notAfter.slice(0, 10)})  ${entry.label ? `[${entry.label}] ` : ''}${entry.facts.subject}`,
  );
}
