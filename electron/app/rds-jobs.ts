import { randomUUID } from 'node:crypto';
import type { FlowStatus, SslChange } from '../../shared/contract/rds';
import type { SslFlowStep } from '../../shared/rds-ssl-flow';
import type { SslFlow, WaitOptions } from '../rds/index';

interface Job {
  status: FlowStatus;
  controller: AbortController;
  finishedAt: number | null;
}

/** How many finished jobs are kept for their last status. */
const keptFinishedJobs = 50;

/** Long SSL changes as started jobs: the UI polls their status and may cancel the wait. */
export class FlowJobs {
  private readonly jobs = new Map<string, Job>();

  /** Starts a change in the background and answers its job id at once. */
  start(flow: SslFlow, instanceId: string, change: SslChange, wait: Partial<WaitOptions> = {}): string {
    const jobId = randomUUID();
    const job: Job = {
      controller: new AbortController(),
      finishedAt: null,
      status: {
        jobId,
        instanceId,
        change: change.kind,
        state: 'running',
        steps: [],
        instanceStatus: null,
        lastModifyStatus: null,
        polls: 0,
        elapsedMs: 0,
        ssl: null,
        reminder: null,
        error: null,
      },
    };
    this.jobs.set(jobId, job);
    this.prune();
    const onStep = (step: SslFlowStep) => this.record(job, step);
    void flow
      .run(instanceId, change, { onStep, signal: job.controller.signal, wait })
      .then((outcome) => {
        if (outcome.ok) job.status.state = 'succeeded';
        else {
          job.status.error = outcome.error;
          job.status.state = outcome.error.code === 'cancelled' ? 'cancelled' : 'failed';
        }
      })
      .catch((error: unknown) => {
        job.status.state = 'failed';
        job.status.error = { code: 'internal_error', message: `The SSL change hit a bug: ${(error as Error).message}` };
      })
      .finally(() => {
        job.finishedAt = Date.now();
      });
    return jobId;
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
      status.instanceStatus = 'Running';
      status.lastModifyStatus = step.ssl.lastModifyStatus;
    }
  }

  private prune(): void {
    const finished = [...this.jobs].filter(([, job]) => job.finishedAt !== null);
    for (const [id] of finished.slice(0, Math.max(0, finished.length - keptFinishedJobs))) this.jobs.delete(id);
  }

  /** A copy of a job's status; undefined for an unknown job. */
  status(jobId: string): FlowStatus | undefined {
    const job = this.jobs.get(jobId);
    return job ? structuredClone(job.status) : undefined;
  }

  /** Stops waiting for a job (the change may still run on the instance); false for an unknown job. */
  cancel(jobId: string): boolean {
    const job = this.jobs.get(jobId);
    if (!job) return false;
    job.controller.abort();
    return true;
  }

  /** Stops waiting for every running job (on quit). */
  cancelAll(): void {
    for (const job of this.jobs.values()) job.controller.abort();
  }
}
