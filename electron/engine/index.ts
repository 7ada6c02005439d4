/**
 * The connection engine: libpq's conninfo, environment, SSL and sign-in rules. node-postgres, which runs the app's
 * queries on an engine session, comes from ./pg-client, so that what imports this module alone (the plain check) does
 * not load it.
 */
export { checkConnection, connectionFacts, factsQuery, peerChain, summarizeCertificate } from './check';
export {
  type ConnectRequest,
  contextFrom,
  type EngineSession,
  type Gateway,
  type GatewayOpener,
  openSession,
} from './connect';
export { formatConninfo, isConnectionUri, looksLikeConninfo, parseConninfo, quoteConninfoValue } from './conninfo';
export { readFilesSynchronously } from './file-reads';
export type { StreamForwarder } from './negotiate';
export { type ConnectionSettings, resolveSettings } from './settings';
export { type RootCertificateFile, readRootCertificate, rootFingerprints } from './tls-material';
