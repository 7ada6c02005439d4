import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;

/**
 * The source files the page loads before the Servers tree shows: renderer/root.tsx and what it imports statically
 * (not import()), in renderer/ and shared/.
 */
export function firstScreenFiles(): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/^import\s+(?!type\b)[^'"]*?from\s+'(\.[^']+)'/gm)) {
      const base = join(dirname(file), match[1]!);
      const next = ['.tsx', '.ts', '/index.ts'].map((ending) => base + ending).find((path) => existsSync(path));
      if (next) visit(next);
    }
  };
  visit(join(root, 'renderer/root.tsx'));
  return [...seen];
}
