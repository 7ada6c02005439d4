import { Dropdown, Input, type MenuProps } from 'antd';
import type { ServerSummary } from '../../shared/contract/servers';
import { defaultGroup } from '../../shared/server-groups';
import { api } from '../api/bridge';
import { failureLine } from '../errors';
import { t } from '../i18n';
import { groupLabel } from '../i18n/labels';
import { useStyledApp } from '../styled-app';
import type { MenuPosition, TreeTarget } from './server-tree';

/** What the tree's context menu can ask of the main window. */
export interface TreeMenuActions {
  connect(server: ServerSummary): void;
  disconnect(server: ServerSummary): void;
  queryTool(server: ServerSummary, database?: string): void;
  properties(server: ServerSummary): void;
  remove(server: ServerSummary): void;
  renameGroup(group: string): void;
  /** Called after a group was deleted (its servers moved to "Servers"). */
  groupDeleted(): void;
}

/** Copies a saved server as conninfo or a JDBC URL (never the password) and says so on screen. */
function useCopy() {
  const { message, modal } = useStyledApp();
  return async (server: ServerSummary, format: 'conninfo' | 'jdbc') => {
    const answer = await api['servers:export']({ id: server.id, format });
    if (!answer.ok) return void message.error(failureLine(answer.error));
    const { text, notes } = answer.value;
    const copied = await navigator.clipboard?.writeText(text).then(
      () => true,
      () => false,
    );
    if (!copied)
      return void modal.info({
        title: format === 'conninfo' ? t('tree.copyConninfo') : t('tree.copyJdbc'),
        content: (
          <>
            <p>{t('tree.copyHere')}</p>
            <Input.TextArea readOnly autoSize value={text} aria-label={t('tree.copyHere')} />
          </>
        ),
      });
    void message.success({
      content: (
        <span data-testid="copied">
          {t('tree.copied', { text })}
          {notes.map((note) => (
            <span key={note} style={{ display: 'block', opacity: 0.75 }}>
              {note}
            </span>
          ))}
        </span>
      ),
      duration: 6,
    });
  };
}

/** The tree's context menu (right-click, the context-menu key, Shift+F10) at the given place. */
export function TreeMenu(props: {
  target: TreeTarget;
  position: MenuPosition;
  connected: boolean;
  actions: TreeMenuActions;
  onClose: () => void;
}) {
  const { target, actions } = props;
  const { modal, message } = useStyledApp();
  const copy = useCopy();
  const confirmDeleteGroup = (group: string) =>
    modal.confirm({
      title: t('group.deleteConfirm', { name: group }),
      content: t('group.deleteNote', { target: groupLabel(defaultGroup) }),
      okText: t('group.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        const answer = await api['servers:group-delete']({ name: group });
        if (!answer.ok) return void message.error(failureLine(answer.error));
        message.success(
          t('group.deleted', { name: group, count: answer.value.moved, target: groupLabel(defaultGroup) }),
        );
        actions.groupDeleted();
      },
    });
  const confirmDeleteServer = (server: ServerSummary) =>
    modal.confirm({
      title: t('panel.deleteConfirm', { name: server.name }),
      content: t('panel.deleteNote'),
      okText: t('panel.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => actions.remove(server),
    });
  let items: MenuProps['items'];
  let run: (key: string) => void;
  if (target.kind === 'group') {
    items = [
      { key: 'rename', label: t('group.rename') },
      { key: 'delete', label: t('group.delete'), danger: true, disabled: target.group === defaultGroup },
    ];
    run = (key) => (key === 'rename' ? actions.renameGroup(target.group) : confirmDeleteGroup(target.group));
  } else {
    const { server, database } = target;
    items = [
      props.connected
        ? { key: 'disconnect', label: t('panel.disconnect') }
        : { key: 'connect', label: t('panel.connect') },
      { key: 'query', label: t('query.open'), disabled: !props.connected },
      { key: 'properties', label: t('panel.properties') },
      { type: 'divider' },
      { key: 'conninfo', label: t('tree.copyConninfo') },
      { key: 'jdbc', label: t('tree.copyJdbc') },
      { type: 'divider' },
      { key: 'delete', label: t('tree.deleteServer'), danger: true },
    ];
    const commands: Record<string, () => void> = {
      connect: () => actions.connect(server),
      disconnect: () => actions.disconnect(server),
      query: () => actions.queryTool(server, database),
      properties: () => actions.properties(server),
      conninfo: () => void copy(server, 'conninfo'),
      jdbc: () => void copy(server, 'jdbc'),
      delete: () => confirmDeleteServer(server),
    };
    run = (key) => commands[key]?.();
  }
  const name = target.kind === 'group' ? target.group : (target.database ?? target.server.name);
  return (
    <Dropdown
      open
      autoFocus
      trigger={['contextMenu']}
      onOpenChange={(open) => {
        if (open) return;
        props.onClose();
        // Escape or a click elsewhere: the keyboard goes back to the tree, not to the page.
        document.querySelector<HTMLElement>('nav [role="tree"]')?.focus();
      }}
      menu={{
        items,
        'aria-label': t('tree.menu', { name }),
        onClick: ({ key }) => {
          props.onClose();
          run(key);
        },
      }}
    >
      <span
        aria-hidden
        style={{ position: 'fixed', left: props.position.x, top: props.position.y, width: 1, height: 1 }}
      />
    </Dropdown>
  );
}
