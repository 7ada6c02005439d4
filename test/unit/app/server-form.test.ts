import { describe, expect, it } from 'vitest';
import { blankServerForm, keywordsOfForm, serverForm } from '../../../shared/contract/server-form';

function problems(change: Partial<ReturnType<typeof blankServerForm>>): Record<string, string> {
  const parsed = serverForm.safeParse({
    ...blankServerForm(),
    name: 'prod',
    host: 'db.example',
    username: 'app',
    ...change,
  });
  if (parsed.success) return {};
  return Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
}

describe('the Register > Server… form schema (shared by the dialog and the main process)', () => {
  it('starts with pgAdmin defaults: port 5432, postgres, SSL mode prefer and a 10 s timeout', () => {
    const form = blankServerForm();
    expect(form.port).toBe(5432);
    expect(form.maintenanceDatabase).toBe('postgres');
    expect(form.parameters).toEqual([
      { keyword: 'sslmode', value: 'prefer' },
      { keyword: 'connect_timeout', value: '10' },
    ]);
    expect(problems({})).toEqual({});
  });

  it('requires Name, Host name/address and Username, with the dialog’s words', () => {
    expect(problems({ name: '', host: '', username: '' })).toEqual({
      name: 'Name must be specified.',
      host: 'Host name/address must be specified.',
      username: 'Username must be specified.',
    });
  });

  it('rejects a port outside 1–65535 and outer spaces in the host', () => {
    expect(problems({ port: 0 }).port).toBe('Port must be 1 to 65535.');
    expect(problems({ port: 70000 }).port).toBe('Port must be 1 to 65535.');
    expect(problems({ host: ' db.example' }).host).toContain('must not start or end with a space');
  });

  it('needs a Root certificate for Verify-CA and Verify-Full, not for Require', () => {
    for (const mode of ['verify-ca', 'verify-full']) {
      expect(problems({ parameters: [{ keyword: 'sslmode', value: mode }] })['parameters.sslrootcert']).toContain(
        'needs a Root certificate',
      );
    }
    // An empty Root certificate row is told to choose the file, not to add the row or delete it.
    const emptyRow = problems({
      parameters: [
        { keyword: 'sslmode', value: 'verify-full' },
        { keyword: 'sslrootcert', value: '' },
      ],
    });
    expect(emptyRow).toEqual({
      'parameters.1.value': 'SSL mode verify-full needs a Root certificate: choose the CA certificate file.',
    });
    expect(problems({ parameters: [{ keyword: 'sslmode', value: 'require' }] })).toEqual({});
    expect(
      problems({
        parameters: [
          { keyword: 'sslmode', value: 'verify-full' },
          { keyword: 'sslrootcert', value: '/etc/ssl/ca.pem' },
        ],
      }),
    ).toEqual({});
  });

  it('checks each row by its kind: integers, enums, unknown and duplicate keywords, Connection-tab keywords', () => {
    const result = problems({
      parameters: [
        { keyword: 'connect_timeout', value: 'ten' },
        { keyword: 'sslmode', value: 'strict' },
        { keyword: 'no_such_keyword', value: '1' },
        { keyword: 'sslmode', value: 'require' },
        { keyword: 'host', value: 'x' },
      ],
    });
    expect(result['parameters.0.value']).toBe('Connection timeout (seconds) must be a whole number.');
    expect(result['parameters.1.value']).toContain('SSL mode must be one of');
    expect(result['parameters.2.value']).toContain('not a libpq connection keyword');
    expect(result['parameters.3.value']).toBe('SSL mode is already in the list.');
    expect(result['parameters.4.value']).toContain('Connection tab');
  });

  it('accepts an SSL password row (it goes to the vault) but not an empty one', () => {
    expect(problems({ parameters: [{ keyword: 'sslpassword', value: 'key-pass' }] })).toEqual({});
    expect(problems({ parameters: [{ keyword: 'sslpassword', value: '' }] })['parameters.0.value']).toContain(
      'needs a value',
    );
  });

  it('turns a form into libpq keywords for the engine', () => {
    const form = { ...blankServerForm(), host: 'h', username: 'u', password: 'p', port: 6432 };
    expect(keywordsOfForm(form)).toEqual({
      host: 'h',
      port: '6432',
      dbname: 'postgres',
      user: 'u',
      password: 'p',
      sslmode: 'prefer',
      connect_timeout: '10',
    });
  });
});
