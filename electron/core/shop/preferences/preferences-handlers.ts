import type { preferenceChannels } from '../../../../shared/ipc/channels/preferences';
import type { DomainHandlers } from '../../../../shared/ipc/handlers';
import type { SettingsFile } from '../settings/settings-file';

export function preferencesHandlers(settings: SettingsFile): DomainHandlers<typeof preferenceChannels> {
  return {
    'preferences:get': async () => settings.preferences(),
    'preferences:update': (input) => settings.updatePreferences(input),
  };
}
