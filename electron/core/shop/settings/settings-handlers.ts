import type { settingsChannels } from '../../../../shared/ipc/channels/settings';
import type { DomainHandlers } from '../../../../shared/ipc/handlers';
import type { SettingsService } from './settings-service';

export function settingsHandlers(settings: SettingsService): DomainHandlers<typeof settingsChannels> {
  return {
    'settings:get': () => settings.view(),
    'settings:save-store': (input, { manager }) => settings.saveStore(input, manager),
    'settings:save-toss-keys': (input, { manager }) => settings.saveTossKeys(input, manager),
    'settings:save-discount-limits': (input, { manager }) => settings.saveDiscountLimits(input, manager),
    'settings:save-refund-policy': (input, { manager }) =>
      settings.saveRefundPolicy(input.restoreCouponOnRefund, manager),
    'settings:save-mandatory-cash-receipt': (input, { manager }) =>
      settings.saveMandatoryCashReceipt(input.mandatoryCashReceipt, manager),
    'settings:save-receipt': (input, { manager }) => settings.saveReceipt(input, manager),
    'settings:set-mode': (input, { manager }) => settings.setMode(input.mode, manager),
  };
}
