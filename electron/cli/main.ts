import { type CliIo, runCommand, writeFailure, writeLine } from './command';
import { commands } from './commands';

/** Runs `rdspg` with the given arguments and returns the exit status; never lets a user error escape as a stack trace. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    writeLine(io.stdout, 'Usage: rdspg <command> [options]\n\nCommands:');
    for (const [commandName, command] of Object.entries(commands)) {
      writeLine(io.stdout, `  ${commandName.padEnd(10)} ${command.summary}`);
    }
    return name ? 0 : 2;
  }
  if (name === '--version') {
    writeLine(io.stdout, process.env.RDSPG_VERSION ?? '0.1.0');
    return 0;
  }
  const entry = commands[name];
  if (!entry) {
    writeFailure(io.stderr, {
      code: 'usage',
      message: `unknown command "${name}". Run "rdspg help" to list the commands.`,
    });
    return 2;
  }
  return runCommand(await entry.load(), rest, io);
}
