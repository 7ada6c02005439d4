/** The connection engine: libpq's conninfo, environment and SSL rules on top of node-postgres. */
export { checkConnection, connectionFacts, factsQuery, peerChain, summarizeCertificate } from './check';
export {
  type ConnectRequest,
  contextFrom,
  type Gateway,
  type GatewayOpener,
  type OpenConnection,
  openConnection,
} from './connect';
export { formatConninfo, isConnectionUri, looksLikeConninfo, parseConninfo, quoteConninfoValue } from './conninfo';
export type { StreamForwarder } from './negotiate';
export { type ConnectionSettings, resolveSettings } from './settings';
export { type RootCertificateFile, readRootCertificate, rootFingerprints } from './tls-material';
