import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { DiscountLimits } from '../../../../shared/domain/coupons';
import type { CustomerScreenChoice } from '../../../../shared/domain/customer-screen';
import type { TicketSettings } from '../../../../shared/domain/order-ticket';
import type { ReceiptSettings } from '../../../../shared/domain/receipt-print';
import type { RegisterIdentity } from '../../../../shared/domain/shared-store';
import {
  defaultSettings,
  settingsSchema,
  type Preferences,
  type Settings,
  type StoreInfo,
} from '../../../../shared/domain/settings';

export interface ChangeStamp {
  by: string;
  at: string;
}
import type { FileIo } from '../../platform/disk/file-io';
import { JsonDocument } from '../../platform/disk/json-document';
import type { SharedSetting } from '../shared-changes/shop-change';
import { isShopSetting, SHOP_SETTINGS, shopSettingFields, type ShopSettingKey } from './shop-settings';

/** The shop's settings (`settings.json`, lowdb): validated on every read and every change. */
export class SettingsFile {
  /** Told of each shop setting saved here (the shared store's outbox); never of one applied from the shop's log. */
  private shopChanged: ((setting: SharedSetting) => void) | null = null;

  private constructor(private readonly doc: JsonDocument<Settings>) {}

  onShopSetting(changed: (setting: SharedSetting) => void): void {
    this.shopChanged = changed;
  }

  /** Every shop setting as it is here (what a register seeding the shop's log gives). */
  shopSettings(): SharedSetting[] {
    return (Object.keys(SHOP_SETTINGS) as ShopSettingKey[]).map((key) => ({
      key,
      fields: shopSettingFields(this.doc.data, key),
    }));
  }

  /**
   * A shop setting as another register saved it, written as a local save is (checked by the
   * schema); one this app does not know as the shop's, or already as given, changes nothing.
   */
  async applyShopSetting(setting: SharedSetting): Promise<void> {
    if (!isShopSetting(setting.key)) return;
    const fields = SHOP_SETTINGS[setting.key];
    const given = Object.fromEntries(fields.map((field) => [field, setting.fields[field]]));
    if (isDeepStrictEqual(shopSettingFields(this.doc.data, setting.key), given)) return;
    await this.doc.update((draft) => {
      Object.assign(draft, given);
    });
  }

  private saved(key: ShopSettingKey): void {
    this.shopChanged?.({ key, fields: shopSettingFields(this.doc.data, key) });
  }

  static async open(dataDir: string, io: FileIo): Promise<SettingsFile> {
    return new SettingsFile(
      await JsonDocument.open(join(dataDir, 'settings.json'), settingsSchema, structuredClone(defaultSettings), io),
    );
  }

  get current(): Settings {
    return structuredClone(this.doc.data);
  }

  preferences(): Preferences {
    return structuredClone(this.doc.data.preferences);
  }

