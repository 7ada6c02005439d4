import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../../renderer/i18n';
import { translateFormMessage } from '../../../renderer/i18n/form-messages';
import { blankServerForm, type ServerForm, serverForm } from '../../../shared/contract/server-form';

/** The messages the shared schema (the main process's very check) gives for a form. */
function messagesFor(change: Partial<ServerForm>): string[] {
  const parsed = serverForm.safeParse({ ...blankServerForm(), ...change });
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
}

const broken: Partial<ServerForm>[] = [
  {},
  { name: ' lab ', host: 'h', username: 'u', port: 70000, background: 'red' },
  { name: 'lab', host: 'h', username: 'u', port: 5.5 },
  {
    name: 'lab',
    host: 'h',
    username: 'u',
    parameters: [
      { keyword: 'sslmode', value: 'verify-full' },
      { keyword: 'connect_timeout', value: 'ten' },
      { keyword: 'sslsni', value: 'yes' },
      { keyword: 'sslnegotiation', value: 'fast' },
      { keyword: 'application_name', value: '' },
    ],
  },
  {
    name: 'lab',
    host: 'h',
    username: 'u',
    parameters: [
      { keyword: 'sslmode', value: 'require' },
      { keyword: 'sslmode', value: 'prefer' },
    ],
  },
];

afterEach(() => setLocale('en'));

describe('validation messages of the shared schema in the UI language', () => {
  it('English shows the schema’s messages unchanged (identical to the main process)', () => {
    setLocale('en');
    for (const message of broken.flatMap(messagesFor)) expect(translateFormMessage(message)).toBe(message);
  });

  it('Simplified Chinese translates every message these mistakes produce', () => {
    const messages = broken.flatMap(messagesFor);
    expect(messages.length).toBeGreaterThan(8);
    setLocale('zh-CN');
    for (const message of messages) {
      const translated = translateFormMessage(message);
      expect(translated, message).not.toBe(message);
      expect(translated, message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(translateFormMessage('Name must be specified.')).toBe('名称为必填项。');
    expect(translateFormMessage('Port must be 1 to 65535.')).toBe('端口必须在 1 到 65535 之间。');
    expect(
      translateFormMessage(
        'SSL mode verify-full needs a Root certificate: add the row and choose the CA certificate file.',
      ),
    ).toBe('SSL模式 verify-full 需要根证书：请添加该行并选择CA证书文件。');
    expect(translateFormMessage('SSL mode verify-ca needs a Root certificate: choose the CA certificate file.')).toBe(
      'SSL模式 verify-ca 需要根证书：请选择CA证书文件。',
    );
    expect(translateFormMessage('Connection timeout (seconds) must be a whole number.')).toBe(
      '连接超时（秒）必须是整数。',
    );
    expect(translateFormMessage('A message nobody wrote.')).toBe('A message nobody wrote.');
  });
});
