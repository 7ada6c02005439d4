// The preload: one function per channel, built from the contract's channel list as the HTTP bridge is; nothing
// generic; runs sandboxed with context isolation.
import { contextBridge, ipcRenderer } from 'electron';
import type { MenuCommand, RdspgApi, RdspgBridge } from '../../shared/contract';
import { channelNameList } from '../../shared/contract/channel-names';

/** One function per channel of the contract's list, each bound to its own name: no generic invoke reaches the page. */
const api = Object.fromEntries(
  channelNameList.map((name) => [name, (request: unknown) => ipcRenderer.invoke(name, request)]),
) as unknown as RdspgApi;

const bridge: RdspgBridge = {
  api,
  onMenuCommand(listener) {
    const relay = (_event: unknown, command: MenuCommand) => listener(command);
    ipcRenderer.on('menu:command', relay);
    return () => ipcRenderer.off('menu:command', relay);
  },
};

contextBridge.exposeInMainWorld('rdspg', bridge);
