// node-postgres' SCRAM client (pg/lib/crypto/sasl.js), which the engine's sign-in uses as node-postgres does; the
// package ships no types for its lib/ files.
declare module 'pg/lib/crypto/sasl' {
  /** One SCRAM exchange in progress: the mechanism chosen and the next message to send. */
  export interface SaslSession {
    mechanism: string;
    response: string;
  }
  /** Chooses SCRAM-SHA-256-PLUS when `stream` (the TLS socket) is given and offered, else SCRAM-SHA-256. */
  export function startSession(mechanisms: string[], stream: object | false): SaslSession;
  /** Answers the server's first message (salt, iterations, nonce) with the client's proof. */
  export function continueSession(
    session: SaslSession,
    password: string,
    serverData: string,
    stream: object | false,
  ): Promise<void>;
  /** Checks the server's signature; throws when it does not match. */
  export function finalizeSession(session: SaslSession, serverData: string): void;
}
