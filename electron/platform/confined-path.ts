import { isAbsolute, relative, resolve, sep } from 'node:path';

/** Joins names under a folder; null when the result would be the folder itself or lie outside it. */
export function confinedPath(folder: string, ...names: string[]): string | null {
  const root = resolve(folder);
  const path = resolve(root, ...names);
  const inside = relative(root, path);
  return inside !== '' && inside !== '..' && !inside.startsWith(`..${sep}`) && !isAbsolute(inside) ? path : null;
}
