import { z } from 'zod';

/** How the SSH tunnel logs in, as pgAdmin's Authentication choice: a password or an identity file (private key). */
export const tunnelAuthentications = ['password', 'identity-file'] as const;

/** The vault field of a server's tunnel secret: the SSH password, or the identity file's passphrase. */
export const tunnelSecretField = 'tunnel_password';

/** The SSH Tunnel tab of a saved server (present only when "Use SSH tunneling" is on); no secret. */
export const tunnelFieldsSchema = z
  .object({
    host: z
      .string()
      .refine((value) => value === value.trim(), 'Tunnel host must not start or end with a space.')
      .refine((value) => value !== '', 'Tunnel host must be specified.'),
    port: z
      .number()
      .int('Tunnel port must be a whole number.')
      .min(1, 'Tunnel port must be 1 to 65535.')
      .max(65535, 'Tunnel port must be 1 to 65535.'),
    username: z
      .string()
      .refine((value) => value === value.trim(), 'Username must not start or end with a space.')
      .refine((value) => value !== '', 'Username must be specified.'),
    authentication: z.enum(tunnelAuthentications),
    identityFile: z.string(),
    keepAlive: z
      .number()
      .int('Tunnel keep alive must be a whole number of seconds.')
      .min(0, 'Tunnel keep alive must be 0 or more seconds.')
      .max(86_400, 'Tunnel keep alive must be at most 86400 seconds.'),
    savePassword: z.boolean(),
  })
  .superRefine((tunnel, context) => {
    if (tunnel.authentication === 'identity-file' && tunnel.identityFile.trim() === '')
      context.addIssue({
        code: 'custom',
        path: ['identityFile'],
        message: 'Identity file must be specified: choose the private key file.',
      });
  });

/** The SSH Tunnel tab of a saved server. */
export type TunnelFields = z.infer<typeof tunnelFieldsSchema>;

/** The SSH Tunnel tab's values when "Use SSH tunneling" is switched on, as pgAdmin starts them. */
export function blankTunnelFields(): TunnelFields {
  return {
    host: '',
    port: 22,
    username: '',
    authentication: 'password',
    identityFile: '',
    keepAlive: 0,
    savePassword: false,
  };
}

/** Where a tunnel secret was saved for: the same jump host, port, user and key file (moving the tunnel forgets it). */
export function tunnelEndpointOf(tunnel: TunnelFields | undefined): string | null {
  if (!tunnel) return null;
  const key = tunnel.authentication === 'identity-file' ? tunnel.identityFile : '';
  return JSON.stringify([tunnel.host.toLowerCase(), tunnel.port, tunnel.username, tunnel.authentication, key]);
}
