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

/**
 * A busy button's props: antd's loading (the spinner; clicks ignored) and aria-busy. For a Modal's okButtonProps
 * (beside confirmLoading, which also keeps the Modal from closing while busy).
 */
export function busyProps(busy: boolean): Pick<ButtonProps, 'loading' | 'aria-busy'> {
  return { loading: busy, 'aria-busy': busy || undefined };
}

/** An antd Button that, while `busy`, shows the spinner, ignores clicks and says aria-busy; its name stays its label. */
export function BusyButton({ busy, ...props }: Omit<ButtonProps, 'loading'> & { busy: boolean }) {
  return <Button {...props} {...busyProps(busy)} />;
}
