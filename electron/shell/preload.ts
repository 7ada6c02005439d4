// The preload: one named function per channel, nothing generic; runs sandboxed with context isolation.
import { contextBridge, ipcRenderer } from 'electron';
import type { MenuCommand, RdspgApi, RdspgBridge } from '../../shared/contract';

const api: RdspgApi = {
  'vault:status': (request) => ipcRenderer.invoke('vault:status', request),
  'vault:setup': (request) => ipcRenderer.invoke('vault:setup', request),
  'vault:unlock': (request) => ipcRenderer.invoke('vault:unlock', request),
  'vault:lock': (request) => ipcRenderer.invoke('vault:lock', request),
  'vault:change': (request) => ipcRenderer.invoke('vault:change', request),
  'vault:reset': (request) => ipcRenderer.invoke('vault:reset', request),
  'vault:remember': (request) => ipcRenderer.invoke('vault:remember', request),
  'vault:restore': (request) => ipcRenderer.invoke('vault:restore', request),
  'servers:list': (request) => ipcRenderer.invoke('servers:list', request),
  'servers:get': (request) => ipcRenderer.invoke('servers:get', request),
  'servers:create': (request) => ipcRenderer.invoke('servers:create', request),
  'servers:update': (request) => ipcRenderer.invoke('servers:update', request),
  'servers:delete': (request) => ipcRenderer.invoke('servers:delete', request),
  'servers:clear-password': (request) => ipcRenderer.invoke('servers:clear-password', request),
  'servers:restore': (request) => ipcRenderer.invoke('servers:restore', request),
  'connection:test': (request) => ipcRenderer.invoke('connection:test', request),
  'connection:cancel-test': (request) => ipcRenderer.invoke('connection:cancel-test', request),
  'connection:connect': (request) => ipcRenderer.invoke('connection:connect', request),
  'connection:disconnect': (request) => ipcRenderer.invoke('connection:disconnect', request),
  'connection:list': (request) => ipcRenderer.invoke('connection:list', request),
  'certs:inspect-root': (request) => ipcRenderer.invoke('certs:inspect-root', request),
  'files:list': (request) => ipcRenderer.invoke('files:list', request),
  'files:upload': (request) => ipcRenderer.invoke('files:upload', request),
  'files:choose': (request) => ipcRenderer.invoke('files:choose', request),
  'app:info': (request) => ipcRenderer.invoke('app:info', request),
  'query:run': (request) => ipcRenderer.invoke('query:run', request),
  'query:cancel': (request) => ipcRenderer.invoke('query:cancel', request),
  'certificates:list': (request) => ipcRenderer.invoke('certificates:list', request),
  'certificates:open': (request) => ipcRenderer.invoke('certificates:open', request),
  'certificates:add': (request) => ipcRenderer.invoke('certificates:add', request),
  'certificates:remove': (request) => ipcRenderer.invoke('certificates:remove', request),
  'certificates:export': (request) => ipcRenderer.invoke('certificates:export', request),
  'rds:accounts': (request) => ipcRenderer.invoke('rds:accounts', request),
  'rds:account-add': (request) => ipcRenderer.invoke('rds:account-add', request),
  'rds:sandbox-start': (request) => ipcRenderer.invoke('rds:sandbox-start', request),
  'rds:regions': (request) => ipcRenderer.invoke('rds:regions', request),
  'rds:instances': (request) => ipcRenderer.invoke('rds:instances', request),
  'rds:instance': (request) => ipcRenderer.invoke('rds:instance', request),
  'rds:flow-start': (request) => ipcRenderer.invoke('rds:flow-start', request),
  'rds:flow-status': (request) => ipcRenderer.invoke('rds:flow-status', request),
  'rds:flow-cancel': (request) => ipcRenderer.invoke('rds:flow-cancel', request),
  'rds:ca-download': (request) => ipcRenderer.invoke('rds:ca-download', request),
  'rds:register-form': (request) => ipcRenderer.invoke('rds:register-form', request),
  'rds:audit': (request) => ipcRenderer.invoke('rds:audit', request),
  'settings:get': (request) => ipcRenderer.invoke('settings:get', request),
  'settings:set': (request) => ipcRenderer.invoke('settings:set', request),
};

const bridge: RdspgBridge = {
  api,
  onMenuCommand(listener) {
    const relay = (_event: unknown, command: MenuCommand) => listener(command);
    ipcRenderer.on('menu:command', relay);
    return () => ipcRenderer.off('menu:command', relay);
  },
};

contextBridge.exposeInMainWorld('rdspg', bridge);
