import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unusedAntdComponents, withoutUnusedComponents } from '../../../build/antd-unused-css';

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
    expect(imported.has('Tree')).toBe(true);
    const listed = Object.values(unusedAntdComponents).flat();
    expect(listed.filter((name) => imported.has(name))).toEqual([]);
  });

  it('keeps the rules of the components on the first screen and drops at least a fifth of the file', () => {
    const kept = withoutUnusedComponents(antdCss);
    for (const selector of ['.ant-tree', '.ant-input', '.ant-btn', '.ant-dropdown', '.ant-layout', '.ant-empty'])
      expect(kept).toContain(`${selector}{`);
    expect(kept).not.toContain('.ant-timeline{');
    expect(kept.length).toBeLessThan(antdCss.length * 0.8);
  });
});
