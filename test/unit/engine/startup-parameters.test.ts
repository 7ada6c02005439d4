import { describe, expect, it } from 'vitest';
import { encodingOfLocale, sessionSettings } from '../../../electron/engine/startup-parameters';

describe('client_encoding=auto (libpq: the encoding of the locale, chklocale.c)', () => {
  it.each([
    [{}, 'SQL_ASCII'],
    [{ LANG: 'C' }, 'SQL_ASCII'],
    [{ LANG: 'posix' }, 'SQL_ASCII'],
    [{ LANG: 'C.UTF-8' }, 'UTF8'],
    [{ LANG: 'C.utf8' }, 'UTF8'],
    [{ LANG: 'en_US.UTF-8' }, 'UTF8'],
    [{ LANG: 'de_DE.ISO-8859-1' }, 'LATIN1'],
    [{ LANG: 'de_DE.iso885915@euro' }, 'LATIN9'],
    [{ LANG: 'ru_RU.KOI8-R' }, 'KOI8R'],
    [{ LANG: 'ja_JP.eucJP' }, 'EUC_JP'],
    [{ LANG: 'zh_CN.GB18030' }, 'GB18030'],
    [{ LANG: 'de_DE' }, null],
    [{ LANG: 'xx_XX.NOT-A-CODESET' }, null],
    [{ LC_ALL: 'C', LC_CTYPE: 'en_US.UTF-8', LANG: 'en_US.UTF-8' }, 'SQL_ASCII'],
    [{ LC_ALL: '', LC_CTYPE: 'en_US.UTF-8', LANG: 'C' }, 'UTF8'],
    [{ LC_CTYPE: '', LANG: 'en_US.ISO-8859-2' }, 'LATIN2'],
  ] as [Record<string, string>, string | null][])('%j gives %s', (env, encoding) => {
    expect(encodingOfLocale(env)).toBe(encoding);
  });
});

describe('the session settings of the start-up packet', () => {
  it('client_encoding first (UTF8 where libpq sends none), then PGDATESTYLE, PGTZ, PGGEQO in libpq order', () => {
    expect(sessionSettings({}, {})).toEqual([['client_encoding', 'UTF8']]);
    expect(
      sessionSettings({ client_encoding: 'LATIN1' }, { PGGEQO: 'off', PGTZ: 'UTC', PGDATESTYLE: 'SQL, DMY' }),
    ).toEqual([
      ['client_encoding', 'LATIN1'],
      ['datestyle', 'SQL, DMY'],
      ['timezone', 'UTC'],
      ['geqo', 'off'],
    ]);
  });

  it('leaves out an environment setting that says "default" (any case), keeps an empty one as libpq does', () => {
    expect(sessionSettings({}, { PGTZ: 'Default', PGDATESTYLE: '' })).toEqual([
      ['client_encoding', 'UTF8'],
      ['datestyle', ''],
    ]);
  });

  it('resolves "auto" from the locale, and sends any other spelling as it is (the server refuses AUTO)', () => {
    expect(sessionSettings({ client_encoding: 'auto' }, { LANG: 'C.UTF-8' })).toEqual([['client_encoding', 'UTF8']]);
    expect(sessionSettings({ client_encoding: 'auto' }, { LANG: 'C' })).toEqual([['client_encoding', 'SQL_ASCII']]);
    expect(sessionSettings({ client_encoding: 'AUTO' }, {})).toEqual([['client_encoding', 'AUTO']]);
  });
});
