// Lists in index.html the chunks and the stylesheet that renderer/main.ts imports at once (`import('./root')`), so
// that the browser starts fetching them while it parses the page, in parallel with the small entry, instead of when
// the entry has run. Vite's preload helper then finds the links already there and adds none itself.

import type { HtmlTagDescriptor, Plugin } from 'vite';

/** What this plugin reads of a bundle's chunk (Rollup's OutputChunk). */
interface ChunkFacts {
  type: 'chunk';
  fileName: string;
  moduleIds: string[];
  imports: string[];
  dynamicImports: string[];
  viteMetadata?: { importedCss: Set<string> };
}

/** The files a chunk loads before it runs: itself and the chunks it imports statically, then their stylesheets. */
function staticClosure(
  bundle: Record<string, ChunkFacts | { type: 'asset' }>,
  start: string,
): { scripts: string[]; styles: string[] } {
  const scripts: string[] = [];
  const styles = new Set<string>();
  const pending = [start];
  while (pending.length) {
    const name = pending.shift()!;
    const chunk = bundle[name];
    if (scripts.includes(name) || chunk?.type !== 'chunk') continue;
    scripts.push(name);
    for (const css of chunk.viteMetadata?.importedCss ?? []) styles.add(css);
    pending.push(...chunk.imports);
  }
  return { scripts, styles: [...styles] };
}

/** The link tags that fetch the first screen's chunks (modulepreload) and stylesheet (preload) early, entry aside. */
function firstScreenPreloadTags(
  bundle: Record<string, ChunkFacts | { type: 'asset' }>,
  entry: ChunkFacts,
  firstScreenModule: RegExp,
): HtmlTagDescriptor[] {
  const root = entry.dynamicImports.find((name) => {
    const chunk = bundle[name];
    return chunk?.type === 'chunk' && chunk.moduleIds.some((id) => firstScreenModule.test(id));
  });
  if (!root) throw new Error(`the entry ${entry.fileName} imports no chunk matching ${firstScreenModule}`);
  const { scripts, styles } = staticClosure(bundle, root);
  // crossorigin as Vite's helper sets it on the links it would add: the early fetch is then the one it reuses.
  return [
    ...styles.map((file) => ({ rel: 'preload', as: 'style', crossorigin: true, href: `./${file}` })),
    ...scripts
      .filter((file) => file !== entry.fileName)
      .map((file) => ({ rel: 'modulepreload', crossorigin: true, href: `./${file}` })),
  ].map((attrs) => ({ tag: 'link', attrs, injectTo: 'head' as const }));
}

/** The Vite plugin: adds to index.html the early links of the chunk of renderer/root.tsx and what it imports. */
export function firstScreenPreload(): Plugin {
  return {
    name: 'rdspg-first-screen-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const { bundle, chunk } = context;
        if (!bundle || !chunk) return [];
        return firstScreenPreloadTags(
          bundle as unknown as Record<string, ChunkFacts>,
          chunk as unknown as ChunkFacts,
          /renderer\/root\.tsx$/,
        );
      },
    },
  };
}
