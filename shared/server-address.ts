/** The fields of a saved server that say where it connects. */
export interface AddressFields {
  host: string;
  port: number | string;
  username: string;
  maintenanceDatabase: string;
  service?: string | undefined;
}

/**
 * Where a saved server connects, in one line: `user@host:port/dbname` when it has a host (host and port lists kept as
 * they are), followed by `service=NAME` when it names one; a server without a host lists what it gives in conninfo
 * words (`service=NAME user=bob`), so a service-only server reads `service=NAME`, never `@:/`.
 */
export function serverAddress(server: AddressFields): string {
  const port = String(server.port);
  const service = server.service ? `service=${server.service}` : '';
  if (!server.host) {
    const pairs = [
      service,
      server.username && `user=${server.username}`,
      server.maintenanceDatabase && `dbname=${server.maintenanceDatabase}`,
      port && `port=${port}`,
    ];
    return pairs.filter(Boolean).join(' ') || 'libpq defaults';
  }
  const user = server.username ? `${server.username}@` : '';
  const database = server.maintenanceDatabase ? `/${server.maintenanceDatabase}` : '';
  const address = `${user}${server.host}${port ? `:${port}` : ''}${database}`;
  return service ? `${address} ${service}` : address;
}
