import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../..', import.meta.url).pathname;

/** The renderer's sources that take antd's message or modal straight from App.useApp or antd's statics. */
function bareMessageOrModal(): string[] {
  const files = readdirSync(join(root, 'renderer'), { recursive: true, encoding: 'utf8' }).filter((file) =>
    /\.tsx?$/.test(file),
  );
  return files.filter(
    (file) =>
      file !== 'styled-app.ts' &&
      file !== 'app-holder.tsx' &&
      /\bApp\.useApp\(|\bModal\.(confirm|info|success|error|warning)\(|\bmessage\.useMessage\(|from 'antd\/es\/(message|modal)/.test(
        readFileSync(join(root, 'renderer', file), 'utf8'),
      ),
  );
}

describe('confirms, modals and messages wait for the later stylesheet (issue 15)', () => {
  it('every renderer file takes them from useStyledApp (renderer/styled-app.ts, which mounts antd App from app-holder.tsx), none from antd directly', () => {
    expect(bareMessageOrModal()).toEqual([]);
  });
});
