import { describe, expect, it } from 'vitest';
import { checkImportRules, importsOf, scanSources } from './import-rules';

const root = new URL('../../..', import.meta.url).pathname;

describe('the layering rules (docs/architecture.md)', () => {
  it('every import of electron/, shared/ and renderer/ keeps them', () => {
    const sources = scanSources(root, ['electron', 'shared', 'renderer']);
    expect(sources.length).toBeGreaterThan(200);
    expect(checkImportRules(sources)).toEqual([]);
  });

  it('reads import, import type, export … from, import() and require()', () => {
    const text = [
      "import { a } from './a';",
      "import type { B } from '../b';",
      "export { c } from './c';",
      "export * from './d';",
      "const e = await import('./e');",
      "const f = require('f');",
      "import './g.css';",
    ].join('\n');
    expect(importsOf(text)).toEqual(['./a', '../b', './c', './d', './e', 'f', './g.css']);
  });

  it('flags each forbidden import of a synthetic tree', () => {
    const rules = (file: string, ...specifiers: string[]) =>
      checkImportRules([{ file, specifiers }]).map((violation) => violation.rule);
    expect(rules('shared/x.ts', '../electron/vault/vault')).toEqual([
      'shared/ imports neither electron/ nor renderer/',
    ]);
    expect(rules('shared/x.ts', '../renderer/i18n')).toEqual(['shared/ imports neither electron/ nor renderer/']);
    expect(rules('shared/x.ts', 'node:fs')[0]).toMatch(/^shared\/ imports no Node/);
    expect(rules('shared/x.ts', 'react')[0]).toMatch(/^shared\/ imports no Node, Electron or DOM/);
    expect(rules('shared/contract/x.ts', '../result', 'zod')).toEqual([]);
    expect(rules('electron/shell/main.ts', '../../renderer/i18n/menu-labels')).toEqual([
      'electron/ never imports renderer/',
    ]);
    expect(rules('renderer/app.tsx', '../electron/app/compose')[0]).toMatch(/^renderer\/ never imports electron\//);
    expect(rules('renderer/app.tsx', 'node:path')).toEqual(['renderer/ imports no Node built-ins']);
    expect(rules('electron/vault/x.ts', '../cli/command')).toEqual([
      'domain folder electron/vault never imports electron/cli',
    ]);
    expect(rules('electron/engine/x.ts', '../shell/main')).toEqual([
      'domain folder electron/engine never imports electron/shell',
    ]);
    expect(rules('electron/app/x.ts', 'electron')).toEqual(["only electron/shell imports 'electron'"]);
    expect(rules('electron/shell/x.ts', 'electron', '../app/compose', '../vault')).toEqual([]);
    expect(rules('electron/cli/x.ts', '../vault', '../rds/rds-client', '../app/compose')).toEqual([]);
    const unplaced = checkImportRules([
      { file: 'electron/widgets/a.ts', specifiers: [] },
      { file: 'electron/widgets/b.ts', specifiers: [] },
    ]);
    expect(unplaced.map((violation) => violation.rule)).toEqual([
      'electron/widgets is neither a domain nor a face folder: classify it in import-rules.ts',
    ]);
  });

  it('flags an import cycle between domain folders, even through type imports and other folders', () => {
    const cycle = checkImportRules([
      { file: 'electron/vault/vault-storage.ts', specifiers: ['../registry/file-lock'] },
      { file: 'electron/registry/server-keywords.ts', specifiers: ['../engine/conninfo', '../vault/vault'] },
      { file: 'electron/engine/conninfo.ts', specifiers: ['../platform/clock'] },
    ]);
    expect(cycle).toEqual([
      {
        file: 'electron/registry',
        specifier:
          'electron/registry/server-keywords.ts -> ../vault/vault; electron/vault/vault-storage.ts -> ../registry/file-lock',
        rule: 'no import cycle between domain folders: registry -> vault -> registry',
      },
    ]);
    const chain = checkImportRules([
      { file: 'electron/rds/a.ts', specifiers: ['../certs/b'] },
      { file: 'electron/certs/b.ts', specifiers: ['../engine/c'] },
      { file: 'electron/engine/c.ts', specifiers: ['../rds'] },
    ]);
    expect(chain.map((violation) => violation.rule)).toEqual([
      'no import cycle between domain folders: certs -> engine -> rds -> certs',
    ]);
    expect(
      checkImportRules([
        { file: 'electron/rds/a.ts', specifiers: ['../certs/b', '../vault'] },
        { file: 'electron/vault/v.ts', specifiers: ['../certs/b'] },
      ]),
    ).toEqual([]);
  });
});
