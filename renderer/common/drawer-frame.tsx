import { Drawer, Spin } from 'antd';
import { type ReactNode, Suspense } from 'react';
import { t } from '../i18n';

/** What a view drawer shows: its size, title and content, and how it closes. */
export interface DrawerFrameProps {
  size: string;
  title: ReactNode;
  onClose: () => void;
  destroyOnHidden?: boolean;
  children: ReactNode;
}

/** antd's Drawer around a view that loads on first use (a spinner until it is in). */
export function DrawerFrame({ children, ...props }: DrawerFrameProps) {
  return (
    <Drawer open {...props}>
      <Suspense fallback={<Spin aria-label={t('common.loading')} />}>{children}</Suspense>
    </Drawer>
  );
}
