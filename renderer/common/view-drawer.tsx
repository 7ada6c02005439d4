import { Suspense } from 'react';
import { lazyView } from '../later-styles';
import type { DrawerFrameProps } from './drawer-frame';

// antd's Drawer is not part of the first screen: it loads with the first view opened in one.
const DrawerFrame = lazyView(() => import('./drawer-frame').then((module) => module.DrawerFrame));

/** A drawer holding a view (Cloud, Certificates, Query Tool); the drawer's own code loads when it first opens. */
export function ViewDrawer(props: DrawerFrameProps) {
  return (
    <Suspense fallback={null}>
      <DrawerFrame {...props} />
    </Suspense>
  );
}
