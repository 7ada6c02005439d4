import { api } from './api/bridge';

/** The first answers the UI needs, asked for in parallel as soon as the script runs (not one after another). */
const prefetched = {
  status: api['vault:status']({}),
  servers: api['servers:list']({}),
  connections: api['connection:list']({}),
};

let used = false;

/** The prefetched server list and connections, once; later callers ask again (the data may have changed). */
export function takePrefetched(): typeof prefetched | null {
  if (used) return null;
  used = true;
  return prefetched;
}

let statusUsed = false;

/** The prefetched vault status, once. */
export function takePrefetchedStatus(): (typeof prefetched)['status'] | null {
  if (statusUsed) return null;
  statusUsed = true;
  return prefetched.status;
}
