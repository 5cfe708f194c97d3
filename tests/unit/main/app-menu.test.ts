import type { Menu, MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { appMenuTemplate, devToolsAllowed, installAppMenu } from '../../../electron/main/app-menu';
import { SHELL_STRINGS, shellLocale } from '../../../electron/main/shell-strings';

/** Every role and accelerator anywhere in a template, submenus included. */
function rolesOf(template: MenuItemConstructorOptions[] | null): string[] {
  const items = (template ?? []).flatMap((item) => [item, ...((item.submenu ?? []) as MenuItemConstructorOptions[])]);
  return items.flatMap((item) => [item.role, item.accelerator]).filter((role): role is string => role !== undefined);
}

const ko = SHELL_STRINGS.ko;

describe('the menu of a packaged app', () => {
  it.each(['win32', 'linux'] as const)(
    'on %s there is none: no menu bar for Alt, no Reload, DevTools or Ctrl+W',
    (platform) => {
      expect(appMenuTemplate(platform, true, ko)).toBeNull();
      const set: unknown[] = [];
      installAppMenu(
        {
          setApplicationMenu: (menu) => set.push(menu),
          buildFromTemplate: () => {
            throw new Error('no menu is built');
          },
        } as Pick<typeof Menu, 'setApplicationMenu' | 'buildFromTemplate'>,
        platform,
        true,
        ko,
      );
      // null, not "never set": Electron puts its default menu (with View → Reload, DevTools) in otherwise.
      expect(set).toEqual([null]);
    },
  );

  it('on macOS it is the app menu (about, hide, quit) and editing, in the words of the system language', () => {
    const template = appMenuTemplate('darwin', true, SHELL_STRINGS.en);
    expect(rolesOf(template)).toEqual(['about', 'hide', 'quit', 'undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
    expect(template?.[1]?.label).toBe('Edit');
    expect(appMenuTemplate('darwin', true, SHELL_STRINGS[shellLocale('ko-KR')])?.[1]?.label).toBe('편집');
    expect(shellLocale('en-US')).toBe('en');
  });

  it('never carries a close, reload or DevTools item on any system', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const roles = rolesOf(appMenuTemplate(platform, true, ko));
      for (const banned of ['close', 'reload', 'forceReload', 'toggleDevTools', 'viewMenu', 'windowMenu']) {
        expect(roles).not.toContain(banned);
      }
    }
  });

  it('has no DevTools in any window', () => {
    expect(devToolsAllowed(true)).toBe(false);
  });
});

describe('unpackaged (development)', () => {
  it.each(['darwin', 'win32', 'linux'] as const)('on %s the menu keeps Reload and DevTools', (platform) => {
    const roles = rolesOf(appMenuTemplate(platform, false, ko));
    expect(roles).toEqual(expect.arrayContaining(['reload', 'toggleDevTools', 'copy', 'paste']));
    expect(devToolsAllowed(false)).toBe(true);
  });

  it('installs a built menu', () => {
    const built = { built: true } as unknown as Menu;
    const set: unknown[] = [];
    installAppMenu(
      { setApplicationMenu: (menu) => set.push(menu), buildFromTemplate: () => built },
      'linux',
      false,
      ko,
    );
    expect(set).toEqual([built]);
  });
});
