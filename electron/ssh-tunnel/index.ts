/** pgAdmin's SSH Tunnel: the jump host's SSH connection, its host key check and the forwarded channels. */
export { type OfferedHostKey, probeHostKey, trustHostKey } from './host-key-trust';
export type { KnownHostsFiles } from './known-hosts';
export { openTunnel, type Tunnel, type TunnelOptions, type TunnelSettings } from './tunnel';
export { knownHostsFiles, tunnelGateway, tunnelSettingsOf } from './tunnel-gateway';
