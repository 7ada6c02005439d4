import { describe, expect, it } from 'vitest';
import { createFileHandlers } from '../../../electron/app/handlers/file-handlers';
import type { AppPorts } from '../../../electron/app/ports';
import { certificateFileFilters, menuTemplate } from '../../../electron/shell/menu';
import { contract } from '../../../shared/contract';
import { nativeMenuLabels } from '../../../shared/menu-labels';

type Item = { label?: string; role?: string; submenu?: Item[] };

/** Every label of a menu template, depth first. */
function labels(items: Item[]): string[] {
  return items.flatMap((item) => [...(item.label ? [item.label] : []), ...labels(item.submenu ?? [])]);
}

describe('the native menu in the UI language', () => {
  it('follows Electron’s locale: Chinese tags get Simplified Chinese, others English', () => {
    expect(nativeMenuLabels('zh-CN')).toMatchObject({ file: '文件', lock: '锁定', register: '注册', quit: '退出' });
    expect(nativeMenuLabels('zh-TW').registerServer).toBe('服务器…');
    expect(nativeMenuLabels('en-GB')).toMatchObject({ file: 'File', lock: 'Lock', registerServer: 'Server…' });
    expect(nativeMenuLabels('')).toEqual(nativeMenuLabels('en'));
  });

  it('the Open dialog names its file types in the UI language', () => {
    const chinese = certificateFileFilters(nativeMenuLabels('zh-CN'));
    expect(chinese.map((filter) => filter.name)).toEqual(['证书和密钥', '所有文件']);
    expect(chinese[0]?.extensions).toContain('pem');
    expect(certificateFileFilters(nativeMenuLabels('en')).map((filter) => filter.name)).toEqual([
      'Certificates and keys',
      'All files',
    ]);
  });

  it('the menu template uses the labels it is given, and English by default', () => {
    const english = labels(menuTemplate(() => undefined, 'linux') as Item[]);
    expect(english).toEqual([
      'File',
      'Lock',
      'Change master password…',
      'Quit',
      'Register',
      'Server…',
      'Server Group…',
      'Edit',
      'Undo',
      'Redo',
      'Cut',
      'Copy',
      'Paste',
      'Select All',
      'View',
      'Reload',
      'Force Reload',
      'Toggle Developer Tools',
      'Actual Size',
      'Zoom In',
      'Zoom Out',
      'Toggle Full Screen',
    ]);
    const chinese = labels(menuTemplate(() => undefined, 'linux', nativeMenuLabels('zh-CN')) as Item[]);
    expect(chinese.slice(0, 8)).toEqual([
      '文件',
      '锁定',
      '修改主密码…',
      '退出',
      '注册',
      '服务器…',
      '服务器组…',
      '编辑',
    ]);
    // Every item has its own Chinese label: none is left to Electron's English role names.
    expect(chinese.filter((label) => /[A-Za-z]/.test(label))).toEqual([]);
    expect(chinese).toHaveLength(english.length);
    expect(labels(menuTemplate(() => undefined, 'darwin', nativeMenuLabels('zh-CN')) as Item[])[0]).toBe(
      'RDS PG Connect',
    );
  });

  it('follows the language chosen in the window: app:language hands it to the shell, which rebuilds the menu', async () => {
    const chosen: string[] = [];
    const ports = { mode: 'electron', setLanguage: (locale: string) => chosen.push(locale) } as unknown as AppPorts;
    const handlers = createFileHandlers(ports);
    const request = contract['app:language'].request.parse({ locale: 'zh-CN' });
    expect(await handlers['app:language'](request)).toEqual({ ok: true, value: {} });
    expect(chosen).toEqual(['zh-CN']);
    const menu = labels(menuTemplate(() => undefined, 'linux', nativeMenuLabels(chosen[0])) as Item[]);
    expect(menu[0]).toBe('文件');
    expect(contract['app:language'].request.safeParse({ locale: 'fr' }).success).toBe(false);
    const serverMode = createFileHandlers({ mode: 'server' } as unknown as AppPorts);
    expect(await serverMode['app:language']({ locale: 'en' })).toEqual({ ok: true, value: {} });
  });
});
