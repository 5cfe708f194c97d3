import type { refundChannels } from '../../../../shared/ipc/channels/refund';
import type { DomainHandlers } from '../../../../shared/ipc/handlers';
import type { SettingsFile } from '../../shop/settings/settings-file';
import type { RefundService } from './refund-service';

export function refundHandlers(refunds: RefundService, settings: SettingsFile): DomainHandlers<typeof refundChannels> {
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
  };
}
