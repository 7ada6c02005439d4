import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatPgadminServers, parsePgadminServers } from '../../../electron/registry/pgadmin';
import { serverKeywords } from '../../../electron/registry/server-keywords';
import { ServerRegistry } from '../../../electron/registry/server-registry';

const pgadminFile = JSON.stringify({
  Servers: {
    '1': {
      Name: 'RDS prod',
      Group: 'Alibaba Cloud',
      Host: 'pgm-bp1.pg.rds.aliyuncs.com',
      Port: 5432,
      MaintenanceDB: 'postgres',
      Username: 'app',
      Comment: 'primary',
      BGColor: '#ff0000',
      ConnectionParameters: {
        sslmode: 'verify-full',
        sslrootcert: '/ca.pem',
        connect_timeout: 10,
        password: 'leaked?',
        sslcompression: 0,
      },
    },
    '2': {
      Name: 'Old style',
      Group: 'Servers',
      Host: 'old.example.com',
      Port: 5432,
      MaintenanceDB: 'postgres',
      Username: 'legacy',
      SSLMode: 'require',
      SSLRootCert: '/old/ca.pem',
      SSLCert: '/old/client.crt',
      SSLKey: '/old/client.key',
      SSLCrl: '/old/crl.pem',
      SSLCompression: 1,
      HostAddr: '10.0.0.5',
      PassFile: '/old/.pgpass',
      Timeout: 15,
    },
    '3': { Name: 'Broken', Group: 'Servers', Port: 5432 },
  },
});

