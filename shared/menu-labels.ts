import { type Locale, matchLocale } from './locales';

/** The native menu's and file dialog's words in English, under the renderer's message keys (its catalogs include these). */
export const menuLabelsEn = {
  'menu.file': 'File',
  'menu.quit': 'Quit',
  'menu.edit': 'Edit',
  'menu.view': 'View',
  'menu.register': 'Register',
  'menu.registerServer': 'Server…',
  'menu.registerGroup': 'Server Group…',
  'menu.changeMasterPassword': 'Change master password…',
  'menu.lock': 'Lock',
  'menu.undo': 'Undo',
  'menu.redo': 'Redo',
  'menu.cut': 'Cut',
  'menu.copy': 'Copy',
  'menu.paste': 'Paste',
  'menu.selectAll': 'Select All',
  'menu.reload': 'Reload',
  'menu.forceReload': 'Force Reload',
  'menu.toggleDevTools': 'Toggle Developer Tools',
  'menu.resetZoom': 'Actual Size',
  'menu.zoomIn': 'Zoom In',
  'menu.zoomOut': 'Zoom Out',
  'menu.toggleFullScreen': 'Toggle Full Screen',
  'menu.certificateFiles': 'Certificates and keys',
  'menu.allFiles': 'All files',
};

/** The native menu's and file dialog's words in Simplified Chinese (the words of Chinese Windows and macOS menus). */
export const menuLabelsZhCN: Record<keyof typeof menuLabelsEn, string> = {
  'menu.file': '文件',
  'menu.quit': '退出',
  'menu.edit': '编辑',
  'menu.view': '视图',
  'menu.register': '注册',
  'menu.registerServer': '服务器…',
  'menu.registerGroup': '服务器组…',
  'menu.changeMasterPassword': '修改主密码…',
  'menu.lock': '锁定',
  'menu.undo': '撤销',
  'menu.redo': '重做',
  'menu.cut': '剪切',
  'menu.copy': '复制',
  'menu.paste': '粘贴',
  'menu.selectAll': '全选',
  'menu.reload': '重新加载',
  'menu.forceReload': '强制重新加载',
  'menu.toggleDevTools': '切换开发者工具',
  'menu.resetZoom': '实际大小',
  'menu.zoomIn': '放大',
  'menu.zoomOut': '缩小',
  'menu.toggleFullScreen': '切换全屏',
  'menu.certificateFiles': '证书和密钥',
  'menu.allFiles': '所有文件',
};

/** The words of the native menu and file dialog (built by the Electron main process, which has no React and no `t`). */
export type NativeMenuLabels = {
  [Key in keyof typeof menuLabelsEn as Key extends `menu.${infer Name}` ? Name : never]: string;
};

const catalogs: Record<Locale, Record<keyof typeof menuLabelsEn, string>> = {
  en: menuLabelsEn,
  'zh-CN': menuLabelsZhCN,
};

/** The native menu's labels for a BCP 47 tag, such as Electron's app.getLocale(): Chinese tags get zh-CN. */
export function nativeMenuLabels(tag: string | null | undefined): NativeMenuLabels {
  const catalog = catalogs[matchLocale(tag)];
  return Object.fromEntries(
    Object.entries(catalog).map(([key, label]) => [key.slice('menu.'.length), label]),
  ) as NativeMenuLabels;
}
