// The layering rules of docs/architecture.md as code: which folder may import which. The test feeds it every
// .ts/.tsx file of electron/, shared/ and renderer/; its self-test feeds it synthetic files.
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, posix } from 'node:path';
import ts from 'typescript';

/** One source file and the module specifiers it imports (import, export … from, import(), require()). */
export interface SourceImports {
  /** Repository-relative path with forward slashes, such as `electron/vault/vault.ts`. */
  file: string;
  specifiers: string[];
}

/** A broken rule: the importing file, what it imports, and which rule forbids it. */
export interface Violation {
  file: string;
  specifier: string;
  rule: string;
}

/** Folders of electron/ that hold domain services: plain TS, no knowledge of the faces that use them. */
export const domainFolders = [
  'engine',
  'certs',
  'vault',
  'registry',
  'saved-servers',
  'rds',
  'sandbox',
  'platform',
  'local-postgres',
  'ssh-tunnel',
];
/** Folders of electron/ that are faces or composition: they may import the domain, never the reverse. */
export const faceFolders = ['app', 'cli', 'server', 'shell'];
/** The only packages shared/ may import: it is pure logic that both sides load. */
export const sharedPackages = ['zod'];

/** The module specifiers a TypeScript file imports, read by TypeScript's own pre-processor (no type check). */
export function importsOf(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((entry) => entry.fileName);
}

/** Every .ts/.tsx file under `folders` of `root`, with its imports. */
export function scanSources(root: string, folders: string[]): SourceImports[] {
  const found: SourceImports[] = [];
  const walk = (relative: string): void => {
    for (const entry of readdirSync(join(root, relative), { withFileTypes: true })) {
      const path = posix.join(relative, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        found.push({ file: path, specifiers: importsOf(readFileSync(join(root, path), 'utf8')) });
      }
    }
  };
  for (const folder of folders) walk(folder);
  return found;
}

/** The top folder of a path (`electron`, `shared`, `renderer`) and, under electron/, its role folder. */
function placeOf(path: string): { top: string; folder: string | null } {
  const [top = '', second] = path.split('/');
  return { top, folder: top === 'electron' && second && !/\.tsx?$/.test(second) ? second : null };
}

function isNodeBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0] ?? '');
}

/** The packages and repository paths a file imports: relative specifiers become repository paths. */
function resolveSpecifier(file: string, specifier: string): { path: string | null; bare: string | null } {
  if (!specifier.startsWith('.')) return { path: null, bare: specifier };
  return { path: posix.normalize(posix.join(dirname(file), specifier)), bare: null };
}

/** Checks every rule on a set of files; an empty list means the layering holds. */
export function checkImportRules(sources: SourceImports[]): Violation[] {
  const violations: Violation[] = [];
  const edges = new Map<string, Map<string, string>>();
  const unplaced = new Set<string>();
  for (const { file, specifiers } of sources) {
    const from = placeOf(file);
    const flag = (specifier: string, rule: string) => violations.push({ file, specifier, rule });
    if (from.folder && ![...domainFolders, ...faceFolders].includes(from.folder) && !unplaced.has(from.folder)) {
      unplaced.add(from.folder);
      flag('', `electron/${from.folder} is neither a domain nor a face folder: classify it in import-rules.ts`);
    }
    for (const specifier of specifiers) {
      const { path, bare } = resolveSpecifier(file, specifier);
      const to = path ? placeOf(path) : null;
      if (bare === 'electron' && !(from.top === 'electron' && from.folder === 'shell')) {
        flag(specifier, "only electron/shell imports 'electron'");
      }
      if (from.top === 'shared') {
        if (to && to.top !== 'shared') flag(specifier, 'shared/ imports neither electron/ nor renderer/');
        if (bare && !sharedPackages.includes(bare)) {
          flag(specifier, `shared/ imports no Node, Electron or DOM modules (only ${sharedPackages.join(', ')})`);
        }
      }
      if (from.top === 'electron' && to?.top === 'renderer') flag(specifier, 'electron/ never imports renderer/');
      if (from.top === 'renderer') {
        if (to?.top === 'electron')
          flag(specifier, 'renderer/ never imports electron/: it talks through the typed API');
        if (bare && isNodeBuiltin(bare)) flag(specifier, 'renderer/ imports no Node built-ins');
      }
      if (from.folder && domainFolders.includes(from.folder) && to?.folder) {
        if (faceFolders.includes(to.folder)) {
          flag(specifier, `domain folder electron/${from.folder} never imports electron/${to.folder}`);
        } else if (to.folder !== from.folder && domainFolders.includes(to.folder)) {
          const targets = edges.get(from.folder) ?? new Map<string, string>();
          if (!targets.has(to.folder)) targets.set(to.folder, `${file} -> ${specifier}`);
          edges.set(from.folder, targets);
        }
      }
    }
  }
  for (const cycle of folderCycles(edges)) {
    const witness = cycle.map((folder, index) => edges.get(folder)?.get(cycle[(index + 1) % cycle.length] ?? ''));
    violations.push({
      file: `electron/${cycle[0]}`,
      specifier: witness.join('; '),
      rule: `no import cycle between domain folders: ${[...cycle, cycle[0]].join(' -> ')}`,
    });
  }
  return violations;
}

/** The cycles of a folder graph, each once, starting at its alphabetically first folder. */
function folderCycles(edges: Map<string, Map<string, string>>): string[][] {
  const cycles = new Map<string, string[]>();
  const visit = (path: string[]): void => {
    const last = path[path.length - 1] ?? '';
    for (const next of edges.get(last)?.keys() ?? []) {
      const at = path.indexOf(next);
      if (at >= 0) {
        const cycle = path.slice(at);
        const start = cycle.indexOf([...cycle].sort()[0] ?? '');
        const rotated = [...cycle.slice(start), ...cycle.slice(0, start)];
        cycles.set(rotated.join(' '), rotated);
      } else visit([...path, next]);
    }
  };
  for (const folder of edges.keys()) visit([folder]);
  return [...cycles.values()];
}
