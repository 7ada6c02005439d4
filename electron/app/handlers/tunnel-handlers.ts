import { ok } from '../../../shared/result';
import { knownHostsFiles } from '../../ssh-tunnel/tunnel-gateway';
import type { HandlerTable } from '../handler-table';
import type { AppPorts } from '../ports';

type TunnelHandlers = Pick<HandlerTable, 'tunnel:host-key' | 'tunnel:trust-host-key'>;

/**
 * The SSH tunnel's first-use confirmation: show the jump host's key fingerprint, then trust exactly that key (the SSH
 * library loads on first use).
 */
export function createTunnelHandlers(ports: AppPorts): TunnelHandlers {
  const files = knownHostsFiles(ports.home, ports.env);
  return {
    'tunnel:host-key': async (jump) => {
      const { probeHostKey } = await import('../../ssh-tunnel/host-key-trust');
      const probed = await probeHostKey(jump, files);
      if (!probed.ok) return probed;
      const { key: _key, ...offered } = probed.value;
      return ok(offered);
    },
    'tunnel:trust-host-key': async ({ fingerprint, ...jump }) =>
      (await import('../../ssh-tunnel/host-key-trust')).trustHostKey(jump, fingerprint, files),
  };
}
