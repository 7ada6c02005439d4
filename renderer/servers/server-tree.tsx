import { Input, Tag, Tree } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useDeferredValue, useMemo, useState } from 'react';
import type { OpenConnectionState } from '../../shared/contract/connection';
import type { ServerSummary } from '../../shared/contract/servers';
import { serverAddress } from '../../shared/server-address';
import { t, useLocale } from '../i18n';

/** Whether a server matches the filter text (name, host, user, group or service, case-insensitive). */
export function matchesFilter(server: ServerSummary, filter: string): boolean {
  if (!filter) return true;
  const text = filter.toLowerCase();
  return [server.name, server.host, server.username, server.group, server.service ?? ''].some((value) =>
    value.toLowerCase().includes(text),
  );
}

function serverTitle(server: ServerSummary, state: OpenConnectionState | undefined) {
  return (
    <span
      title={serverAddress(server)}
      style={{ color: server.foreground || undefined, background: server.background || undefined, padding: '0 4px' }}
    >
      {server.name}
      {state && (
        <Tag color="green" style={{ marginLeft: 8 }}>
          {t('tree.connected')}
        </Tag>
      )}
      {state?.facts.ssl && <Tag color="blue">SSL</Tag>}
    </span>
  );
}

/** The Servers tree: groups, then servers with their state, filtered as you type; virtual, so thousands stay fast. */
export function ServerTree(props: {
  servers: ServerSummary[];
  groups: string[];
  connections: Map<string, OpenConnectionState>;
  selected: string | null;
  onSelect: (id: string | null) => void;
}) {
  const { servers, groups, connections, selected, onSelect } = props;
  const locale = useLocale();
  const [filter, setFilter] = useState('');
  const deferredFilter = useDeferredValue(filter);
  // biome-ignore lint/correctness/useExhaustiveDependencies: locale is a dependency: the titles are in the UI language
  const treeData = useMemo<DataNode[]>(() => {
    const byGroup = new Map<string, DataNode[]>(groups.map((group) => [group, []]));
    for (const server of servers) {
      if (!matchesFilter(server, deferredFilter)) continue;
      const node = { key: server.id, title: serverTitle(server, connections.get(server.id)), isLeaf: true };
      const list = byGroup.get(server.group) ?? [];
      list.push(node);
      byGroup.set(server.group, list);
    }
    return [...byGroup]
      .filter(([, children]) => children.length > 0 || !deferredFilter)
      .map(([group, children]) => ({
        key: `group:${group}`,
        title: `${group} (${children.length})`,
        children,
        selectable: false,
      }));
  }, [servers, groups, connections, deferredFilter, locale]);
  const expandedKeys = useMemo(() => treeData.map((node) => node.key), [treeData]);
  const shownCount = useMemo(() => treeData.reduce((sum, node) => sum + (node.children?.length ?? 0), 0), [treeData]);
  return (
    <nav aria-label={t('tree.servers')} style={{ display: 'flex', flexDirection: 'column', gap: 8, height: '100%' }}>
      <Input.Search
        aria-label={t('tree.filter')}
        placeholder={t('tree.filter')}
        allowClear
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
      />
      <span className="visually-hidden" aria-live="polite" data-testid="shown-count" data-count={shownCount}>
        {deferredFilter
          ? t('tree.shown', { shown: shownCount, total: servers.length })
          : t('tree.count', { total: servers.length })}
      </span>
      <Tree
        blockNode
        height={Math.max(200, window.innerHeight - 140)}
        treeData={treeData}
        expandedKeys={expandedKeys}
        selectedKeys={selected ? [selected] : []}
        onSelect={(keys) => keys.length > 0 && onSelect(String(keys[0]))}
      />
    </nav>
  );
}
