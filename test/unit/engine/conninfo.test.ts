import { describe, expect, it } from 'vitest';
import { formatConninfo, looksLikeConninfo, parseConninfo } from '../../../electron/engine/conninfo';

describe('parseConninfo (key=value)', () => {
  it('reads quoted values, escapes and spaces around =', () => {
    const parsed = parseConninfo(
      `host = db.example.com port=5433 dbname='my db' password='it\\'s \\\\ ok' application_name=a\\ b`,
    );
    expect(parsed).toEqual({
      ok: true,
      value: { host: 'db.example.com', port: '5433', dbname: 'my db', password: "it's \\ ok", application_name: 'a b' },
    });
  });
  it('rejects unknown keywords, a missing = and an open quote, as libpq does', () => {
    expect(parseConninfo('hots=x')).toMatchObject({ ok: false, error: { code: 'invalid_conninfo' } });
    expect(parseConninfo('host')).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('missing "="') },
    });
    expect(parseConninfo("host='x")).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('unterminated quoted string') },
    });
  });
  it('round-trips through formatConninfo', () => {
    const keywords = { host: 'a b', password: "x'y\\z", sslmode: 'verify-full', application_name: '' };
    const again = parseConninfo(formatConninfo(keywords));
    expect(again).toEqual({ ok: true, value: keywords });
  });
});

describe('parseConninfo (URI)', () => {
  it('decodes user, password, hosts, ports, database and parameters', () => {
    const parsed = parseConninfo(
      'postgresql://us%40er:p%3Aw@[::1]:5433,db.example.com/my%20db?sslmode=verify-full&application_name=x',
    );
    expect(parsed).toEqual({
      ok: true,
      value: {
        user: 'us@er',
        password: 'p:w',
        host: '::1,db.example.com',
        port: '5433,',
        dbname: 'my db',
        sslmode: 'verify-full',
        application_name: 'x',
      },
    });
  });
  it('maps ssl=true to sslmode=require and accepts postgres:// and an empty authority', () => {
    expect(parseConninfo('postgres://h?ssl=true')).toEqual({ ok: true, value: { host: 'h', sslmode: 'require' } });
    expect(parseConninfo('postgresql:///db?host=/var/run/postgresql')).toEqual({
      ok: true,
      value: { dbname: 'db', host: '/var/run/postgresql' },
    });
  });
  it('rejects bad percent-encoding, %00, unknown parameters and an open IPv6 bracket', () => {
    for (const uri of [
      'postgresql://h/%zz',
      'postgresql://h/a%00b',
      'postgresql://h/?nope=1',
      'postgresql://[::1/db',
      'postgresql://h/?a=b=c',
    ]) {
      expect(parseConninfo(uri).ok, uri).toBe(false);
    }
  });
  it('takes only lower-case schemes as URIs, as libpq: POSTGRESQL:// is a database name, or key=value text', () => {
    // psql "POSTGRESQL://h/x" connects to the database of that name; with "=" libpq reads key=value pairs.
    expect(looksLikeConninfo('POSTGRESQL://h/x')).toBe(false);
    expect(parseConninfo('POSTGRESQL://h/x?sslmode=disable')).toEqual({
      ok: false,
      error: {
        code: 'invalid_conninfo',
        message: `invalid connection option "POSTGRESQL://h/x?sslmode". Check the spelling against libpq's list of parameter keywords.`,
      },
    });
  });
});
