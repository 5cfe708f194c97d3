import type { barChannels } from '../../../../shared/ipc/channels/bar';
import type { DomainHandlers } from '../../../../shared/ipc/handlers';
import type { OrderCalls } from './order-calls';

export function barHandlers(calls: OrderCalls): DomainHandlers<typeof barChannels> {
  return {
    'bar:watch': (input) => calls.watch(input.since),
    'bar:ready': (input) => calls.markReady(input.orderId),
  };
}