describe('pgAdmin servers.json', () => {
  it('imports the new and the older key styles, creates groups, skips the unusable and never takes a password', async () => {
    const parsed = parsePgadminServers(pgadminFile);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const [prod, old] = parsed.value.servers;
    expect(prod).toMatchObject({
      name: 'RDS prod',
      group: 'Alibaba Cloud',
      background: '#ff0000',
      comments: 'primary',
    });
    expect(prod!.parameters).toEqual([
      { keyword: 'sslmode', value: 'verify-full' },
      { keyword: 'sslrootcert', value: '/ca.pem' },
      { keyword: 'connect_timeout', value: '10' },
      { keyword: 'sslcompression', value: '0' },
    ]);
    expect(old!.parameters).toEqual([
      { keyword: 'sslmode', value: 'require' },
      { keyword: 'sslrootcert', value: '/old/ca.pem' },
      { keyword: 'sslcert', value: '/old/client.crt' },
      { keyword: 'sslkey', value: '/old/client.key' },
      { keyword: 'sslcrl', value: '/old/crl.pem' },
      { keyword: 'sslcompression', value: '1' },
      { keyword: 'hostaddr', value: '10.0.0.5' },
      { keyword: 'passfile', value: '/old/.pgpass' },
      { keyword: 'connect_timeout', value: '15' },
    ]);
    expect(parsed.value.skipped.map((item) => item.name)).toEqual(['Broken']);
    expect(parsed.value.warnings.join(' ')).toMatch(/password was not imported/);
    expect(JSON.stringify(parsed.value.servers)).not.toContain('leaked?');

    const registry = new ServerRegistry({ folder: mkdtempSync(join(tmpdir(), 'rdspg-import-')) });
    const added = await registry.createMany(parsed.value.servers);
    expect(added.ok).toBe(true);
    const listed = await registry.list();
    expect(listed.ok && listed.value.groups).toEqual(['Servers', 'Alibaba Cloud']);
  });

  it('is not accepted when it lacks the Servers object', () => {
    const result = parsePgadminServers('{"servers": []}');
    expect(result.ok ? null : result.error.code).toBe('invalid_import');
  });

  it('exports what imports back the same, without passwords', async () => {
    const parsed = parsePgadminServers(pgadminFile);
    if (!parsed.ok) throw new Error('parse failed');
    const saved = parsed.value.servers.map((fields, index) => ({ id: `id${index}`, ...fields, savePassword: true }));
    const text = formatPgadminServers(saved);
    expect(Object.keys(JSON.parse(text).Servers)).toEqual(['1', '2']);
    expect(text).not.toMatch(/password/i);
    const again = parsePgadminServers(text);
    expect(again.ok && again.value.servers).toEqual(parsed.value.servers);
  });

  it('keeps Service-only entries, Service next to Host, Role and the SSH tunnel; says what it drops (PostConnectionSQL)', () => {
    const file = JSON.stringify({
      Servers: {
        '1': { Name: 'By service', Group: 'Servers', Service: 'rds-prod' },
        '2': {
          Name: 'Both',
          Group: 'Servers',
          Host: 'db.example.com',
          Port: 5433,
          MaintenanceDB: 'app',
          Username: 'app',
          Role: 'app_owner',
          Service: 'rds-prod',
          UseSSHTunnel: 1,
          TunnelHost: 'bastion.example.com',
          TunnelPort: '22',
          TunnelUsername: 'ops',
          TunnelAuthentication: 1,
          TunnelIdentityFile: '/home/ops/.ssh/id_ed25519',
          TunnelKeepAlive: 30,
          PostConnectionSQL: 'set search_path = app',
        },
        '3': { Name: 'No tunnel', Group: 'Servers', Host: 'h', Port: 5432, Username: 'u', UseSSHTunnel: 0 },
      },
    });
    const parsed = parsePgadminServers(file);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.value.skipped).toEqual([]);
    const [byService, both, plain] = parsed.value.servers;
    expect(byService).toMatchObject({ service: 'rds-prod', host: '', port: '', username: '', maintenanceDatabase: '' });
    expect(serverKeywords(byService!)).toEqual({ service: 'rds-prod' });
    expect(both).toMatchObject({ host: 'db.example.com', port: 5433, service: 'rds-prod', role: 'app_owner' });
    expect(serverKeywords(both!)).toMatchObject({ host: 'db.example.com', service: 'rds-prod' });
    expect(both!.tunnel).toEqual({
      host: 'bastion.example.com',
      port: 22,
      username: 'ops',
      authentication: 'identity-file',
      identityFile: '/home/ops/.ssh/id_ed25519',
      keepAlive: 30,
      savePassword: false,
    });
    expect(plain!.role).toBeUndefined();
    expect(plain!.tunnel).toBeUndefined();
    expect(parsed.value.warnings).toEqual([
      'Both: PostConnectionSQL was not imported; the app does not run SQL after connecting, so run it yourself in the query tool.',
    ]);
    const again = parsePgadminServers(
      formatPgadminServers(parsed.value.servers.map((fields, index) => ({ id: `id${index}`, ...fields }))),
    );
    expect(again.ok && again.value.servers).toEqual(parsed.value.servers);
    const exported = JSON.parse(formatPgadminServers([{ id: 'b', ...both! }])).Servers['1'];
    expect(exported).toMatchObject({
      UseSSHTunnel: 1,
      TunnelHost: 'bastion.example.com',
      TunnelPort: 22,
      TunnelUsername: 'ops',
      TunnelAuthentication: 1,
      TunnelIdentityFile: '/home/ops/.ssh/id_ed25519',
      TunnelKeepAlive: 30,
    });
  });

  it('imports a password tunnel without its password, and refuses a tunnel without a host', () => {
    const parsed = parsePgadminServers(
      JSON.stringify({
        Servers: {
          '1': {
            Name: 'Jump',
            Group: 'Servers',
            Host: 'pgm-internal.pg.rds.aliyuncs.com',
            Port: 5432,
            Username: 'app',
            UseSSHTunnel: 1,
            TunnelHost: 'ecs.example.com',
            TunnelPort: 2222,
            TunnelUsername: 'root',
            TunnelAuthentication: 0,
            TunnelPassword: 'secret',
          },
          '2': { Name: 'No host', Group: 'Servers', Host: 'h', Port: 5432, Username: 'u', UseSSHTunnel: 1 },
        },
      }),
    );
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.value.servers.map((server) => server.tunnel)).toEqual([
      {
        host: 'ecs.example.com',
        port: 2222,
        username: 'root',
        authentication: 'password',
        identityFile: '',
        keepAlive: 0,
        savePassword: false,
      },
    ]);
    expect(parsed.value.warnings).toEqual([
      'Jump: TunnelPassword was not imported; enter it on the SSH Tunnel tab (Save password?).',
    ]);
    expect(parsed.value.skipped.map((entry) => [entry.name, entry.reason])).toEqual([
      ['No host', 'tunnel.host: Tunnel host must be specified. tunnel.username: Username must be specified.'],
    ]);
  });

  it('ignores the legacy top-level SSL keys when ConnectionParameters is present, as pgAdmin does', () => {
    const parsed = parsePgadminServers(
      JSON.stringify({
        Servers: {
          '1': {
            Name: 'Mixed',
            Group: 'Servers',
            Host: 'h',
            Port: 5432,
            Username: 'u',
            SSLMode: 'disable',
            SSLRootCert: '/legacy/ca.pem',
            SSLCert: '/legacy/client.crt',
            Timeout: 30,
            ConnectionParameters: { sslmode: 'verify-full', sslrootcert: '/new/ca.pem' },
          },
        },
      }),
    );
    expect(parsed.ok && parsed.value.servers[0]!.parameters).toEqual([
      { keyword: 'sslmode', value: 'verify-full' },
      { keyword: 'sslrootcert', value: '/new/ca.pem' },
    ]);
  });
});
