import { join } from 'node:path';
import {
  type ConnectionKeywords,
  channelBindingModes,
  libpqKeywords,
  type SslMode,
  sslCertModes,
  sslModes,
  sslNegotiations,
  targetSessionAttributes,
  tlsVersions,
} from '../../shared/libpq-keywords';
import { fail, ok, type Result } from '../../shared/result';
import { applyService } from './service-file';
import { sessionSettings } from './startup-parameters';

/** Where libpq's per-user files live and who the user is: the parts of the machine that settle defaults. */
export interface SettingsContext {
  env: Record<string, string | undefined>;
  homeFolder: string;
  userName: string;
  platform: NodeJS.Platform;
}

/** One host to try, in order, as libpq pairs host, hostaddr and port. */
export interface ConnectionTarget {
  host: string;
  hostaddr: string | null;
  port: number;
}

/** A conninfo resolved against the environment and libpq's defaults, ready to connect with. */
export interface ConnectionSettings {
  keywords: ConnectionKeywords;
  targets: ConnectionTarget[];
  user: string;
  database: string;
  password: string | null;
  passfile: string;
  sslmode: SslMode;
  sslnegotiation: (typeof sslNegotiations)[number];
  sslrootcert: string;
  sslcert: string;
  sslkey: string;
  sslcrl: string | null;
  sslcrldir: string | null;
  sslpassword: string | null;
  sslsni: boolean;
  sslcertmode: (typeof sslCertModes)[number];
  minProtocol: string;
  maxProtocol: string | null;
  channelBinding: (typeof channelBindingModes)[number];
  /** Per attempt, in milliseconds; null waits as long as the operating system does. */
  connectTimeoutMs: number | null;
  targetSessionAttrs: (typeof targetSessionAttributes)[number];
  /** client_encoding and the environment's PGDATESTYLE, PGTZ, PGGEQO, as libpq sends them at start-up. */
  sessionSettings: [string, string][];
}

type SettingsResult = Result<ConnectionSettings, 'invalid_conninfo' | 'unsupported_option'>;

/** The folder libpq keeps root.crt, postgresql.crt/.key and root.crl in. */
export function postgresFolder(context: SettingsContext): string {
  if (context.platform === 'win32')
    return join(context.env.APPDATA ?? join(context.homeFolder, 'AppData', 'Roaming'), 'postgresql');
  return join(context.homeFolder, '.postgresql');
}

/** libpq's default password file. */
export function defaultPassfile(context: SettingsContext): string {
  if (context.platform === 'win32') return join(postgresFolder(context), 'pgpass.conf');
  return join(context.homeFolder, '.pgpass');
}

/** libpq's compiled-in default host: the Unix socket folder (Debian's), or localhost on Windows. */
export function defaultHost(platform: NodeJS.Platform): string {
  if (platform === 'win32') return 'localhost';
  return platform === 'darwin' ? '/tmp' : '/var/run/postgresql';
}

function integer(name: string, value: string): Result<number, 'invalid_conninfo'> {
  const trimmed = value.trim();
  if (!/^[+-]?\d+$/.test(trimmed))
    return fail('invalid_conninfo', `invalid integer value "${value}" for connection option "${name}"`);
  return ok(Number.parseInt(trimmed, 10));
}

/**
 * What libpq finds wrong with the TCP keepalive options as it sets up a TCP socket (fe-connect.c: keepalives, then,
 * unless it is 0, keepalives_idle, _interval, _count and tcp_user_timeout): libpq's message, or null.
 */
export function keepaliveProblem(keywords: ConnectionKeywords): string | null {
  const names = ['keepalives_idle', 'keepalives_interval', 'keepalives_count', 'tcp_user_timeout'] as const;
  const enabled = keywords.keepalives ? integer('keepalives', keywords.keepalives) : ok(1);
  if (!enabled.ok) return enabled.error.message;
  if (enabled.value === 0) return null;
  for (const name of names) {
    const value = keywords[name];
    const parsed = value ? integer(name, value) : ok(0);
    if (!parsed.ok) return parsed.error.message;
  }
  return null;
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): Result<T, 'invalid_conninfo'> {
  if ((allowed as readonly string[]).includes(value)) return ok(value as T);
  return fail('invalid_conninfo', `invalid ${name} value: "${value}" (use one of ${allowed.join(', ')})`);
}

/**
 * Fills in what the conninfo left out, in libpq's order: the conninfo, then the service file, then the environment
 * (the compiled-in defaults come last, in resolveSettings).
 */
export function applyDefaults(
  given: ConnectionKeywords,
  context: SettingsContext,
): Result<ConnectionKeywords, 'invalid_conninfo'> {
  const serviced = applyService(given, context);
  if (!serviced.ok) return serviced;
  const keywords = serviced.value;
  for (const entry of libpqKeywords) {
    if (keywords[entry.keyword] !== undefined) continue;
    const fromEnvironment = entry.environment ? context.env[entry.environment] : undefined;
    if (fromEnvironment !== undefined) keywords[entry.keyword] = fromEnvironment;
  }
  return ok(keywords);
}

function splitList(value: string | undefined): string[] {
  return value === undefined || value === '' ? [] : value.split(',');
}

