import type { updatesChannels } from '../../../../shared/ipc/channels/updates';
import type { DomainHandlers } from '../../../../shared/ipc/handlers';
import { seoulIso } from '../../../../shared/domain/time';
import type { SettingsFile } from '../settings/settings-file';

/** Whether the installed app keeps itself up to date: the manager's switch, with who switched it. */
export function updatesHandlers(deps: {
  settings: SettingsFile;
  now: () => Date;
}): DomainHandlers<typeof updatesChannels> {
  const { settings } = deps;
  return {
    'updates:settings': async () => settings.autoUpdate(),
    'updates:save-settings': async ({ enabled }, { manager }) => {
      await settings.saveAutoUpdate(enabled, { by: manager.name, at: seoulIso(deps.now()) });
      return settings.autoUpdate();
    },
  };
}
