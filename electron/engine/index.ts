/** The connection engine: libpq's conninfo, environment and SSL rules on top of node-postgres. */
export { checkConnection, connectionFacts, peerChain, summarizeCertificate } from './check';
export { type ConnectRequest, contextFrom, type OpenConnection, openConnection } from './connect';
export { formatConninfo, isConnectionUri, looksLikeConninfo, parseConninfo, quoteConninfoValue } from './conninfo';
export { type ConnectionSettings, resolveSettings } from './settings';
