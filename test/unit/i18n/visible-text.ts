import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/** Props and object keys whose string values people read. */
const visibleNames = new Set([
  'label',
  'title',
  'description',
  'placeholder',
  'okText',
  'cancelText',
  'emptyText',
  'tooltip',
  'content',
  'children',
  'extra',
  'help',
  'alt',
  'aria-label',
  'aria-description',
  'addonBefore',
  'addonAfter',
  'message',
  'tip',
]);

/** Methods whose first argument people read: antd's message and notification. */
const visibleCalls = /^(message|notification)\.(success|error|info|warning|open|loading)$/;

/** Text that reads the same in every language: product names, protocol and format names, symbols. */
export const allowedTexts = new Set([
  'RDS PG Connect',
  'English',
  '简体中文',
  'SSL',
  'PEM',
  'P7B',
  'PKCS#8',
  'TLS',
  '—',
  '..',
]);

/** A hard-coded visible text found in a file. */
export interface VisibleText {
  file: string;
  line: number;
  text: string;
}

function hasWords(text: string): boolean {
  const trimmed = text.trim();
  return /[A-Za-z]{2,}/.test(trimmed) && !allowedTexts.has(trimmed);
}

/** The literal texts an expression can show: strings, templates (their literal parts), either branch of ?: and ||. */
function literalTexts(node: ts.Node): string[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isTemplateExpression(node))
    return [[node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ')];
  if (ts.isJsxExpression(node)) return node.expression ? literalTexts(node.expression) : [];
  if (ts.isParenthesizedExpression(node)) return literalTexts(node.expression);
  if (ts.isConditionalExpression(node)) return [...literalTexts(node.whenTrue), ...literalTexts(node.whenFalse)];
  if (
    ts.isBinaryExpression(node) &&
    [ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.AmpersandAmpersandToken].includes(
      node.operatorToken.kind,
    )
  )
    return [...literalTexts(node.left), ...literalTexts(node.right)];
  return [];
}

function propertyName(name: ts.PropertyName | ts.JsxAttributeName): string {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : name.getText();
}

/** Every hard-coded visible text of a .tsx source: JSX text, visible props and keys, and message calls. */
export function findVisibleTexts(file: string, source: string): VisibleText[] {
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: VisibleText[] = [];
  const report = (node: ts.Node, text: string) => {
    if (hasWords(text))
      found.push({ file, line: tree.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: text.trim() });
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) report(node, node.text);
    else if (ts.isJsxAttribute(node) && node.initializer && visibleNames.has(propertyName(node.name)))
      for (const text of literalTexts(node.initializer)) report(node, text);
    else if (ts.isPropertyAssignment(node) && visibleNames.has(propertyName(node.name)))
      for (const text of literalTexts(node.initializer)) report(node, text);
    else if (ts.isCallExpression(node) && visibleCalls.test(node.expression.getText()) && node.arguments[0])
      for (const text of literalTexts(node.arguments[0])) report(node, text);
    else if (ts.isJsxExpression(node) && node.parent && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent)))
      for (const text of literalTexts(node)) report(node, text);
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return found;
}

/** Every .tsx file under a folder. */
export function tsxFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.tsx'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The hard-coded visible texts of every .tsx under a folder, with paths relative to `root`. */
export function scanFolder(root: string, folder: string): VisibleText[] {
  return tsxFiles(join(root, folder)).flatMap((path) =>
    findVisibleTexts(relative(root, path), readFileSync(path, 'utf8')),
  );
}
