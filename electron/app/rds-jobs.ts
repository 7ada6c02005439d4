import { randomBytes } from 'node:crypto';
import type { ChangeKind, FlowStatus, RdsChannelErrorCode } from '../../shared/contract/rds';
import type { RdsErrorCode } from '../../shared/rds-errors';
import type { SslFlowStep } from '../../shared/rds-ssl-flow';
import { fail, ok, type Result } from '../../shared/result';

/** What a finished change leaves in its status besides the steps: the SSL settings, the endpoint, the pg_hba plan. */
export type ChangeResult = Partial<Pick<FlowStatus, 'ssl' | 'publicEndpoint' | 'enforcement'>>;

/**
 * The work of one job: runs the change, telling each step and the moment its request goes out (`onSending`), until
 * it is done or failed. `signal` stops it before the change is sent; after, only `followSignal` (quit) ends the wait.
 */
export type ChangeRun = (progress: {
  onStep: (step: SslFlowStep) => void;
  onSending: () => void;
  signal: AbortSignal;
  followSignal: AbortSignal;
}) => Promise<Result<ChangeResult, RdsErrorCode>>;

/** Which instance a change is for: one change at a time per account and instance (whatever region a request names). */
export interface ChangeTarget {
  accountId: string;
  instanceId: string;
}

interface Job {
  owner: string;
  key: string;
  status: FlowStatus;
  /** Aborted by "Stop waiting" and on quit: nothing more is sent. */
  stopping: AbortController;
  /** Aborted on quit only: ends the wait for a change already sent. */
  quitting: AbortController;
  finishedAt: number | null;
  /** Whether the change's request went out (it may not have been answered yet). */
  sending: boolean;
  /** When "Stop waiting" was pressed (the status then no longer follows the change). */
  stoppedAt: number | null;
}

/** How many finished jobs are kept for their last status. */
const keptFinishedJobs = 50;

/** How long a finished job is still listed for its instance (a page reloaded just after it ended shows how). */
const listedAfterEndMs = 10 * 60_000;

/** The words for a change in the refusal of a second one. */
const changeWords: Partial<Record<ChangeKind, string>> = {
  public_endpoint_allocate: 'allocating the public endpoint',
  public_endpoint_release: 'releasing the public endpoint',
  ssl_enforce: 'changing the enforced SSL (pg_hba)',
};

/** Whether the change of a job was sent to the service. */
const sent = (job: Job) => job.status.steps.includes('sent');

/**
 * Whether a job keeps its instance from a new change: while it runs, also after "Stop waiting" once its change's
 * request went out (the service is changing the instance; the job's own wait goes on unseen until the change ended).
 */
const holds = (job: Job) => job.finishedAt === null && (job.stoppedAt === null || job.sending);

/**
 * Long cloud changes (SSL, the public endpoint, enforced SSL) as started jobs: the request answers a job id at once,
 * the UI polls its status and may stop the wait. One change per instance at a time. A job id is 192 random bits and
 * answers only to the caller that started it (one server-mode session, or the desktop window).
 */
export class FlowJobs {
  private readonly jobs = new Map<string, Job>();

  /** Starts a change in the background and answers its job id, or change_in_progress while one runs on the instance. */
  start(
    owner: string,
    target: ChangeTarget,
    change: ChangeKind,
    run: ChangeRun,
  ): Result<{ jobId: string }, RdsChannelErrorCode> {
    const key = JSON.stringify([target.accountId, target.instanceId]);
    // Checked and taken without an await in between: parallel requests cannot both pass.
    const running = [...this.jobs.values()].find((job) => job.key === key && holds(job));
    if (running) {
      const what = changeWords[running.status.change] ?? 'modifying its SSL settings';
      const who =
        running.stoppedAt === null
          ? `this app is ${what}`
          : `the earlier change (${what}) is still under way at the service, though this app stopped waiting for it`;
      return fail(
        'change_in_progress',
        `${target.instanceId} is busy: ${who}. Wait until the instance is Running again, then retry.`,
      );
    }
    const jobId = randomBytes(24).toString('base64url');
    const job: Job = {
      owner,
      key,
      stopping: new AbortController(),
      quitting: new AbortController(),
      finishedAt: null,
      sending: false,
      stoppedAt: null,
      status: {
        jobId,
        instanceId: target.instanceId,
        change,
        state: 'running',
        steps: [],
        instanceStatus: null,
        lastModifyStatus: null,
        polls: 0,
        elapsedMs: 0,
        ssl: null,
        reminder: null,
        publicEndpoint: null,
        enforcement: null,
        error: null,
        afterStop: null,
      },
    };
    this.jobs.set(jobId, job);
    this.prune();
    const onStep = (step: SslFlowStep) => this.record(job, step);
    // A run stopped before this point sends nothing (RdsClient.call checks the signal first).
    const onSending = () => {
      if (!job.stopping.signal.aborted) job.sending = true;
    };
    void run({ onStep, onSending, signal: job.stopping.signal, followSignal: job.quitting.signal })
      .then((outcome) => {
        if (job.stoppedAt !== null) return this.afterStop(job, outcome.ok ? null : outcome.error);
        if (outcome.ok) {
          Object.assign(job.status, outcome.value, { state: 'succeeded', instanceStatus: 'Running' });
          if (!job.status.steps.includes('done')) job.status.steps.push('done');
        } else {
          job.status.error = outcome.error;
          job.status.state = outcome.error.code === 'cancelled' ? 'cancelled' : 'failed';
        }
      })
      .catch((error: unknown) => {
        job.status.state = 'failed';
        job.status.error = { code: 'internal_error', message: `The change hit a bug: ${(error as Error).message}` };
      })
      .finally(() => {
        job.finishedAt = Date.now();
      });
    return ok({ jobId });
  }

