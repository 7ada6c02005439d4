import { Button } from 'antd';
import { useState } from 'react';
import type { ServerSummary } from '../../shared/contract/servers';
import { ViewDrawer } from '../common/view-drawer';
import { useT } from '../i18n';
import { lazyView } from '../later-styles';
import { queryToolTitle } from './query-title';

const QueryTool = lazyView(() => import('./query-tool').then((module) => module.QueryTool));

/** The Query Tool in a drawer, on the database chosen in the tree (the connected one when none); loads on first use. */
export function QueryToolDrawer(props: { server: ServerSummary; database?: string; onClose: () => void }) {
  const { server, database } = props;
  return (
    <ViewDrawer size="80%" title={queryToolTitle(server.name, database)} onClose={props.onClose} destroyOnHidden>
      <QueryTool server={server} database={database} />
    </ViewDrawer>
  );
}

/** The Query Tool button of a connected server; opens the tool in a drawer on the given database. */
export function QueryToolButton({ server, database }: { server: ServerSummary; database?: string }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('query.open')}</Button>
      {open && <QueryToolDrawer server={server} database={database} onClose={() => setOpen(false)} />}
    </>
  );
}
