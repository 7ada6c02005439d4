import type { GatewayOpener } from '../engine';
import { openTunnel, type TunnelOptions, type TunnelSettings } from './tunnel';

/** The engine's gateway for a tunnel: a fresh SSH connection for each PostgreSQL connection, closed with it. */
export function tunnelGateway(settings: TunnelSettings, options: Omit<TunnelOptions, 'signal'>): GatewayOpener {
  return (signal) => openTunnel(settings, { ...options, signal });
}
