// Bundles the Node side: the `rdspg` CLI (build/cli-build-options.mjs: ESM chunks per command, a plain `check` as one
// CommonJS file, dist/rdspg.cjs the tiny executable entry with a code cache for check), the desktop shell, and the React UI. Run on `npm ci` too.
// ssh2's optional native parts (cpu-features, sshcrypto.node) stay out of the bundle: ssh2 runs as pure JavaScript.
import { chmod, readFile, rm, writeFile } from 'node:fs/promises';
import { build } from 'esbuild';
import {
  asciiOnly,
  checkBuildOptions,
  cliBuildOptions,
  launcherBuildOptions,
  nodeFileOptions,
} from './cli-build-options.mjs';

await rm('dist/cli', { recursive: true, force: true });
await build(cliBuildOptions);
await build(checkBuildOptions);
await writeFile(checkBuildOptions.outfile, asciiOnly(await readFile(checkBuildOptions.outfile, 'utf8')));
await build(launcherBuildOptions);
await chmod('dist/rdspg.cjs', 0o755);

// The desktop shell: main process and preload (electron stays external; the preload runs sandboxed, so one file).
await build({
  ...nodeFileOptions,
  entryPoints: ['electron/shell/main.ts'],
  outfile: 'dist/electron/main.cjs',
});
await build({
  ...nodeFileOptions,
  entryPoints: ['electron/shell/preload.ts'],
  outfile: 'dist/electron/preload.cjs',
  platform: 'browser',
  external: ['electron'],
});

// The React UI (Vite), into dist/renderer: loaded by the Electron window and served by `rdspg serve`.
const { build: buildRenderer } = await import('vite');
await buildRenderer({ configFile: new URL('./vite.config.ts', import.meta.url).pathname });
