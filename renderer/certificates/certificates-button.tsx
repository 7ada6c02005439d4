import { Button } from 'antd';
import { useState } from 'react';
import { ViewDrawer } from '../common/view-drawer';
import { useT } from '../i18n';
import { lazyView } from '../later-styles';

const CertificatesView = lazyView(() => import('./certificates-view').then((module) => module.CertificatesView));

/** The Certificates menu button; opens the certificates view in a drawer (its code loads on first use). */
export function CertificatesButton() {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button role="menuitem" onClick={() => setOpen(true)}>
        {t('certificates.menu')}
      </Button>
      {open && (
        <ViewDrawer size="85%" title={t('certificates.title')} onClose={() => setOpen(false)}>
          <CertificatesView />
        </ViewDrawer>
      )}
    </>
  );
}
