import type { OpenConnectionState } from '../../shared/contract/connection';
import type { OpenSession } from './ports';

/** The connections kept open for Connect/Disconnect, by server id. */
export class SessionRegistry {
  private readonly open = new Map<string, { session: OpenSession; connectedAt: string }>();

  constructor(private readonly now: () => Date = () => new Date()) {}

  /** Keeps a new session for a server, closing any older one; forgets it when the server drops it. */
  async add(serverId: string, session: OpenSession): Promise<OpenConnectionState> {
    await this.close(serverId);
    const entry = { session, connectedAt: this.now().toISOString() };
    this.open.set(serverId, entry);
    session.onLost(() => {
      if (this.open.get(serverId) === entry) this.open.delete(serverId);
    });
    return { serverId, connectedAt: entry.connectedAt, facts: session.facts };
  }

  /** Closes a server's session; false when it had none. */
  async close(serverId: string): Promise<boolean> {
    const entry = this.open.get(serverId);
    if (!entry) return false;
    this.open.delete(serverId);
    await entry.session.close();
    return true;
  }

  /** Closes every session (on lock and quit). */
  async closeAll(): Promise<void> {
    await Promise.all([...this.open.keys()].map((serverId) => this.close(serverId)));
  }

  /** A server's open session, if any (the query tool runs on it). */
  get(serverId: string): OpenSession | undefined {
    return this.open.get(serverId)?.session;
  }

  /** Every open connection. */
  list(): OpenConnectionState[] {
    return [...this.open].map(([serverId, entry]) => ({
      serverId,
      connectedAt: entry.connectedAt,
      facts: entry.session.facts,
    }));
  }
}
