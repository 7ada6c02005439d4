import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { firstScreenFiles } from '../../support/first-screen-files';

const root = new URL('../../..', import.meta.url).pathname;

/** The first-screen files that import a value from one of the given packages. */
function importersOf(packages: RegExp): string[] {
  return firstScreenFiles()
    .filter((file) =>
      [...readFileSync(file, 'utf8').matchAll(/^import\s+(?!type\b)[^'"]*?from\s+'([^'.][^']*)'/gm)].some((match) =>
        packages.test(match[1]!),
      ),
    )
    .map((file) => file.slice(root.length));
}

/** The first-screen files that import `name` from antd. */
function antdImporters(name: string): string[] {
  return firstScreenFiles()
    .filter((file) =>
      [...readFileSync(file, 'utf8').matchAll(/import\s*\{([^}]*)\}\s*from\s*'antd'/g)].some((match) =>
        match[1]!.split(',').some((part) => part.trim() === name),
      ),
    )
    .map((file) => file.slice(root.length));
}

describe('what the page loads before the Servers tree shows (issue 15, cold load)', () => {
  it('loads no zod: the schemas come with the views that need them', () => {
    expect(firstScreenFiles().some((file) => file.endsWith('renderer/servers/server-tree.tsx'))).toBe(true);
    expect(importersOf(/^zod(\/|$)/)).toEqual([]);
  });

  it("draws the Servers tree itself: antd's Tree (its node entities, motion and measuring list) is not loaded", () => {
    expect(antdImporters('Tree')).toEqual([]);
  });

  it("loads no antd Dropdown: the menu bar's menus and the tree's context menu load it when first opened", () => {
    expect(antdImporters('Dropdown')).toEqual([]);
    expect(firstScreenFiles().some((file) => file.endsWith('renderer/servers/tree-menu.tsx'))).toBe(false);
  });

  it("draws the split pane itself: antd's Splitter (which measures itself and renders again at start) is not loaded", () => {
    expect(antdImporters('Splitter')).toEqual([]);
    expect(firstScreenFiles().some((file) => file.endsWith('renderer/split-pane.tsx'))).toBe(true);
  });

  it("loads no antd App, Drawer or Typography: confirms and messages, the views' drawers and the title are drawn or loaded on first use", () => {
    expect(antdImporters('App')).toEqual([]);
    expect(antdImporters('Drawer')).toEqual([]);
    expect(antdImporters('Typography')).toEqual([]);
    const names = firstScreenFiles().map((file) => file.slice(root.length));
    expect(names).toContain('renderer/app-frame.tsx');
    expect(names.filter((name) => /app-holder|drawer-frame/.test(name))).toEqual([]);
  });

  it('loads neither the damaged-vault nor the session-end screen (antd Card and Result come with them)', () => {
    const names = firstScreenFiles().map((file) => file.slice(root.length));
    expect(names.filter((name) => /damaged-vault-screen|session-end-screen|vault-card/.test(name))).toEqual([]);
  });
});
