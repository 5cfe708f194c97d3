import type { Notice } from '../../../shared/domain/notices';
import type { appChannels } from '../../../shared/ipc/channels/app';
import type { DomainHandlers } from '../../../shared/ipc/handlers';
import type { TossEndpoints } from '../toss/toss-endpoints';

export function appHandlers(deps: {
  endpoints: TossEndpoints;
  notices: readonly Notice[];
}): DomainHandlers<typeof appChannels> {
  return {
    'app:info': async () => {
      const { mode, clientKey, sdkSrc } = deps.endpoints.current();
      return { mode, clientKey, sdkSrc, notices: [...deps.notices] };
    },
  };
}
