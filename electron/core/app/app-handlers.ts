import type { Notice } from '../../../shared/domain/notices';
import type { appChannels } from '../../../shared/ipc/channels/app';
import type { DomainHandlers } from '../../../shared/ipc/handlers';
import type { SettingsFile } from '../shop/settings/settings-file';
import type { TossEndpoints } from '../toss/toss-endpoints';

export function appHandlers(deps: {
  endpoints: TossEndpoints;
  notices: readonly Notice[];
  settingsFile: SettingsFile;
}): DomainHandlers<typeof appChannels> {
  return {
    'app:info': async () => {
      const { mode, clientKey, sdkSrc } = deps.endpoints.current();
      const shopName = deps.settingsFile.current.store?.name ?? null;
      return { mode, clientKey, sdkSrc, notices: [...deps.notices], shopName };
    },
  };
}
