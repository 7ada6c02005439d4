import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/contract';
import { type NativeMenuLabels, nativeMenuLabels } from '../../shared/menu-labels';

/** The native menu: Register > Server…, Lock, Change master password…, Quit; edit and view roles for the keyboard. */
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
    { role: 'editMenu', label: labels.edit },
    { role: 'viewMenu', label: labels.view },
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
