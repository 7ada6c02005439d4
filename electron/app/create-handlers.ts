import { createCertificateHandlers } from './certificates-service';
import type { HandlerTable } from './handler-table';
import { createConnectionHandlers } from './handlers/connection-handlers';
import { createFileHandlers } from './handlers/file-handlers';
import { createRdsHandlers } from './handlers/rds-handlers';
import { createServerHandlers } from './handlers/server-handlers';
import { createVaultHandlers } from './handlers/vault-handlers';
import type { AppPorts } from './ports';
import { createQueryHandlers } from './query-service';
import { SessionRegistry } from './sessions';

/** The handler table and what it keeps open, so that the composition root can close it on quit. */
export interface AppHandlers {
  table: HandlerTable;
  sessions: SessionRegistry;
}

/** Builds the one handler table that the Electron IPC adapter and server mode both serve. */
export function createHandlers(ports: AppPorts): AppHandlers {
  const sessions = new SessionRegistry();
  const table: HandlerTable = {
    ...createVaultHandlers(ports, () => sessions.closeAll()),
    ...createServerHandlers(ports, async (id) => {
      await sessions.close(id);
    }),
    ...createConnectionHandlers(ports, sessions),
    ...createFileHandlers(ports),
    ...createQueryHandlers(sessions),
    ...createCertificateHandlers(ports),
    ...createRdsHandlers(ports),
  };
  return { table, sessions };
}
