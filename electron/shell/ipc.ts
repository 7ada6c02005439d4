import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { channelNames } from '../../shared/contract';
import { fail } from '../../shared/result';
import { type BugLog, dispatch, type HandlerTable } from '../app/handler-table';

/** Whether an IPC message comes from the app's own page in the top frame (Electron security rule 17). */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>, pageUrl: string): boolean {
  const frame = event.senderFrame;
  if (!frame || frame !== event.sender.mainFrame) return false;
  return frame.url.split('#')[0] === pageUrl;
}

/** Serves the handler table over Electron IPC: one ipcMain.handle per channel; sender checked, payload validated. */
export function registerIpcHandlers(ipcMain: IpcMain, table: HandlerTable, pageUrl: string, logBug: BugLog): void {
  for (const name of channelNames) {
    ipcMain.handle(name, (event, payload: unknown) => {
      if (!isTrustedSender(event, pageUrl)) return fail('invalid_request', 'this window may not use the app’s API.');
      return dispatch(table, name, payload, logBug);
    });
  }
}
