// Puts the modules of the first screen (React, antd's first-screen components, the Servers tree: what the chunk of
// renderer/root.tsx and the chunks it imports statically hold) into one chunk, instead of the dozen and more small
// chunks that automatic splitting cuts them into because the later views share some of them. Over HTTP/1.1 a browser
// opens six connections to a server, so 18 files cost a cold load several rounds of requests; one chunk costs one.
// The bytes are the same: the modules are those the automatic split loaded before the tree (found by a first build
// that writes nothing), so nothing a later view alone needs joins them. The later views import from it.

import { build, type Plugin } from 'vite';

/** What this module reads of a built chunk (Rollup's OutputChunk). */
export interface ChunkFacts {
  type: 'chunk';
  fileName: string;
  isEntry: boolean;
  moduleIds: string[];
  imports: string[];
}

/** The chunk `start` and the chunks it imports statically, by file name. */
function staticChunks(chunks: Map<string, ChunkFacts>, start: string): ChunkFacts[] {
  const seen = new Map<string, ChunkFacts>();
  const pending = [start];
  while (pending.length) {
    const chunk = chunks.get(pending.pop()!);
    if (!chunk || seen.has(chunk.fileName)) continue;
    seen.set(chunk.fileName, chunk);
    pending.push(...chunk.imports);
  }
  return [...seen.values()];
}

/**
 * The modules the page loads with the chunk holding `firstScreen`, but not with the entry (which stays small: it asks
 * for the first answers before the UI loads).
 */
export function firstScreenModules(output: readonly (ChunkFacts | { type: 'asset' })[], firstScreen: RegExp): string[] {
  const chunks = new Map(
    output.filter((item): item is ChunkFacts => item.type === 'chunk').map((chunk) => [chunk.fileName, chunk]),
  );
  const entry = [...chunks.values()].find((chunk) => chunk.isEntry);
  const root = [...chunks.values()].find((chunk) => chunk.moduleIds.some((id) => firstScreen.test(id)));
  if (!entry || !root) throw new Error(`the build has no entry chunk or no chunk holding ${firstScreen}`);
  const withEntry = new Set(staticChunks(chunks, entry.fileName).flatMap((chunk) => chunk.moduleIds));
  return staticChunks(chunks, root.fileName)
    .flatMap((chunk) => chunk.moduleIds)
    .filter((id) => !withEntry.has(id));
}

/** The mode of the first build, in which this plugin does nothing. */
const probeMode = 'first-screen-probe';

/**
 * The Vite plugin: builds once without it and without writing (`configFile`, in mode first-screen-probe), then has
 * the real build put the modules the first screen loaded in one chunk named root (their imports in the entry stay there).
 */
export function firstScreenChunk(configFile: string, firstScreen: RegExp): Plugin {
  return {
    name: 'rdspg-first-screen-chunk',
    apply: 'build',
    async config(_config, { mode }) {
      if (mode === probeMode) return;
      const probe = await build({ configFile, mode: probeMode, logLevel: 'silent', build: { write: false } });
      const output = (Array.isArray(probe) ? probe[0] : probe) as { output: (ChunkFacts | { type: 'asset' })[] };
      const members = new Set(firstScreenModules(output.output, firstScreen));
      const root = { name: 'root', test: (id: string) => members.has(id), includeDependenciesRecursively: false };
      return { build: { rolldownOptions: { output: { codeSplitting: { groups: [root] } } } } };
    },
  };
}
