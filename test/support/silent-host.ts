import { createServer, type Socket } from 'node:net';

/** A host that accepts TCP and never says a word: a connection attempt to it waits until cancelled or timed out. */
export interface SilentHost {
  port: number;
  /** The connections it accepted, in order. */
  accepted: Socket[];
  /** Closes every accepted connection and stops listening. */
  close(): Promise<void>;
}

/**
 * Starts a silent host on a free loopback port. It reads what clients send (and so sees them close) and answers
 * nothing; with `hangUpAfterMs` it closes each connection after that long.
 */
export async function startSilentHost(hangUpAfterMs?: number): Promise<SilentHost> {
  const accepted: Socket[] = [];
  const server = createServer((socket) => {
    socket.on('error', () => undefined);
    socket.resume();
    accepted.push(socket);
    if (hangUpAfterMs !== undefined) setTimeout(() => socket.destroy(), hangUpAfterMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    accepted,
    close: async () => {
      for (const socket of accepted) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
