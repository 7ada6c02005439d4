import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../electron/app/create-handlers';
import { dispatch, type HandlerTable } from '../../../electron/app/handler-table';
import { openssl } from '../../support/cert-tools';
import { testPorts } from './app-ports';

// With the vault locked, a page that reached `rdspg serve` must not read private keys or browse folders.

let home: string;
let keyPath: string;
let table: HandlerTable;

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'rdspg-locked-'));
  keyPath = join(home, 'client.key');
  await writeFile(keyPath, openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256']));
  table = createHandlers(testPorts(home)).table;
  await table['vault:setup']({ password: 'master password 1', remember: false });
});

afterAll(async () => {
  await rm(home, { recursive: true, force: true });
});

describe('key material and file browsing need an unlocked vault', () => {
  it('locked: certificates:export pk8 and files:list answer vault_locked', async () => {
    await table['vault:lock']({});
    expect(await dispatch(table, 'certificates:export', { path: keyPath, format: 'pk8' })).toMatchObject({
      ok: false,
      error: { code: 'vault_locked' },
    });
    expect(await dispatch(table, 'files:list', { path: '/' })).toMatchObject({
      ok: false,
      error: { code: 'vault_locked' },
    });
  });

  it('unlocked: both work', async () => {
    await table['vault:unlock']({ password: 'master password 1', remember: false });
    const exported = await dispatch(table, 'certificates:export', { path: keyPath, format: 'pk8' });
    expect(exported).toMatchObject({ ok: true, value: { fileName: 'client.pk8' } });
    const listed = await dispatch(table, 'files:list', { path: home });
    expect(listed).toMatchObject({ ok: true, value: { path: home } });
  });
});
