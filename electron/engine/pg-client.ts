import '../platform/runtime-hints';
import pg from 'pg';
import type { ConnectErrorCode } from '../../shared/connect-errors';
import { fail, ok, type Result } from '../../shared/result';
import { type ConnectRequest, type EngineSession, openSession } from './connect';
import { serverFailure } from './failures';
import type { Backend } from './session';
import { protocolMessage, terminatedError } from './wire';

/** An open session that node-postgres runs queries on. */
export interface OpenConnection extends EngineSession {
  client: pg.Client;
}

/**
 * What the server sent once it had authenticated the session, as it sent it: AuthenticationOk, each ParameterStatus,
 * BackendKeyData, ReadyForQuery. node-postgres reads these as if its own start-up had just happened.
 */
function startupReplay(backend: Backend): Buffer {
  const key = Buffer.alloc(8);
  key.writeInt32BE(backend.processId, 0);
  key.writeInt32BE(backend.secretKey, 4);
  return Buffer.concat([
    protocolMessage('R', Buffer.alloc(4)),
    ...backend.parameters.map(([name, value]) => protocolMessage('S', Buffer.from(`${name}\0${value}\0`))),
    protocolMessage('K', key),
    protocolMessage('Z', Buffer.from(backend.status, 'latin1')),
  ]);
}

/**
 * Hands a started session to node-postgres, for the queries the app runs (the query tool, the database list): its
 * connect() finds the socket open (or reports that the server has closed it, since node-postgres would otherwise
 * wait for a 'close' it missed), and instead of a start-up message it reads the session's start as the server sent
 * it (node-postgres then knows the backend's key, for cancel requests).
 */
export async function attachClient(session: EngineSession): Promise<pg.Client> {
  const socket = session.socket;
  Object.assign(socket, {
    connect: () => {
      process.nextTick(() => {
        if (socket.destroyed || !socket.readable) socket.emit('error', terminatedError());
        else socket.emit('connect');
      });
      return socket;
    },
  });
  const { user, database } = session.settings;
  const client = new pg.Client({ stream: () => socket as never, ssl: false, user, database });
  Object.assign(client.connection, {
    startup: () => {
      socket.emit('data', startupReplay(session.backend));
      socket.resume();
    },
  });
  // Before it reads anything: what the server sent while nobody read (a FATAL as it ended the backend) must not
  // become an unhandled 'error'; node-postgres then refuses queries with a connection error.
  client.on('error', () => undefined);
  await client.connect();
  await readableByDriver(client, session.backend);
  return client;
}

/**
 * node-postgres reads the server's text as UTF-8 and its dates in ISO style: a session that started with another
 * client_encoding or DateStyle (the conninfo's, PGCLIENTENCODING, PGDATESTYLE, which libpq sends as they are) is set
 * to UTF8 and ISO, as pgAdmin sets its own sessions. The server reported both at start-up, so only such a session
 * costs a round trip more.
 */
async function readableByDriver(client: pg.Client, backend: Backend): Promise<void> {
  const reported = new Map(backend.parameters);
  const changes = [
    reported.get('client_encoding') === 'UTF8' ? null : "SET client_encoding TO 'UTF8'",
    reported.get('DateStyle')?.startsWith('ISO') ? null : "SET DateStyle TO 'ISO'",
  ].filter((change) => change !== null);
  if (changes.length) await client.query(changes.join('; '));
}

/**
 * Opens a session exactly as libpq would (connect.ts) and hands it to node-postgres; the socket is closed when the
 * server has closed it in between.
 */
export async function openConnection(request: ConnectRequest): Promise<Result<OpenConnection, ConnectErrorCode>> {
  const opened = await openSession(request);
  if (!opened.ok) return opened;
  const session = opened.value;
  try {
    return ok({ ...session, client: await attachClient(session) });
  } catch (error) {
    session.socket.destroy();
    const failure = serverFailure(error as Error, session.tls !== null, 'ready');
    return fail(failure.code, failure.message);
  }
}
