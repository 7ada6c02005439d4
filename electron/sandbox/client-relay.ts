import { connect, createServer, isIPv4, type Server, type Socket } from 'node:net';

/** True for an IPv4 address in 127.0.0.0/8: every one of them is this machine's loopback on Linux. */
export function isLoopbackAddress(address: string): boolean {
  return isIPv4(address) && address.startsWith('127.');
}

/**
 * The sandbox's stand-in for the network between "this computer" and the instance: a loopback listener that
 * forwards each connection to the backing cluster from the address the sandbox takes this computer to have (a
 * 127.x.y.z source, which Linux lets any process bind). PostgreSQL then sees that address as the client's, in
 * pg_hba matching and in its refusals ("no pg_hba.conf entry for host …"), just as RDS sees a public address.
 * Bytes pass through untouched, so TLS runs end to end between the client and the cluster.
 */
export class ClientRelay {
  private constructor(
    private readonly server: Server,
    private readonly sockets: Set<Socket>,
    /** The loopback port clients connect to (the endpoints' port). */
    readonly port: number,
  ) {}

  /** Listens on a free 127.0.0.1 port and forwards to `targetPort` from `clientAddress`. */
  static async start(targetPort: number, clientAddress: string): Promise<ClientRelay> {
    const sockets = new Set<Socket>();
    const server = createServer((incoming) => {
      const outgoing = connect({ host: '127.0.0.1', port: targetPort, localAddress: clientAddress });
      for (const socket of [incoming, outgoing]) {
        sockets.add(socket);
        socket.once('close', () => sockets.delete(socket));
      }
      incoming.pipe(outgoing).pipe(incoming);
      incoming.once('error', () => outgoing.destroy());
      outgoing.once('error', () => incoming.destroy());
      incoming.once('close', () => outgoing.destroy());
      outgoing.once('close', () => incoming.destroy());
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const address = server.address();
    return new ClientRelay(server, sockets, typeof address === 'object' && address ? address.port : 0);
  }

  /** Stops listening and cuts every forwarded connection. */
  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
