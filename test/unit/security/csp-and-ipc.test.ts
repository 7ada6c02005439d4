import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { describe, expect, it } from 'vitest';
import type { HandlerTable } from '../../../electron/app/handler-table';
import { contentSecurityPolicy, securityHeaders } from '../../../electron/server/security';
import { appPageUrl } from '../../../electron/shell/app-scheme';
import { registerIpcHandlers } from '../../../electron/shell/ipc';
import { channelNames } from '../../../shared/contract';

/** The CSP as a map from directive to its sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name as string, sources]),
  );
}

describe('Electron security checklist: the Content-Security-Policy', () => {
  const policy = directives(contentSecurityPolicy);

  it('denies by default and loads scripts only from the app itself (no inline script, no eval)', () => {
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
  });

  it('has no wildcard, remote scheme, unsafe-eval or inline script anywhere', () => {
    for (const [name, sources] of policy) {
      for (const source of sources) {
        expect(source, name).not.toMatch(/^\*|^https?:|^ws:|^wss:|^blob:|^filesystem:|unsafe-eval|wasm-unsafe-eval/);
        if (name === 'script-src' || name === 'default-src') expect(source).not.toBe("'unsafe-inline'");
      }
    }
  });

  it('server mode sends the same policy with nosniff and frame denial', () => {
    expect(securityHeaders['Content-Security-Policy']).toBe(contentSecurityPolicy);
    expect(securityHeaders['X-Content-Type-Options']).toBe('nosniff');
    expect(securityHeaders['X-Frame-Options']).toBe('DENY');
  });
});

describe('Electron security checklist: IPC sender checks', () => {
  const pageUrl = appPageUrl;
  const calls: string[] = [];
  const table = Object.fromEntries(
    channelNames.map((name) => [
      name,
      async () => {
        calls.push(name);
        return { ok: true, value: {} };
      },
    ]),
  ) as unknown as HandlerTable;
  const handlers = new Map<string, (event: IpcMainInvokeEvent, payload: unknown) => Promise<unknown>>();
  registerIpcHandlers(
    { handle: (name: string, handler: never) => handlers.set(name, handler) } as unknown as IpcMain,
    table,
    pageUrl,
    () => undefined,
  );
  const sender = (url: string, topFrame: boolean) => {
    const frame = { url };
    return { senderFrame: frame, sender: { mainFrame: topFrame ? frame : { url: pageUrl } } } as never;
  };

  it('every channel refuses a foreign page, a sub-frame, or a missing frame, before any handler runs', async () => {
    expect([...handlers.keys()].sort()).toEqual([...channelNames].sort());
    for (const [name, handler] of handlers) {
      for (const event of [
        sender('https://evil.example/', true),
        sender(pageUrl, false),
        sender('file:///opt/app/resources/app.asar/dist/renderer/index.html', true),
        sender('app://evil/index.html', true),
        { senderFrame: null, sender: { mainFrame: null } } as never,
      ]) {
        expect(await handler(event, {}), name).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
      }
    }
    expect(calls).toEqual([]);
  });

  it('the app page in the top frame reaches the handler (after validation)', async () => {
    const answer = await handlers.get('connection:list')?.(sender(pageUrl, true), {});
    expect(answer).toEqual({ ok: true, value: {} });
    expect(calls).toEqual(['connection:list']);
  });
});
