import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

/** Bundles registry-child.ts into one CommonJS file, so that each child process starts in milliseconds. */
export async function bundleRegistryChild(): Promise<string> {
  const outfile = join(mkdtempSync(join(tmpdir(), 'rdspg-child-')), 'registry-child.cjs');
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
