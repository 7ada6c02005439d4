import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sslModes } from '../../../shared/libpq-keywords';
import { nothingOpen } from '../../support/leftovers';
import { cleanEnvironment, compareClients } from '../../support/reference-client';
import { createSslLab, type ServerKind, type SslLab } from '../../support/ssl-lab';

// psql is the reference: for every case both clients get the same conninfo and environment,
// and must agree on whether the connection succeeds and whether SSL carries it.

let lab: SslLab;
const homes: Record<string, string> = {};

beforeAll(async () => {
  lab = await createSslLab();
  homes.empty = await lab.home('empty');
  homes.right = await lab.home('right', { '.postgresql/root.crt': lab.root.certPem });
  homes.wrong = await lab.home('wrong', { '.postgresql/root.crt': lab.foreign.certPem });
  homes.pgpass = await lab.home('pgpass', { '.pgpass': 'localhost:*:postgres:postgres:secret\n' });
  homes.pgpassOpen = await lab.home('pgpass-open', { '.pgpass': 'localhost:*:*:postgres:secret\n' });
  const { chmod } = await import('node:fs/promises');
  await chmod(join(homes.pgpassOpen, '.pgpass'), 0o644);
  homes.passfile = await lab.home('passfile');
  await writeFile(join(homes.passfile, 'elsewhere.pass'), '*:*:*:postgres:secret\n', { mode: 0o600 });
}, 120_000);

afterAll(async () => {
  await lab?.destroy();
});

type Roots = 'none' | 'right' | 'wrong' | 'default-right' | 'default-wrong' | 'bundle' | 'missing';
const roots: Roots[] = ['none', 'right', 'wrong', 'default-right', 'default-wrong', 'bundle', 'missing'];
const servers: ServerKind[] = ['sslAny', 'sslOnly', 'noSsl', 'plainOnly'];

function rootKeyword(root: Roots): string {
  if (root === 'right') return ` sslrootcert=${lab.files.root}`;
  if (root === 'wrong') return ` sslrootcert=${lab.files.foreign}`;
  if (root === 'bundle') return ` sslrootcert=${lab.files.bundle}`;
  if (root === 'missing') return ` sslrootcert=${lab.folder}/nowhere/root.crt`;
  return '';
}

function homeFor(root: Roots): string {
  return root === 'default-right' ? homes.right! : root === 'default-wrong' ? homes.wrong! : homes.empty!;
}

async function expectAgreement(conninfo: string, env: Record<string, string>) {
  const watched = lab.clustersIn(conninfo + JSON.stringify(env));
  const { psql, ours, leftovers } = await compareClients(conninfo, env, watched);
  expect({ connected: ours.connected, ssl: ours.ssl }, `psql: ${psql.detail}\nours: ${ours.detail}`).toEqual({
    connected: psql.connected,
    ssl: psql.ssl,
  });
  // Nothing may stay open on the server after either client, whatever the outcome.
  const none = nothingOpen(watched);
  expect(leftovers, `psql: ${psql.detail}\nours: ${ours.detail}`).toEqual({ psql: none, ours: none });
  return { psql, ours };
}

const matrix = servers.flatMap((server) => sslModes.flatMap((mode) => roots.map((root) => ({ server, mode, root }))));

describe('every sslmode against servers with and without SSL, with every root certificate situation', () => {
  it.each(matrix)('$server sslmode=$mode root=$root', async ({ server, mode, root }) => {
    const port = lab.clusters[server].port;
    const conninfo = `host=localhost port=${port} dbname=postgres user=postgres password=secret sslmode=${mode}${rootKeyword(root)}`;
    await expectAgreement(conninfo, cleanEnvironment(homeFor(root)));
  });
});

const users = ['postgres', 'mixed'];
const withoutPassword = servers.flatMap((server) =>
  sslModes.flatMap((mode) => users.map((user) => ({ server, mode, user }))),
);

describe('password-protected users without a password, under every sslmode', () => {
  // postgres needs a SCRAM password everywhere; mixed needs one over SSL and is trusted without SSL (sslAny).
  it.each(withoutPassword)('$server sslmode=$mode user=$user', async ({ server, mode, user }) => {
    const port = lab.clusters[server].port;
    const conninfo = `host=localhost port=${port} dbname=postgres user=${user} sslmode=${mode} sslrootcert=${lab.files.root}`;
    await expectAgreement(conninfo, cleanEnvironment(homes.empty!));
  });
});

