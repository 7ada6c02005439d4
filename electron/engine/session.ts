import type { TLSSocket } from 'node:tls';
import '../platform/runtime-hints';
import pg from 'pg';
import { type AttemptFailure, type AttemptResult, attemptFailed, serverFailure, socketFailure } from './failures';
import { closeTransport, describeTarget, type Transport, timeoutError, whenAborted } from './negotiate';
import type { ConnectionSettings, ConnectionTarget } from './settings';

/** A started PostgreSQL session on a transport: the driver's client, and whether TLS carries it. */
export interface Session {
  client: pg.Client;
  tls: TLSSocket | null;
  /** The certificate path the engine verified itself (DER, server's first), when OpenSSL did not. */
  chain: Buffer[] | null;
}

/** What the session start-up needs besides the transport. */
export interface SessionRequest {
  settings: ConnectionSettings;
  target: ConnectionTarget;
  password: string | null;
  transport: Transport;
  /** Ends the start-up early (cancel, connect_timeout); none when nothing can. */
  signal: AbortSignal | undefined;
  /** Runs once the start-up message is sent (ConnectRequest.duringSignIn). */
  duringSignIn?: () => void;
}

interface AuthenticationMessage {
  name: string;
  mechanisms?: string[];
}

/**
 * Hands an already negotiated socket to node-postgres: its connect() only announces the connection — or, when the
 * server has already closed it, reports that, since node-postgres would otherwise wait for a 'close' it missed.
 */
function adoptSocket(transport: Transport): Transport['socket'] {
  const socket = transport.socket;
  Object.assign(socket, {
    connect: () => {
      process.nextTick(() => {
        if (socket.destroyed || !socket.readable)
          socket.emit('error', Object.assign(new Error('Connection terminated unexpectedly'), { code: 'ECONNRESET' }));
        else socket.emit('connect');
      });
      return socket;
    },
  });
  return socket;
}

/**
 * Sends the start-up message and authenticates with node-postgres over our transport, enforcing
 * channel_binding=require as libpq does (no password is sent to a server that will not bind the channel).
 * A failure reports whether the server had authenticated us, which sslmode's fallbacks depend on.
 */
export async function startSession(
  request: SessionRequest,
): Promise<AttemptResult<Session> & { authenticated?: boolean }> {
  const { settings, transport, signal } = request;
  const keywords = settings.keywords;
  const ssl = transport.tls !== null;
  const client = new pg.Client({
    stream: () => adoptSocket(transport) as never,
    ssl: false,
    user: settings.user,
    database: settings.database,
    password: async () => {
      if (request.password === null)
        throw Object.assign(new Error('fe_sendauth: no password supplied'), { code: 'RDSPG_NO_PASSWORD' });
      return request.password;
    },
    application_name: keywords.application_name || undefined,
    fallback_application_name: keywords.fallback_application_name || undefined,
    options: keywords.options || undefined,
    client_encoding: keywords.client_encoding || undefined,
    enableChannelBinding: ssl && settings.channelBinding !== 'disable',
    keepAlive: Number.parseInt(keywords.keepalives || '1', 10) !== 0,
  });
  let authenticated = false;
  let bindingFailure: AttemptFailure | null = null;
  const refuse = (message: string) => {
    bindingFailure = {
      code: 'channel_binding_required',
      message: `${message}. channel_binding=require needs SCRAM-SHA-256 authentication over SSL on the server.`,
      stage: 'client',
    };
    closeTransport(transport);
  };
  client.connection.on('message', (message: AuthenticationMessage) => {
    const requireBinding = settings.channelBinding === 'require';
    if (message.name === 'authenticationSASL') {
      if (requireBinding && !(ssl && message.mechanisms?.includes('SCRAM-SHA-256-PLUS')))
        refuse(
          'channel binding is required, but server did not offer an authentication method that supports channel binding',
        );
    } else if (message.name === 'authenticationMD5Password' || message.name === 'authenticationCleartextPassword') {
      if (requireBinding) refuse("channel binding required but not supported by server's authentication request");
    } else if (message.name === 'authenticationSASLFinal') {
      authenticated = true;
    } else if (message.name === 'authenticationOk') {
      if (requireBinding && !authenticated)
        refuse('channel binding required, but server authenticated client without channel binding');
      authenticated = true;
    }
  });
  const stop = whenAborted(signal, () => closeTransport(transport, timeoutError()));
  try {
    const connecting = client.connect();
    // After node-postgres' own listener, which sends the start-up message.
    if (request.duringSignIn) client.connection.once('connect', request.duringSignIn);
    await connecting;
    client.on('error', () => undefined);
    return { ok: true, value: { client, tls: transport.tls, chain: transport.chain ?? null } };
  } catch (error) {
    // Whatever ended the start-up (no password, a server error, channel binding refused, the time-out), the
    // socket is closed now: node-postgres leaves it open, and the server would hold it until authentication_timeout.
    closeTransport(transport);
    const typed = error as Error & { code?: string };
    if (bindingFailure) return attemptFailed(bindingFailure);
    if (signal?.aborted)
      return {
        ...attemptFailed(socketFailure(timeoutError(), describeTarget(request.target))),
        authenticated,
      };
    if (typed.code === 'RDSPG_NO_PASSWORD') {
      return attemptFailed({
        code: 'password_required',
        message: `connection to server ${describeTarget(request.target)} failed: fe_sendauth: no password supplied. Enter the password, save it for this server, or add it to the password file.`,
        stage: 'client',
      });
    }
    return { ...attemptFailed(serverFailure(typed, ssl, authenticated ? 'ready' : 'startup')), authenticated };
  } finally {
    stop();
  }
}
