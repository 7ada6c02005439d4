import { registrySchemaVersion } from '../../shared/server-schema';

type Migration = (data: Record<string, unknown>) => Record<string, unknown>;

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/**
 * Steps from each older schema version to the next. Version 1 kept the colours as bgcolor/fgcolor (pgAdmin's
 * names) and the parameters as an object; version 2 keeps them as background/foreground and ordered rows.
 */
export const migrations: Record<number, Migration> = {
  1: (data) => ({
    ...data,
    schemaVersion: 2,
    servers: (Array.isArray(data.servers) ? data.servers : []).map((item) => {
      const { bgcolor, fgcolor, parameters, ...rest } = asRecord(item);
      return {
        ...rest,
        background: typeof bgcolor === 'string' ? bgcolor : '',
        foreground: typeof fgcolor === 'string' ? fgcolor : '',
        parameters: Object.entries(asRecord(parameters)).map(([keyword, value]) => ({ keyword, value: String(value) })),
      };
    }),
  }),
};

/**
 * Moves a `service` Parameters row (older builds saved one, then refused to connect with it) to the Service field
 * of the Connection tab, where it now lives; a server that already has a Service keeps it.
 */
function liftServiceRows(data: Record<string, unknown>): Record<string, unknown> {
  if (!Array.isArray(data.servers)) return data;
  const servers = data.servers.map((item) => {
    const server = asRecord(item);
    if (!Array.isArray(server.parameters)) return item;
    const row = server.parameters.find((entry) => asRecord(entry).keyword === 'service');
    if (!row) return item;
    const parameters = server.parameters.filter((entry) => entry !== row);
    return { ...server, service: server.service || asRecord(row).value, parameters };
  });
  return { ...data, servers };
}

/** Brings parsed registry data up to the current schema version; null when it is newer than this build. */
export function migrate(data: Record<string, unknown>): Record<string, unknown> | null {
  let current = data;
  let version = typeof current.schemaVersion === 'number' ? current.schemaVersion : 1;
  if (version > registrySchemaVersion) return null;
  while (version < registrySchemaVersion) {
    const step = migrations[version];
    if (!step) return liftServiceRows(current);
    current = step(current);
    version = Number(current.schemaVersion);
  }
  return liftServiceRows(current);
}
