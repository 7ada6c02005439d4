// Bundles the Node side. The `rdspg` CLI is ESM split into chunks, so that each command loads only its own code
// (the Alibaba Cloud SDK alone is megabytes); dist/rdspg.cjs is the tiny executable entry. Run on `npm ci` too.
// ssh2's optional native parts (cpu-features, sshcrypto.node) stay out of the bundle: ssh2 runs as pure JavaScript.
import { chmod, rm, writeFile } from 'node:fs/promises';
import { build } from 'esbuild';

// require, __filename and __dirname for CommonJS packages inside the ESM chunks (ssh2's poly1305 reads __dirname).
const requireShim = [
  "import { createRequire as __rdspgCreateRequire } from 'node:module';",
  "import { fileURLToPath as __rdspgFileUrlToPath } from 'node:url';",
  'const require = __rdspgCreateRequire(import.meta.url);',
  'const __filename = __rdspgFileUrlToPath(import.meta.url);',
  "const __dirname = __filename.slice(0, __filename.lastIndexOf('/'));",
].join('\n');

await rm('dist/cli', { recursive: true, force: true });
await build({
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  splitting: true,
  sourcemap: 'linked',
  external: ['keytar', 'electron', 'pg-native', '@node-rs/argon2', 'cpu-features', '*.node'],
  logLevel: 'warning',
  legalComments: 'none',
  entryPoints: { rdspg: 'electron/cli/rdspg.ts' },
  outdir: 'dist/cli',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  banner: { js: requireShim },
});
await writeFile('dist/rdspg.cjs', "#!/usr/bin/env node\n'use strict';\nimport('./cli/rdspg.mjs');\n");
await chmod('dist/rdspg.cjs', 0o755);

// The desktop shell: main process and preload (electron stays external; the preload runs sandboxed, so one file).
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  external: ['keytar', 'electron', 'pg-native', '@node-rs/argon2', 'cpu-features', '*.node'],
  logLevel: 'warning',
  legalComments: 'none',
};
await build({
  ...common,
  entryPoints: ['electron/shell/main.ts'],
  outfile: 'dist/electron/main.cjs',
});
await build({
  ...common,
  entryPoints: ['electron/shell/preload.ts'],
  outfile: 'dist/electron/preload.cjs',
  platform: 'browser',
  external: ['electron'],
});

// The React UI (Vite), into dist/renderer: loaded by the Electron window and served by `rdspg serve`.
const { build: buildRenderer } = await import('vite');
await buildRenderer({ configFile: new URL('./vite.config.ts', import.meta.url).pathname });
