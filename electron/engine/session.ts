import type { TLSSocket } from 'node:tls';
import { continueSession, finalizeSession, type SaslSession, startSession as startScram } from 'pg/lib/crypto/sasl';
import type {
  AuthenticationMD5Password,
  BackendKeyDataMessage,
  BackendMessage,
  DatabaseError,
  ParameterStatusMessage,
  ReadyForQueryMessage,
} from 'pg-protocol/dist/messages';
import { serialize } from 'pg-protocol/dist/serializer';
import { type AttemptFailure, type AttemptResult, attemptFailed, serverFailure, socketFailure } from './failures';
import { closeTransport, describeTarget, type Transport, timeoutError, whenAborted } from './negotiate';
import { postgresMd5PasswordHash } from './pg-crypto';
import type { ConnectionSettings, ConnectionTarget } from './settings';
import { readMessages, startupMessage } from './wire';

/** What the server reported as it started the backend: node-postgres replays it when it takes the session over. */
export interface Backend {
  /** ParameterStatus messages, in the order they came. */
  parameters: [name: string, value: string][];
  /** BackendKeyData: what a cancel request names. */
  processId: number;
  secretKey: number;
  /** ReadyForQuery's transaction status ('I' once started). */
  status: string;
}

/** A started PostgreSQL session on a transport: its stream, whether TLS carries it, and its backend. */
export interface Session {
  /** The stream the protocol runs on: the TLS socket, or the plain (or forwarded) one. */
  socket: Transport['socket'];
  tls: TLSSocket | null;
  /** The certificate path the engine verified itself (DER, server's first), when OpenSSL did not. */
  chain: Buffer[] | null;
  backend: Backend;
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

type Outcome = AttemptResult<Session> & { authenticated?: boolean };

/** node-postgres' parser gives the SASL messages as plain objects: the mechanisms offered, or the server's data. */
interface SaslMessage extends BackendMessage {
  mechanisms: string[];
  data: string;
}

/** The start-up packet's settings, in libpq's order (fe-protocol3.c, build_startup_packet). */
function startupParameters(settings: ConnectionSettings): Record<string, string> {
  const keywords = settings.keywords;
  const parameters: Record<string, string> = { user: settings.user, database: settings.database };
  if (keywords.options) parameters.options = keywords.options;
  const applicationName = keywords.application_name || keywords.fallback_application_name;
  if (applicationName) parameters.application_name = applicationName;
  for (const [name, value] of settings.sessionSettings) parameters[name] = value;
  return parameters;
}

/** The failure of a password the settings do not have. */
function noPassword(target: ConnectionTarget): AttemptFailure {
  return {
    code: 'password_required',
    message: `connection to server ${describeTarget(target)} failed: fe_sendauth: no password supplied. Enter the password, save it for this server, or add it to the password file.`,
    stage: 'client',
  };
}

/**
 * Sends the start-up message and authenticates (node-postgres' message parser and SCRAM client) over our transport,
 * enforcing channel_binding=require as libpq does (no password is sent to a server that will not bind the channel),
 * until the server is ready for queries. A failure reports whether the server had authenticated us, which sslmode's
 * fallbacks depend on; whatever ended the start-up, the socket is closed then (the server would otherwise hold it
 * until authentication_timeout).
 */
export function startSession(request: SessionRequest): Promise<Outcome> {
  const { settings, transport, signal, target } = request;
  const stream = transport.socket;
  const ssl = transport.tls !== null;
  const binding = ssl && settings.channelBinding !== 'disable' ? transport.socket : false;
  const requireBinding = settings.channelBinding === 'require';
  const backend: Backend = { parameters: [], processId: 0, secretKey: 0, status: 'I' };
  let authenticated = false;
  let scram: SaslSession | null = null;
  return new Promise<Outcome>((resolve) => {
    let settled = false;
    const settle = (outcome: Outcome) => {
      if (settled) return;
      settled = true;
      stopAbort();
      stopReading();
      if (!outcome.ok) closeTransport(transport);
      resolve(outcome);
    };
    const failed = (failure: AttemptFailure) => settle({ ...attemptFailed(failure), authenticated });
    const refuse = (message: string) =>
      failed({
        code: 'channel_binding_required',
        message: `${message}. channel_binding=require needs SCRAM-SHA-256 authentication over SSL on the server.`,
        stage: 'client',
      });
    const ended = (error: Error) => {
      if (signal?.aborted) failed(socketFailure(timeoutError(), describeTarget(target)));
      else failed(serverFailure(error, ssl, authenticated ? 'ready' : 'startup'));
    };
    const send = (bytes: Buffer) => {
      if (!settled) stream.write(bytes);
    };
    const withPassword = (answer: (password: string) => Promise<Buffer> | Buffer) => {
      // libpq treats an empty password as none (fe-auth.c: "fe_sendauth: no password supplied").
      const password = request.password;
      if (!password) return failed(noPassword(target));
      Promise.resolve()
        .then(() => answer(password))
        .then(send, ended);
    };
    const onMessage = (message: BackendMessage) => {
      switch (message.name) {
        case 'authenticationCleartextPassword':
          if (requireBinding)
            return refuse("channel binding required but not supported by server's authentication request");
          return withPassword((password) => serialize.password(password));
        case 'authenticationMD5Password': {
          if (requireBinding)
            return refuse("channel binding required but not supported by server's authentication request");
          const { salt } = message as AuthenticationMD5Password;
          return withPassword(async (password) =>
            serialize.password(await postgresMd5PasswordHash(settings.user, password, salt)),
          );
        }
        case 'authenticationSASL': {
          const { mechanisms } = message as SaslMessage;
          if (requireBinding && !(ssl && mechanisms.includes('SCRAM-SHA-256-PLUS')))
            return refuse(
              'channel binding is required, but server did not offer an authentication method that supports channel binding',
            );
          return withPassword(() => {
            scram = startScram(mechanisms, binding);
            return serialize.sendSASLInitialResponseMessage(scram.mechanism, scram.response);
          });
        }
        case 'authenticationSASLContinue': {
          const { data } = message as SaslMessage;
          const session = scram;
          if (!session || !request.password) return ended(new Error('SASL: Last message was not SASLInitialResponse'));
          continueSession(session, request.password, data, binding).then(
            () => send(serialize.sendSCRAMClientFinalMessage(session.response)),
            ended,
          );
          return;
        }
        case 'authenticationSASLFinal':
          if (!scram) return ended(new Error('SASL: Last message was not SASLResponse'));
          try {
            finalizeSession(scram, (message as SaslMessage).data);
            authenticated = true;
          } catch (error) {
            ended(error as Error);
          }
          return;
        case 'authenticationOk':
          if (requireBinding && !authenticated)
            return refuse('channel binding required, but server authenticated client without channel binding');
          authenticated = true;
          return;
        case 'parameterStatus': {
          const { parameterName, parameterValue } = message as ParameterStatusMessage;
          backend.parameters.push([parameterName, parameterValue]);
          return;
        }
        case 'backendKeyData': {
          const key = message as BackendKeyDataMessage;
          backend.processId = key.processID;
          backend.secretKey = key.secretKey;
          return;
        }
        case 'readyForQuery':
          backend.status = (message as ReadyForQueryMessage).status;
          // Errors between exchanges show as the next exchange's end.
          stream.on('error', () => undefined);
          return settle({
            ok: true,
            value: { socket: stream, tls: transport.tls, chain: transport.chain ?? null, backend },
          });
        case 'error':
          return ended(message as DatabaseError);
        default:
          // Notices while the backend starts: nobody listens yet.
          return;
      }
    };
    const stopReading = readMessages(stream, onMessage, ended);
    const stopAbort = whenAborted(signal, () => closeTransport(transport, timeoutError()));
    const keepalives = Number.parseInt(settings.keywords.keepalives || '1', 10) !== 0;
    if (keepalives) stream.setKeepAlive(true, 0);
    send(startupMessage(startupParameters(settings)));
    if (!settled) request.duringSignIn?.();
  });
}
