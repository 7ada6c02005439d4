import { createServer, type Server, type Socket } from 'node:net';
import { protocolMessage } from '../../electron/engine/wire';

/** A fake PostgreSQL server that asks for a cleartext password and records every password it is sent. */
export interface PasswordTrap {
  port: number;
  /** The passwords received, in order. */
  captured: string[];
  close(): Promise<void>;
}

function refuse(socket: Socket): void {
  const fields = Buffer.from('SFATAL\0C28P01\0Mpassword authentication failed\0\0', 'utf8');
  socket.end(protocolMessage('E', fields));
}

/** Speaks just enough of the protocol: refuses SSL, takes the startup packet, asks AuthenticationCleartextPassword. */
function serve(socket: Socket, captured: string[]): void {
  let buffer = Buffer.alloc(0);
  let stage: 'startup' | 'password' = 'startup';
  socket.on('error', () => undefined);
  socket.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    while (true) {
      if (stage === 'startup') {
        if (buffer.length < 8) return;
        const length = buffer.readInt32BE(0);
        if (buffer.length < length) return;
        const code = buffer.readInt32BE(4);
        buffer = buffer.subarray(length);
        if (code === 80877103 || code === 80877104) socket.write('N');
        else {
          stage = 'password';
          const ask = Buffer.alloc(4);
          ask.writeInt32BE(3);
          socket.write(protocolMessage('R', ask));
        }
      } else {
        if (buffer.length < 5) return;
        const length = buffer.readInt32BE(1);
        if (buffer.length < length + 1) return;
        if (buffer[0] === 0x70) captured.push(buffer.subarray(5, length).toString('utf8').replace(/\0$/, ''));
        refuse(socket);
        return;
      }
    }
  });
}

/** Starts a password trap on a free loopback port. */
export async function startPasswordTrap(): Promise<PasswordTrap> {
  const captured: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    serve(socket, captured);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    captured,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
