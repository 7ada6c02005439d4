/** How a libpq connection keyword's value is entered and checked. */
export type KeywordKind = 'string' | 'integer' | 'boolean' | 'enum' | 'file' | 'password';

/** One libpq connection keyword, as the Parameters tab and the conninfo parser know it. */
export interface LibpqKeyword {
  keyword: string;
  label: string;
  kind: KeywordKind;
  /** The environment variable libpq reads when the keyword is not given. */
  environment?: string;
  /** libpq's compiled-in default, applied after the environment. */
  defaultValue?: string;
  values?: readonly string[];
  /** Kept in the vault, never in the registry or in output. */
  secret?: boolean;
}

/** The sslmode values, weakest first, exactly as libpq spells them. */
export const sslModes = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'] as const;

/** One of libpq's sslmode values. */
export type SslMode = (typeof sslModes)[number];

/** The TLS protocol version names libpq accepts for ssl_min/max_protocol_version. */
export const tlsVersions = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'] as const;

/** The sslnegotiation values libpq accepts. */
export const sslNegotiations = ['postgres', 'direct'] as const;

/** The channel_binding values libpq accepts. */
export const channelBindingModes = ['disable', 'prefer', 'require'] as const;

/** The sslcertmode values libpq accepts. */
export const sslCertModes = ['disable', 'allow', 'require'] as const;

/** The target_session_attrs values libpq accepts. */
export const targetSessionAttributes = [
  'any',
  'read-write',
  'read-only',
  'primary',
  'standby',
  'prefer-standby',
] as const;