  /** How the unseen wait of a job stopped after sending ended: the instance is freed, with the reason if the check failed. */
  private afterStop(job: Job, error: FlowStatus['error']): void {
    if (job.status.afterStop?.state !== 'changing') return;
    job.status.afterStop = error ? { state: 'check_failed', error } : { state: 'ended', error: null };
  }

  private record(job: Job, step: SslFlowStep): void {
    const status = job.status;
    // A stopped wait shows no more progress (the change's own wait goes on unseen).
    if (job.stoppedAt !== null) return;
    if (!status.steps.includes(step.step)) status.steps.push(step.step);
    if (step.step === 'prerequisites') status.instanceStatus = step.instance.status;
    // Once the change is sent, the status before it no longer holds; the next poll reads the new one.
    if (step.step === 'sent') status.instanceStatus = null;
    if (step.step === 'waiting') {
      status.instanceStatus = step.status;
      status.lastModifyStatus = step.lastModifyStatus;
      status.polls = step.polls;
      status.elapsedMs = step.elapsedMs;
    }
    if (step.step === 'done') {
      status.ssl = step.ssl;
      status.reminder = step.reminder;
      status.lastModifyStatus = step.ssl.lastModifyStatus;
    }
  }

  private prune(): void {
    const finished = [...this.jobs].filter(([, job]) => job.finishedAt !== null);
    for (const [id] of finished.slice(0, Math.max(0, finished.length - keptFinishedJobs))) this.jobs.delete(id);
  }

  /** A copy of a job's status; undefined for an unknown job or one another caller started. */
  status(owner: string, jobId: string): FlowStatus | undefined {
    const job = this.jobs.get(jobId);
    return job?.owner === owner ? structuredClone(job.status) : undefined;
  }

  /** The caller's jobs for an instance that run or ended lately, newest first (what a reloaded page looks up). */
  list(owner: string, target: ChangeTarget): FlowStatus[] {
    const key = JSON.stringify([target.accountId, target.instanceId]);
    const recent = (job: Job) => job.finishedAt === null || Date.now() - job.finishedAt < listedAfterEndMs;
    return [...this.jobs.values()]
      .filter((job) => job.owner === owner && job.key === key && recent(job))
      .reverse()
      .map((job) => structuredClone(job.status));
  }

  /**
   * Stops waiting for a job; false for an unknown or another's job. Before its change was sent, nothing more is
   * sent and the instance is free as soon as the run returns; a request already on its way when Stop came is sent,
   * and then followed as a sent one. Once sent, the service is still changing the instance: the job's wait goes on
   * unseen, and a new change of the instance is refused until it ended (or could not be checked).
   */
  cancel(owner: string, jobId: string): boolean {
    const job = this.jobs.get(jobId);
    if (job?.owner !== owner) return false;
    if (job.finishedAt !== null || job.stoppedAt !== null) return true;
    job.stoppedAt = Date.now();
    const status = job.status;
    status.state = 'cancelled';
    if (job.sending) {
      const when = sent(job) ? 'Stopped waiting' : 'Stopped waiting, but its request was already on its way';
      status.error = {
        code: 'cancelled',
        message: `${when}; the change of ${status.instanceId} is still under way at the service. A new change of it waits until it is Running again.`,
      };
      status.afterStop = { state: 'changing', error: null };
    } else {
      status.error = { code: 'cancelled', message: 'Stopped before the change was sent: nothing was changed.' };
      job.stopping.abort();
    }
    return true;
  }

  /** Stops every running job, and the unseen waits of stopped ones (on quit). */
  cancelAll(): void {
    for (const job of this.jobs.values()) {
      job.stopping.abort();
      job.quitting.abort();
    }
  }
}