  updatePreferences(change: Partial<Preferences>): Promise<Preferences> {
    return this.doc.update((draft) => {
      const given = Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined));
      draft.preferences = { ...draft.preferences, ...given };
      return structuredClone(draft.preferences);
    });
  }

  async saveStore(store: StoreInfo, changed: ChangeStamp): Promise<void> {
    await this.doc.update((draft) => {
      draft.store = store;
      draft.storeChanged = changed;
    });
    this.saved('store');
  }

  /** The client key of a pair just kept (its secret is in the secret key file). */
  setTossKeys(clientKey: string, changed: ChangeStamp | null): Promise<void> {
    return this.doc.update((draft) => {
      draft.toss.clientKey = clientKey;
      draft.toss.changed = changed;
    });
  }

  discountLimits(): DiscountLimits {
    return structuredClone(this.doc.data.discountLimits);
  }

  async saveDiscountLimits(limits: DiscountLimits, changed: ChangeStamp): Promise<void> {
    await this.doc.update((draft) => {
      draft.discountLimits = limits;
      draft.discountLimitsChanged = changed;
    });
    this.saved('discountLimits');
  }

  restoreCouponOnRefund(): boolean {
    return this.doc.data.restoreCouponOnRefund;
  }

  async saveRefundPolicy(restoreCouponOnRefund: boolean, changed: ChangeStamp): Promise<void> {
    await this.doc.update((draft) => {
      draft.restoreCouponOnRefund = restoreCouponOnRefund;
      draft.refundPolicyChanged = changed;
    });
    this.saved('refundPolicy');
  }

  mandatoryCashReceipt(): boolean {
    return this.doc.data.mandatoryCashReceipt;
  }

  async saveMandatoryCashReceipt(mandatoryCashReceipt: boolean, changed: ChangeStamp): Promise<void> {
    await this.doc.update((draft) => {
      draft.mandatoryCashReceipt = mandatoryCashReceipt;
      draft.mandatoryCashReceiptChanged = changed;
    });
    this.saved('mandatoryCashReceipt');
  }

  receiptSettings(): ReceiptSettings {
    return structuredClone(this.doc.data.receipt);
  }

  saveReceipt(receipt: ReceiptSettings, changed: ChangeStamp): Promise<void> {
    return this.doc.update((draft) => {
      draft.receipt = receipt;
      draft.receiptChanged = changed;
    });
  }

  ticketSettings(): { settings: TicketSettings; changed: ChangeStamp | null } {
    return structuredClone({ settings: this.doc.data.orderTicket, changed: this.doc.data.orderTicketChanged });
  }

  saveTicket(ticket: TicketSettings, changed: ChangeStamp): Promise<void> {
    return this.doc.update((draft) => {
      draft.orderTicket = ticket;
      draft.orderTicketChanged = changed;
    });
  }

  customerScreen(): { choice: CustomerScreenChoice; changed: ChangeStamp | null } {
    return structuredClone({ choice: this.doc.data.customerScreen, changed: this.doc.data.customerScreenChanged });
  }

  saveCustomerScreen(choice: CustomerScreenChoice, changed: ChangeStamp): Promise<void> {
    return this.doc.update((draft) => {
      draft.customerScreen = choice;
      draft.customerScreenChanged = changed;
    });
  }

  autoUpdate(): { enabled: boolean; changed: ChangeStamp | null } {
    return structuredClone({ enabled: this.doc.data.autoUpdate, changed: this.doc.data.autoUpdateChanged });
  }

  saveAutoUpdate(enabled: boolean, changed: ChangeStamp): Promise<void> {
    return this.doc.update((draft) => {
      draft.autoUpdate = enabled;
      draft.autoUpdateChanged = changed;
    });
  }

  register(): { identity: RegisterIdentity | null; changed: ChangeStamp | null } {
    return structuredClone({ identity: this.doc.data.register, changed: this.doc.data.registerChanged });
  }

  saveRegister(identity: RegisterIdentity, changed: ChangeStamp | null): Promise<void> {
    return this.doc.update((draft) => {
      draft.register = identity;
      draft.registerChanged = changed;
    });
  }

  /** The first 대기번호 this register gives each day. */
  callNumbersFrom(): number {
    return this.doc.data.callNumbersFrom;
  }

  saveCallNumbersFrom(from: number, changed: ChangeStamp): Promise<void> {
    return this.doc.update((draft) => {
      draft.callNumbersFrom = from;
      draft.registerChanged = changed;
    });
  }

  sharedStore(): { url: string | null; changed: ChangeStamp | null } {
    return structuredClone({ url: this.doc.data.sharedStoreUrl, changed: this.doc.data.sharedStoreChanged });
  }

  saveSharedStore(url: string | null, changed: ChangeStamp): Promise<void> {
    return this.doc.update((draft) => {
      draft.sharedStoreUrl = url;
      draft.sharedStoreChanged = changed;
    });
  }

  setTossMode(mode: 'training' | 'live', changed: ChangeStamp | null): Promise<void> {
    return this.doc.update((draft) => {
      draft.toss.mode = mode;
      draft.toss.changed = changed;
    });
  }
}
