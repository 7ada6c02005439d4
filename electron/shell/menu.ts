import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/contract';
import { type NativeMenuLabels, nativeMenuLabels } from '../../shared/menu-labels';

/**
 * The native menu: Register > Server…, Lock, Change master password…, Quit; Edit and View with Electron's roles (for
 * the keyboard), each item named in the UI language rather than by Electron.
 */
export function menuTemplate(
  send: (command: MenuCommand) => void,
  platform: NodeJS.Platform,
  labels: NativeMenuLabels = nativeMenuLabels('en'),
): MenuItemConstructorOptions[] {
  const file: MenuItemConstructorOptions = {
    label: platform === 'darwin' ? 'RDS PG Connect' : labels.file,
    submenu: [
      { label: labels.lock, accelerator: 'CmdOrCtrl+L', click: () => send('lock') },
      { label: labels.changeMasterPassword, click: () => send('change-master-password') },
      { type: 'separator' },
      { role: 'quit', label: labels.quit },
    ],
  };
  return [
    file,
    {
      label: labels.register,
      submenu: [
        { label: labels.registerServer, accelerator: 'CmdOrCtrl+Shift+N', click: () => send('register-server') },
        { label: labels.registerGroup, click: () => send('register-group') },
      ],
    },
    {
      label: labels.edit,
      submenu: [
        { role: 'undo', label: labels.undo },
        { role: 'redo', label: labels.redo },
        { type: 'separator' },
        { role: 'cut', label: labels.cut },
        { role: 'copy', label: labels.copy },
        { role: 'paste', label: labels.paste },
        { role: 'selectAll', label: labels.selectAll },
      ],
    },
    {
      label: labels.view,
      submenu: [
        { role: 'reload', label: labels.reload },
        { role: 'forceReload', label: labels.forceReload },
        { role: 'toggleDevTools', label: labels.toggleDevTools },
        { type: 'separator' },
        { role: 'resetZoom', label: labels.resetZoom },
        { role: 'zoomIn', label: labels.zoomIn },
        { role: 'zoomOut', label: labels.zoomOut },
        { type: 'separator' },
        { role: 'togglefullscreen', label: labels.toggleFullScreen },
      ],
    },
  ];
}

/** The native Open dialog's file types for certificate fields, named in the UI language. */
export function certificateFileFilters(labels: NativeMenuLabels): { name: string; extensions: string[] }[] {
  return [
    {
      name: labels.certificateFiles,
      extensions: ['pem', 'crt', 'cer', 'der', 'key', 'p7b', 'p12', 'pfx', 'jks', 'crl', 'zip'],
    },
    { name: labels.allFiles, extensions: ['*'] },
  ];
}
