// How the `rdspg` CLI is bundled (build/bundle.mjs builds with these; the build tests check what they produce).
import Module from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Packages that stay outside every Node bundle: native modules, Electron, and ssh2's optional native parts. */
export const nodeExternals = ['keytar', 'electron', 'pg-native', '@node-rs/argon2', 'cpu-features', '*.node'];

/**
 * node-postgres's hashing module replaced by electron/engine/pg-crypto.ts (the same functions on node:crypto instead of
 * Web Crypto, ≈ 3 ms less per SCRAM sign-in) in every Node bundle.
 */
export const pgCryptoPlugin = {
  name: 'pg-crypto',
  setup(build) {
    build.onResolve({ filter: /utils$/ }, (args) =>
      /[\\/]node_modules[\\/]pg[\\/]lib[\\/]crypto[\\/]utils$/.test(join(args.resolveDir, args.path))
        ? { path: fileURLToPath(new URL('../electron/engine/pg-crypto.ts', import.meta.url)) }
        : undefined,
    );
  },
};

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
  plugins: [pgCryptoPlugin],
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
  plugins: [pgCryptoPlugin],
  logLevel: 'warning',
  legalComments: 'none',
};

/**
 * esbuild escapes every non-ASCII character in code, but keeps comments as they are: the few characters there (a dash
 * in node-postgres' comments) are escaped too, so that the file is ASCII and V8 holds it in one byte a character
 * (electron/cli/compile-cache.ts). An escape inside a comment changes nothing the code does.
 */
export function asciiOnly(text) {
  return text.replace(/[^\x00-\x7f]/gu, (character) => `\\u{${character.codePointAt(0).toString(16)}}`);
}

/** What Node's Module.wrap puts before and after a CommonJS module's text. */
const [moduleWrapperStart, moduleWrapperEnd] = Module.wrap('\0').split('\0');

/**
 * `rdspg check` without --server as one CommonJS file: Node 20's ES module loader costs it 20–30 ms. The file comes
 * in CommonJS's function wrapper already (electron/cli/compile-cache.ts runs it as it is): wrapped at run time, its
 * text is copied once more into a flat string for V8 (235 KB, ≈ 60 page faults; −2 ms CPU, 80 pairs).
 */
export const checkBuildOptions = {
  ...nodeFileOptions,
  entryPoints: ['electron/cli/check-main.ts'],
  outfile: 'dist/cli/check.cjs',
  banner: { js: moduleWrapperStart },
  footer: { js: moduleWrapperEnd },
};

/** dist/rdspg.cjs, the executable: picks the file a command line runs (electron/cli/launcher.ts). */
export const launcherBuildOptions = {
  ...nodeFileOptions,
  sourcemap: false,
  entryPoints: ['electron/cli/launcher.ts'],
  outfile: 'dist/rdspg.cjs',
  banner: { js: '#!/usr/bin/env node' },
};
