import { createHash, randomBytes } from 'node:crypto';
import { sameSecret } from './security';

/** How long a server-mode session lasts without a request, unless told otherwise (30 minutes). */
export const defaultIdleMs = 30 * 60 * 1000;

/** What the sign-in gate needs: how long a session may idle, a clock, and who to tell about each new token. */
export interface SignInGateOptions {
  /** The first one-time token; random when not given. */
  token?: string;
  idleMs?: number;
  now?: () => number;
  /** Called with the next one-time token each time one is used. */
  onNextToken?: (token: string) => void;
}

/** The digest a session is known by: handlers see it (to keep a session's jobs its own), never the secret. */
export function sessionDigest(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

function randomSecret(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}

/**
 * Server mode's sign-in: a one-time token (from the printed URL) buys one session secret; the secret travels in a
 * request header, ends after `idleMs` without a request, and on sign-out. Nothing here is ever a cookie.
 */
export class SignInGate {
  private token: string;
  private readonly idleMs: number;
  private readonly now: () => number;
  /** sha256(session secret) -> time of its last request. */
  private readonly sessions = new Map<string, number>();

  constructor(private readonly options: SignInGateOptions = {}) {
    this.token = options.token ?? randomSecret(24);
    this.idleMs = options.idleMs ?? defaultIdleMs;
    this.now = options.now ?? Date.now;
  }

  /** The token that signs in now (once). */
  currentToken(): string {
    return this.token;
  }

  /** Trades the current token for a new session secret, or null when the token is wrong or already used. */
  signIn(given: unknown): string | null {
    if (typeof given !== 'string' || !sameSecret(given, this.token)) return null;
    this.token = randomSecret(24);
    const secret = randomSecret(32);
    this.sessions.set(sessionDigest(secret), this.now());
    this.options.onNextToken?.(this.token);
    return secret;
  }

  /** Whether a session secret is signed in and not idle too long; a yes counts as activity. */
  touch(secret: string | undefined): boolean {
    if (!secret) return false;
    const key = sessionDigest(secret);
    const last = this.sessions.get(key);
    if (last === undefined) return false;
    const now = this.now();
    if (now - last > this.idleMs) {
      this.sessions.delete(key);
      return false;
    }
    this.sessions.set(key, now);
    return true;
  }

  /** Counts the end of a request as activity too, so that a slow request does not use up the idle time. */
  refresh(secret: string | undefined): void {
    const key = secret === undefined ? null : sessionDigest(secret);
    if (key && this.sessions.has(key)) this.sessions.set(key, this.now());
  }

  /** Ends a session; true when it was signed in. */
  signOut(secret: string | undefined): boolean {
    return secret !== undefined && this.sessions.delete(sessionDigest(secret));
  }
}
