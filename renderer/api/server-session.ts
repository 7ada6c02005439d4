import { sessionHeader, signInPath, signOutPath } from '../../shared/contract/server-mode';

/** Where the tab keeps its session secret: sessionStorage is per origin (port included) and per tab, never sent anywhere. */
const storageKey = 'rdspg.session';

/** Why a server-mode session is over: it ended on the server (idle, used link, restart) or the user signed out. */
export type SessionEnd = 'ended' | 'signed-out';

/** What the session needs of sessionStorage. */
export interface SessionStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The browser's server-mode session: trades the printed URL's one-time token for a secret sent as a header. */
export interface ServerSession {
  /** The headers that authorise an API call, once the page's token has been traded. */
  headers(): Promise<Record<string, string>>;
  /** Forgets the secret and tells the listeners. */
  end(reason: SessionEnd): void;
  /** Ends the session on the server, then here. */
  signOut(): Promise<void>;
  /** Listens for the end of the session; returns the unsubscribe. */
  onEnd(listener: (reason: SessionEnd) => void): () => void;
}

/** Starts the session of this tab: signs in with `token` (from the URL's fragment) when given, else reuses the stored secret. */
export function createServerSession(
  fetchFunction: typeof fetch,
  storage: SessionStorage,
  token: string | null,
): ServerSession {
  const listeners = new Set<(reason: SessionEnd) => void>();
  async function signIn(given: string): Promise<void> {
    try {
      const response = await fetchFunction(signInPath, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ token: given }),
        credentials: 'omit',
      });
      const answer = (await response.json()) as { ok: boolean; value?: { session: string } };
      if (answer.ok && answer.value) storage.setItem(storageKey, answer.value.session);
    } catch {
      // Not answering: the API calls that follow say so.
    }
  }
  const ready = token ? signIn(token) : Promise.resolve();
  const session: ServerSession = {
    async headers() {
      await ready;
      const secret = storage.getItem(storageKey);
      const headers: Record<string, string> = {};
      if (secret) headers[sessionHeader] = secret;
      return headers;
    },
    end(reason) {
      storage.removeItem(storageKey);
      for (const listener of listeners) listener(reason);
    },
    async signOut() {
      await fetchFunction(signOutPath, {
        method: 'POST',
        headers: await session.headers(),
        credentials: 'omit',
      }).catch(() => undefined);
      session.end('signed-out');
    },
    onEnd(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return session;
}
