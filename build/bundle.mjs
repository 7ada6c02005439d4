// Bundles the Node side: the `rdspg` CLI (one file, so that it starts fast). Run by `npm run build` and on `npm ci`.
import { chmod } from 'node:fs/promises';
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  external: ['keytar', 'electron', 'pg-native'],
  logLevel: 'warning',
  legalComments: 'none',
};

await build({
  ...common,
  entryPoints: ['electron/cli/rdspg.ts'],
  outfile: 'dist/rdspg.cjs',
  banner: { js: '#!/usr/bin/env node' },
});
await chmod('dist/rdspg.cjs', 0o755);