function resolveTargets(
  keywords: ConnectionKeywords,
  platform: NodeJS.Platform,
): Result<ConnectionTarget[], 'invalid_conninfo'> {
  const hosts = splitList(keywords.host);
  const addresses = splitList(keywords.hostaddr);
  const ports = splitList(keywords.port);
  const count = Math.max(hosts.length, addresses.length, 1);
  if (hosts.length && addresses.length && hosts.length !== addresses.length) {
    return fail(
      'invalid_conninfo',
      `could not match ${hosts.length} host names to ${addresses.length} hostaddr values`,
    );
  }
  if (ports.length > 1 && ports.length !== count) {
    return fail('invalid_conninfo', `could not match ${ports.length} port numbers to ${count} hosts`);
  }
  const targets: ConnectionTarget[] = [];
  for (let index = 0; index < count; index++) {
    const portText = (ports.length === 1 ? ports[0] : ports[index]) ?? '';
    let port = 5432;
    if (portText !== '') {
      const parsed = integer('port', portText);
      if (!parsed.ok) return parsed;
      if (parsed.value < 1 || parsed.value > 65535)
        return fail('invalid_conninfo', `invalid port number: "${portText}"`);
      port = parsed.value;
    }
    const address = addresses[index] ?? '';
    const host = hosts[index] ?? '';
    targets.push({
      host: host === '' && address === '' ? defaultHost(platform) : host,
      hostaddr: address === '' ? null : address,
      port,
    });
  }
  return ok(targets);
}

/** Resolves a conninfo's keywords into settings, validating values exactly where libpq rejects them. */
export function resolveSettings(given: ConnectionKeywords, context: SettingsContext): SettingsResult {
  const defaulted = applyDefaults(given, context);
  if (!defaulted.ok) return defaulted;
  const keywords = defaulted.value;
  const folder = postgresFolder(context);
  const targets = resolveTargets(keywords, context.platform);
  if (!targets.ok) return targets;

  const sslrootcert = keywords.sslrootcert || join(folder, 'root.crt');
  const sslmodeExplicit = keywords.sslmode !== undefined;
  let modeText = keywords.sslmode ?? (sslrootcert === 'system' ? 'verify-full' : 'prefer');
  if (!sslmodeExplicit && keywords.requiressl === '1') modeText = 'require';
  const sslmode = oneOf('sslmode', modeText, sslModes);
  if (!sslmode.ok) return sslmode;
  if (sslrootcert === 'system' && sslmode.value !== 'verify-full') {
    return fail(
      'invalid_conninfo',
      `weak sslmode "${sslmode.value}" may not be used with sslrootcert=system (use "verify-full")`,
    );
  }
  const negotiation = oneOf('sslnegotiation', keywords.sslnegotiation || 'postgres', sslNegotiations);
  if (!negotiation.ok) return negotiation;
  if (negotiation.value === 'direct' && ['disable', 'allow', 'prefer'].includes(sslmode.value)) {
    return fail(
      'invalid_conninfo',
      `weak sslmode "${sslmode.value}" may not be used with sslnegotiation=direct (use "require", "verify-ca", or "verify-full")`,
    );
  }
  const channelBinding = oneOf('channel_binding', keywords.channel_binding || 'prefer', channelBindingModes);
  if (!channelBinding.ok) return channelBinding;
  const certMode = oneOf('sslcertmode', keywords.sslcertmode || 'allow', sslCertModes);
  if (!certMode.ok) return certMode;
  const minProtocol = oneOf('ssl_min_protocol_version', keywords.ssl_min_protocol_version || 'TLSv1.2', tlsVersions);
  if (!minProtocol.ok) return minProtocol;
  const maxProtocol = keywords.ssl_max_protocol_version
    ? oneOf('ssl_max_protocol_version', keywords.ssl_max_protocol_version, tlsVersions)
    : ok(null);
  if (!maxProtocol.ok) return maxProtocol;
  if (maxProtocol.value && tlsVersions.indexOf(maxProtocol.value) < tlsVersions.indexOf(minProtocol.value)) {
    return fail(
      'invalid_conninfo',
      'invalid SSL protocol version range: ssl_min_protocol_version is above ssl_max_protocol_version',
    );
  }
  let connectTimeoutMs: number | null = null;
  if (keywords.connect_timeout) {
    const seconds = integer('connect_timeout', keywords.connect_timeout);
    if (!seconds.ok) return seconds;
    if (seconds.value > 0) connectTimeoutMs = Math.max(seconds.value, 2) * 1000;
  }
  const attributes = oneOf('target_session_attrs', keywords.target_session_attrs || 'any', targetSessionAttributes);
  if (!attributes.ok) return attributes;
  if (keywords.gssencmode === 'require') {
    return fail(
      'unsupported_option',
      'gssencmode=require asks for GSSAPI encryption, which this app does not offer; use sslmode instead.',
    );
  }
  const user = keywords.user || context.userName;
  return ok({
    keywords,
    targets: targets.value,
    user,
    database: keywords.dbname || user,
    password: keywords.password ?? null,
    passfile: keywords.passfile || defaultPassfile(context),
    sslmode: sslmode.value,
    sslnegotiation: negotiation.value,
    sslrootcert,
    sslcert: keywords.sslcert || join(folder, 'postgresql.crt'),
    sslkey: keywords.sslkey || join(folder, 'postgresql.key'),
    sslcrl: keywords.sslcrl || (keywords.sslcrldir ? null : join(folder, 'root.crl')),
    sslcrldir: keywords.sslcrldir || null,
    sslpassword: keywords.sslpassword || null,
    sslsni: (keywords.sslsni ?? '1') !== '0',
    sslcertmode: certMode.value,
    minProtocol: minProtocol.value,
    maxProtocol: maxProtocol.value,
    channelBinding: channelBinding.value,
    connectTimeoutMs,
    targetSessionAttrs: attributes.value,
    sessionSettings: sessionSettings(keywords, context.env),
  });
}
