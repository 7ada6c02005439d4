import { en, type MessageKey } from './en';
import { matchLocale } from './locales';
import { zhCN } from './zh-cn';

/** The words of the native menu (built by the Electron main process, which has no React and no `t`). */
export interface NativeMenuLabels {
  file: string;
  lock: string;
  changeMasterPassword: string;
  quit: string;
  register: string;
  registerServer: string;
  edit: string;
  view: string;
}

/** The native menu's labels for a BCP 47 tag, such as Electron's app.getLocale(): Chinese tags get zh-CN. */
export function nativeMenuLabels(tag: string | null | undefined): NativeMenuLabels {
  const catalog: Record<MessageKey, string> = matchLocale(tag) === 'zh-CN' ? zhCN : en;
  return {
    file: catalog['menu.file'],
    lock: catalog['menu.lock'],
    changeMasterPassword: catalog['menu.changeMasterPassword'],
    quit: catalog['menu.quit'],
    register: catalog['menu.register'],
    registerServer: catalog['menu.registerServer'],
    edit: catalog['menu.edit'],
    view: catalog['menu.view'],
  };
}
