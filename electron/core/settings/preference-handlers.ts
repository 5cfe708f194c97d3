import type { preferenceChannels } from '../../../shared/ipc/channels/preferences';
import type { DomainHandlers } from '../../../shared/ipc/handlers';
import type { SettingsStore } from './settings-store';

export function preferenceHandlers(settings: SettingsStore): DomainHandlers<typeof preferenceChannels> {
  return {
    'preferences:get': async () => settings.preferences(),
    'preferences:update': (input) => settings.updatePreferences(input),
  };
}
