import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { confinedPath } from '../../../electron/platform/confined-path';

describe('confinedPath', () => {
  const folder = resolve('/data/home');
  it('joins names that stay inside the folder', () => {
    expect(confinedPath(folder, 'rds', 'ca', 'pgm-abc.pem')).toBe(join(folder, 'rds', 'ca', 'pgm-abc.pem'));
    expect(confinedPath(folder, '..folder-like-name')).toBe(join(folder, '..folder-like-name'));
  });
  it('refuses names that climb out, are absolute, or name the folder itself', () => {
    expect(confinedPath(folder, 'rds', 'ca-files', '../../../escaped')).toBeNull();
    expect(confinedPath(folder, '/etc/passwd')).toBeNull();
    expect(confinedPath(folder, 'rds', '..', '..')).toBeNull();
    expect(confinedPath(folder, '.')).toBeNull();
  });
});
