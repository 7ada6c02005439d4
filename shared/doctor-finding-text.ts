import type { DoctorFinding, DoctorFindingParams } from './contract/doctor-finding';

/** A finding in words: what was seen, and what to do when the check failed (null for findings that pass). */
export interface FindingText {
  detail: string;
  fix: string | null;
}

/** One renderer per finding code, each taking that code's parameters: a language's doctor catalog. */
export type FindingCatalog = {
  [F in DoctorFinding as F['code']]: (params: F['params']) => FindingText;
};

/** A finding in the words of a catalog. */
export function renderFinding(catalog: FindingCatalog, finding: DoctorFinding): FindingText {
  const render = catalog[finding.code] as (params: DoctorFinding['params']) => FindingText;
  return render(finding.params);
}

const whitelist = (entries: string[]) => `(${entries.join(', ') || 'empty'})`;
const certificate = (item: { subject: string; fingerprint: string }) => `${item.subject} (SHA-256 ${item.fingerprint})`;
const download = (command: string) => `download it with "${command}" and use DIR/ApsaraDB-CA-Chain.pem as sslrootcert`;
const allocate = (command: string) => `allocate one with "${command}"`;
const typeAddress = (doctorCommand: string, addCommand: string) =>
  `type it: "${doctorCommand}" (a site such as ipinfo.io shows this computer's public address), then add it with "${addCommand}"`;
const addressDetail = (p: DoctorFindingParams<'whitelist_has_address'>, listed: boolean) => {
  const source = p.seenByServer
    ? `the server saw this computer as ${p.address}${p.typed ? ` (not ${p.typed})` : ''}: `
    : '';
  return `${source}${p.address} ${listed ? 'is' : 'is not'} in the whitelist ${whitelist(p.whitelist)}`;
};
const expiry = (word: string) => (p: DoctorFindingParams<'certificate_expires'>) => ({
  detail: `${word} ${p.expiresAt ?? 'unknown'}${p.updateRequired ? `; update required${p.updateReason ? `: ${p.updateReason}` : ''}` : ''}`,
  fix: p.custom
    ? `upload a new one with "${p.command}"`
    : `renew it with "${p.command}" (RDS also renews a cloud certificate on its own, 7 days before expiry)`,
});
const unlock = 'unlock it: Accounts > Unlock in the console (UnlockAccount), then retry';

