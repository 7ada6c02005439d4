/** The server registry: saved servers and groups, import/export, and the keywords to connect with one. */

export { formatConninfo, quoteConninfoValue } from '../engine/conninfo';
export { migrate } from './migrations';
export { formatPgadminServers, type PgadminImport, parsePgadminServers } from './pgadmin';
export { emptyRegistry, RegistryFile, registryFileName } from './registry-file';
export {
  serverToConninfo,
  serverToJdbcUrl,
  serverToServiceSection,
} from './server-export';
export { newServerKeywords, serverKeywords, splitKeywords } from './server-keywords';
export { findServer, ServerRegistry } from './server-registry';
