import { useEffect, useState } from 'react';
import type { OpenConnectionState } from '../../shared/contract/connection';
import { api } from '../api/bridge';

/** What the tree shows under a connected server: its databases, or why they could not be listed. */
export type DatabaseList = { databases: string[] } | { problem: string };

/** The databases of every connected server, listed once per connection (again after a reconnect). */
export function useDatabases(connections: Map<string, OpenConnectionState>): Map<string, DatabaseList> {
  const [lists, setLists] = useState<Map<string, DatabaseList>>(new Map());
  const opened = [...connections.values()].map((state) => `${state.serverId}@${state.connectedAt}`).join(' ');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `opened` names the connections; the map changes identity on every refresh
  useEffect(() => {
    let current = true;
    const ids = [...connections.keys()];
    void Promise.all(
      ids.map(async (id): Promise<[string, DatabaseList]> => {
        const answer = await api['connection:databases']({ id });
        return [id, answer.ok ? { databases: answer.value.databases } : { problem: answer.error.message }];
      }),
    ).then((entries) => {
      // No connection and nothing listed before: keep the same map, so the tree is not built again for nothing.
      if (current) setLists((before) => (entries.length === 0 && before.size === 0 ? before : new Map(entries)));
    });
    return () => {
      current = false;
    };
  }, [opened]);
  return lists;
}
