import type { SandboxInstance } from './model';

/** One whitelist group, shaped like DescribeDBInstanceIPArrayList's items. */
export interface SandboxWhitelistGroup {
  name: string;
  attribute: string;
  ips: string[];
}

/** One database account, shaped like DescribeAccounts' items (the password is kept to model real roles). */
export interface SandboxDatabaseAccount {
  name: string;
  type: 'Normal' | 'Super';
  description: string;
  password: string;
}

/** What the connect actions keep per instance besides the SSL settings. */
export interface SandboxConnectRecord {
  whitelist: SandboxWhitelistGroup[];
  accounts: SandboxDatabaseAccount[];
}

/** The per-instance whitelist and accounts, created on first use. */
export class SandboxConnectState {
  private readonly records = new Map<string, SandboxConnectRecord>();

  /**
   * The record of an instance. A new instance's whitelist holds only 127.0.0.1 in the group `default` (the
   * whitelist page of the RDS PostgreSQL documentation) and it has no accounts yet.
   */
  of(instance: SandboxInstance): SandboxConnectRecord {
    let record = this.records.get(instance.instanceId);
    if (!record) {
      record = { whitelist: [{ name: 'default', attribute: '', ips: ['127.0.0.1'] }], accounts: [] };
      this.records.set(instance.instanceId, record);
    }
    return record;
  }
}
