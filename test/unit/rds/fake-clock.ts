import { abortError, type Clock } from '../../../electron/rds/clock';

/** A clock whose sleeps pass at once (after a macrotask), moving its time forward; it records each sleep. */
export function fakeClock(start = 0): Clock & { sleeps: number[] } {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    async sleep(ms, signal) {
      if (signal?.aborted) throw abortError();
      sleeps.push(ms);
      await new Promise((resolve) => setImmediate(resolve));
      now += ms;
      if (signal?.aborted) throw abortError();
    },
  };
}
