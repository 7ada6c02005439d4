import { randomBytes } from 'node:crypto';
import type { ChangeKind, FlowStatus, RdsChannelErrorCode } from '../../shared/contract/rds';
import type { RdsErrorCode } from '../../shared/rds-errors';
import type { SslFlowStep } from '../../shared/rds-ssl-flow';
import { fail, ok, type Result } from '../../shared/result';

/** What a finished change leaves in its status besides the steps: the SSL settings, the endpoint, the pg_hba plan. */
export type ChangeResult = Partial<Pick<FlowStatus, 'ssl' | 'publicEndpoint' | 'enforcement'>>;

/** The work of one job: runs the change, telling each step, until it is done, failed or stopped by the signal. */
export type ChangeRun = (progress: {
  onStep: (step: SslFlowStep) => void;
  signal: AbortSignal;
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
  controller: AbortController;
  finishedAt: number | null;
}

/** How many finished jobs are kept for their last status. */
const keptFinishedJobs = 50;

/** The words for a change in the refusal of a second one. */
const changeWords: Partial<Record<ChangeKind, string>> = {
  public_endpoint_allocate: 'allocating the public endpoint',
  public_endpoint_release: 'releasing the public endpoint',
  ssl_enforce: 'changing the enforced SSL (pg_hba)',
};

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
    const running = [...this.jobs.values()].find((job) => job.key === key && job.finishedAt === null);
    if (running) {
      const what = changeWords[running.status.change] ?? 'modifying its SSL settings';
      return fail(
        'change_in_progress',
        `${target.instanceId} is busy: this app is ${what}. Wait until the instance is Running again, then retry.`,
      );
    }
    const jobId = randomBytes(24).toString('base64url');
    const job: Job = {
      owner,
      key,
      controller: new AbortController(),
      finishedAt: null,
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
      },
    };
    this.jobs.set(jobId, job);
    this.prune();
    const onStep = (step: SslFlowStep) => this.record(job, step);
    void run({ onStep, signal: job.controller.signal })
      .then((outcome) => {
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

  private record(job: Job, step: SslFlowStep): void {
    const status = job.status;
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

  /** Stops waiting for a job (the change may still run on the instance); false for an unknown or another's job. */
  cancel(owner: string, jobId: string): boolean {
    const job = this.jobs.get(jobId);
    if (job?.owner !== owner) return false;
    job.controller.abort();
    return true;
  }

  /** Stops waiting for every running job (on quit). */
  cancelAll(): void {
    for (const job of this.jobs.values()) job.controller.abort();
  }
}
