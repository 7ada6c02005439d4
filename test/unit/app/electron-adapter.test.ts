import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { describe, expect, it } from 'vitest';
import type { HandlerTable } from '../../../electron/app/handler-table';
import { isTrustedSender, registerIpcHandlers } from '../../../electron/shell/ipc';
import { menuTemplate } from '../../../electron/shell/menu';
import { channelNames, type MenuCommand } from '../../../shared/contract';

const pageUrl = 'file:///opt/rds-pg-connect/resources/app/dist/renderer/index.html';

/** Electron cannot start here, so the adapter gets a stand-in ipcMain that records ipcMain.handle calls. */
function recordingIpcMain() {
  const handlers = new Map<string, (event: unknown, payload: unknown) => unknown>();
  const ipcMain = {
    handle: (name: string, handler: (event: unknown, payload: unknown) => unknown) => handlers.set(name, handler),
  };
  return { ipcMain: ipcMain as unknown as IpcMain, handlers };
}

function eventFrom(url: string, top = true): IpcMainInvokeEvent {
  const frame = { url };
  return { senderFrame: frame, sender: { mainFrame: top ? frame : { url } } } as unknown as IpcMainInvokeEvent;
}

describe('the Electron IPC adapter', () => {
  it('registers exactly one handler per contract channel', () => {
    const { ipcMain, handlers } = recordingIpcMain();
    registerIpcHandlers(ipcMain, {} as HandlerTable, pageUrl, () => undefined);
    expect([...handlers.keys()].sort()).toEqual([...channelNames].sort());
  });

  it('trusts only the app page in the top frame', () => {
    expect(isTrustedSender(eventFrom(pageUrl), pageUrl)).toBe(true);
    expect(isTrustedSender(eventFrom(`${pageUrl}#/servers`), pageUrl)).toBe(true);
    expect(isTrustedSender(eventFrom('https://evil.example/'), pageUrl)).toBe(false);
    expect(isTrustedSender(eventFrom(pageUrl, false), pageUrl)).toBe(false);
    expect(
      isTrustedSender({ senderFrame: null, sender: { mainFrame: null } } as unknown as IpcMainInvokeEvent, pageUrl),
    ).toBe(false);
  });

  it('answers an untrusted sender with invalid_request and validates trusted payloads', async () => {
    const { ipcMain, handlers } = recordingIpcMain();
    const seen: unknown[] = [];
    const table = {
      'servers:delete': async (request: unknown) => {
        seen.push(request);
        return { ok: true, value: {} };
      },
    } as unknown as HandlerTable;
    registerIpcHandlers(ipcMain, table, pageUrl, () => undefined);
    const handler = handlers.get('servers:delete')!;
    expect(await handler(eventFrom('https://evil.example/'), { id: 'a' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
    expect(await handler(eventFrom(pageUrl), { id: 5 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
    expect(await handler(eventFrom(pageUrl), { id: 'a' })).toEqual({ ok: true, value: {} });
    expect(seen).toEqual([{ id: 'a' }]);
  });
});

describe('the native menu', () => {
  it('has Register > Server…, Lock and Quit, each sending its command', () => {
    const sent: MenuCommand[] = [];
    const template = menuTemplate((command) => sent.push(command), 'linux');
    const register = template.find((item) => item.label === 'Register');
    const server = ((register?.submenu ?? []) as { label?: string; click?: () => void }[])[0]!;
    expect(server.label).toBe('Server…');
    server.click?.();
    const file = template[0]!.submenu as { label?: string; role?: string; click?: () => void }[];
    file.find((item) => item.label === 'Lock')?.click?.();
    expect(file.some((item) => item.role === 'quit' && item.label === 'Quit')).toBe(true);
    expect(sent).toEqual(['register-server', 'lock']);
  });
});