/** Every connection keyword libpq knows, with pgAdmin's labels; the conninfo parser rejects anything else. */
export const libpqKeywords: readonly LibpqKeyword[] = [
  { keyword: 'host', label: 'Host name/address', kind: 'string', environment: 'PGHOST' },
  { keyword: 'hostaddr', label: 'Host address', kind: 'string', environment: 'PGHOSTADDR' },
  { keyword: 'port', label: 'Port', kind: 'string', environment: 'PGPORT', defaultValue: '5432' },
  { keyword: 'dbname', label: 'Maintenance database', kind: 'string', environment: 'PGDATABASE' },
  { keyword: 'user', label: 'Username', kind: 'string', environment: 'PGUSER' },
  { keyword: 'password', label: 'Password', kind: 'password', environment: 'PGPASSWORD', secret: true },
  { keyword: 'passfile', label: 'Password file', kind: 'file', environment: 'PGPASSFILE' },
  { keyword: 'require_auth', label: 'Require authentication', kind: 'string', environment: 'PGREQUIREAUTH' },
  {
    keyword: 'channel_binding',
    label: 'Channel binding',
    kind: 'enum',
    environment: 'PGCHANNELBINDING',
    defaultValue: 'prefer',
    values: channelBindingModes,
  },
  {
    keyword: 'connect_timeout',
    label: 'Connection timeout (seconds)',
    kind: 'integer',
    environment: 'PGCONNECT_TIMEOUT',
  },
  { keyword: 'client_encoding', label: 'Client encoding', kind: 'string', environment: 'PGCLIENTENCODING' },
  { keyword: 'options', label: 'Options', kind: 'string', environment: 'PGOPTIONS' },
  { keyword: 'application_name', label: 'Application name', kind: 'string', environment: 'PGAPPNAME' },
  { keyword: 'fallback_application_name', label: 'Fallback application name', kind: 'string' },
  { keyword: 'keepalives', label: 'Keepalives', kind: 'integer', defaultValue: '1' },
  { keyword: 'keepalives_idle', label: 'Keepalives idle (seconds)', kind: 'integer' },
  { keyword: 'keepalives_interval', label: 'Keepalives interval (seconds)', kind: 'integer' },
  { keyword: 'keepalives_count', label: 'Keepalives count', kind: 'integer' },
  { keyword: 'tcp_user_timeout', label: 'TCP user timeout (milliseconds)', kind: 'integer' },
  { keyword: 'replication', label: 'Replication', kind: 'enum', values: ['on', 'off', 'database', 'true', 'false'] },
  {
    keyword: 'gssencmode',
    label: 'GSS encmode',
    kind: 'enum',
    environment: 'PGGSSENCMODE',
    defaultValue: 'prefer',
    values: ['disable', 'prefer', 'require'],
  },
  {
    keyword: 'sslmode',
    label: 'SSL mode',
    kind: 'enum',
    environment: 'PGSSLMODE',
    defaultValue: 'prefer',
    values: sslModes,
  },
  { keyword: 'requiressl', label: 'Require SSL (deprecated)', kind: 'boolean', environment: 'PGREQUIRESSL' },
  {
    keyword: 'sslnegotiation',
    label: 'SSL negotiation',
    kind: 'enum',
    environment: 'PGSSLNEGOTIATION',
    defaultValue: 'postgres',
    values: sslNegotiations,
  },
  {
    keyword: 'sslcompression',
    label: 'SSL compression?',
    kind: 'boolean',
    environment: 'PGSSLCOMPRESSION',
    defaultValue: '0',
  },
  { keyword: 'sslcert', label: 'Client certificate', kind: 'file', environment: 'PGSSLCERT' },
  { keyword: 'sslkey', label: 'Client certificate key', kind: 'file', environment: 'PGSSLKEY' },
  { keyword: 'sslpassword', label: 'SSL password', kind: 'password', secret: true },
  {
    keyword: 'sslcertmode',
    label: 'Client certificate mode',
    kind: 'enum',
    environment: 'PGSSLCERTMODE',
    defaultValue: 'allow',
    values: sslCertModes,
  },
  { keyword: 'sslrootcert', label: 'Root certificate', kind: 'file', environment: 'PGSSLROOTCERT' },
  { keyword: 'sslcrl', label: 'Certificate revocation list', kind: 'file', environment: 'PGSSLCRL' },
  { keyword: 'sslcrldir', label: 'Certificate revocation list directory', kind: 'file', environment: 'PGSSLCRLDIR' },
  { keyword: 'sslsni', label: 'Server name indication', kind: 'boolean', environment: 'PGSSLSNI', defaultValue: '1' },
  { keyword: 'sslkeylogfile', label: 'SSL Key Logfile', kind: 'file' },
  { keyword: 'requirepeer', label: 'Require peer', kind: 'string', environment: 'PGREQUIREPEER' },
  {
    keyword: 'ssl_min_protocol_version',
    label: 'SSL min protocol version',
    kind: 'enum',
    environment: 'PGSSLMINPROTOCOLVERSION',
    defaultValue: 'TLSv1.2',
    values: tlsVersions,
  },
  {
    keyword: 'ssl_max_protocol_version',
    label: 'SSL max protocol version',
    kind: 'enum',
    environment: 'PGSSLMAXPROTOCOLVERSION',
    values: tlsVersions,
  },
  { keyword: 'krbsrvname', label: 'Kerberos service name', kind: 'string', environment: 'PGKRBSRVNAME' },
  { keyword: 'gsslib', label: 'GSS library', kind: 'string', environment: 'PGGSSLIB' },
  {
    keyword: 'gssdelegation',
    label: 'GSS delegation?',
    kind: 'boolean',
    environment: 'PGGSSDELEGATION',
    defaultValue: '0',
  },
  { keyword: 'service', label: 'Service', kind: 'string', environment: 'PGSERVICE' },
  {
    keyword: 'target_session_attrs',
    label: 'Target session attribute',
    kind: 'enum',
    environment: 'PGTARGETSESSIONATTRS',
    defaultValue: 'any',
    values: targetSessionAttributes,
  },
  {
    keyword: 'load_balance_hosts',
    label: 'Load balance hosts',
    kind: 'enum',
    environment: 'PGLOADBALANCEHOSTS',
    defaultValue: 'disable',
    values: ['disable', 'random'],
  },
];

/** The catalogue by keyword, for quick look-ups. */
export const libpqKeywordMap: ReadonlyMap<string, LibpqKeyword> = new Map(
  libpqKeywords.map((entry) => [entry.keyword, entry]),
);

/** A set of libpq keywords and their values, as parsed from a conninfo or kept for a server. */
export type ConnectionKeywords = Record<string, string>;

/** One line per sslmode saying what it protects against, for the SSL mode selector. */
export const sslModeDescriptions: Record<SslMode, string> = {
  disable: 'No encryption: anyone on the network can read and change the traffic.',
  allow: 'Encrypts only if the server insists; no protection against eavesdropping or impostors.',
  prefer: 'Encrypts when the server supports it, without checking who the server is.',
  require: 'Always encrypts, but does not check who the server is (unless a root certificate is present).',
  'verify-ca': "Encrypts and checks the server's certificate against your root certificate.",
  'verify-full': 'Encrypts, checks the certificate chain and that the certificate names the host you asked for.',
};
