import { Button, Drawer, Spin } from 'antd';
import { Suspense, useState } from 'react';
import type { ServerForm } from '../../shared/contract/server-form';
import { useT } from '../i18n';
import { lazyView } from '../later-styles';

const CloudView = lazyView(() => import('./cloud-view').then((module) => module.CloudView));

/** The Cloud menu button: opens the Alibaba Cloud panel in a drawer (its code loads on first use). */
export function CloudButton({
  onRegister,
  onConnected,
}: {
  onRegister: (form: ServerForm) => void;
  onConnected: (serverId: string) => void;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button role="menuitem" onClick={() => setOpen(true)}>
        {t('cloud.menu')}
      </Button>
      {open && (
        <Drawer open size="90%" title={t('cloud.title')} onClose={() => setOpen(false)}>
          <Suspense fallback={<Spin aria-label={t('common.loading')} />}>
            <CloudView
              onRegister={(form) => {
                setOpen(false);
                onRegister(form);
              }}
              onConnected={(serverId) => {
                setOpen(false);
                onConnected(serverId);
              }}
            />
          </Suspense>
        </Drawer>
      )}
    </>
  );
}
