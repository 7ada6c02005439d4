import type { RdspgApi, RdspgBridge } from '../../shared/contract';
import { channelNameList } from '../../shared/contract/channel-names';
import type { ServerSession } from './server-session';

/** A failure for when the back end cannot be reached or answers outside the contract. */
function unreachable(message: string) {
  return { ok: false as const, error: { code: 'backend_unreachable' as const, message } };
}

/** The server-mode bridge: the same API as the preload's, as POST /api/<channel> with JSON and the session header. */
export function createHttpBridge(
  session: ServerSession,
  fetchFunction: typeof fetch = fetch.bind(globalThis),
): RdspgBridge {
  const api = {} as Record<string, (request: unknown) => Promise<unknown>>;
  for (const name of channelNameList) {
    api[name] = async (request: unknown) => {
      let response: Response;
      try {
        response = await fetchFunction(`/api/${name}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...(await session.headers()) },
          body: JSON.stringify(request ?? {}),
          credentials: 'omit',
        });
      } catch {
        return unreachable('the app is not answering; check that `rdspg serve` is still running, then reload.');
      }
      if (!(response.headers.get('content-type') ?? '').startsWith('application/json'))
        return unreachable(`the app refused the request (HTTP ${response.status}); reload the page.`);
      const answer = (await response.json()) as { ok: boolean; error?: { code: string } };
      if (response.status === 401 && answer.error?.code === 'session_ended') session.end('ended');
      return answer;
    };
  }
  return { api: api as unknown as RdspgApi, onMenuCommand: () => () => undefined };
}
