import { Input, Tag } from 'antd';
import { type MouseEvent, useDeferredValue, useMemo, useRef, useState } from 'react';
import type { OpenConnectionState } from '../../shared/contract/connection';
import type { ServerSummary } from '../../shared/contract/servers';
import { serverAddress } from '../../shared/server-address';
import { t, useLocale } from '../i18n';
import { groupLabel } from '../i18n/labels';
import type { DatabaseList } from './use-databases';
import { type TreeRow, VirtualTree } from './virtual-tree';

/** What a tree node stands for: a group, a server, or one database of a connected server. */
export type TreeTarget =
  | { kind: 'group'; group: string }
  | { kind: 'server'; server: ServerSummary; database?: string };

/** Where a context menu opens, in viewport pixels. */
export type MenuPosition = { x: number; y: number };

function databaseRows(
  server: ServerSummary,
  list: DatabaseList | undefined,
  targets: Map<string, TreeTarget>,
): TreeRow[] {
  if (!list) return [];
  if ('problem' in list) {
    const text = t('tree.databasesFailed', { name: server.name, reason: list.problem });
    return [
      { key: `problem:${server.id}`, level: 2, title: () => text, label: text, parent: false, selectable: false },
    ];
  }
  return list.databases.map((database) => {
    const key = `db:${server.id}:${database}`;
    targets.set(key, { kind: 'server', server, database });
    return { key, level: 2, title: () => database, label: database, parent: false, selectable: true };
  });
}

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
  databases: Map<string, DatabaseList>;
  selected: string | null;
  selectedDatabase: string | null;
  onSelect: (id: string | null, database?: string) => void;
  /** Right-click, the context-menu key or Shift+F10 on a node. */
  onContextMenu: (target: TreeTarget, position: MenuPosition) => void;
}) {
  const { servers, groups, connections, databases, selected, selectedDatabase, onSelect } = props;
  const activeKey = useRef<string | null>(null);
  const locale = useLocale();
  const [filter, setFilter] = useState('');
  const deferredFilter = useDeferredValue(filter);
  // biome-ignore lint/correctness/useExhaustiveDependencies: locale is a dependency: the titles are in the UI language
  const [rows, targets, shownCount] = useMemo(() => {
    const targets = new Map<string, TreeTarget>();
    const byGroup = new Map<string, ServerSummary[]>(groups.map((group) => [group, []]));
    for (const server of servers) {
      if (!matchesFilter(server, deferredFilter)) continue;
      const members = byGroup.get(server.group) ?? [];
      members.push(server);
      byGroup.set(server.group, members);
    }
    const rows: TreeRow[] = [];
    let shown = 0;
    for (const [group, members] of byGroup) {
      if (members.length === 0 && deferredFilter) continue;
      shown += members.length;
      const key = `group:${group}`;
      targets.set(key, { kind: 'group', group });
      const text = `${groupLabel(group)} (${members.length})`;
      rows.push({ key, level: 0, title: () => text, label: text, parent: members.length > 0, selectable: false });
      for (const server of members) {
        targets.set(server.id, { kind: 'server', server });
        const state = connections.get(server.id);
        const children = state ? databaseRows(server, databases.get(server.id), targets) : [];
        const title = () => serverTitle(server, state);
        rows.push({ key: server.id, level: 1, title, parent: children.length > 0, selectable: true });
        rows.push(...children);
      }
    }
    return [rows, targets, shown] as const;
  }, [servers, groups, connections, databases, deferredFilter, locale]);
  const selectedKey = selected && (selectedDatabase ? `db:${selected}:${selectedDatabase}` : selected);
  // The context-menu key and Shift+F10 open the menu of the node the keyboard is on (else the selected one).
  const openFromKeyboard = (event: { preventDefault(): void; currentTarget: Element }) => {
    const key = activeKey.current ?? selectedKey;
    const target = key ? targets.get(key) : undefined;
    if (!target) return;
    event.preventDefault();
    const node = event.currentTarget.querySelector('.ant-tree-treenode-active, .ant-tree-treenode-selected');
    const box = (node ?? event.currentTarget).getBoundingClientRect();
    props.onContextMenu(target, { x: box.left + 24, y: box.bottom });
  };
  return (
    <nav
      aria-label={t('tree.servers')}
      style={{ display: 'flex', flexDirection: 'column', gap: 8, height: '100%' }}
      onKeyDown={(event) => {
        if (event.key === 'ContextMenu' || (event.shiftKey && event.key === 'F10')) openFromKeyboard(event);
      }}
      onContextMenu={(event: MouseEvent<HTMLElement>) => {
        // Right-clicks on a node reach its row's handler; a keyboard's contextmenu event lands on the tree itself.
        if ((event.target as Element).closest('.ant-tree-treenode')) return event.preventDefault();
        if ((event.target as Element).closest('[role="tree"]')) openFromKeyboard(event);
      }}
    >
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
      <VirtualTree
        height={Math.max(200, window.innerHeight - 140)}
        rows={rows}
        selectedKey={selectedKey}
        onActiveChange={(key) => {
          activeKey.current = key;
        }}
        onSelect={(key) => {
          const target = targets.get(key);
          if (target?.kind === 'server') onSelect(target.server.id, target.database);
        }}
        onRowContextMenu={(key, event) => {
          const target = targets.get(key);
          event.preventDefault();
          if (!target) return;
          if (target.kind === 'server') onSelect(target.server.id, target.database);
          props.onContextMenu(target, { x: event.clientX, y: event.clientY });
        }}
      />
    </nav>
  );
}
