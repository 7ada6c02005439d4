import type { RdspgBridge } from '../../shared/contract';
import { createHttpBridge } from './http-bridge';
import { createServerSession, type ServerSession } from './server-session';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in server mode. */
    rdspg?: RdspgBridge;
  }
}

/** The one-time token of the printed URL (`#token=…`), taken out of the address bar so that it is not kept or shared. */
function takeSignInToken(): string | null {
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (token) window.history.replaceState(null, '', window.location.pathname + window.location.search);
  return token;
}

/** Server mode's browser session (null in Electron). */
export const serverSession: ServerSession | null = window.rdspg
  ? null
  : createServerSession(fetch.bind(globalThis), window.sessionStorage, takeSignInToken());

/** The one API object: the preload's in Electron, the HTTP client in server mode. */
export const bridge: RdspgBridge = serverSession ? createHttpBridge(serverSession) : (window.rdspg as RdspgBridge);

/** The typed API. */
export const api = bridge.api;