describe('conninfo, URI and environment forms', () => {
  const forms: { name: string; conninfo: () => string; env?: () => Record<string, string>; home?: string }[] = [
    {
      name: 'URI with verify-full',
      conninfo: () =>
        `postgresql://postgres:secret@localhost:${lab.clusters.sslOnly.port}/postgres?sslmode=verify-full&sslrootcert=${lab.files.root}`,
    },
    {
      name: 'URI with percent-encoded password and IP host',
      conninfo: () =>
        `postgres://postgres:%73ecret@127.0.0.1:${lab.clusters.sslOnly.port}/postgres?sslmode=verify-full&sslrootcert=${encodeURIComponent(lab.files.root)}`,
    },
    {
      name: 'URI ssl=true means require',
      conninfo: () => `postgresql://postgres:secret@localhost:${lab.clusters.sslAny.port}/postgres?ssl=true`,
    },
    {
      name: 'URI wrong CA',
      conninfo: () =>
        `postgresql://postgres:secret@localhost:${lab.clusters.sslOnly.port}/postgres?sslmode=verify-ca&sslrootcert=${lab.files.foreign}`,
    },
    {
      name: 'environment only (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGSSLMODE, PGSSLROOTCERT)',
      conninfo: () => 'dbname=postgres',
      env: () => ({
        PGHOST: 'localhost',
        PGPORT: String(lab.clusters.sslOnly.port),
        PGUSER: 'postgres',
        PGPASSWORD: 'secret',
        PGSSLMODE: 'verify-full',
        PGSSLROOTCERT: lab.files.root,
      }),
    },
    {
      name: 'conninfo overrides PGSSLMODE',
      conninfo: () =>
        `host=localhost port=${lab.clusters.noSsl.port} user=postgres password=secret dbname=postgres sslmode=prefer`,
      env: () => ({ PGSSLMODE: 'require' }),
    },
    {
      name: 'PGSSLMODE=require against a server without SSL',
      conninfo: () => `host=localhost port=${lab.clusters.noSsl.port} user=postgres password=secret dbname=postgres`,
      env: () => ({ PGSSLMODE: 'require' }),
    },
    {
      name: 'PGSSLROOTCERT with the wrong CA',
      conninfo: () =>
        `host=localhost port=${lab.clusters.sslOnly.port} user=postgres password=secret dbname=postgres sslmode=verify-ca`,
      env: () => ({ PGSSLROOTCERT: lab.files.foreign }),
    },
    {
      name: 'password from ~/.pgpass',
      conninfo: () => `host=localhost port=${lab.clusters.sslOnly.port} user=postgres dbname=postgres sslmode=require`,
      home: 'pgpass',
    },
    {
      name: '~/.pgpass readable by others is ignored',
      conninfo: () => `host=localhost port=${lab.clusters.sslOnly.port} user=postgres dbname=postgres sslmode=require`,
      home: 'pgpassOpen',
    },
    {
      name: 'PGPASSFILE',
      conninfo: () => `host=localhost port=${lab.clusters.sslOnly.port} user=postgres dbname=postgres sslmode=require`,
      home: 'passfile',
      env: () => ({ PGPASSFILE: join(homes.passfile!, 'elsewhere.pass') }),
    },
    {
      name: 'passfile keyword',
      conninfo: () =>
        `host=localhost port=${lab.clusters.sslOnly.port} user=postgres dbname=postgres sslmode=require passfile=${join(homes.passfile!, 'elsewhere.pass')}`,
    },
    {
      name: 'no password at all',
      conninfo: () => `host=localhost port=${lab.clusters.sslOnly.port} user=postgres dbname=postgres sslmode=require`,
    },
    {
      name: 'wrong password',
      conninfo: () =>
        `host=localhost port=${lab.clusters.sslOnly.port} user=postgres password=wrong dbname=postgres sslmode=require`,
    },
    {
      name: 'missing database',
      conninfo: () =>
        `host=localhost port=${lab.clusters.sslOnly.port} user=postgres password=secret dbname=nothere sslmode=require`,
    },
    {
      name: 'second host is used when the first refuses',
      conninfo: () =>
        `host=localhost,localhost port=1,${lab.clusters.sslOnly.port} user=postgres password=secret dbname=postgres sslmode=verify-full sslrootcert=${lab.files.root}`,
    },
    {
      name: 'quoted values with spaces and escapes',
      conninfo: () =>
        `host = 'localhost' port=${lab.clusters.sslOnly.port} user=postgres password='se\\cret' dbname=postgres sslmode=require`,
    },
    {
      name: 'channel_binding=require over SSL with SCRAM',
      conninfo: () =>
        `host=localhost port=${lab.clusters.sslOnly.port} user=postgres password=secret dbname=postgres sslmode=require channel_binding=require`,
    },
    {
      name: 'channel_binding=require without SSL',
      conninfo: () =>
        `host=localhost port=${lab.clusters.sslAny.port} user=postgres password=secret dbname=postgres sslmode=disable channel_binding=require`,
    },
    {
      name: 'channel_binding=require with trust authentication',
      conninfo: () =>
        `host=localhost port=${lab.clusters.sslOnly.port} user=trusty dbname=postgres sslmode=require channel_binding=require`,
    },
    {
      name: 'prefer without a password: SSL asks for one, plain would trust (libpq does not retry)',
      conninfo: () => `host=localhost port=${lab.clusters.sslAny.port} user=mixed dbname=postgres sslmode=prefer`,
    },
    {
      name: 'allow without a password: plain first, trusted',
      conninfo: () => `host=localhost port=${lab.clusters.sslAny.port} user=mixed dbname=postgres sslmode=allow`,
    },
    {
      name: 'channel_binding=disable',
      conninfo: () =>
        `host=localhost port=${lab.clusters.sslOnly.port} user=postgres password=secret dbname=postgres sslmode=require channel_binding=disable`,
    },
    {
      name: 'ssl_max_protocol_version=TLSv1.2',
      conninfo: () =>
        `host=localhost port=${lab.clusters.sslOnly.port} user=postgres password=secret dbname=postgres sslmode=require ssl_max_protocol_version=TLSv1.2`,
    },
    {
      name: 'ssl_min_protocol_version=TLSv1.3',
      conninfo: () =>
        `host=localhost port=${lab.clusters.sslOnly.port} user=postgres password=secret dbname=postgres sslmode=require ssl_min_protocol_version=TLSv1.3`,
    },
    {
      name: 'invalid protocol range',
      conninfo: () =>
        `host=localhost port=${lab.clusters.sslOnly.port} user=postgres password=secret dbname=postgres ssl_min_protocol_version=TLSv1.3 ssl_max_protocol_version=TLSv1.2`,
    },
    { name: 'unknown keyword', conninfo: () => `host=localhost port=${lab.clusters.sslOnly.port} sslmood=require` },
    { name: 'invalid sslmode', conninfo: () => `host=localhost port=${lab.clusters.sslOnly.port} sslmode=verify` },
    {
      name: 'connect_timeout and application_name',
      conninfo: () =>
        `host=localhost port=${lab.clusters.sslOnly.port} user=postgres password=secret dbname=postgres sslmode=require connect_timeout=5 application_name=rdspg-test`,
    },
    {
      name: 'keepalives not an integer',
      conninfo: () =>
        `host=localhost port=${lab.clusters.sslOnly.port} user=postgres password=secret dbname=postgres sslmode=require keepalives=x`,
    },
    {
      name: 'keepalives_idle not an integer',
      conninfo: () =>
        `host=localhost port=${lab.clusters.sslOnly.port} user=postgres password=secret dbname=postgres sslmode=require keepalives_idle=x`,
    },
    {
      name: 'keepalives_interval a fraction',
      conninfo: () =>
        `host=localhost port=${lab.clusters.sslOnly.port} user=postgres password=secret dbname=postgres sslmode=require keepalives_interval=1.5`,
    },
    {
      name: 'keepalives_count not an integer',
      conninfo: () =>
        `host=localhost port=${lab.clusters.sslOnly.port} user=postgres password=secret dbname=postgres sslmode=require keepalives_count=many`,
    },
    {
      name: 'tcp_user_timeout not an integer',
      conninfo: () =>
        `host=localhost port=${lab.clusters.sslOnly.port} user=postgres password=secret dbname=postgres sslmode=require tcp_user_timeout=x`,
    },
    {
      name: 'keepalives off: the other keepalive options are not read',
      conninfo: () =>
        `host=localhost port=${lab.clusters.sslOnly.port} user=postgres password=secret dbname=postgres sslmode=require keepalives=0 keepalives_idle=x tcp_user_timeout=x`,
    },
    {
      name: 'keepalives with spaces around a number',
      conninfo: () =>
        `host=localhost port=${lab.clusters.sslOnly.port} user=postgres password=secret dbname=postgres sslmode=require keepalives=' 7 '`,
    },
  ];
  it.each(forms)('$name', async (form) => {
    const home = form.home ? homes[form.home]! : homes.empty!;
    await expectAgreement(form.conninfo(), cleanEnvironment(home, form.env?.() ?? {}));
  });
  it('a password file others can read is passed over, and the failure says so as psql warns', async () => {
    const { psql, ours } = await expectAgreement(
      `host=localhost port=${lab.clusters.sslOnly.port} user=postgres dbname=postgres sslmode=require`,
      cleanEnvironment(homes.pgpassOpen!),
    );
    const warning = 'has group or world access; permissions should be u=rw (0600) or less';
    expect(psql.detail).toContain(warning);
    expect(ours.detail).toMatch(/^password_required: .*The password file was not read: password file ".*" has group/);
    expect(ours.detail).toContain(warning);
  });
});
