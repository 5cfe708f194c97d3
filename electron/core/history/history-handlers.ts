import type { historyChannels } from '../../../shared/ipc/channels/history';
import type { DomainHandlers } from '../../../shared/ipc/handlers';
import type { RefundService } from '../refunds/refund-service';
import type { SettingsStore } from '../settings/settings-store';
import type { HistoryService } from './history-service';

export function historyHandlers(history: HistoryService, refunds: RefundService, settings: SettingsStore): DomainHandlers<typeof historyChannels> {
  return {
    'history:list': (input) => history.list(input.filter, input.cursor, input.limit),
    'history:totals': (input) => history.totals(input.from, input.to),
    'history:order': (input) => history.order(input.orderId),
    'history:export': (input) => history.export(input.filter),
    'refund:preview': async (input) => {
      const { amount, lines, balanceAfter, coupon } = await refunds.preview(input.orderId, input.request, settings.restoreCouponOnRefund());
      return { amount, lines, balanceAfter, coupon };
    },
    'refund:create': (input, { manager }) => refunds.refund(input.orderId, input.request, input.reason, manager),
  };
}
