import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = new URL('../../..', import.meta.url).pathname;

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

describe('the rdspg check chunk', () => {
  it('loads neither zod nor the registry, vault or saved-server code until --server asks for them', async () => {
    // The CLI's own split and externals (build/bundle.mjs), in memory.
    const { metafile } = await build({
      absWorkingDir: root,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      splitting: true,
      write: false,
      metafile: true,
      external: ['keytar', 'electron', 'pg-native', '@node-rs/argon2', 'cpu-features', '*.node'],
      logLevel: 'silent',
      entryPoints: { rdspg: 'electron/cli/rdspg.ts' },
      outdir: 'out/check-chunk-test',
    });
    const chunk = Object.keys(metafile.outputs).find(
      (output) => metafile.outputs[output]!.entryPoint === 'electron/cli/check-command.ts',
    );
    expect(chunk).toBeDefined();
    const sources = [...staticSources(metafile, chunk!)];
    expect(sources).toContain('electron/engine/negotiate.ts');
    expect(
      sources.filter((source) => /node_modules\/zod\/|shared\/server-schema|electron\/(registry|vault)\//.test(source)),
    ).toEqual([]);
  });
});