/** The doctor's findings in English: the CLI's text and `--json` detail and fix, and the English UI. */
export const englishFindings: FindingCatalog = {
  instance_status: (p) => ({ detail: `status ${p.status}`, fix: 'wait until the instance is Running' }),
  endpoint_none: (p) => ({ detail: 'no public endpoint', fix: allocate(p.command) }),
  endpoint_not_of_instance: (p) => ({
    detail: `${p.host} is not an endpoint of ${p.instanceId}`,
    fix: allocate(p.command),
  }),
  endpoint_hostaddr: (p) => ({
    detail: `${p.host}: hostaddr ${p.hostaddr} given (no DNS lookup, as libpq)`,
    fix: null,
  }),
  endpoint_resolved: (p) => ({ detail: `${p.host}: ${p.address}`, fix: null }),
  endpoint_unresolved: (p) => ({
    detail: `${p.host}: not resolved`,
    fix: `check DNS on this computer (a new endpoint can take a minute to resolve), or set hostaddr=${p.ipAddress}`,
  }),
  whitelist_has_address: (p) => ({ detail: addressDetail(p, true), fix: null }),
  whitelist_missing_address: (p) => ({ detail: addressDetail(p, false), fix: `add it with "${p.command}"` }),
  whitelist_reached_authentication: (p) => ({
    detail: `the server let this computer through to authentication; whitelist ${whitelist(p.whitelist)}`,
    fix: null,
  }),
  whitelist_server_unreachable: (p) => ({
    detail: `whitelist ${whitelist(p.whitelist)}; this computer's address is unknown: the server could not be reached (${p.failure.message})`,
    fix: typeAddress(p.doctorCommand, p.addCommand),
  }),
  whitelist_not_probed: (p) => ({
    detail: `whitelist ${whitelist(p.whitelist)}; this computer's address is unknown: nothing was tried`,
    fix: typeAddress(p.doctorCommand, p.addCommand),
  }),
  ssl_unavailable: (p) => ({
    detail: `SSL not available: ${p.reason}`,
    fix: 'SSL needs PostgreSQL 10+ on cloud disks, not Serverless',
  }),
  ssl_off: (p) => ({ detail: 'SSL off', fix: `protect the endpoint with "${p.command}"` }),
  ssl_other_endpoint: (p) => ({
    detail: `SSL on, protecting ${p.protectedHost}, not ${p.host}: verify-full to ${p.host} fails with hostname_mismatch (the certificate names ${p.protectedHost} only)`,
    fix: `connect to ${p.protectedHost}, or protect this one with "${p.command}" (a cloud certificate protects one endpoint)`,
  }),
  ssl_protecting: (p) => ({ detail: `SSL on, protecting ${p.protectedHost}`, fix: 'allocate a public endpoint first' }),
  certificate_ssl_off: (p) => ({ detail: 'no certificate (SSL off)', fix: `enable SSL first ("${p.command}")` }),
  certificate_expires: expiry('expires'),
  certificate_expired: expiry('expired'),
  root_ssl_off: () => ({ detail: 'no CA to check (SSL off)', fix: 'enable SSL first' }),
  root_custom: () => ({ detail: 'custom certificate: the root is your own CA (not compared)', fix: null }),
  root_not_checked: (p) => ({
    detail: 'not checked: no saved server named (its sslrootcert is compared)',
    fix: `name one with --server NAME, or ${download(p.command)}`,
  }),
  root_ca_unavailable: (p) => ({ detail: `the instance's CA: ${p.failure.message}`, fix: download(p.command) }),
  root_unreadable: (p) => ({ detail: `${p.file} cannot be read (${p.message})`, fix: download(p.command) }),
  root_invalid: (p) => ({ detail: `${p.file}: ${p.failure.message}`, fix: download(p.command) }),
  root_matches: (p) => ({ detail: `${p.file} holds the instance's CA ${certificate(p.ca)}`, fix: null }),
  root_mismatch: (p) => ({
    detail: `${p.file} holds ${p.held.map(certificate).join(', ') || 'nothing'}, not the instance's CA ${p.wanted.map(certificate).join(', ')}: verify-full fails with certificate_untrusted`,
    fix: download(p.command),
  }),
  accounts_listed: (p) => ({
    detail: `accounts: ${p.accounts.join(', ') || 'none'}`,
    fix: `create one with "${p.command}" (RDS users cannot log in as postgres)`,
  }),
  account_missing: (p) => ({ detail: `account ${p.user} does not exist`, fix: `create it with "${p.command}"` }),
  account_exists: (p) => ({ detail: `account ${p.user} exists`, fix: null }),
  account_unavailable: (p) => ({
    detail: `account ${p.user} is ${p.status} (locked, or still being created)`,
    fix: unlock,
  }),
  account_login_refused: (p) => ({
    detail: `account ${p.user} is ${p.status}; the server says: role "${p.user}" is not permitted to log in (locked)`,
    fix: unlock,
  }),
  database_not_checked: () => ({
    detail: 'not checked: no saved server named',
    fix: 'name one with --server NAME (its database, user and password are tried)',
  }),
  database_exists: (p) => ({ detail: `database ${p.dbname} exists (connected)`, fix: null }),
  database_missing: (p) => ({
    detail: `database ${p.dbname} does not exist (the server says: ${p.serverMessage})`,
    fix: 'create it (Databases > Create Database in the console, or CREATE DATABASE as a privileged account), or connect to postgres',
  }),
  database_connection_failed: (p) => ({
    detail: `not checked: the connection failed first (${p.failure.code}: ${p.failure.message})`,
    fix: 'fix the checks above, then run the doctor again',
  }),
};

/** A finding in English, as the CLI prints it and `--json` carries it. */
export function englishFinding(finding: DoctorFinding): FindingText {
  return renderFinding(englishFindings, finding);
}
