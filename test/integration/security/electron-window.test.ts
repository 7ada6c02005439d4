import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { appPageUrl, appSchemeRegistration } from '../../../electron/shell/app-scheme';

// Electron's binary cannot be installed here (no network beyond the registries), so its main-process API is a
// recorder: it keeps what the shell asks of it, and the tests check that against Electron's security checklist.
const recorded = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => unknown;
  const state = {
    windows: [] as {
      options: { webPreferences: Record<string, unknown> };
      contents: Record<string, Listener[]>;
      openHandler?: Listener;
    }[],
    opened: [] as string[],
    appListeners: {} as Record<string, Listener[]>,
    sandboxEnabled: false,
    privilegedSchemes: [] as unknown[],
    readyAsked: false,
  };
  class BrowserWindow {
    webContents: Record<string, unknown>;
    constructor(options: Record<string, unknown>) {
      const record = { options, contents: {} as Record<string, Listener[]> } as (typeof state.windows)[number];
      state.windows.push(record);
      this.webContents = {
        setWindowOpenHandler: (handler: Listener) => {
          record.openHandler = handler;
        },
        on: (name: string, listener: Listener) => {
          record.contents[name] = [...(record.contents[name] ?? []), listener];
        },
      };
    }
    once() {}
    loadURL() {
      return Promise.resolve();
    }
    static getAllWindows() {
      return [];
    }
  }
  const app = {
    requestSingleInstanceLock: () => true,
    enableSandbox: () => {
      state.sandboxEnabled = true;
    },
    on: (name: string, listener: Listener) => {
      state.appListeners[name] = [...(state.appListeners[name] ?? []), listener];
    },
    whenReady: () => {
      state.readyAsked = true;
      return new Promise(() => undefined);
    },
    quit: () => undefined,
  };
  const shell = { openExternal: async (url: string) => void state.opened.push(url) };
  const protocol = {
    registerSchemesAsPrivileged: (schemes: unknown[]) => {
      if (state.readyAsked) throw new Error('registerSchemesAsPrivileged after app.whenReady()');
      state.privilegedSchemes.push(...schemes);
    },
  };
  return { state, BrowserWindow, app, shell, protocol };
});

vi.mock('electron', () => ({
  BrowserWindow: recorded.BrowserWindow,
  app: recorded.app,
  shell: recorded.shell,
  dialog: {},
  ipcMain: {},
  Menu: {},
  nativeTheme: {},
  session: {},
  protocol: recorded.protocol,
}));

const { createMainWindow, hardenSession, hardenedWebPreferences } = await import('../../../electron/shell/window');
const pageUrl = appPageUrl;
const shellFolder = new URL('../../../electron/shell/', import.meta.url).pathname;

function openWindow() {
  createMainWindow({ preloadPath: '/opt/app/dist/electron/preload.cjs', pageUrl });
  const window = recorded.state.windows.at(-1);
  if (!window) throw new Error('no window was created');
  return window;
}

function navigationEvent() {
  let prevented = false;
  return {
    event: {
      preventDefault: () => {
        prevented = true;
      },
    },
    prevented: () => prevented,
  };
}

beforeEach(() => {
  recorded.state.windows.length = 0;
  recorded.state.opened.length = 0;
});

