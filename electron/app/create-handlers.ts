import type { ChannelName } from '../../shared/contract';
import type { Caller, HandlerTable } from './handler-table';
import { createCertificateHandlers } from './handlers/certificate-handlers';
import { createConnectionHandlers } from './handlers/connection-handlers';
import { createFileHandlers } from './handlers/file-handlers';
import { createGroupHandlers } from './handlers/group-handlers';
import { createQueryHandlers } from './handlers/query-handlers';
import { createRdsConnectHandlers } from './handlers/rds-connect-handlers';
import { createRdsHandlers } from './handlers/rds-handlers';
import { createServerHandlers } from './handlers/server-handlers';
import { createSettingsHandlers } from './handlers/settings-handlers';
import { createTunnelHandlers } from './handlers/tunnel-handlers';
import { createVaultHandlers } from './handlers/vault-handlers';
import { IdleLock, type IdleTimers, systemTimers } from './idle-lock';
import type { AppPorts } from './ports';
import { SessionRegistry } from './sessions';
import { SettingsFile } from './settings-file';

/** The handler table and what it keeps open, so that the composition root can close it on quit. */
export interface AppHandlers {
  table: HandlerTable;
  sessions: SessionRegistry;
  /** Locks the vault and closes the connections after the idle time of the settings. */
  idle: IdleLock;
}

/** Channels that do not count as activity: the UI polls the vault's status to notice an idle lock. */
const passiveChannels: readonly ChannelName[] = ['vault:status'];

/** The table with every call but the passive ones counted as activity. */
function countingActivity(table: HandlerTable, idle: IdleLock): HandlerTable {
  const entries = Object.entries(table).map(([name, handler]) => {
    if (passiveChannels.includes(name as ChannelName)) return [name, handler];
    return [
      name,
      (request: never, caller?: Caller) => {
        idle.touch();
        return (handler as (request: never, caller?: Caller) => Promise<unknown>)(request, caller);
      },
    ];
  });
  return Object.fromEntries(entries) as HandlerTable;
}

/** Builds the one handler table that the Electron IPC adapter and server mode both serve. */
export function createHandlers(ports: AppPorts, timers: IdleTimers = systemTimers): AppHandlers {
  const sessions = new SessionRegistry();
  const idle = new IdleLock(async () => {
    await sessions.closeAll();
    ports.vault.lock();
  }, timers);
  const table: HandlerTable = {
    ...createVaultHandlers(ports, () => sessions.closeAll()),
    ...createServerHandlers(ports, async (id) => {
      await sessions.close(id);
    }),
    ...createGroupHandlers(ports),
    ...createConnectionHandlers(ports, sessions),
    ...createFileHandlers(ports),
    ...createQueryHandlers(sessions),
    ...createCertificateHandlers(ports),
    ...createRdsHandlers(ports),
    ...createRdsConnectHandlers(ports),
    ...createSettingsHandlers(ports, new SettingsFile(ports.home), idle),
    ...createTunnelHandlers(ports),
  };
  return { table: countingActivity(table, idle), sessions, idle };
}
