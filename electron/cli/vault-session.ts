import type { Readable } from 'node:stream';
import { fail, ok, type Result } from '../../shared/result';
import type { VaultErrorCode } from '../../shared/vault-types';
import { resolveAppHome } from '../platform/app-home';
import { absentKeychain } from '../vault/keychain';
import { keytarKeychain } from '../vault/keytar-keychain';
import { Vault } from '../vault/vault';
import type { CliIo } from './command';

/** Failures of the CLI's password input, besides the vault's own. */
export type CliVaultErrorCode = VaultErrorCode | 'password_needed' | 'password_mismatch';

/** Reads lines from a stream across several prompts (piped input), one line per prompt. */
class LineReader {
  private buffer = '';
  private ended = false;
  private waiting: (() => void) | null = null;

  constructor(private readonly stream: Readable) {
    stream.setEncoding?.('utf8');
    stream.on('data', (chunk: string) => {
      this.buffer += chunk;
      this.waiting?.();
    });
    stream.on('end', () => {
      this.ended = true;
      this.waiting?.();
    });
  }

  async line(): Promise<string | null> {
    for (;;) {
      const end = this.buffer.indexOf('\n');
      if (end >= 0) {
        const line = this.buffer.slice(0, end).replace(/\r$/, '');
        this.buffer = this.buffer.slice(end + 1);
        return line;
      }
      if (this.ended) {
        const rest = this.buffer;
        this.buffer = '';
        return rest === '' ? null : rest;
      }
      await new Promise<void>((resolve) => {
        this.waiting = resolve;
        this.stream.resume();
      });
      this.waiting = null;
    }
  }
}

const readers = new WeakMap<Readable, LineReader>();

/** Reads one line of stdin (for --password-stdin and piped prompts); null at the end of input. */
export function readStdinLine(io: CliIo): Promise<string | null> {
  let reader = readers.get(io.stdin);
  if (!reader) {
    reader = new LineReader(io.stdin);
    readers.set(io.stdin, reader);
  }
  return reader.line();
}

function readHidden(io: CliIo): Promise<string | null> {
  const stdin = io.stdin as Readable & { setRawMode(on: boolean): void };
  return new Promise((resolve) => {
    let typed = '';
    stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    const finish = (value: string | null) => {
      stdin.removeListener('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      io.stderr.write('\n');
      resolve(value);
    };
    const onData = (chunk: string) => {
      for (const character of chunk) {
        if (character === '\r' || character === '\n') return finish(typed);
        if (character === '\u0003' || character === '\u0004') return finish(null);
        typed = character === '\u007f' || character === '\b' ? typed.slice(0, -1) : typed + character;
      }
    };
    stdin.on('data', onData);
    stdin.resume();
  });
}

/** Asks for a password on stderr without echo (or reads a line when stdin is not a terminal). */
export async function promptPassword(io: CliIo, question: string): Promise<string | null> {
  io.stderr.write(question);
  if ((io.stdin as { isTTY?: boolean }).isTTY) return readHidden(io);
  const line = await readStdinLine(io);
  io.stderr.write('\n');
  return line;
}

/** Asks twice for a new password (or takes it from the environment variables given, in order). */
export async function newPasswordFrom(
  io: CliIo,
  variables: string[],
  what: string,
): Promise<Result<string, CliVaultErrorCode>> {
  for (const variable of variables) {
    const value = io.env[variable];
    if (value) return ok(value);
  }
  const first = await promptPassword(io, `${what}: `);
  if (first === null)
    return fail('password_needed', `No ${what.toLowerCase()} given; type it at the prompt or set ${variables[0]}.`);
  const second = await promptPassword(io, `${what} (again): `);
  if (second !== first) return fail('password_mismatch', 'The two passwords differ; run the command again.');
  return ok(first);
}

/** The master password from RDSPG_MASTER_PASSWORD or a prompt. */
export async function masterPasswordFrom(io: CliIo): Promise<Result<string, CliVaultErrorCode>> {
  if (io.env.RDSPG_MASTER_PASSWORD) return ok(io.env.RDSPG_MASTER_PASSWORD);
  const typed = await promptPassword(io, 'Master password: ');
  return typed
    ? ok(typed)
    : fail(
        'password_needed',
        'The vault needs the master password; type it at the prompt or set RDSPG_MASTER_PASSWORD.',
      );
}

/** The vault of the app's data folder, with the OS keychain (unless RDSPG_KEYCHAIN=off). */
export function cliVault(io: CliIo): Vault {
  const keychain =
    io.env.RDSPG_KEYCHAIN === 'off' ? absentKeychain('RDSPG_KEYCHAIN=off') : keytarKeychain({ env: io.env });
  return new Vault({ folder: resolveAppHome(io.env), keychain });
}

/**
 * Unlocks the vault for one CLI command: with the key remembered in the OS keychain (nothing asked), else with
 * RDSPG_MASTER_PASSWORD, else with a prompt.
 */
export async function unlockForCommand(
  vault: Vault,
  io: CliIo,
): Promise<Result<'keychain' | 'password', CliVaultErrorCode>> {
  const remembered = await vault.unlockFromKeychain();
  if (!remembered.ok) return remembered;
  if (remembered.value) return ok('keychain');
  const password = await masterPasswordFrom(io);
  if (!password.ok) return password;
  const unlocked = await vault.unlock(password.value);
  return unlocked.ok ? ok('password') : unlocked;
}
