// A real OpenSSH server for the SSH tunnel tests: /usr/sbin/sshd with its own sshd_config on a free loopback port,
// throwaway host and user keys made with ssh-keygen, and a throwaway system user with a password.
// Password authentication needs sshd running as root (only root can check /etc/shadow), so the helper runs as root
// (as the test machines do) and creates the user with useradd/chpasswd, deleting it again in stop().
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../../electron/local-postgres/cluster';

const run = promisify(execFile);

/** A running test sshd and what logging in to it takes. */
export interface TestSshd {
  port: number;
  folder: string;
  /** The throwaway user, its password, its plain key and its passphrase-protected key. */
  user: string;
  password: string;
  keyFile: string;
  encryptedKeyFile: string;
  passphrase: string;
  /** The server's host key (public, `ssh-ed25519 AAAA…`) and its SHA256 fingerprint as ssh-keygen prints it. */
  hostPublicKey: string;
  hostFingerprint: string;
  /** A known_hosts line with another key for this server (a changed host key). */
  otherHostKeyLine: string;
  /** How many sessions sshd is serving now (its child processes). */
  childCount(): Promise<number>;
  stop(): Promise<void>;
}

async function keygen(file: string, passphrase = '', comment = 'rdspg-test'): Promise<void> {
  await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', passphrase, '-C', comment, '-f', file]);
}

async function fingerprintOf(publicKeyFile: string): Promise<string> {
  const { stdout } = await run('ssh-keygen', ['-l', '-E', 'sha256', '-f', publicKeyFile]);
  return stdout.split(' ')[1] ?? '';
}

async function childrenOf(pid: number): Promise<number> {
  let count = 0;
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[1]) === pid) count += 1;
  }
  return count;
}

function waitForListening(child: ChildProcess, output: () => string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const check = async () => {
      if (child.exitCode !== null) return reject(new Error(`sshd exited: ${output()}`));
      const { stdout } = await run('ss', ['-Hltn', `sport = :${port}`]).catch(() => ({ stdout: '' }));
      if (stdout.includes(`:${port}`)) return resolve();
      if (Date.now() - started > 15_000) return reject(new Error(`sshd did not listen on ${port}: ${output()}`));
      setTimeout(check, 100);
    };
    void check();
  });
}

/** Starts sshd on a free loopback port with a fresh host key, user and keys; the test calls stop() in afterAll. */
export async function startSshd(): Promise<TestSshd> {
  if (process.getuid?.() !== 0)
    throw new Error('the SSH tunnel tests run sshd as root (password log-in checks /etc/shadow): run them as root');
  const folder = await mkdtemp(join(tmpdir(), 'rdspg-sshd-'));
  const user = `rdspgt${randomBytes(4).toString('hex')}`;
  const password = `pw-${randomBytes(6).toString('hex')}`;
  const passphrase = `phrase-${randomBytes(6).toString('hex')}`;
  const hostKey = join(folder, 'ssh_host_ed25519_key');
  const keyFile = join(folder, 'id_ed25519');
  const encryptedKeyFile = join(folder, 'id_ed25519_encrypted');
  await Promise.all([
    keygen(hostKey),
    keygen(keyFile),
    keygen(encryptedKeyFile, passphrase),
    keygen(join(folder, 'other_host_key')),
  ]);
  const publicOf = async (file: string) => (await readFile(`${file}.pub`, 'utf8')).trim();
  await writeFile(join(folder, 'authorized_keys'), `${await publicOf(keyFile)}\n${await publicOf(encryptedKeyFile)}\n`);
  // sshd reads authorized_keys as the user: the folder and that file must be readable by it.
  await chmod(folder, 0o755);
  await chmod(join(folder, 'authorized_keys'), 0o644);
  await run('useradd', ['-M', '-d', folder, '-s', '/usr/sbin/nologin', user]);
  let child: ChildProcess | null = null;
  const stop = async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child?.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await run('userdel', [user]).catch(() => undefined);
    await rm(folder, { recursive: true, force: true });
  };
  try {
    await run('sh', ['-c', `echo '${user}:${password}' | chpasswd`]);
    await mkdir('/run/sshd', { recursive: true, mode: 0o755 });
    const port = await freePort();
    const config = [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${hostKey}`,
      `PidFile ${join(folder, 'sshd.pid')}`,
      `AuthorizedKeysFile ${join(folder, 'authorized_keys')}`,
      'StrictModes no',
      'UsePAM no',
      'PasswordAuthentication yes',
      'KbdInteractiveAuthentication no',
      'PubkeyAuthentication yes',
      'AllowTcpForwarding yes',
      'PermitTTY no',
      `AllowUsers ${user}`,
      'MaxStartups 100',
      'LogLevel ERROR',
    ];
    const configFile = join(folder, 'sshd_config');
    await writeFile(configFile, `${config.join('\n')}\n`);
    let output = '';
    child = spawn('/usr/sbin/sshd', ['-D', '-e', '-f', configFile], { stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr?.on('data', (chunk) => {
      output += chunk;
    });
    await waitForListening(child, () => output, port);
    const sshd = child;
    const other = await publicOf(join(folder, 'other_host_key'));
    return {
      port,
      folder,
      user,
      password,
      keyFile,
      encryptedKeyFile,
      passphrase,
      hostPublicKey: await publicOf(hostKey),
      hostFingerprint: await fingerprintOf(`${hostKey}.pub`),
      otherHostKeyLine: `[127.0.0.1]:${port} ${other.split(' ').slice(0, 2).join(' ')}`,
      childCount: () => childrenOf(sshd.pid ?? -1),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Waits until sshd serves no session (a child needs a moment to exit after its client closed); answers the count. */
export async function settledChildCount(sshd: TestSshd, boundMs = 10_000): Promise<number> {
  const until = Date.now() + boundMs;
  for (;;) {
    const count = await sshd.childCount();
    if (count === 0 || Date.now() > until) return count;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
