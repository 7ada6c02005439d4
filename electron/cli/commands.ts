import type { CliCommand } from './command';

/** A top-level command: its one-line summary, and how to load it (each command's code loads only when used). */
export interface CommandEntry {
  summary: string;
  load: () => Promise<CliCommand>;
}

/** Every top-level command of `rdspg`, by name. Each domain adds its own line here. */
export const commands: Record<string, CommandEntry> = {
  cert: {
    summary: 'inspect, convert and keep CA certificates',
    load: async () => (await import('./cert-command')).certCommand,
  },
  check: {
    summary: 'connect as psql would and report the SSL facts of the connection',
    load: async () => (await import('./check-command')).checkCommand,
  },
  rds: {
    summary: 'ApsaraDB RDS: SSL, CA download, register, audit',
    load: async () => (await import('./rds-command')).rdsCommand,
  },
  sandbox: {
    summary: 'run the local RDS sandbox',
    load: async () => (await import('./sandbox-command')).sandboxCommand,
  },
  serve: {
    summary: 'serve the desktop UI to a browser on this machine (server mode)',
    load: async () => (await import('./serve-command')).serveCommand,
  },
  servers: {
    summary: 'saved servers: list, add, show, edit, remove, import, export',
    load: async () => (await import('./servers-command')).serversCommand,
  },
  vault: {
    summary: 'the master-password vault and the OS keychain',
    load: async () => (await import('./vault-command')).vaultCommand,
  },
};
