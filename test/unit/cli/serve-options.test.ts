import { describe, expect, it } from 'vitest';
import { maxIdleSeconds, readServeOptions } from '../../../electron/cli/serve-options';

const loopback = { host: '127.0.0.1', port: '0' };

describe('rdspg serve: RDSPG_SERVE_IDLE_SECONDS', () => {
  it('takes a whole number of seconds as the idle time', async () => {
    const options = await readServeOptions(loopback, { RDSPG_SERVE_IDLE_SECONDS: '90' });
    expect(options).toMatchObject({ idleMs: 90_000 });
  });

  it('leaves the default when it is unset or empty', async () => {
    expect(await readServeOptions(loopback, {})).toMatchObject({ idleMs: undefined });
    expect(await readServeOptions(loopback, { RDSPG_SERVE_IDLE_SECONDS: ' ' })).toMatchObject({ idleMs: undefined });
  });

  it.each(['Infinity', '1e9', '0', '-5', '2.5', 'soon', String(maxIdleSeconds + 1)])(
    'refuses %s with a code and the allowed range (exit 2)',
    async (value) => {
      const refusal = await readServeOptions(loopback, { RDSPG_SERVE_IDLE_SECONDS: value });
      expect(refusal).toMatchObject({ status: 2, failure: { code: 'invalid_idle_seconds' } });
      expect((refusal as { failure: { message: string } }).failure.message).toContain(`1 to ${maxIdleSeconds}`);
    },
  );
});
