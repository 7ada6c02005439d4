import { api } from './api/bridge';

/** The first answers the UI needs, asked for in parallel as soon as the script runs (not one after another). */
const prefetched = {
  status: api['vault:status']({}),
  servers: api['servers:list']({}),
  connections: api['connection:list']({}),
};

/** The first answers, as they arrive. */
export type Answers = { [Name in keyof typeof prefetched]: Awaited<(typeof prefetched)[Name]> };

/** The answers that have arrived, by name: what the first render can show at once. */
const arrived: Partial<Answers> = {};
for (const name of Object.keys(prefetched) as (keyof Answers)[])
  void prefetched[name].then((answer) => Object.assign(arrived, { [name]: answer }));

/** Resolves once every first answer is in, or after `limitMs`: the UI renders its first screen then, in one go. */
export function firstAnswers(limitMs: number): Promise<void> {
  const all = Promise.all(Object.values(prefetched)).then(() => undefined);
  return Promise.race([all, new Promise<void>((resolve) => setTimeout(resolve, limitMs))]);
}

let used = false;

/** The prefetched server list and connections, once; later callers ask again (the data may have changed). */
export function takePrefetched(): Pick<typeof prefetched, 'servers' | 'connections'> | null {
  if (used) return null;
  used = true;
  return prefetched;
}

/** The prefetched server list and connections if both arrived and the list succeeded (then once), else null. */
export function takeArrivedServers(): {
  list: Extract<Answers['servers'], { ok: true }>['value'];
  connections: Answers['connections'];
} | null {
  const { servers, connections } = arrived;
  if (used || !servers?.ok || !connections) return null;
  used = true;
  return { list: servers.value, connections };
}

let statusUsed = false;

/** The prefetched vault status, once. */
export function takePrefetchedStatus(): (typeof prefetched)['status'] | null {
  if (statusUsed) return null;
  statusUsed = true;
  return prefetched.status;
}

/** The vault status if it arrived and succeeded (then once), else null. */
export function takeArrivedStatus(): Extract<Answers['status'], { ok: true }>['value'] | null {
  if (statusUsed || !arrived.status?.ok) return null;
  statusUsed = true;
  return arrived.status.value;
}
