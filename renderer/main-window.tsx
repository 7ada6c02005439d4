import { Button, Empty, Layout, Space } from 'antd';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import type { MenuCommand } from '../shared/contract';
import type { ServerForm } from '../shared/contract/server-form';
import type { ServerSummary } from '../shared/contract/servers';
import type { VaultStatus } from '../shared/contract/vault';
import { api, bridge } from './api/bridge';
import { CertificatesButton } from './certificates/certificates-button';
import { CloudButton } from './cloud/cloud-button';
import { describeFailure, failureLine, type ShownFailure } from './errors';
import { t } from './i18n';
import { LanguageMenu } from './i18n/language-menu';
import { lazyView, loadLaterStylesSoon } from './later-styles';
import { MenuButton } from './menu-button';
import { QueryToolDrawer } from './query/query-tool-button';
import { SignOutButton } from './server-mode/session-end';
import { type MenuPosition, ServerTree, type TreeTarget } from './servers/server-tree';
import { useDatabases } from './servers/use-databases';
import { useServers } from './servers/use-servers';
import { SplitPane } from './split-pane';
import { useStyledApp } from './styled-app';
import { IdleLockMenu } from './vault/idle-lock-menu';

const GroupDialog = lazyView(() => import('./servers/group-dialog').then((module) => module.GroupDialog));
const ServerDialog = lazyView(() => import('./dialog/server-dialog').then((module) => module.ServerDialog));
const ChangeDialog = lazyView(() => import('./vault/change-dialog').then((module) => module.ChangeDialog));
const ResetDialog = lazyView(() => import('./vault/reset-dialog').then((module) => module.ResetDialog));
// Not on the first screen (no server is selected yet, no password asked): loaded when first shown.
const ServerPanel = lazyView(() => import('./servers/server-panel').then((module) => module.ServerPanel));
const PasswordPrompt = lazyView(() => import('./servers/password-prompt').then((module) => module.PasswordPrompt));
// The tree's context menu (antd's Dropdown): loaded when first opened; its styles are the first screen's.
const TreeMenu = lazy(() => import('./servers/tree-menu').then((module) => ({ default: module.TreeMenu })));

type Overlay =
  | { kind: 'register'; initial?: ServerForm }
  | { kind: 'properties'; id: string }
  | { kind: 'group'; from?: string }
  | { kind: 'query'; server: ServerSummary; database?: string }
  | { kind: 'change' }
  | { kind: 'reset' }
  | { kind: 'password'; server: ServerSummary; problem?: string }
  | null;

