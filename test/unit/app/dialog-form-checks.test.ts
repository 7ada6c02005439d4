import { afterEach, describe, expect, it } from 'vitest';
import { validateForm } from '../../../renderer/dialog/form-errors';
import { portOfText } from '../../../renderer/dialog/port-text';
import { setLocale } from '../../../renderer/i18n';
import { blankServerForm, type ServerForm } from '../../../shared/contract/server-form';

// Issue 14: the dialog's checks for a Service without a Host, and for port lists typed into the Port box.
const form = (change: Partial<ServerForm>): ServerForm => ({
  ...blankServerForm(),
  name: 'lab',
  host: 'db.example',
  username: 'app',
  ...change,
});

/** The dialog's problems, with the Port typed as text into the Port box. */
const problems = (change: Partial<ServerForm>, portText?: string) =>
  Object.fromEntries(
    validateForm(form({ ...change, ...(portText === undefined ? {} : { port: portOfText(portText) }) })),
  );

afterEach(() => setLocale('en'));

describe('Service without Host (libpq, pgAdmin 7+)', () => {
  it('needs no Host, Username or Maintenance database when a Service is given', () => {
    expect(problems({ service: 'reporting', host: '', username: '', maintenanceDatabase: '' }, '')).toEqual({});
  });

  it('still needs the Host and Username without a Service', () => {
    expect(problems({ host: '', username: '' })).toEqual({
      host: 'Host name/address must be specified.',
      username: 'Username must be specified.',
    });
  });
});

describe('the Port box keeps port lists', () => {
  it('keeps one port as a number and a list, or an empty box, as text', () => {
    expect(portOfText('5432')).toBe(5432);
    expect(portOfText('5432,5433')).toBe('5432,5433');
    expect(portOfText('')).toBe('');
    // An out-of-range port stays text, so the message can name it.
    expect(portOfText('99999')).toBe('99999');
  });

  it('accepts one port per host and names the bad port of a list', () => {
    expect(problems({ host: 'db1,db2' }, '5432,5433')).toEqual({});
    expect(problems({ host: 'db1,db2' }, '5432,54x3').port).toBe(
      'Port "54x3" is not a port number: use 1 to 65535, or one port per host separated by commas.',
    );
    expect(problems({ host: 'db1,db2' }, '5432,70000').port).toContain('"70000"');
    expect(problems({}, '99999').port).toContain('"99999"');
    expect(problems({ host: 'db1' }, '5432,5433').port).toBe('could not match 2 port numbers to 1 hosts');
  });

  it('says the same in Chinese, still naming the port', () => {
    setLocale('zh-CN');
    expect(problems({ host: 'db1,db2' }, '5432,abc').port).toBe(
      '端口“abc”不是有效的端口号：请使用 1 到 65535，或每个主机一个端口，以逗号分隔。',
    );
    expect(problems({ host: 'db1' }, '5432,5433').port).toBe('无法将 2 个端口号对应到 1 个主机');
  });
});
