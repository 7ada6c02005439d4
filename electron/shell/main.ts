// The Electron main process: the only composition root of the desktop app.
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, protocol, session } from 'electron';
import type { MenuCommand } from '../../shared/contract';
import { nativeMenuLabels } from '../../shared/menu-labels';
import { composeApp } from '../app/compose';
import { answerAppRequest, appPageUrl, appScheme, appSchemeRegistration } from './app-scheme';
import { registerIpcHandlers } from './ipc';
import { certificateFileFilters, menuTemplate } from './menu';
import { createMainWindow, hardenSession } from './window';

async function start(): Promise<void> {
  nativeTheme.themeSource = 'system';
  const rendererRoot = join(__dirname, '..', 'renderer');
  protocol.handle(appScheme, (request) => answerAppRequest(request, rendererRoot));
  const files = { preloadPath: join(__dirname, 'preload.cjs'), pageUrl: appPageUrl };
  let window: BrowserWindow | null = null;
  const send = (command: MenuCommand) => window?.webContents.send('menu:command', command);
  // The native menu and file dialog speak the OS language until the window says which language the user chose.
  let labels = nativeMenuLabels(app.getLocale());
  const applyMenu = (tag: string) => {
    labels = nativeMenuLabels(tag);
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(send, process.platform, labels)));
  };
  const home = process.env.RDSPG_HOME || app.getPath('userData');
  const composed = await composeApp({
    mode: 'electron',
    home,
    env: process.env,
    version: app.getVersion(),
    chooseFile: async () => {
      const options = { properties: ['openFile' as const], filters: certificateFileFilters(labels) };
      const chosen = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return chosen.canceled ? null : (chosen.filePaths[0] ?? null);
    },
    setLanguage: applyMenu,
  });
  registerIpcHandlers(ipcMain, composed.table, files.pageUrl, (channel, error) =>
    console.error(`[main] bug in ${channel}: ${(error as Error)?.message ?? error}`),
  );
  applyMenu(app.getLocale());
  hardenSession(session.defaultSession);
  window = createMainWindow(files);
  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) window = createMainWindow(files);
  });
  app.on('before-quit', () => void composed.sessions.closeAll());
  app.on('before-quit', () => void composed.ports.rds.close());
}

// Before ready, or the scheme would get no origin and no secure context.
protocol.registerSchemesAsPrivileged([appSchemeRegistration]);
if (!app.requestSingleInstanceLock()) app.quit();
else {
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.whenReady().then(start, (error) => {
    console.error(`[main] could not start: ${(error as Error).message}`);
    app.exit(1);
  });
}
