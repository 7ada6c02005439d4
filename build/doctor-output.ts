// Writes docs/doctor-output.md: the real text output of `rdspg rds doctor` for each failure kind, produced by the
// built CLI (node build/bundle.mjs first) against the sandbox backed by real PostgreSQL.
// Run: npx tsx build/doctor-output.ts
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseApiEndpoint } from '../electron/rds/api-endpoint';
import { RdsClient } from '../electron/rds/rds-client';
import { rdsSdk } from '../electron/rds/sdk-client';
import { startSandbox } from '../electron/sandbox/index';
import { selfSignedRsa } from '../test/support/cert-tools';
import { runCli } from '../test/support/run-cli';

const id = 'pgm-bp1sandbox16pg';
const publicHost = 'orders-public.pg.rds.aliyuncs.com';
const internalHost = `${id}.pg.rds.aliyuncs.com`;
const password = 'App-passw0rd';
const home = mkdtempSync(join(tmpdir(), 'doctor-output-'));
const started = await startSandbox({
  postgres: true,
  fresh: true,
  clientAddress: '127.0.0.2',
  modifyStartDelayMs: 0,
  modifyDelayMs: 8000,
  netChangeDelayMs: 300,
});
const endpoint = parseApiEndpoint(started.sandbox.endpoint);
if (!endpoint.ok) throw new Error(endpoint.error.message);
const { accessKeyId, accessKeySecret } = started.sandbox.accessKey;
const client = new RdsClient({
  credentials: { kind: 'access_key', source: 'script', accessKeyId, accessKeySecret, regionId: 'cn-hangzhou' },
  endpoint: endpoint.value,
});
const env = {
  PATH: process.env.PATH,
  HOME: home,
  RDSPG_HOME: join(home, 'app'),
  RDSPG_KEYCHAIN: 'off',
  RDSPG_MASTER_PASSWORD: 'correct horse battery staple',
  RDSPG_RDS_ENDPOINT: started.sandbox.endpoint,
  ALIBABA_CLOUD_ACCESS_KEY_ID: accessKeyId,
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: accessKeySecret,
};
const sections: string[] = [];

