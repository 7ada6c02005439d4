import { parseArgs } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readCheckArguments } from '../../../electron/cli/check-run';

// readCheckArguments reads the usual check command line without parseArgs: it must give parseArgs' answer (or its
// error) for every command line, the usual ones and the rest.
const parsedByNode = (args: string[]) =>
  parseArgs({
    args,
    options: { json: { type: 'boolean' }, server: { type: 'string' }, 'accept-host-key': { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });

const outcome = (read: () => unknown) => {
  try {
    return { value: JSON.parse(JSON.stringify(read())) };
  } catch (error) {
    return { error: { code: (error as { code?: string }).code, message: (error as Error).message } };
  }
};

const commandLines: string[][] = [
  [],
  ['--json'],
  ['host=db.example.com sslmode=verify-full'],
  ['host=db.example.com sslmode=verify-full', '--json'],
  ['--json', 'postgresql://u@h/db?sslmode=require'],
  ['mydb'],
  ['a', 'b'],
  ['a', '--json', 'b', '--json'],
  [''],
  ['', '--json'],
  ['--json=true'],
  ['--json', '--json'],
  ['--server', 'prod'],
  ['--server=prod', '--json'],
  ['--server', 'prod', '--accept-host-key', 'SHA256:abc'],
  ['--accept-host-key', 'SHA256:abc'],
  ['--server'],
  ['-j'],
  ['-'],
  ['--'],
  ['--', '--json'],
  ['--', '-x'],
  ['--unknown'],
  ['host=h', '--verbose'],
  ['-host=h'],
  ['--JSON'],
  ['—json'],
];

describe('readCheckArguments', () => {
  it.each(commandLines.map((args) => [JSON.stringify(args), args]))('reads %s as parseArgs does', (_name, args) => {
    expect(outcome(() => readCheckArguments(args))).toEqual(outcome(() => parsedByNode(args)));
  });

  it('reads the usual command line itself', () => {
    expect(readCheckArguments(['host=h', '--json'])).toEqual({ values: { json: true }, positionals: ['host=h'] });
    expect(readCheckArguments(['host=h'])).toEqual({ values: {}, positionals: ['host=h'] });
  });

  it('leaves every other option to parseArgs and its error words', () => {
    expect(() => readCheckArguments(['--verbose'])).toThrow(/Unknown option '--verbose'/);
    expect(() => readCheckArguments(['--server'])).toThrow(/--server <value>' argument missing/);
  });
});
