import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = new URL('../../..', import.meta.url).pathname;

/** `file:line` of every antd `<Button loading=…>` in a .tsx source (a busy button without aria-busy). */
function bareLoadingButtons(file: string, source: string): string[] {
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      (ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) &&
      node.tagName.getText() === 'Button' &&
      node.attributes.properties.some((prop) => ts.isJsxAttribute(prop) && prop.name.getText() === 'loading')
    )
      found.push(`${file}:${tree.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return found;
}

describe('busy buttons go through BusyButton (aria-busy, the label as the whole name)', () => {
  it('finds a Button with loading, and lets BusyButton and a Table with loading through', () => {
    const source = `
      const a = <Button type="primary" loading={busy}>{t('panel.connect')}</Button>;
      const b = <BusyButton busy={busy}>{t('panel.connect')}</BusyButton>;
      const c = <Table loading={rows === null} />;
      const d = <Button loading />;`;
    expect(bareLoadingButtons('view.tsx', source)).toEqual(['view.tsx:2', 'view.tsx:5']);
  });

  it('no renderer file gives an antd Button loading= itself', () => {
    const files = readdirSync(join(root, 'renderer'), { recursive: true, encoding: 'utf8' }).filter((file) =>
      file.endsWith('.tsx'),
    );
    expect(files.length).toBeGreaterThan(20);
    const found = files.flatMap((file) => bareLoadingButtons(file, readFileSync(join(root, 'renderer', file), 'utf8')));
    expect(found).toEqual([]);
  });
});
