import { certCommand } from './cert-command';
import { checkCommand } from './check-command';
import type { CliCommand } from './command';

/** Every top-level command of `rdspg`, by name. Each domain adds its own line here. */
export const commands: Record<string, CliCommand> = {
  cert: certCommand,
  check: checkCommand,
};
