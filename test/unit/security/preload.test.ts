import { describe, expect, it, vi } from 'vitest';
import type { RdspgBridge } from '../../../shared/contract';
import { channelNameList } from '../../../shared/contract/channel-names';

const exposed = new Map<string, unknown>();
const invoked: [string, unknown][] = [];
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
  ipcRenderer: {
    invoke: async (channel: string, request: unknown) => {
      invoked.push([channel, request]);
      return { ok: true, value: channel };
    },
    on: () => undefined,
    off: () => undefined,
  },
}));

describe('the preload', () => {
  it('exposes one function per channel of the contract, each invoking only its own channel', async () => {
    await import('../../../electron/shell/preload');
    const bridge = exposed.get('rdspg') as RdspgBridge;
    const api = bridge.api as unknown as Record<string, (request: unknown) => Promise<unknown>>;
    expect(Object.keys(api).sort()).toEqual([...channelNameList].sort());
    for (const name of channelNameList) {
      expect(await api[name]!({ probe: name })).toEqual({ ok: true, value: name });
    }
    expect(invoked).toEqual(channelNameList.map((name) => [name, { probe: name }]));
    expect([...exposed.keys()]).toEqual(['rdspg']);
  });
});
