import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type StartedSandbox, startSandbox } from '../sandbox/index';

/**
 * Environment variable: how long the in-process sandbox keeps an instance in SSL_MODIFYING (ms; default 3000), and
 * when set, how long a public endpoint change (NET_CREATING / NET_DELETING) and each phase of a pg_hba change last.
 */
export const sandboxModifyDelayVariable = 'RDSPG_SANDBOX_MODIFY_DELAY_MS';

/** Environment variable: how long an accepted change keeps the old settings before SSL_MODIFYING (ms; default 2000). */
export const sandboxModifyStartDelayVariable = 'RDSPG_SANDBOX_MODIFY_START_DELAY_MS';

/** Environment variable: the address the in-process sandbox takes "this computer" to have (default 127.0.0.1). */
export const sandboxClientAddressVariable = 'RDSPG_SANDBOX_CLIENT_ADDRESS';

/** Environment variable: a pause (ms) before every answer of the in-process sandbox, as a slow network has. */
export const sandboxLatencyVariable = 'RDSPG_SANDBOX_LATENCY_MS';

/** Environment variable: "off" starts the in-process sandbox without its real PostgreSQL cluster. */
export const sandboxPostgresVariable = 'RDSPG_SANDBOX_POSTGRES';

/** Stops the sandbox's PostgreSQL at process exit when nobody called stop() (synchronous: exit handlers cannot wait). */
function stopClusterAtExit(started: StartedSandbox): () => void {
  const cluster = started.backing?.cluster;
  if (!cluster) return () => undefined;
  const onExit = () => {
    try {
      const pid = Number.parseInt(readFileSync(join(cluster.folder, 'data', 'postmaster.pid'), 'utf8'), 10);
      if (pid > 0) process.kill(pid, 'SIGQUIT');
    } catch {
      // Already stopped.
    }
    rmSync(cluster.folder, { recursive: true, force: true });
  };
  process.once('exit', onExit);
  return () => process.off('exit', onExit);
}

/** The in-process sandbox behind "Try the local sandbox": started once, stopped with the app. */
export class InProcessSandbox {
  private starting: Promise<StartedSandbox> | null = null;
  private forgetExitHook: () => void = () => undefined;

  constructor(private readonly env: Record<string, string | undefined>) {}

  /** Starts the sandbox (PostgreSQL-backed unless RDSPG_SANDBOX_POSTGRES=off), or returns the running one. */
  start(): Promise<StartedSandbox> {
    if (!this.starting) {
      const delay = Number.parseInt(this.env[sandboxModifyDelayVariable] ?? '', 10);
      const startDelay = Number.parseInt(this.env[sandboxModifyStartDelayVariable] ?? '', 10);
      const latency = Number.parseInt(this.env[sandboxLatencyVariable] ?? '', 10);
      this.starting = startSandbox({
        postgres: this.env[sandboxPostgresVariable] !== 'off',
        ...(Number.isFinite(delay) && delay >= 0 ? { modifyDelayMs: delay, netChangeDelayMs: delay } : {}),
        ...(Number.isFinite(startDelay) && startDelay >= 0 ? { modifyStartDelayMs: startDelay } : {}),
        ...(this.env[sandboxClientAddressVariable] ? { clientAddress: this.env[sandboxClientAddressVariable] } : {}),
        ...(Number.isFinite(latency) && latency > 0 ? { faults: { latencyMs: latency } } : {}),
      }).then((started) => {
        this.forgetExitHook = stopClusterAtExit(started);
        return started;
      });
      this.starting.catch(() => {
        this.starting = null;
      });
    }
    return this.starting;
  }

  /** The running sandbox, if started. */
  async running(): Promise<StartedSandbox | null> {
    if (!this.starting) return null;
    return this.starting.catch(() => null);
  }

  /** Stops the sandbox and its cluster. */
  async stop(): Promise<void> {
    const started = await this.running();
    this.starting = null;
    if (!started) return;
    this.forgetExitHook();
    await started.stop();
  }
}
