import { describe, expect, it } from 'vitest';
import { findVisibleTexts } from './visible-text';

describe('the hard-coded text scanner', () => {
  it('finds JSX text, visible props and keys, either branch of a condition, and message calls', () => {
    const source = `
      export function View({ on }: { on: boolean }) {
        message.success('Saved the server');
        return (
          <section aria-label="Server panel">
            <Button>Connect</Button>
            <Input placeholder={\`Path of \${name}\`} />
            <Descriptions items={[{ key: 'a', label: 'State', children: on ? 'Connected' : 'Not connected' }]} />
            {on && 'Busy now'}
          </section>
        );
      }`;
    expect(findVisibleTexts('view.tsx', source).map((found) => found.text)).toEqual([
      'Saved the server',
      'Server panel',
      'Connect',
      'Path of',
      'State',
      'Connected',
      'Not connected',
      'Busy now',
    ]);
  });

  it('lets translated text, technical tokens and non-visible props through', () => {
    const source = `
      export function View() {
        return (
          <div className="panel-body" role="menuitem" data-kind="server">
            <Button>{t('query.run')}</Button>
            <Tag>SSL</Tag>
            <Typography.Text code>{path}</Typography.Text>
            <Input id="query-row-limit" type="password" />
            <span>{' '}—</span>
          </div>
        );
      }`;
    expect(findVisibleTexts('view.tsx', source)).toEqual([]);
  });
});
