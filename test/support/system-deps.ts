import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

/** One thing the test tiers need from the operating system, and the Debian package that brings it. */
interface SystemNeed {
  what: string;
  present: () => boolean;
  debianPackage: string;
}

function onPath(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function postgresBinary(name: string): boolean {
  if (onPath(name)) return true;
  if (!existsSync('/usr/lib/postgresql')) return false;
  return readdirSync('/usr/lib/postgresql').some((version) => existsSync(`/usr/lib/postgresql/${version}/bin/${name}`));
}

const needs: SystemNeed[] = [
  { what: 'PostgreSQL server (initdb, pg_ctl)', present: () => postgresBinary('initdb'), debianPackage: 'postgresql' },
  { what: 'psql', present: () => onPath('psql'), debianPackage: 'postgresql-client' },
  { what: 'pgbench', present: () => postgresBinary('pgbench'), debianPackage: 'postgresql-contrib' },
  { what: 'openssl', present: () => onPath('openssl'), debianPackage: 'openssl' },
  { what: "a JDK's keytool", present: () => onPath('keytool'), debianPackage: 'default-jdk-headless' },
  {
    what: 'libsecret headers (to build keytar)',
    present: () => existsSync('/usr/include/libsecret-1'),
    debianPackage: 'libsecret-1-dev',
  },
  { what: 'gnome-keyring', present: () => onPath('gnome-keyring-daemon'), debianPackage: 'gnome-keyring' },
  { what: 'dbus-run-session', present: () => onPath('dbus-run-session'), debianPackage: 'dbus' },
  { what: 'Chromium', present: () => existsSync('/usr/bin/chromium'), debianPackage: 'chromium' },
  {
    what: 'CJK fonts (Chinese text in the browser tests and screenshots)',
    present: () => existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'),
    debianPackage: 'fonts-noto-cjk',
  },
  {
    what: 'OpenSSH server (the SSH tunnel tests)',
    present: () => existsSync('/usr/sbin/sshd'),
    debianPackage: 'openssh-server',
  },
  { what: 'runuser', present: () => onPath('runuser'), debianPackage: 'util-linux' },
];

/** The Debian packages whose programs the tests need and this machine lacks. */
export function missingPackages(): string[] {
  return [...new Set(needs.filter((need) => !need.present()).map((need) => need.debianPackage))];
}

/**
 * Makes sure every system package the tests need is installed: as root it installs what is missing with apt-get;
 * otherwise it returns the exact command to run. Returns null when nothing is missing or all was installed.
 */
export function ensureSystemPackages(log: (line: string) => void): string | null {
  const missing = missingPackages();
  if (missing.length === 0) return null;
  const command = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) return `sudo sh -c '${command}'`;
  log(`installing system packages the tests need: ${missing.join(', ')}`);
  execFileSync('sh', ['-c', `DEBIAN_FRONTEND=noninteractive ${command}`], { stdio: 'inherit' });
  const still = missingPackages();
  return still.length ? `apt-get install -y ${still.join(' ')}` : null;
}
