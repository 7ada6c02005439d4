import type { RdsServerEntry } from './contract/rds';
import { defaultGroup } from './server-groups';
import type { ServerFields } from './server-schema';

/** The Register > Server dialog's fields prefilled from an RDS server entry (the username is left to the user). */
export function serverFieldsFromRdsEntry(entry: RdsServerEntry, username = ''): ServerFields {
  const parameters: ServerFields['parameters'] = [{ keyword: 'sslmode', value: entry.sslmode }];
  if (entry.sslrootcert) parameters.push({ keyword: 'sslrootcert', value: entry.sslrootcert });
  return {
    name: entry.name,
    group: defaultGroup,
    background: '',
    foreground: '',
    comments: `ApsaraDB RDS ${entry.source.instanceId} (${entry.source.regionId}), SSL-protected endpoint. ${entry.maintenanceDatabaseNote}`,
    host: entry.host,
    port: entry.port,
    maintenanceDatabase: entry.maintenanceDatabase,
    username,
    savePassword: false,
    parameters,
  };
}
