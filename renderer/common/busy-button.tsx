import { Button, type ButtonProps } from 'antd';

/**
 * The loading icon of every antd Button (set once in the app's ConfigProvider): a ring hidden from assistive
 * technology that goes at once. antd's own is named "loading" and leaves with a motion, so for a moment after a
 * button stopped loading its accessible name was "loading Connect".
 */
export const busySpinner = (
  // In antd's icon box (its baseline and alignment inside a button), as antd's own spinner is.
  <span className="anticon" aria-hidden="true">
    <span className="rdspg-busy-spinner" />
  </span>
);

/** An antd Button that, while `busy`, shows the spinner, ignores clicks and says aria-busy; its name stays its label. */
export function BusyButton({ busy, ...props }: Omit<ButtonProps, 'loading'> & { busy: boolean }) {
  return <Button {...props} loading={busy} aria-busy={busy || undefined} />;
}
