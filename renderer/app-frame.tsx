import { theme } from 'antd';
import type { ReactNode } from 'react';

/** The class that carries the theme's CSS variables (set on the ConfigProvider, so that AppFrame can draw it). */
export const themeClass = 'css-var-rdspg';

/**
 * The element antd's App wraps the UI in (its classes: the theme's hash, `ant-app` and the theme's CSS-variable
 * class), without App itself, whose message, modal and notification code the first screen does not need.
 */
export function AppFrame({ children }: { children: ReactNode }) {
  const { hashId } = theme.useToken();
  return <div className={[hashId, 'ant-app', themeClass].filter(Boolean).join(' ')}>{children}</div>;
}
