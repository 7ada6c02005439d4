/** Which file dist/rdspg.cjs runs for a command line: check.cjs for a plain check, the full CLI otherwise. */
export function cliFileFor(args: string[]): string {
  const savedServer = args.some((arg) => arg === '--server' || arg.startsWith('--server='));
  return args[0] === 'check' && !savedServer ? 'cli/check.cjs' : 'cli/rdspg.mjs';
}
