import type { barChannels } from '../../../../shared/ipc/channels/bar';
import type { DomainHandlers } from '../../../../shared/ipc/handlers';
import type { SettingsFile } from '../settings/settings-file';
import type { OrderCalls } from './order-calls';

export function barHandlers(calls: OrderCalls, settings: SettingsFile): DomainHandlers<typeof barChannels> {
  return {
    'bar:watch': async (input) => ({ ...(await calls.watch(input.since)), locale: settings.preferences().locale }),
    'bar:ready': (input) => calls.markReady(input.orderId),
  };
}
