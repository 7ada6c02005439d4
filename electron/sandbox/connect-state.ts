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
  /** LockAccount: the account stays but cannot log in (DescribeAccounts shows it Unavailable). */
  locked?: boolean;
}

/** One pg_hba entry, shaped like DescribePGHbaConfig's HbaItem. */
export interface SandboxHbaItem {
  priorityId: number;
  type: string;
  database: string;
  user: string;
  address: string;
  mask: string;
  method: string;
  option: string;
}

/** What the connect actions keep per instance besides the SSL settings. */
export interface SandboxConnectRecord {
  whitelist: SandboxWhitelistGroup[];
  accounts: SandboxDatabaseAccount[];
  hba: SandboxHbaItem[];
  hbaModifyStatus: '' | 'setting' | 'success' | 'failed';
  hbaModifyTime: string;
  /** True from ModifyPGHbaConfig's answer until the change has run (the old state shows first). */
  hbaPending?: boolean;
}

/**
 * The pg_hba entry a new instance runs with: one `host all all 0.0.0.0/0 md5`, so plain connections are accepted
 * (a guess at the exact entry; the SSL documentation says plain connections are accepted until hostssl entries
 * or a client-certificate ACL enforce SSL).
 */
export function defaultHbaItems(): SandboxHbaItem[] {
  return [
    {
      priorityId: 1,
      type: 'host',
      database: 'all',
      user: 'all',
      address: '0.0.0.0/0',
      mask: '',
      method: 'md5',
      option: '',
    },
  ];
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
      record = {
        whitelist: [{ name: 'default', attribute: '', ips: ['127.0.0.1'] }],
        accounts: [],
        hba: defaultHbaItems(),
        hbaModifyStatus: '',
        hbaModifyTime: '',
      };
      this.records.set(instance.instanceId, record);
    }
    return record;
  }
}
