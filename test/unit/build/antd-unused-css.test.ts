import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  firstScreenAntdComponents,
  splitForFirstScreen,
  unusedAntdComponents,
  withoutUnusedComponents,
} from '../../../build/antd-unused-css';
import { firstScreenFiles } from '../../support/first-screen-files';

const root = new URL('../../..', import.meta.url).pathname;
const antdCss = readFileSync(join(root, 'node_modules/antd/dist/antd.css'), 'utf8');

/** Every name the renderer imports from 'antd' (values and types alike). */
function antdImports(): Set<string> {
  const names = new Set<string>();
  const files = readdirSync(join(root, 'renderer'), { recursive: true, encoding: 'utf8' }).filter((file) =>
    /\.tsx?$/.test(file),
  );
  for (const file of files) {
    const text = readFileSync(join(root, 'renderer', file), 'utf8');
    for (const match of text.matchAll(/import\s*\{([^}]*)\}\s*from\s*'antd'/g))
      for (const part of match[1]!.split(','))
        names.add(
          part
            .trim()
            .replace(/^type\s+/, '')
            .split(/\s+as\s+/)[0]!,
        );
  }
  return names;
}

describe("antd's stylesheet without unused components", () => {
  it('drops only rules whose every component class is unused; keeps mixed, shared and at-rules', () => {
    const css = [
      '.ant-picker{color:red}',
      '.ant-picker-dropdown .ant-picker-cell{color:red}',
      '.ant-picker .ant-input{color:blue}',
      '.ant-tree{color:green}',
      '@media (max-width: 575px){.ant-picker{display:none}}',
      '@keyframes antSlideUpIn{0%{opacity:0}}',
      ':root{--x:1}',
      '.css-var-_R_0_{--ant-blue:#1677FF}',
      '.css-var-_R_0_.ant-btn{--ant-button-font-weight:400}',
    ].join('');
    expect(withoutUnusedComponents(css)).toBe(
      [
        '.ant-picker .ant-input{color:blue}',
        '.ant-tree{color:green}',
        '@media (max-width: 575px){.ant-picker{display:none}}',
        '@keyframes antSlideUpIn{0%{opacity:0}}',
        ':root{--x:1}',
      ].join(''),
    );
  });

  it('lists no component the renderer imports', () => {
    const imported = antdImports();
    expect(imported.has('Table')).toBe(true);
    const listed = Object.values(unusedAntdComponents).flat();
    expect(listed.filter((name) => imported.has(name))).toEqual([]);
  });

  it('keeps the rules of the components on the first screen and drops at least a fifth of the file', () => {
    const kept = withoutUnusedComponents(antdCss);
    for (const selector of ['.ant-tree', '.ant-input', '.ant-btn', '.ant-dropdown', '.ant-layout', '.ant-empty'])
      expect(kept).toContain(`${selector}{`);
    expect(kept).not.toContain('.ant-timeline{');
    // The variables antd's build declared under React's ids of then (`_R_0_`; this React's are `_r_0_`) match nothing.
    expect(antdCss).toContain('.css-var-_R_0_{--ant-');
    expect(kept).not.toContain('.css-var-');
    expect(kept.length).toBeLessThan(antdCss.length * 0.8);
  });
});

describe("antd's stylesheet in two parts: the first screen's, and the rest loaded once the tree is shown", () => {
  it('keeps shared rules and rules of first-screen components only in the first part; a mixed rule goes later', () => {
    const css = [
      ':root{--x:1}',
      '.ant-tree{color:green}',
      '.ant-table{color:red}',
      '.ant-dropdown .ant-table{color:red}',
      '@media (max-width: 575px){.ant-col-xs-1{width:4%}}',
      '@media (max-width: 575px){.ant-btn{width:1px}}',
      '@keyframes antSlideUpIn{0%{opacity:0}}',
    ].join('');
    expect(splitForFirstScreen(css)).toEqual({
      firstScreen:
        ':root{--x:1}.ant-tree{color:green}@media (max-width: 575px){.ant-btn{width:1px}}@keyframes antSlideUpIn{0%{opacity:0}}',
      later:
        '.ant-table{color:red}.ant-dropdown .ant-table{color:red}@media (max-width: 575px){.ant-col-xs-1{width:4%}}',
    });
  });

  it('loses no rule, and the first part is under half of the kept stylesheet', () => {
    const kept = withoutUnusedComponents(antdCss);
    const { firstScreen, later } = splitForFirstScreen(kept);
    expect(firstScreen.length + later.length).toBe(kept.length);
    expect(firstScreen.length).toBeLessThan(kept.length / 2);
    expect(later).toContain('.ant-table{');
    expect(later).toContain('.ant-modal{');
    expect(later).toContain('.ant-drawer{');
  });

  it('lists every antd component the first screen renders (else its styles would arrive late)', () => {
    const files = firstScreenFiles();
    expect(files.some((file) => file.endsWith('servers/server-tree.tsx'))).toBe(true);
    const listed = new Set(Object.values(firstScreenAntdComponents).flat());
    const missing = new Set<string>();
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/import\s*\{([^}]*)\}\s*from\s*'antd'/g))
        for (const part of match[1]!.split(',')) {
          const name = part.trim().split(/\s+as\s+/)[0]!;
          if (name && !name.startsWith('type ') && name !== 'theme' && name !== 'ConfigProvider' && !listed.has(name))
            missing.add(`${name} (${file.slice(root.length)})`);
        }
    }
    expect([...missing]).toEqual([]);
  });
});
