import { Button, Drawer, Spin } from 'antd';
import { Suspense, useState } from 'react';
import type { ServerSummary } from '../../shared/contract/servers';
import { useT } from '../i18n';
import { lazyView } from '../later-styles';

const QueryTool = lazyView(() => import('./query-tool').then((module) => module.QueryTool));

/** The Query Tool button of a connected server; opens the tool in a drawer (its code loads on first use). */
export function QueryToolButton({ server }: { server: ServerSummary }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('query.open')}</Button>
      {open && (
        <Drawer
          open
          size="80%"
          title={t('query.title', { name: server.name })}
          onClose={() => setOpen(false)}
          destroyOnHidden
        >
          <Suspense fallback={<Spin aria-label={t('common.loading')} />}>
            <QueryTool server={server} />
          </Suspense>
        </Drawer>
      )}
    </>
  );
}
