import { describe, expect, it } from 'vitest';
import { scanFolder } from './visible-text';

const root = new URL('../../..', import.meta.url).pathname;

describe('the renderer’s visible text', () => {
  it('no .tsx under renderer/ shows hard-coded English: every visible string goes through t()', () => {
    const found = scanFolder(root, 'renderer').map((item) => `${item.file}:${item.line} ${item.text}`);
    expect(found).toEqual([]);
  });
});
