import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A private D-Bus session bus with an unlocked gnome-keyring (the Secret Service) for keytar tests. */
export interface KeyringSession {
  /** The DBUS_SESSION_BUS_ADDRESS to give keytar. */
  address: string;
  stop(): void;
}

function secretServiceOwned(address: string): boolean {
  const reply = execFileSync(
    'dbus-send',
    [
      '--session',
      '--print-reply',
      '--dest=org.freedesktop.DBus',
      '/org/freedesktop/DBus',
      'org.freedesktop.DBus.NameHasOwner',
      'string:org.freedesktop.secrets',
    ],
    { encoding: 'utf8', env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: address } },
  );
  return reply.includes('boolean true');
}

/** Starts `dbus-daemon --session` and `gnome-keyring-daemon --unlock --components=secrets` on it. */
export async function startKeyringSession(): Promise<KeyringSession> {
  const home = mkdtempSync(join(tmpdir(), 'rdspg-keyring-'));
  const output = execFileSync('dbus-daemon', ['--session', '--fork', '--print-address=1', '--print-pid=1'], {
    encoding: 'utf8',
  });
  const [address, pidText] = output.trim().split('\n');
  const env = {
    ...process.env,
    HOME: home,
    XDG_DATA_HOME: join(home, 'data'),
    XDG_RUNTIME_DIR: home,
    DBUS_SESSION_BUS_ADDRESS: address!,
  };
  const keyring = spawn('gnome-keyring-daemon', ['--unlock', '--components=secrets', '--foreground'], {
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  keyring.stdin.end('keyring-test-password');
  const deadline = Date.now() + 10_000;
  while (!secretServiceOwned(address!)) {
    if (Date.now() > deadline || keyring.exitCode !== null) throw new Error('gnome-keyring-daemon did not start');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    address: address!,
    stop() {
      keyring.kill('SIGTERM');
      try {
        process.kill(Number(pidText), 'SIGTERM');
      } catch {}
      rmSync(home, { recursive: true, force: true });
    },
  };
}
