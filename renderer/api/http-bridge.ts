import type { RdspgApi, RdspgBridge } from '../../shared/contract';
import { channelNameList } from '../../shared/contract/channel-names';

/** A failure for when the back end cannot be reached or answers outside the contract. */
function unreachable(message: string) {
  return { ok: false as const, error: { code: 'backend_unreachable' as const, message } };
}

/** The server-mode bridge: the same API as the preload's, as POST /api/<channel> with JSON (same origin, cookie). */
export function createHttpBridge(fetchFunction: typeof fetch = fetch.bind(globalThis)): RdspgBridge {
  const api = {} as Record<string, (request: unknown) => Promise<unknown>>;
  for (const name of channelNameList) {
    api[name] = async (request: unknown) => {
      let response: Response;
      try {
        response = await fetchFunction(`/api/${name}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(request ?? {}),
          credentials: 'same-origin',
        });
      } catch {
        return unreachable('the app is not answering; check that `rdspg serve` is still running, then reload.');
      }
      if (response.status === 401)
        return unreachable('the session has ended; open the URL that `rdspg serve` printed.');
      if (!response.ok) return unreachable(`the app refused the request (HTTP ${response.status}); reload the page.`);
      return response.json();
    };
  }
  return { api: api as unknown as RdspgApi, onMenuCommand: () => () => undefined };
}
