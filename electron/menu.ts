// The app menu: little more than the standard edit and window roles (copy/paste need them on
// macOS), with Dutch labels from the i18n files.
import type { MenuItemConstructorOptions } from 'electron';
import { message, type Lang } from '../shared/i18n/index.js';

export interface MenuOptions {
  isMac: boolean;
  /** Developer tools only in unpackaged builds. */
  isDev: boolean;
  lang?: Lang;
}

export function buildMenuTemplate({ isMac, isDev, lang = 'nl' }: MenuOptions): MenuItemConstructorOptions[] {
  const t = (key: string) => message(`shell.menu.${key}`, lang);
  const appMenu: MenuItemConstructorOptions = {
    label: message('shell.window_title', lang),
    submenu: [
      { role: 'about', label: t('about') },
      { type: 'separator' },
      { role: 'hide', label: t('hide') },
      { role: 'hideOthers', label: t('hide_others') },
      { role: 'unhide', label: t('show_all') },
      { type: 'separator' },
      { role: 'quit', label: t('quit') },
    ],
  };
  const fileMenu: MenuItemConstructorOptions = {
    label: t('file'),
    submenu: [isMac ? { role: 'close', label: t('close') } : { role: 'quit', label: t('quit') }],
  };
  const editMenu: MenuItemConstructorOptions = {
    label: t('edit'),
    submenu: [
      { role: 'undo', label: t('undo') },
      { role: 'redo', label: t('redo') },
      { type: 'separator' },
      { role: 'cut', label: t('cut') },
      { role: 'copy', label: t('copy') },
      { role: 'paste', label: t('paste') },
      { role: 'selectAll', label: t('select_all') },
    ],
  };
  const viewMenu: MenuItemConstructorOptions = {
    label: t('view'),
    submenu: [
      { role: 'resetZoom', label: t('zoom_reset') },
      { role: 'zoomIn', label: t('zoom_in') },
      { role: 'zoomOut', label: t('zoom_out') },
      { type: 'separator' },
      { role: 'togglefullscreen', label: t('fullscreen') },
      ...(isDev ? [{ type: 'separator' } as const, { role: 'toggleDevTools', label: t('devtools') } as const] : []),
    ],
  };
  const windowMenu: MenuItemConstructorOptions = {
    label: t('window'),
    submenu: [
      { role: 'minimize', label: t('minimize') },
      ...(isMac ? [] : [{ role: 'close', label: t('close') } as const]),
    ],
  };
  return [...(isMac ? [appMenu] : []), fileMenu, editMenu, viewMenu, windowMenu];
}
