import type { WaitOptions } from '../rds/index';
import type { VaultPort } from './ports';
import { FlowJobs } from './rds-jobs';
import { RdsPanel } from './rds-panel';
import { InProcessSandbox } from './rds-sandbox';

/** What the cloud panel's handlers need: the accounts, the started SSL changes, fetch for the CA download. */
export interface RdsAppPort {
  panel: RdsPanel;
  jobs: FlowJobs;
  fetch: typeof fetch;
  /** How the wait after a change polls, per account kind (the sandbox answers in seconds, the cloud in minutes). */
  waitOptions(accountKind: string): Partial<WaitOptions>;
  /** Cancels running waits and stops the sandbox. */
  close(): Promise<void>;
}

/** The sandbox changes within seconds: look often. */
const sandboxWait: Partial<WaitOptions> = { initialDelayMs: 300, factor: 1.5, maxDelayMs: 1500, timeoutMs: 5 * 60_000 };

/** Builds the cloud panel's port for a data folder, its environment and the vault. */
export function createRdsPort(options: {
  home: string;
  env: Record<string, string | undefined>;
  vault: VaultPort;
  fetch?: typeof fetch;
}): RdsAppPort {
  const sandbox = new InProcessSandbox(options.env);
  const panel = new RdsPanel({ home: options.home, env: options.env, vault: options.vault, sandbox });
  const jobs = new FlowJobs();
  return {
    panel,
    jobs,
    fetch: options.fetch ?? fetch,
    waitOptions: (kind) => (kind === 'sandbox' ? sandboxWait : {}),
    async close() {
      jobs.cancelAll();
      await panel.close();
    },
  };
}