/** The main window: menus, the Servers tree, and the selected server's panel. */
export function MainWindow({ onStatus }: { onStatus: (status: VaultStatus) => void }) {
  const { message, modal } = useStyledApp();
  const { servers, groups, connections, loaded, refresh, problem: listProblem } = useServers();
  // Once the tree is on screen and settled, the styles of everything else load.
  useEffect(() => (loaded ? loadLaterStylesSoon() : undefined), [loaded]);
  const [selected, setSelected] = useState<string | null>(null);
  const [database, setDatabase] = useState<string | null>(null);
  const [menu, setMenu] = useState<{ target: TreeTarget; position: MenuPosition } | null>(null);
  const databases = useDatabases(connections);
  const [overlay, setOverlay] = useState<Overlay>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ShownFailure | null>(null);
  const server = servers.find((item) => item.id === selected) ?? null;

  /** Puts back the last good servers.json when the list says it is damaged. */
  async function restoreServers() {
    const answer = await api['servers:restore']({});
    if (!answer.ok) {
      return message.error(failureLine(answer.error));
    }
    await refresh();
  }

  // Lock disconnects every server and clears the selection: say so and ask first.
  const lock = useCallback(() => {
    modal.confirm({
      title: t('lock.title'),
      content: t('lock.detail'),
      okText: t('lock.ok'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        const answer = await api['vault:lock']({});
        if (answer.ok) onStatus(answer.value);
      },
    });
  }, [modal, onStatus]);
  const onMenu = useCallback(
    (command: MenuCommand) => {
      if (command === 'register-server') setOverlay({ kind: 'register' });
      else if (command === 'register-group') setOverlay({ kind: 'group' });
      else if (command === 'lock') lock();
      else setOverlay({ kind: 'change' });
    },
    [lock],
  );
  useEffect(() => bridge.onMenuCommand(onMenu), [onMenu]);

  async function connect(target: ServerSummary, password?: string, savePassword?: boolean) {
    setBusy(true);
    setProblem(null);
    const answer = await api['connection:connect']({ id: target.id, password, savePassword });
    setBusy(false);
    if (answer.ok) {
      message.success(t('main.connectedTo', { name: target.name }));
      return refresh();
    }
    if (answer.error.code === 'password_required' && password === undefined)
      return setOverlay({ kind: 'password', server: target });
    // The saved password was kept back (saved for another endpoint or a stricter sslmode): ask for it, saying why.
    if (answer.error.code.startsWith('saved_password_') && password === undefined)
      return setOverlay({ kind: 'password', server: target, problem: failureLine(answer.error) });
    if (answer.error.code === 'tunnel_host_key_unknown') {
      // The jump host's first-use confirmation, as Test connection asks it; then connect again.
      const { confirmHostKey } = await import('./dialog/ssh-tunnel-tab');
      const details = await api['servers:get']({ id: target.id });
      if (details.ok && (await confirmHostKey(modal, details.value.form)))
        return connect(target, password, savePassword);
    }
    const failure = describeFailure(answer.error);
    // A wrong typed password keeps the prompt open with the reason, rather than closing it.
    if (password !== undefined && answer.error.code === 'authentication_failed')
      return setOverlay({ kind: 'password', server: target, problem: failureLine(answer.error) });
    setProblem(failure);
  }
  const actions = {
    connect: (target: ServerSummary) => void connect(target),
    disconnect: async (target: ServerSummary) => {
      await api['connection:disconnect']({ id: target.id });
      if (target.id === selected) setDatabase(null);
      await refresh();
    },
    properties: (target: ServerSummary) => setOverlay({ kind: 'properties', id: target.id }),
    remove: async (target: ServerSummary) => {
      const answer = await api['servers:delete']({ id: target.id });
      if (!answer.ok) return setProblem(describeFailure(answer.error));
      setSelected(null);
      await refresh();
    },
    clearPassword: async (target: ServerSummary) => {
      const answer = await api['servers:clear-password']({ id: target.id });
      if (!answer.ok) return setProblem(describeFailure(answer.error));
      message.info(t('main.passwordCleared', { name: target.name }));
      await refresh();
    },
  };
  const treeActions = {
    ...actions,
    queryTool: (target: ServerSummary, chosen?: string) =>
      setOverlay({ kind: 'query', server: target, database: chosen }),
    renameGroup: (group: string) => setOverlay({ kind: 'group', from: group }),
    groupDeleted: () => void refresh(),
  };
  async function saved(summary: ServerSummary | null, connectNow: boolean) {
    setOverlay(null);
    await refresh();
    if (summary) {
      setSelected(summary.id);
      if (connectNow) await connect(summary);
    }
  }

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {/* The menu bar wraps onto a second row when the window is narrower than it (1024 px in English): the page
          never scrolls sideways and every menu stays in reach. */}
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 16,
          height: 'auto',
          minHeight: 64,
          lineHeight: 'normal',
          paddingBlock: 16,
          paddingInline: 16,
          background: 'transparent',
          borderBottom: '1px solid rgba(128,128,128,0.3)',
        }}
      >
        {/* antd's Typography.Title, drawn (its code is not part of the first screen) */}
        <h1 className="ant-typography" style={{ margin: 0, fontSize: 18, whiteSpace: 'nowrap' }}>
          RDS PG Connect
        </h1>
        <Space role="menubar" aria-label={t('menu.main')} wrap style={{ flex: '1 1 0', minWidth: 0 }}>
          <MenuButton
            role="menuitem"
            menu={{
              items: [
                { key: 'server', label: t('menu.registerServer'), onClick: () => setOverlay({ kind: 'register' }) },
                { key: 'group', label: t('menu.registerGroup'), onClick: () => setOverlay({ kind: 'group' }) },
              ],
            }}
          >
            {t('menu.register')}
          </MenuButton>
          <MenuButton
            role="menuitem"
            menu={{
              items: [
                { key: 'change', label: t('menu.changeMasterPassword'), onClick: () => setOverlay({ kind: 'change' }) },
                {
                  key: 'reset',
                  label: t('menu.resetMasterPassword'),
                  danger: true,
                  onClick: () => setOverlay({ kind: 'reset' }),
                },
              ],
            }}
          >
            {t('menu.masterPassword')}
          </MenuButton>
          <Button role="menuitem" onClick={lock}>
            {t('menu.lock')}
          </Button>
          <IdleLockMenu />
          <CloudButton
            onRegister={(form) => setOverlay({ kind: 'register', initial: form })}
            onConnected={(serverId) => {
              setSelected(serverId);
              void refresh();
            }}
          />
          <CertificatesButton />
          <LanguageMenu inMenuBar />
          <SignOutButton />
        </Space>
      </Layout.Header>
      <SplitPane
        defaultSize={320}
        minSize={200}
        maxShare={0.6}
        label={t('main.resizeSidebar')}
        style={{ flex: 1 }}
        firstStyle={{ padding: 12 }}
        secondStyle={{ padding: 24 }}
        first={
          <>
            {listProblem && (
              <div role="alert">
                <p>{listProblem.message}</p>
                {listProblem.code === 'registry_corrupt' && (
                  <Button onClick={restoreServers}>{t('servers.restore')}</Button>
                )}
              </div>
            )}
            <ServerTree
              servers={servers}
              groups={groups}
              connections={connections}
              databases={databases}
              selected={selected}
              selectedDatabase={database}
              onSelect={(id, chosen) => {
                setSelected(id);
                setDatabase(chosen ?? null);
              }}
              onContextMenu={(target, position) => setMenu({ target, position })}
            />
            {menu && (
              <Suspense fallback={null}>
                <TreeMenu
                  target={menu.target}
                  position={menu.position}
                  connected={menu.target.kind === 'server' && connections.has(menu.target.server.id)}
                  actions={treeActions}
                  onClose={() => setMenu(null)}
                />
              </Suspense>
            )}
          </>
        }
        second={
          server ? (
            <Suspense fallback={null}>
              <ServerPanel
                server={server}
                state={connections.get(server.id)}
                database={database ?? undefined}
                actions={actions}
                busy={busy}
                problem={problem}
              />
            </Suspense>
          ) : (
            <Empty description={t('panel.empty')} />
          )
        }
      />
      <Suspense fallback={null}>
        {(overlay?.kind === 'register' || overlay?.kind === 'properties') && (
          <ServerDialog
            serverId={overlay.kind === 'properties' ? overlay.id : null}
            initialForm={overlay.kind === 'register' ? overlay.initial : undefined}
            groups={groups}
            onClose={saved}
          />
        )}
        {overlay?.kind === 'group' && (
          <GroupDialog
            from={overlay.from}
            onClose={(group) => {
              setOverlay(null);
              if (group && !overlay.from) message.success(t('group.created', { name: group }));
              if (group) void refresh();
            }}
          />
        )}
        {overlay?.kind === 'query' && (
          <QueryToolDrawer server={overlay.server} database={overlay.database} onClose={() => setOverlay(null)} />
        )}
        {overlay?.kind === 'change' && (
          <ChangeDialog
            onClose={(changed) => {
              setOverlay(null);
              if (changed) message.success(t('main.masterPasswordChanged'));
            }}
          />
        )}
        {overlay?.kind === 'reset' && (
          <ResetDialog
            onClose={() => setOverlay(null)}
            onStatus={(status) => {
              onStatus(status);
              void refresh();
            }}
          />
        )}
        {overlay?.kind === 'password' && (
          <PasswordPrompt
            serverName={overlay.server.name}
            username={overlay.server.username}
            problem={overlay.problem}
            busy={busy}
            onCancel={() => setOverlay(null)}
            onSubmit={async (password, save) => {
              const target = overlay.server;
              setOverlay({ kind: 'password', server: target });
              await connect(target, password, save);
              setOverlay((current) => (current?.kind === 'password' && !current.problem ? null : current));
            }}
          />
        )}
      </Suspense>
    </Layout>
  );
}
