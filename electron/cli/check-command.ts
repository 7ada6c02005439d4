import type { CliCommand } from './command';
import { writeLine } from './command';

/** `rdspg check [CONNINFO] [--json]`: connects as psql would and reports the TLS facts. */
export const checkCommand: CliCommand = {
  summary: 'connect as psql would and report SSL facts',
  usage: 'rdspg check [CONNINFO] [--json]',
  async run(_args, io) {
    writeLine(io.stderr, 'not yet');
    return 1;
  },
};
