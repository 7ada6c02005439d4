import { abortError, type Clock } from '../../electron/platform/clock';

/** A clock the test moves by hand (`advance`); its sleeps pass at once (after a macrotask), moving its time forward, and it records each sleep. */
export function fakeClock(start = 0): Clock & { sleeps: number[]; advance(milliseconds: number): void } {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    advance: (milliseconds) => {
      now += milliseconds;
    },
    async sleep(ms, signal) {
      if (signal?.aborted) throw abortError();
      sleeps.push(ms);
      await new Promise((resolve) => setImmediate(resolve));
      now += ms;
      if (signal?.aborted) throw abortError();
    },
  };
}
