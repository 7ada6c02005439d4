import { z } from 'zod';
import { tunnelErrorCodes } from '../connect-errors';
import { channel } from './channel';

/** The jump host whose key is read or trusted. */
const jumpHost = z.object({ host: z.string().min(1), port: z.number().int().min(1).max(65535) });

/** A jump host's key as it offers it, and what known_hosts says of it. */
export const offeredHostKey = z.object({
  keyType: z.string(),
  fingerprint: z.string(),
  status: z.enum(['known', 'unknown', 'changed', 'revoked']),
});

/** A jump host's key as it offers it. */
export type OfferedHostKeyView = z.infer<typeof offeredHostKey>;

/** The SSH tunnel's host-key channels: read the key a jump host offers, and trust it after the user confirmed it. */
export const tunnelChannels = {
  'tunnel:host-key': channel(jumpHost.strict(), offeredHostKey, tunnelErrorCodes),
  'tunnel:trust-host-key': channel(
    jumpHost.extend({ fingerprint: z.string().regex(/^SHA256:[A-Za-z0-9+/]+$/) }).strict(),
    offeredHostKey,
    tunnelErrorCodes,
  ),
} as const;
