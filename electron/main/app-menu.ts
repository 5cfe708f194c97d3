import type { Menu, MenuItemConstructorOptions } from 'electron';
import type { ShellStrings } from './shell-strings';

/** DevTools, and the menu that opens them, exist only in an unpackaged app (development). */
export function devToolsAllowed(packaged: boolean): boolean {
  return !packaged;
}

/**
 * The packaged app has no menu on Windows and Linux: no Reload, DevTools or Ctrl+W/Ctrl+R/
 * Ctrl+Shift+I, and no menu bar for Alt to open (a scanner's keys can carry Alt). macOS always
 * shows a menu bar, so it gets the app's and the edit menu only (copy and paste need their
 * items there). Unpackaged, a View menu keeps Reload and DevTools.
 */
export function appMenuTemplate(
  platform: NodeJS.Platform,
  packaged: boolean,
  words: ShellStrings,
): MenuItemConstructorOptions[] | null {
  const mac = platform === 'darwin';
  const app: MenuItemConstructorOptions = {
    label: 'Toss POS',
    submenu: [
      { role: 'about', label: words.about },
      { type: 'separator' },
      { role: 'hide', label: words.hide },
      { type: 'separator' },
      { role: 'quit', label: words.quit },
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: words.edit,
    submenu: [
      { role: 'undo', label: words.undo },
      { role: 'redo', label: words.redo },
      { type: 'separator' },
      { role: 'cut', label: words.cut },
      { role: 'copy', label: words.copy },
      { role: 'paste', label: words.paste },
      { role: 'selectAll', label: words.selectAll },
    ],
  };
  if (devToolsAllowed(packaged)) {
    const view: MenuItemConstructorOptions = {
      label: 'View',
      submenu: [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }],
    };
    return mac ? [app, edit, view] : [edit, view];
  }
  return mac ? [app, edit] : null;
}

/** Set once at `ready`, before any window: Electron's default menu (View, Reload, DevTools) never shows. */
export function installAppMenu(
  menu: Pick<typeof Menu, 'setApplicationMenu' | 'buildFromTemplate'>,
  platform: NodeJS.Platform,
  packaged: boolean,
  words: ShellStrings,
): void {
  const template = appMenuTemplate(platform, packaged, words);
  menu.setApplicationMenu(template === null ? null : menu.buildFromTemplate(template));
}
