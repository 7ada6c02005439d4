import { type Locale, matchLocale } from './locales';

/** The native menu's words in English, under the renderer's message keys (its catalogs include these). */
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
  'menu.certificateFiles': 'Certificates and keys',
  'menu.allFiles': 'All files',
};

/** The native menu's words in Simplified Chinese. */
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
  'menu.certificateFiles': '证书和密钥',
  'menu.allFiles': '所有文件',
};

/** The words of the native menu and file dialog (built by the Electron main process, which has no React and no `t`). */
export interface NativeMenuLabels {
  file: string;
  lock: string;
  changeMasterPassword: string;
  quit: string;
  register: string;
  registerServer: string;
  registerGroup: string;
  edit: string;
  view: string;
  certificateFiles: string;
  allFiles: string;
}

const catalogs: Record<Locale, Record<keyof typeof menuLabelsEn, string>> = {
  en: menuLabelsEn,
  'zh-CN': menuLabelsZhCN,
};

/** The native menu's labels for a BCP 47 tag, such as Electron's app.getLocale(): Chinese tags get zh-CN. */
export function nativeMenuLabels(tag: string | null | undefined): NativeMenuLabels {
  const catalog = catalogs[matchLocale(tag)];
  return {
    file: catalog['menu.file'],
    lock: catalog['menu.lock'],
    changeMasterPassword: catalog['menu.changeMasterPassword'],
    quit: catalog['menu.quit'],
    register: catalog['menu.register'],
    registerServer: catalog['menu.registerServer'],
    registerGroup: catalog['menu.registerGroup'],
    edit: catalog['menu.edit'],
    view: catalog['menu.view'],
    certificateFiles: catalog['menu.certificateFiles'],
    allFiles: catalog['menu.allFiles'],
  };
}