async function rdspg(args: string[], input?: string): Promise<string> {
  const result = await runCli(args, { env, timeoutMs: 120_000, ...(input !== undefined ? { input } : {}) });
  if (result.status === 2 || (result.status !== 0 && !args.includes('doctor'))) {
    throw new Error(`rdspg ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  }
  return result.stdout;
}

async function show(title: string, note: string, command: string[]): Promise<void> {
  const output = await rdspg(['rds', 'doctor', id, ...command]);
  const shown = ['rds', 'doctor', id, ...command].join(' ');
  sections.push(`## ${title}\n\n${note}\n\n\`\`\`text\n$ rdspg ${shown}\n${output.trimEnd()}\n\`\`\``);
}

async function saveServer(name: string, keywords: string): Promise<void> {
  await rdspg(['servers', 'add', name, keywords, '--save-password', '--password-stdin'], `${password}\n`);
}

try {
  await rdspg(['vault', 'init']);
  await show(
    'A fresh instance: no endpoint, not whitelisted, SSL off, no account',
    'The instance as newly created (`rdspg sandbox --postgres --fresh --client-address 127.0.0.2`): internal endpoint only, the whitelist holds 127.0.0.1, SSL off, no account. The whitelist line names the address the server itself reported when it refused the doctor\'s password-less probe (`no pg_hba.conf entry for host "127.0.0.2"`).',
    [],
  );
  const allocated = JSON.parse(
    await rdspg(['rds', 'public-endpoint', 'allocate', id, '--prefix', 'orders-public', '--json']),
  );
  await show(
    'Not whitelisted',
    'A public endpoint now exists (its name does not resolve here: the sandbox serves it on 127.0.0.1, so saved servers give `hostaddr`).',
    [],
  );
  await rdspg(['rds', 'whitelist', 'add', id, '--ip', '127.0.0.2']);
  await rdspg(['rds', 'account', 'create', id, 'app_user', '--password-stdin'], `${password}\n`);
  const base = `hostaddr=127.0.0.1 port=${allocated.port} user=app_user`;
  await saveServer('orders-plain', `host=${publicHost} ${base} dbname=postgres sslmode=prefer`);
  await show('SSL off', 'Whitelisted, with an account, a saved server; SSL is still off.', [
    '--server',
    'orders-plain',
  ]);

  await rdspg(['rds', 'ssl', 'enable', id, '--endpoint', publicHost]);
  const ca = JSON.parse(await rdspg(['rds', 'ca', 'download', id, '--out', join(home, 'ca'), '--json']));
  const root = ca.files.pem as string;
  await saveServer('orders', `host=${publicHost} ${base} dbname=postgres sslmode=verify-full sslrootcert=${root}`);
  await show('Everything passes', 'SSL protects the public endpoint and the saved server uses the instance CA.', [
    '--server',
    'orders',
  ]);

  await saveServer(
    'orders-internal',
    `host=${internalHost} ${base} dbname=postgres sslmode=verify-full sslrootcert=${root}`,
  );
  await show(
    'Host not the protected endpoint',
    'The same instance reached by its internal endpoint, which the cloud certificate does not name.',
    ['--server', 'orders-internal'],
  );

  const other = selfSignedRsa(home, 'other-ca', '/CN=Some Other CA', 30);
  await saveServer(
    'orders-other-ca',
    `host=${publicHost} ${base} dbname=postgres sslmode=verify-full sslrootcert=${other.certificate}`,
  );
  await show('Wrong root CA', "The saved server verifies with a CA that is not the instance's.", [
    '--server',
    'orders-other-ca',
  ]);

  await saveServer(
    'orders-reporting',
    `host=${publicHost} hostaddr=127.0.0.1 port=${allocated.port} user=reporting dbname=postgres sslmode=verify-full sslrootcert=${root}`,
  );
  await show('No account', 'The saved server names an account the instance does not have.', [
    '--server',
    'orders-reporting',
  ]);

  const lock = new rdsSdk.LockAccountRequest({ DBInstanceId: id, accountName: 'app_user' });
  const locked = await client.call(
    'LockAccount',
    (sdk) => sdk.lockAccount(lock),
    () => null,
  );
  if (!locked.ok) throw new Error(locked.error.message);
  await show('Locked account', 'app_user was locked with LockAccount.', ['--server', 'orders']);
  const unlock = new rdsSdk.UnlockAccountRequest({ DBInstanceId: id, accountName: 'app_user' });
  await client.call(
    'UnlockAccount',
    (sdk) => sdk.unlockAccount(unlock),
    () => null,
  );

  await saveServer('orders-db', `host=${publicHost} ${base} dbname=orders sslmode=verify-full sslrootcert=${root}`);
  await show('Missing database', 'The saved server names a database that does not exist.', ['--server', 'orders-db']);

  const instance = started.sandbox.instances.get(id);
  if (!instance) throw new Error('no backed instance');
  const expiresAt = instance.ssl.expiresAt;
  instance.ssl.expiresAt = new Date(Date.now() + 20 * 86_400_000);
  await show(
    'Certificate needs an update',
    "The sandbox's record of the certificate moved to 20 days before expiry (set in the script): DescribeDBInstanceSSL answers RequireUpdate 1.",
    ['--server', 'orders'],
  );
  const kept = instance.ssl;
  instance.ssl = { ...kept, caType: 'custom', expiresAt: new Date(Date.now() - 86_400_000) };
  await show(
    'Certificate expired',
    'A cloud certificate is renewed by RDS 7 days before it expires, so an expired one is a custom certificate: the record was changed to a custom certificate past its expiry (set in the script).',
    ['--server', 'orders'],
  );
  instance.ssl = kept;
  instance.ssl.expiresAt = expiresAt;

  const renew = await client.modifySsl({
    instanceId: id,
    connectionString: publicHost,
    sslEnabled: 1,
    caType: 'aliyun',
  });
  if (!renew.ok) throw new Error(renew.error.message);
  await new Promise((resolve) => setTimeout(resolve, 500));
  await show(
    'Instance not running',
    'Run while a certificate renewal (ModifyDBInstanceSSL) restarts the instance: the instance is SSL_MODIFYING.',
    ['--server', 'orders'],
  );
} finally {
  await started.stop();
  rmSync(home, { recursive: true, force: true });
}

const intro = `# The doctor's output for each failure kind

Real output of \`rdspg rds doctor\` (text form), produced by \`npx tsx build/doctor-output.ts\`: the built CLI against
\`rdspg sandbox --postgres\` (a real PostgreSQL 15 cluster behind instance ${id}; "this computer" is 127.0.0.2).
Temporary paths and dates vary from run to run. Each check is \`{name, ok, detail, fix}\` with \`--json\`.`;
writeFileSync(new URL('../docs/doctor-output.md', import.meta.url), `${intro}\n\n${sections.join('\n\n')}\n`);
console.log(`wrote docs/doctor-output.md (${sections.length} sections)`);
