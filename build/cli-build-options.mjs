// How the `rdspg` CLI is bundled (build/bundle.mjs builds with these; the build tests check what they produce).

/** Packages that stay outside every Node bundle: native modules, Electron, and ssh2's optional native parts. */
export const nodeExternals = ['keytar', 'electron', 'pg-native', '@node-rs/argon2', 'cpu-features', '*.node'];

// require, __filename and __dirname for CommonJS packages inside the ESM chunks (ssh2's poly1305 reads __dirname).
const requireShim = [
  "import { createRequire as __rdspgCreateRequire } from 'node:module';",
  "import { fileURLToPath as __rdspgFileUrlToPath } from 'node:url';",
  'const require = __rdspgCreateRequire(import.meta.url);',
  'const __filename = __rdspgFileUrlToPath(import.meta.url);',
  "const __dirname = __filename.slice(0, __filename.lastIndexOf('/'));",
].join('\n');

/** The full CLI: ESM split into chunks, so that each command loads only its own code (the RDS SDK alone is megabytes). */
export const cliBuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  splitting: true,
  sourcemap: 'linked',
  external: nodeExternals,
  logLevel: 'warning',
  legalComments: 'none',
  entryPoints: { rdspg: 'electron/cli/rdspg.ts' },
  outdir: 'dist/cli',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  banner: { js: requireShim },
};

/** One CommonJS file for Node (the desktop shell's main process and preload start from these too). */
export const nodeFileOptions = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  external: nodeExternals,
  logLevel: 'warning',
  legalComments: 'none',
};

/** `rdspg check` without --server as one CommonJS file: Node 20's ES module loader costs it 20–30 ms. */
export const checkBuildOptions = {
  ...nodeFileOptions,
  entryPoints: ['electron/cli/check-main.ts'],
  outfile: 'dist/cli/check.cjs',
};

/** Which file dist/rdspg.cjs runs for a command line: check.cjs for a plain check, the full CLI otherwise. */
export function cliFileFor(args) {
  const savedServer = args.some((arg) => arg === '--server' || arg.startsWith('--server='));
  return args[0] === 'check' && !savedServer ? './cli/check.cjs' : './cli/rdspg.mjs';
}

/** dist/rdspg.cjs, the executable (check --server needs the registry and vault, so it runs the full CLI). */
export const cliEntry = `#!/usr/bin/env node
'use strict';
const file = (${cliFileFor.toString()})(process.argv.slice(2));
if (file.endsWith('.cjs')) require(file);
else import(file);
`;
