import { readdir, readFile, readlink } from 'node:fs/promises';

/** The socket inodes of established TCP connections from this machine to `port` (the client ends), from /proc. */
async function clientInodes(port: number): Promise<Set<string>> {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    const text = await readFile(table, 'utf8').catch(() => '');
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      const [, , remote, state] = fields;
      if (remote && state === '01' && Number.parseInt(remote.split(':')[1] ?? '', 16) === port) inodes.add(fields[9]!);
    }
  }
  return inodes;
}

/**
 * How many TCP connections to `port` this process holds itself: a connection made through an SSH tunnel is held by
 * the jump host's sshd, a direct one by this process.
 */
export async function ownConnectionsTo(port: number): Promise<number> {
  const inodes = await clientInodes(port);
  let count = 0;
  for (const fd of await readdir('/proc/self/fd')) {
    const target = await readlink(`/proc/self/fd/${fd}`).catch(() => '');
    const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
    if (inode && inodes.has(inode)) count++;
  }
  return count;
}
