import type { refundChannels } from '../../../../shared/ipc/channels/refund';
import type { DomainHandlers } from '../../../../shared/ipc/handlers';
import type { SettingsFile } from '../../shop/settings/settings-file';
import type { SharedRefunds } from './shared-refunds';

export function refundHandlers(
  refunds: Pick<SharedRefunds, 'preview' | 'refund' | 'openElsewhere' | 'settleElsewhere'>,
  settings: SettingsFile,
): DomainHandlers<typeof refundChannels> {
  return {
    'refund:preview': async (input) => {
      const { amount, lines, balanceAfter, coupon } = await refunds.preview(
        input.orderId,
        input.request,
        settings.restoreCouponOnRefund(),
        input.part,
      );
      return { amount, lines, balanceAfter, coupon };
    },
    'refund:create': (input, { manager, cashier }) =>
      refunds.refund(input.orderId, input.request, input.reason, { manager, cashier }, input.part),
    'refund:open-elsewhere': () => refunds.openElsewhere(),
    'refund:settle-elsewhere': (input) => refunds.settleElsewhere(input.orderId),
  };
}
