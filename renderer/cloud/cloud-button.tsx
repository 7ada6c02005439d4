import { Button } from 'antd';
import { useState } from 'react';
import type { ServerForm } from '../../shared/contract/server-form';
import { ViewDrawer } from '../common/view-drawer';
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
        <ViewDrawer size="90%" title={t('cloud.title')} onClose={() => setOpen(false)}>
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
        </ViewDrawer>
      )}
    </>
  );
}
