import { useCallback, useSyncExternalStore } from 'react';
import type { ChangeKind } from '../../shared/contract/rds';
import type { InstanceTarget } from './cloud-view';

/** A change started from this window and not yet seen ending: its job id and kind. */
export interface StartedChange {
  jobId: string;
  change: ChangeKind;
}

/**
 * The changes running per instance, kept outside the components: a section that is left and opened again (another
 * tab, another page) finds its change and follows it on. Job ids never leave this window.
 */
const started = new Map<string, StartedChange>();
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function set(key: string, change: StartedChange | null): void {
  if (change) started.set(key, change);
  else started.delete(key);
  for (const listener of listeners) listener();
}

/** The change running on an instance (null when none), and how to record one started or ended. */
export function useInstanceChange(target: InstanceTarget) {
  const key = JSON.stringify([target.accountId, target.regionId, target.instanceId]);
  const current = useSyncExternalStore(subscribe, () => started.get(key) ?? null);
  const begin = useCallback((change: StartedChange) => set(key, change), [key]);
  const end = useCallback(
    (jobId: string) => {
      if (started.get(key)?.jobId === jobId) set(key, null);
    },
    [key],
  );
  return { current, begin, end };
}
