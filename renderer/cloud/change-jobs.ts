import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { ChangeKind, FlowStatus } from '../../shared/contract/rds';
import { api } from '../api/bridge';
import { failureLine } from '../errors';
import { t } from '../i18n';
import type { InstanceTarget } from './cloud-view';
import { type Answer, useRdsAction } from './use-rds-action';

/** How a change ended: its last status (null when it is no longer tracked) and the failure to show, if any. */
export type ChangeEnd = { status: FlowStatus | null; failure: string | null };

/** A change started from this window: its job id and kind, its last status, and how it ended (null while running). */
export interface TrackedChange {
  jobId: string;
  change: ChangeKind;
  status: FlowStatus | null;
  end: ChangeEnd | null;
  /** Whether a section has shown how it ended (a section opened later shows it only if none did). */
  seen: boolean;
}

/**
 * The last change per instance, kept and polled outside the components: a section that is left and opened again
 * (another tab, another page) finds the change and follows it on, or learns how it ended. Job ids never leave this
 * window; after a reload the window asks once per instance for its own changes (`rds:flow-jobs`).
 */
const tracked = new Map<string, TrackedChange>();
const listeners = new Set<() => void>();
const lookedUp = new Set<string>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function update(key: string, change: TrackedChange): void {
  tracked.set(key, change);
  for (const listener of listeners) listener();
}

/** How a change ended (null while it runs); a stopped wait says whether the change is still under way. */
function endOf(status: FlowStatus): ChangeEnd | null {
  if (status.state === 'running') return null;
  if (status.state === 'cancelled') {
    const after = status.afterStop;
    if (after?.error) return { status, failure: failureLine(after.error) };
    if (!after) return { status, failure: t('cloud.stoppedBeforeSent') };
    return { status, failure: t(after.state === 'ended' ? 'cloud.stoppedEnded' : 'cloud.stoppedStillChanging') };
  }
  return { status, failure: status.state === 'succeeded' || !status.error ? null : failureLine(status.error) };
}

async function poll(key: string, jobId: string): Promise<void> {
  const answer = await api['rds:flow-status']({ jobId });
  const current = tracked.get(key);
  if (current?.jobId !== jobId) return;
  if (!answer.ok) return update(key, { ...current, end: { status: null, failure: failureLine(answer.error) } });
  const end = endOf(answer.value);
  update(key, { ...current, status: answer.value, end });
  if (!end) setTimeout(() => void poll(key, jobId), 400);
}

/** After a reload: the newest change of the instance this caller started, followed on if it runs. */
async function lookUp(key: string, { accountId, regionId, instanceId }: InstanceTarget): Promise<void> {
  if (lookedUp.has(key) || tracked.has(key)) return;
  lookedUp.add(key);
  const answer = await api['rds:flow-jobs']({ accountId, regionId, instanceId });
  const newest = answer.ok ? answer.value.jobs[0] : undefined;
  // A change started meanwhile in this window is the newer one.
  if (!newest || tracked.has(key)) return;
  const end = endOf(newest);
  update(key, { jobId: newest.jobId, change: newest.change, status: newest, end, seen: false });
  if (!end) void poll(key, newest.jobId);
}

/** The last change of an instance, `running` while it runs, and how to record one started or its end shown. */
export function useInstanceChange(target: InstanceTarget) {
  const key = JSON.stringify([target.accountId, target.regionId, target.instanceId]);
  const last = useSyncExternalStore(subscribe, () => tracked.get(key) ?? null);
  const { accountId, regionId, instanceId } = target;
  useEffect(() => void lookUp(key, { accountId, regionId, instanceId }), [key, accountId, regionId, instanceId]);
  const begin = useCallback(
    (jobId: string, change: ChangeKind) => {
      update(key, { jobId, change, status: null, end: null, seen: false });
      void poll(key, jobId);
    },
    [key],
  );
  const markSeen = useCallback(
    (jobId: string) => {
      const current = tracked.get(key);
      if (current?.jobId === jobId && !current.seen) update(key, { ...current, seen: true });
    },
    [key],
  );
  return { last, running: last && !last.end ? last : null, begin, markSeen };
}

/**
 * Starts a change of an instance through its channel and records its job (with the request's busy flag and failure,
 * as useRdsAction gives them); `ended` keeps the change's own failure to show once it ended.
 */
export function useChangeStart(target: InstanceTarget) {
  const { running, begin } = useInstanceChange(target);
  const action = useRdsAction();
  const [failure, setFailure] = useState<string | null>(null);
  const start = async (change: ChangeKind, call: () => Promise<Answer<{ jobId: string }>>) => {
    setFailure(null);
    const started = await action.run(call);
    if (started) begin(started.jobId, change);
  };
  const ended = (end: ChangeEnd) => {
    setFailure(end.failure);
    return end.status;
  };
  return { ...action, running, failure, start, ended };
}
