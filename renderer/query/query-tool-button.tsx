import { Button, Drawer, Spin } from 'antd';
import { Suspense, useState } from 'react';
import type { ServerSummary } from '../../shared/contract/servers';
import { useT } from '../i18n';
import { lazyView } from '../later-styles';
import { queryToolTitle } from './query-title';

const QueryTool = lazyView(() => import('./query-tool').then((module) => module.QueryTool));

/** The Query Tool button of a connected server; opens the tool on `database` in a drawer (its code loads on first use). */
export function QueryToolButton({ server, database }: { server: ServerSummary; database?: string }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('query.open')}</Button>
      {open && (
        <Drawer
          open
          size="80%"
          title={queryToolTitle(server.name, database)}
          onClose={() => setOpen(false)}
          destroyOnHidden
        >
          <Suspense fallback={<Spin aria-label={t('common.loading')} />}>
            <QueryTool server={server} database={database} />
          </Suspense>
        </Drawer>
      )}
    </>
  );
}
