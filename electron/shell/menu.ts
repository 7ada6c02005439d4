import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/contract';

/** The native menu: Register > Server…, Lock, Change master password…, Quit; edit and view roles for the keyboard. */
export function menuTemplate(
  send: (command: MenuCommand) => void,
  platform: NodeJS.Platform,
): MenuItemConstructorOptions[] {
  const file: MenuItemConstructorOptions = {
    label: platform === 'darwin' ? 'RDS PG Connect' : 'File',
    submenu: [
      { label: 'Lock', accelerator: 'CmdOrCtrl+L', click: () => send('lock') },
      { label: 'Change master password…', click: () => send('change-master-password') },
      { type: 'separator' },
      { role: 'quit', label: 'Quit' },
    ],
  };
  return [
    file,
    {
      label: 'Register',
      submenu: [{ label: 'Server…', accelerator: 'CmdOrCtrl+Shift+N', click: () => send('register-server') }],
    },
    { role: 'editMenu' },
    { role: 'viewMenu' },
  ];
}
