import { join } from 'node:path';
import type { TunnelFields } from '../../shared/tunnel-fields';
import type { GatewayOpener } from '../engine';
import type { KnownHostsFiles } from './known-hosts';
import type { TunnelOptions, TunnelSettings } from './tunnel';

/**
 * The engine's gateway for a tunnel: a fresh SSH connection for each PostgreSQL connection, closed with it. The SSH
 * library loads only when a tunnel opens, so commands without one never load it.
 */
export function tunnelGateway(settings: TunnelSettings, options: Omit<TunnelOptions, 'signal'>): GatewayOpener {
  return async (signal) => (await import('./tunnel')).openTunnel(settings, { ...options, signal });
}

/** The known_hosts files a tunnel checks: the app's own in its data folder, then the user's ~/.ssh/known_hosts. */
export function knownHostsFiles(appHome: string, env: Record<string, string | undefined>): KnownHostsFiles {
  const home = env.HOME || env.USERPROFILE;
  return { app: join(appHome, 'known_hosts'), user: home ? join(home, '.ssh', 'known_hosts') : null };
}

/** A saved server's SSH Tunnel tab and its secret as the tunnel takes them. */
export function tunnelSettingsOf(fields: TunnelFields, secret: string | null): TunnelSettings {
  return {
    host: fields.host,
    port: fields.port,
    username: fields.username,
    authentication: fields.authentication,
    identityFile: fields.identityFile,
    secret,
    keepAliveSeconds: fields.keepAlive,
  };
}
