import { BrowserWindow, type Session, shell } from 'electron';
import { contentSecurityPolicy } from '../server/security';
import { isAllowedExternalUrl } from './external-links';

/** Where the window's page and preload are. */
export interface WindowFiles {
  preloadPath: string;
  /** The app:// URL of the UI's page (electron/shell/app-scheme.ts); never file://. */
  pageUrl: string;
}

/** The hardened settings every window of the app gets. */
export const hardenedWebPreferences = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false,
} as const;

/** Adds the CSP header to every response of the session (app:// answers carry it themselves too); refuses permission requests and checks (camera, geolocation…). */
export function hardenSession(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] } });
  });
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** The one window factory: context isolation, sandbox, no Node; no new windows, no navigation away from the app. */
export function createMainWindow(files: WindowFiles): BrowserWindow {
  const window = new BrowserWindow({
    width: 1200,
    height: 800,
    minWidth: 800,
    minHeight: 560,
    title: 'RDS PG Connect',
    show: false,
    webPreferences: { ...hardenedWebPreferences, preload: files.preloadPath },
  });
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event, url) => {
    if (url !== files.pageUrl) event.preventDefault();
  });
  window.webContents.on('will-redirect', (event) => event.preventDefault());
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  void window.loadURL(files.pageUrl);
  return window;
}
