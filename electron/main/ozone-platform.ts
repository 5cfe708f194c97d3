import type { CommandLine } from 'electron';

/** Set to `wayland` to run on native Wayland instead of XWayland (Linux only). */
export const OZONE_PLATFORM_ENV = 'POS_OZONE_PLATFORM';

/**
 * Linux runs the app under X11 (XWayland on a Wayland desktop) unless the owner opts back.
 * Electron 38+ starts on native Wayland where the session is Wayland, and Wayland lets no client
 * place its windows: the customer window lands on whichever monitor the compositor picks, often
 * the cashier's (electron#43493, #48749, both fixed by `--ozone-platform=x11`). The .desktop file
 * passes the switch too (electron-builder's `linux.executableArgs`); appending it here, before
 * `ready`, covers a start without that file, and the last value given wins, so the opt-out
 * overrides the .desktop file's.
 */
export function chooseOzonePlatform(
  commandLine: Pick<CommandLine, 'appendSwitch'>,
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
): 'x11' | 'wayland' | null {
  if (platform !== 'linux') return null;
  const chosen = env[OZONE_PLATFORM_ENV]?.trim().toLowerCase() === 'wayland' ? 'wayland' : 'x11';
  commandLine.appendSwitch('ozone-platform', chosen);
  return chosen;
}
