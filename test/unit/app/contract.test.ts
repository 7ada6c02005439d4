import { describe, expect, it } from 'vitest';
import { dispatch, type HandlerTable } from '../../../electron/app/handler-table';
import { channelNames, contract } from '../../../shared/contract';

/** A table whose every handler echoes its validated request, and one that throws (a bug). */
function echoTable(): HandlerTable {
  const table = {} as Record<string, (request: unknown) => Promise<unknown>>;
  for (const name of channelNames) table[name] = async (request) => ({ ok: true, value: request });
  table['app:info'] = async () => {
    throw new Error('boom at /secret/path');
  };
  return table as unknown as HandlerTable;
}

describe('the typed contract', () => {
  it('names every channel domain:verb and gives each a request and a response schema', () => {
    expect(channelNames.length).toBeGreaterThan(15);
    for (const name of channelNames) {
      expect(name).toMatch(/^[a-z]+:[a-z-]+$/);
      expect(contract[name].request.safeParse).toBeTypeOf('function');
      expect(contract[name].response.safeParse).toBeTypeOf('function');
    }
  });

  it('responses are {ok:true,value} or {ok:false,error:{code,message}} with closed code unions', () => {
    const spec = contract['servers:delete'];
    expect(spec.response.safeParse({ ok: true, value: {} }).success).toBe(true);
    expect(spec.response.safeParse({ ok: false, error: { code: 'server_not_found', message: 'x' } }).success).toBe(
      true,
    );
    expect(spec.response.safeParse({ ok: false, error: { code: 'made_up', message: 'x' } }).success).toBe(false);
    expect(spec.response.safeParse({ ok: false, error: { code: 'invalid_request', message: 'x' } }).success).toBe(true);
  });

  it('dispatch validates every payload: wrong types, extra keys and unknown channels answer invalid_request', async () => {
    const table = echoTable();
    const wrongType = (await dispatch(table, 'servers:delete', { id: 7 })) as { ok: boolean; error: { code: string } };
    expect(wrongType.ok).toBe(false);
    expect(wrongType.error.code).toBe('invalid_request');
    const extra = (await dispatch(table, 'vault:lock', { sneaky: true })) as { ok: boolean; error: { code: string } };
    expect(extra.error.code).toBe('invalid_request');
    const unknown = (await dispatch(table, 'shell:exec', {})) as {
      ok: boolean;
      error: { code: string; message: string };
    };
    expect(unknown.error).toEqual({ code: 'invalid_request', message: 'there is no channel named "shell:exec".' });
    const fine = await dispatch(table, 'servers:delete', { id: 'a' });
    expect(fine).toEqual({ ok: true, value: { id: 'a' } });
  });

  it('a bug in a handler crosses as internal_error without its message or stack', async () => {
    const logged: string[] = [];
    const answer = (await dispatch(echoTable(), 'app:info', {}, (channel) => logged.push(channel))) as {
      error: { code: string; message: string };
    };
    expect(answer.error.code).toBe('internal_error');
    expect(answer.error.message).not.toContain('/secret/path');
    expect(logged).toEqual(['app:info']);
  });

  it('the dialog form is validated by the contract with the same messages as in the renderer', async () => {
    const answer = (await dispatch(echoTable(), 'servers:create', {
      form: {
        name: '',
        group: 'Servers',
        background: '',
        foreground: '',
        connectNow: false,
        comments: '',
        host: 'h',
        port: 5432,
        maintenanceDatabase: 'postgres',
        username: 'u',
        password: '',
        savePassword: false,
        parameters: [],
      },
    })) as { error: { code: string; message: string } };
    expect(answer.error.code).toBe('invalid_request');
    expect(answer.error.message).toContain('form.name: Name must be specified.');
  });
});

describe('the zod-free channel list of the HTTP client', () => {
  it('names exactly the contract’s channels', async () => {
    const { channelNameList } = await import('../../../shared/contract/channel-names');
    expect([...channelNameList].sort()).toEqual([...channelNames].sort());
  });
});
