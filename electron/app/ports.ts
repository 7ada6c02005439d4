import type { CertErrorCode } from '../../shared/cert-types';
import type { ConnectErrorCode } from '../../shared/connect-errors';
import type { CertificateFacts } from '../../shared/contract/certificates';
import type { RootCertificateFacts } from '../../shared/contract/certs';
import type { ConnectionFacts } from '../../shared/contract/connection';
import type { VaultResetAnswer, VaultRestoreAnswer, VaultStatus } from '../../shared/contract/vault';
import type { Locale } from '../../shared/locales';
import type { Result } from '../../shared/result';
import type { RegistryErrorCode, SavedServer, ServerFields } from '../../shared/server-schema';
import type { SecretAddress, SecretOwnerKind, VaultErrorCode } from '../../shared/vault-types';
import type { CertificateStore, encodeCertificates, inspectFile, readCertificateFile } from '../certs';
import type { GatewayOpener, RootCertificateFile } from '../engine';
import type { SqlSession } from './query-service';
import type { RdsAppPort } from './rds-ports';

export type { SavedServer, ServerFields };

/** The master-password vault as the handlers use it: the subset of electron/vault's Vault they call. */
export interface VaultPort {
  status(): Promise<VaultStatus>;
  initialize(password: string, remember: boolean): Promise<Result<VaultStatus, VaultErrorCode>>;
  unlock(password: string, remember: boolean): Promise<Result<VaultStatus, VaultErrorCode>>;
  lock(): void;
  /** Unlocks with the vault key remembered in the OS keychain; false when none is remembered. */
  unlockFromKeychain(): Promise<Result<boolean, VaultErrorCode>>;
  change(current: string, next: string): Promise<Result<VaultStatus, VaultErrorCode>>;
  /** Deletes every saved secret and sets a new master password; returns how many secrets were deleted. */
  reset(password: string, remember: boolean): Promise<Result<VaultResetAnswer, VaultErrorCode>>;
  remember(on: boolean): Promise<Result<VaultStatus, VaultErrorCode>>;
  /** Whether a secret is saved, answerable while locked; a damaged vault is a failure. */
  hasSecret(address: SecretAddress): Promise<Result<boolean, VaultErrorCode>>;
  /** Every saved secret's address (no values), answerable while locked; a damaged vault is a failure. */
  savedSecrets(ownerKind?: SecretOwnerKind): Promise<Result<SecretAddress[], VaultErrorCode>>;
  /** Puts back the last good copy of the vault file. */
  restore(): Promise<Result<VaultRestoreAnswer, VaultErrorCode>>;
  readSecret(address: SecretAddress): Promise<Result<string | null, VaultErrorCode>>;
  writeSecret(address: SecretAddress, value: string): Promise<Result<void, VaultErrorCode>>;
  deleteSecrets(ownerKind: SecretOwnerKind, ownerId: string, field?: string): Promise<Result<number, VaultErrorCode>>;
}

/** The registry of saved servers as the handlers use it: the subset of electron/registry's ServerRegistry. */
export interface RegistryPort {
  list(): Promise<Result<{ groups: string[]; servers: SavedServer[] }, RegistryErrorCode>>;
  get(id: string): Promise<Result<SavedServer, RegistryErrorCode>>;
  create(fields: ServerFields): Promise<Result<SavedServer, RegistryErrorCode>>;
  update(id: string, fields: ServerFields): Promise<Result<SavedServer, RegistryErrorCode>>;
  remove(id: string): Promise<Result<unknown, RegistryErrorCode>>;
  /** Adds an empty group; a taken name is `duplicate_group`. */
  createGroup(name: string): Promise<Result<string, RegistryErrorCode>>;
  /** Renames a group and moves its servers with it. */
  renameGroup(from: string, to: string): Promise<Result<string, RegistryErrorCode>>;
  /** Deletes a group; its servers move to the default group. */
  removeGroup(name: string): Promise<Result<{ group: string; moved: number }, RegistryErrorCode>>;
  /** Puts back the last good copy of servers.json. */
  restore(): Promise<Result<{ path: string; savedAt: number }, RegistryErrorCode>>;
}

/** A connection request to the engine: libpq keywords and the environment it reads. */
export interface EngineRequest {
  keywords: Record<string, string>;
  env: Record<string, string | undefined>;
  /** Aborting it closes the attempt's socket at once; the answer is `cancelled`. */
  signal?: AbortSignal;
  /** pgAdmin's Role: `SET ROLE` to it once connected. */
  role?: string;
  /** The server's SSH tunnel, when it has one. */
  gateway?: GatewayOpener;
  /** The root certificate file as the saved-password check read it (ConnectRequest.rootCertificate). */
  rootCertificate?: RootCertificateFile;
}

/** The connection engine as the handlers use it: a one-off check, and sessions kept open. */
export interface EnginePort {
  check(request: EngineRequest): Promise<Result<ConnectionFacts, ConnectErrorCode>>;
  open(request: EngineRequest): Promise<Result<OpenSession, ConnectErrorCode>>;
}

/** A connection the engine keeps open until closed. */
export interface OpenSession {
  facts: ConnectionFacts;
  close(): Promise<void>;
  /** Called once if the server drops the connection. */
  onLost(listener: () => void): void;
  /** The query tool's use of the session (electron/app/query-service.ts). */
  sql?: SqlSession;
  /** The databases a user can open on this server: pg_database where datallowconn and not datistemplate, by name. */
  listDatabases?(): Promise<Result<string[], ConnectErrorCode>>;
}

/** The certificate toolkit (electron/certs) as the handlers use it: the Root certificate check and the view. */
export interface CertsPort {
  inspectRoot(path: string): Promise<Result<RootCertificateFacts, CertErrorCode>>;
  /** The certificate store in `<data folder>/certificates`. */
  store: Pick<CertificateStore, 'list' | 'add' | 'remove'>;
  /** Any certificate file's chain, as `rdspg cert inspect` reads it. */
  inspect(path: string, password: string | undefined): ReturnType<typeof inspectFile>;
  /** The certificates of any file (PEM, DER, P7B, JKS, PKCS#12, the RDS zip), DER each. */
  readCertificates(path: string, password?: string): ReturnType<typeof readCertificateFile>;
  /** One certificate's facts (fingerprints, validity…). */
  describe(der: Uint8Array): CertificateFacts;
  /** Certificates as a PEM bundle, DER, P7B or a JKS truststore. */
  encode: typeof encodeCertificates;
  /** A private key file (PEM or DER, encrypted or not) as PKCS#8 DER. */
  privateKeyAsPkcs8(path: string, passphrase: string | undefined): Promise<Result<Uint8Array, CertErrorCode>>;
}

/** The native file dialog, present only in the Electron shell. */
export type ChooseFile = (purpose: string) => Promise<string | null>;

/** Everything the handlers need, given by the composition root (electron/shell/main.ts or `rdspg serve`). */
export interface AppPorts {
  mode: 'electron' | 'server';
  version: string;
  /** The app's data folder (RDSPG_HOME or Electron's userData). */
  home: string;
  env: Record<string, string | undefined>;
  vault: VaultPort;
  registry: RegistryPort;
  engine: EnginePort;
  certs: CertsPort;
  chooseFile: ChooseFile | null;
  /** Puts the native menu in the UI language chosen in the window; null where there is no native menu. */
  setLanguage?: (locale: Locale) => void;
  /** The Alibaba Cloud panel: accounts, the sandbox, SSL changes (electron/app/rds-ports.ts). */
  rds: RdsAppPort;
}
