import { useCallback, useEffect, useState } from 'react';
import type { OpenConnectionState } from '../../shared/contract/connection';
import type { ServerSummary } from '../../shared/contract/servers';
import { api } from '../api/bridge';
import { type Answers, takeArrivedServers, takePrefetched } from '../startup';

function connectionMap(answer: Answers['connections'] | undefined): Map<string, OpenConnectionState> {
  return new Map(answer?.ok ? answer.value.map((state) => [state.serverId, state]) : []);
}

/** The saved servers, their groups and the open connections, with a refresh. */
export function useServers() {
  // The list prefetched by main.ts, when it is already in: the first render shows the whole tree.
  const [arrived] = useState(takeArrivedServers);
  const [servers, setServers] = useState<ServerSummary[]>(arrived?.list.servers ?? []);
  const [groups, setGroups] = useState<string[]>(arrived?.list.groups ?? []);
  const [connections, setConnections] = useState<Map<string, OpenConnectionState>>(() =>
    connectionMap(arrived?.connections),
  );
  const [loaded, setLoaded] = useState(arrived !== null);
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
    if (open.ok) setConnections(connectionMap(open));
    setLoaded(true);
  }, []);
  useEffect(() => {
    if (!arrived) void refresh();
  }, [arrived, refresh]);
  return { servers, groups, connections, loaded, problem, refresh };
}
