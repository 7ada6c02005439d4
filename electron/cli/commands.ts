import { certCommand } from './cert-command';
import { checkCommand } from './check-command';
import type { CliCommand } from './command';
import { rdsCommand } from './rds-command';
import { sandboxCommand } from './sandbox-command';

/** Every top-level command of `rdspg`, by name. Each domain adds its own line here. */
export const commands: Record<string, CliCommand> = {
  cert: certCommand,
  check: checkCommand,
  rds: rdsCommand,
  sandbox: sandboxCommand,
};