describe('Electron security checklist: the window factory', () => {
  it('isolates the renderer: context isolation, sandbox, no Node, web security, no insecure content or experiments', () => {
    const preferences = openWindow().options.webPreferences;
    expect(preferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/opt/app/dist/electron/preload.cjs',
    });
    for (const risky of ['experimentalFeatures', 'enableBlinkFeatures', 'enableRemoteModule', 'additionalArguments'])
      expect(preferences[risky], risky).toBeUndefined();
    expect(hardenedWebPreferences).toEqual(
      expect.objectContaining({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true }),
    );
  });

  it('denies every new window; only allow-listed https documentation goes to the browser', async () => {
    const window = openWindow();
    const open = (url: string) => window.openHandler?.({ url });
    expect(open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(open('http://www.postgresql.org/docs/')).toEqual({ action: 'deny' });
    expect(open('https://www.postgresql.org/docs/current/libpq-ssl.html')).toEqual({ action: 'deny' });
    expect(open('https://help.aliyun.com/zh/rds/')).toEqual({ action: 'deny' });
    expect(recorded.state.opened).toEqual([
      'https://www.postgresql.org/docs/current/libpq-ssl.html',
      'https://help.aliyun.com/zh/rds/',
    ]);
  });

  it('denies navigation away from the app page, every redirect, and webview attachment', () => {
    const window = openWindow();
    const navigate = (url: string) => {
      const attempt = navigationEvent();
      for (const listener of window.contents['will-navigate'] ?? []) listener(attempt.event, url);
      return attempt.prevented();
    };
    expect(window.contents['will-navigate']).toHaveLength(1);
    expect(navigate('https://evil.example/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate('file:///opt/app/resources/app.asar/dist/renderer/index.html')).toBe(true);
    expect(navigate('app://evil/index.html')).toBe(true);
    expect(navigate(pageUrl)).toBe(false);
    for (const name of ['will-redirect', 'will-attach-webview']) {
      const attempt = navigationEvent();
      expect(window.contents[name], name).toHaveLength(1);
      window.contents[name]?.[0]?.(attempt.event, 'https://evil.example/');
      expect(attempt.prevented(), name).toBe(true);
    }
  });
});

describe('Electron security checklist: the session and the app', () => {
  it('puts the CSP on every response and refuses every permission request and permission check', () => {
    let headersListener: ((details: unknown, callback: (answer: unknown) => void) => void) | undefined;
    let permissionHandler:
      | ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void)
      | undefined;
    let checkHandler: ((...args: unknown[]) => boolean) | undefined;
    hardenSession({
      webRequest: { onHeadersReceived: (listener: typeof headersListener) => (headersListener = listener) },
      setPermissionRequestHandler: (handler: typeof permissionHandler) => (permissionHandler = handler),
      setPermissionCheckHandler: (handler: typeof checkHandler) => (checkHandler = handler),
    } as never);
    let answer: { responseHeaders: Record<string, string[]> } | undefined;
    headersListener?.({ responseHeaders: { 'Content-Type': ['text/html'] } }, (given) => {
      answer = given as typeof answer;
    });
    expect(answer?.responseHeaders['Content-Type']).toEqual(['text/html']);
    expect(answer?.responseHeaders['Content-Security-Policy']?.[0]).toContain("default-src 'none'");
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      let granted: boolean | undefined;
      permissionHandler?.({}, permission, (value) => {
        granted = value;
      });
      expect(granted, permission).toBe(false);
      expect(checkHandler?.({}, permission, 'file:///app/index.html', {}), permission).toBe(false);
    }
  });

  it('main enables the sandbox for every renderer and denies new windows and webviews of any web contents', async () => {
    await import('../../../electron/shell/main');
    expect(recorded.state.sandboxEnabled).toBe(true);
    const created = recorded.state.appListeners['web-contents-created'];
    expect(created).toHaveLength(1);
    const listeners: Record<string, (event: unknown) => void> = {};
    let openHandler: (() => unknown) | undefined;
    created?.[0]?.(
      {},
      {
        on: (name: string, listener: (event: unknown) => void) => {
          listeners[name] = listener;
        },
        setWindowOpenHandler: (handler: () => unknown) => {
          openHandler = handler;
        },
      },
    );
    expect(openHandler?.()).toEqual({ action: 'deny' });
    const attempt = navigationEvent();
    listeners['will-attach-webview']?.(attempt.event);
    expect(attempt.prevented()).toBe(true);
  });
});

describe('Electron security checklist: app:// instead of file://', () => {
  it('main registers the privileged app:// scheme before ready, and nothing else', async () => {
    await import('../../../electron/shell/main');
    expect(recorded.state.privilegedSchemes).toEqual([appSchemeRegistration]);
    expect(recorded.state.readyAsked).toBe(true);
  });

  it('the shell serves the window from app:// and loads nothing from file://', async () => {
    const main = await readFile(join(shellFolder, 'main.ts'), 'utf8');
    expect(main).toMatch(/protocol\.handle\(appScheme, \(request\) => answerAppRequest\(request, rendererRoot\)\)/);
    expect(main).toMatch(/pageUrl: appPageUrl/);
    for (const name of await readdir(shellFolder)) {
      const source = await readFile(join(shellFolder, name), 'utf8');
      expect(source, name).not.toMatch(/pathToFileURL|loadFile\(|['"`]file:/);
    }
  });
});
