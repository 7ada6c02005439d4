import type { RdspgBridge } from '../../shared/contract';
import { createHttpBridge } from './http-bridge';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in server mode. */
    rdspg?: RdspgBridge;
  }
}

/** The one API object: the preload's in Electron, the HTTP client in server mode. */
export const bridge: RdspgBridge = window.rdspg ?? createHttpBridge();

/** The typed API. */
export const api = bridge.api;
