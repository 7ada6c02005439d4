import type { ConnectionKeywords } from '../../shared/libpq-keywords';

/**
 * The settings libpq sends in the start-up packet after application_name (fe-protocol3.c, build_startup_packet):
 * client_encoding when the conninfo or PGCLIENTENCODING gives one, then the environment's PGDATESTYLE, PGTZ and
 * PGGEQO (fe-connect.c, EnvironmentOptions) unless they say "default". The server checks each: a value it does not
 * take ends the start-up with its FATAL, for psql and for us alike. Where libpq sends no client_encoding (the server
 * then uses the database's), UTF8 is sent: the engine reads the server's text as UTF-8 (as node-postgres always
 * asked), and every server encoding converts to it.
 */
const environmentSettings = [
  ['PGDATESTYLE', 'datestyle'],
  ['PGTZ', 'timezone'],
  ['PGGEQO', 'geqo'],
] as const;

/**
 * Character-set names as the C library spells a locale's codeset, and PostgreSQL's encoding for each (chklocale.c's
 * encoding_match_list, compared without regard to case).
 */
const codesetEncodings: Record<string, string> = {
  'utf-8': 'UTF8',
  utf8: 'UTF8',
  'euc-jp': 'EUC_JP',
  eucjp: 'EUC_JP',
  'euc-cn': 'EUC_CN',
  euccn: 'EUC_CN',
  gb2312: 'EUC_CN',
  'euc-kr': 'EUC_KR',
  euckr: 'EUC_KR',
  'euc-tw': 'EUC_TW',
  euctw: 'EUC_TW',
  gbk: 'GBK',
  gb18030: 'GB18030',
  big5: 'BIG5',
  'big5-hkscs': 'BIG5',
  shift_jis: 'SJIS',
  sjis: 'SJIS',
  'koi8-r': 'KOI8R',
  'koi8-u': 'KOI8U',
  cp1251: 'WIN1251',
  cp1252: 'WIN1252',
  'ansi_x3.4-1968': 'SQL_ASCII',
  'us-ascii': 'SQL_ASCII',
};
const isoEncodings: Record<string, string> = {
  '1': 'LATIN1',
  '2': 'LATIN2',
  '3': 'LATIN3',
  '4': 'LATIN4',
  '5': 'ISO_8859_5',
  '6': 'ISO_8859_6',
  '7': 'ISO_8859_7',
  '8': 'ISO_8859_8',
  '9': 'LATIN5',
  '10': 'LATIN6',
  '13': 'LATIN7',
  '14': 'LATIN8',
  '15': 'LATIN9',
  '16': 'LATIN10',
};

/**
 * What libpq sends for client_encoding=auto (chklocale.c, pg_get_encoding_from_locale): SQL_ASCII for the C and POSIX
 * locales, else the encoding of the locale's codeset (LC_ALL, then LC_CTYPE, then LANG); nothing when it cannot tell.
 * libpq asks the C library, which also knows the codeset of a locale named without one (de_DE) and takes a locale
 * that is not installed for C; here the codeset is read from the name (en_US.UTF-8), which is how locales are named.
 */
export function encodingOfLocale(env: Record<string, string | undefined>): string | null {
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG || 'C';
  if (/^(C|POSIX)$/i.test(locale)) return 'SQL_ASCII';
  const codeset = locale.split('@')[0]!.split('.')[1]?.toLowerCase();
  if (!codeset) return null;
  const iso = /^iso[-_]?8859[-_]?(\d+)$/.exec(codeset);
  return (iso ? isoEncodings[iso[1]!] : codesetEncodings[codeset]) ?? null;
}

/** client_encoding and the environment's session settings, in the order libpq puts them in the start-up packet. */
export function sessionSettings(
  keywords: ConnectionKeywords,
  env: Record<string, string | undefined>,
): [string, string][] {
  const settings: [string, string][] = [];
  // libpq compares with "auto" as written (strcmp): AUTO is sent as it is, and the server refuses it.
  const encoding = keywords.client_encoding === 'auto' ? encodingOfLocale(env) : keywords.client_encoding;
  settings.push(['client_encoding', encoding || 'UTF8']);
  for (const [variable, name] of environmentSettings) {
    const value = env[variable];
    if (value !== undefined && value.toLowerCase() !== 'default') settings.push([name, value]);
  }
  return settings;
}
