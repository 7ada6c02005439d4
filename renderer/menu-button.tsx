import { Button, type ButtonProps, type MenuProps } from 'antd';
import { lazy, Suspense, useState } from 'react';

// antd's Dropdown (its menu, trigger and motion code) loads on the first open: the first screen shows only buttons.
const Dropdown = lazy(() => import('./menu-dropdown').then((module) => ({ default: module.Dropdown })));

/** Starts loading the drop-down's code (on hover or focus, so that it is usually in before the click). */
function preload(): void {
  void import('./menu-dropdown');
}

/** A menu bar button that opens a drop-down menu on click (or Enter / Space), focused on its first item. */
export function MenuButton({ menu, children, ...button }: ButtonProps & { menu: MenuProps }) {
  const [used, setUsed] = useState(false);
  const [open, setOpen] = useState(false);
  if (!used)
    return (
      <Button
        {...button}
        onPointerEnter={preload}
        onFocus={preload}
        onClick={() => {
          setUsed(true);
          setOpen(true);
        }}
      >
        {children}
      </Button>
    );
  const trigger = <Button {...button}>{children}</Button>;
  return (
    <Suspense fallback={trigger}>
      <Dropdown trigger={['click']} autoFocus open={open} onOpenChange={setOpen} menu={menu}>
        {trigger}
      </Dropdown>
    </Suspense>
  );
}
