import { isAscii } from 'node:buffer';
import Module from 'node:module';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { type BuildOptions, build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { cliFileFor } from '../../../electron/cli/cli-file';

const root = new URL('../../..', import.meta.url).pathname;
/** How build/bundle.mjs bundles the CLI (the same options object it builds with). */
const { cliBuildOptions, checkBuildOptions, launcherBuildOptions, asciiOnly } = (await import(
  join(root, 'build/cli-build-options.mjs')
)) as {
  cliBuildOptions: BuildOptions;
  checkBuildOptions: BuildOptions;
  launcherBuildOptions: BuildOptions;
  asciiOnly: (text: string) => string;
};
const savedServerCode =
  /node_modules\/zod\/|shared\/server-schema|electron\/(registry|vault|saved-servers|ssh-tunnel)\//;

/** Every source file a chunk loads before it runs: its own and those of the chunks it imports statically. */
function staticSources(metafile: Metafile, chunk: string): Set<string> {
  const sources = new Set<string>();
  const pending = [chunk];
  const seen = new Set<string>();
  while (pending.length) {
    const output = pending.pop()!;
    if (seen.has(output)) continue;
    seen.add(output);
    const facts = metafile.outputs[output]!;
    for (const input of Object.keys(facts.inputs)) sources.add(input);
    for (const imported of facts.imports)
      if (imported.kind === 'import-statement' && !imported.external) pending.push(imported.path);
  }
  return sources;
}

/** Builds in memory with the given options and returns the metafile. */
async function metafileOf(options: BuildOptions): Promise<Metafile> {
  const outputs = options.outfile ? { outfile: 'out/check-chunk-test/check.cjs' } : { outdir: 'out/check-chunk-test' };
  const { metafile } = await build({ ...options, ...outputs, absWorkingDir: root, write: false, metafile: true });
  return metafile;
}

/** The plain check file as build/bundle.mjs builds it (before its ASCII pass), built in memory. */
async function builtCheckFile(): Promise<string> {
  const { outputFiles } = await build({
    ...checkBuildOptions,
    outfile: 'out/check-chunk-test/check.cjs',
    absWorkingDir: root,
    write: false,
    logLevel: 'silent',
  });
  return outputFiles.find((file) => file.path.endsWith('.cjs'))!.text;
}

describe('the rdspg check code', () => {
  it('the full CLI’s check chunk loads neither zod nor the registry, vault or saved-server code until --server', async () => {
    const metafile = await metafileOf({ ...cliBuildOptions, logLevel: 'silent' });
    const chunk = Object.keys(metafile.outputs).find(
      (output) => metafile.outputs[output]!.entryPoint === 'electron/cli/check-command.ts',
    );
    expect(chunk).toBeDefined();
    const sources = [...staticSources(metafile, chunk!)];
    expect(sources).toContain('electron/engine/negotiate.ts');
    expect(sources.filter((source) => savedServerCode.test(source))).toEqual([]);
  });

  it('the plain check is one CommonJS file without the saved-server code, and the executable runs it', async () => {
    const metafile = await metafileOf({ ...checkBuildOptions, logLevel: 'silent' });
    const outputs = Object.values(metafile.outputs).filter((output) => output.entryPoint);
    expect(outputs).toHaveLength(1);
    const sources = Object.keys(outputs[0]!.inputs);
    expect(sources).toContain('electron/engine/negotiate.ts');
    expect(sources.filter((source) => savedServerCode.test(source))).toEqual([]);
    expect(outputs[0]!.imports.filter((imported) => !imported.external)).toEqual([]);

    // node-postgres's Web Crypto hashing is replaced by pg-crypto.ts (node:crypto).
    expect(sources).toContain('electron/engine/pg-crypto.ts');
    expect(sources).not.toContain('node_modules/pg/lib/crypto/utils.js');
    // The engine signs in and asks its one question itself (node-postgres' parser and SCRAM client, session.ts):
    // none of node-postgres' Client, Pool or type parsers is loaded.
    expect(sources).toContain('node_modules/pg/lib/crypto/sasl.js');
    expect(sources).toContain('node_modules/pg-protocol/dist/parser.js');
    expect(
      sources.filter((source) => /node_modules\/(pg\/lib\/(client|index|query)|pg-pool|pg-types)/.test(source)),
    ).toEqual([]);
  });

  it('the check file is made ASCII: what esbuild leaves in comments is escaped, the rest is kept', async () => {
    const text = await builtCheckFile();
    const ascii = asciiOnly(text);
    expect(isAscii(Buffer.from(ascii))).toBe(true);
    const asciiLines = ascii.split('\n');
    expect(asciiLines).toHaveLength(text.split('\n').length);
    // Only comment lines differ.
    const changed = text.split('\n').filter((line, index) => line !== asciiLines[index]);
    expect(changed.length).toBeGreaterThan(0);
    for (const line of changed) expect(line.trimStart()).toMatch(/^(\/\/|\*|\/\*)/);
    expect(asciiOnly('a — é 😀')).toBe('a \\u{2014} \\u{e9} \\u{1f600}');
  });

  it('the check file comes in CommonJS’s function wrapper: as a script, it is the module function', async () => {
    const text = await builtCheckFile();
    const [start, end] = Module.wrap('\0').split('\0');
    expect(text.startsWith(`${start}\n"use strict";`)).toBe(true);
    expect(text).toContain(`${end}\n//# sourceMappingURL=check.cjs.map`);
    const moduleFunction = new Script(text).runInThisContext() as (...parameters: unknown[]) => void;
    expect(typeof moduleFunction).toBe('function');
    expect(moduleFunction.length).toBe(5);
  });

  it('the executable dist/rdspg.cjs is one small file that picks the file each command line runs', async () => {
    const metafile = await metafileOf({ ...launcherBuildOptions, logLevel: 'silent' });
    const sources = Object.keys(Object.values(metafile.outputs)[0]!.inputs);
    expect(sources.sort()).toEqual([
      'electron/cli/cli-file.ts',
      'electron/cli/compile-cache.ts',
      'electron/cli/launcher.ts',
      'electron/platform/app-home.ts',
    ]);
    expect(cliFileFor(['check', 'host=db', '--json'])).toBe('cli/check.cjs');
    expect(cliFileFor(['check'])).toBe('cli/check.cjs');
    expect(cliFileFor(['check', '--server', 'prod'])).toBe('cli/rdspg.mjs');
    expect(cliFileFor(['check', '--server=prod', '--json'])).toBe('cli/rdspg.mjs');
    expect(cliFileFor(['servers', 'list'])).toBe('cli/rdspg.mjs');
    expect(cliFileFor([])).toBe('cli/rdspg.mjs');
  });
});
