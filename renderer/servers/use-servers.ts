import { useCallback, useEffect, useState } from 'react';
import type { OpenConnectionState } from '../../shared/contract/connection';
import type { ServerSummary } from '../../shared/contract/servers';
import { api } from '../api/bridge';
import { takePrefetched } from '../startup';

/** The saved servers, their groups and the open connections, with a refresh. */
export function useServers() {
  const [servers, setServers] = useState<ServerSummary[]>([]);
  const [groups, setGroups] = useState<string[]>([]);
  const [connections, setConnections] = useState<Map<string, OpenConnectionState>>(new Map());
  const [loaded, setLoaded] = useState(false);
  const [problem, setProblem] = useState<{ code: string; message: string } | null>(null);
  const refresh = useCallback(async () => {
    const early = takePrefetched();
    const [first, open] = await Promise.all([
      early?.servers ?? api['servers:list']({}),
      early?.connections ?? api['connection:list']({}),
    ]);
    // A prefetched failure may be stale (asked before a damaged vault was restored): ask once more.
    const listed = first.ok || !early ? first : await api['servers:list']({});
    if (listed.ok) {
      setServers(listed.value.servers);
      setGroups(listed.value.groups);
      setProblem(null);
    } else setProblem(listed.error);
    if (open.ok) setConnections(new Map(open.value.map((state) => [state.serverId, state])));
    setLoaded(true);
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  return { servers, groups, connections, loaded, problem, refresh };
}
