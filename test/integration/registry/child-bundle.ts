import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

/**
 * Bundles registry-child.ts into one CommonJS file, so that each child process starts in milliseconds. It is written
 * inside the checkout's .tmp folder so that the native modules left external resolve from node_modules.
 */
export async function bundleRegistryChild(): Promise<string> {
  const scratch = new URL('../../../.tmp', import.meta.url).pathname;
  mkdirSync(scratch, { recursive: true });
  const outfile = join(mkdtempSync(join(scratch, 'registry-child-')), 'registry-child.cjs');
  await build({
    entryPoints: [new URL('./registry-child.ts', import.meta.url).pathname],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    logLevel: 'error',
    external: ['keytar', '@node-rs/argon2'],
  });
  return outfile;
}
