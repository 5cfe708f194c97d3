import type { receiptsChannels } from '../../../../shared/ipc/channels/receipts';
import type { DomainHandlers } from '../../../../shared/ipc/handlers';
import type { RecentReceipts } from './recent-receipts';

export function receiptsHandlers(recent: RecentReceipts): DomainHandlers<typeof receiptsChannels> {
  return {
    'receipts:recent': () => recent.list(),
  };
}
