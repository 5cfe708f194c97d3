import { randomBytes } from 'node:crypto';
import type { DiscountLimits } from '../../../../shared/domain/coupons';
import type { ReceiptSettings } from '../../../../shared/domain/receipt-print';
import { PosError } from '../../../../shared/domain/errors';
import type { SettingsView, StoreInfo } from '../../../../shared/domain/settings';
import { seoulIso } from '../../../../shared/domain/time';
import { keyPairProblem, maskKey } from '../../../../shared/domain/toss-keys';
import type { Logger } from '../../platform/log/logger';
import { TossClient } from '../../toss/toss-client';
import { TossApiError, TossUnreachableError } from '../../toss/toss-errors';
import type { PaymentMode, TossEndpoint, TossEndpoints } from '../../toss/toss-endpoints';
import type { SecretKeyFile } from '../secrets/secret-key-file';
import type { Manager } from '../../../../shared/domain/staff';
import type { SettingsFile } from './settings-file';

/** How the composition reaches the live Toss (or a test seam) with a key pair. */
export interface TossModes {
  /** Throws TOSS_CONFIGURATION when this key may not go where the app is configured to send it. */
  live(keys: { clientKey: string; secretKey: string }): TossEndpoint;
}

export interface SettingsServiceDeps {
  settings: SettingsFile;
  keyStore: SecretKeyFile;
  endpoints: TossEndpoints;
  modes: TossModes;
  /** A payment or refund is being answered at the register now (its confirm sent, say). */
  paying: () => boolean;
  /** How much work of this mode is still being settled with its Toss. */
  openWork: (mode: PaymentMode) => number;
  /** Told after a switch (the customer's screen follows the register into the other books). */
  switched: (from: PaymentMode, to: PaymentMode) => Promise<void>;
  /** A manager who works in live mode exists (the training manager does not count). */
  hasLiveManager: () => boolean;
  /** The keys came from TOSS_CLIENT_KEY/TOSS_SECRET_KEY: the screen says so. */
  keysFromEnvironment: boolean;
  now: () => Date;
  log: Logger;
  fetch?: typeof fetch;
  tossTimeoutMs?: number;
}

/**
 * The manager's settings: the shop's details for receipts, the Toss keys (checked with Toss
 * before they are kept, shown only as a masked tail) and the explicit switch between training
 * and live. Each change records the manager who made it.
 */
export class SettingsService {
  constructor(private readonly deps: SettingsServiceDeps) {}

  async view(): Promise<SettingsView> {
    const settings = this.deps.settings.current;
    const stored = await this.deps.keyStore.read();
    const availability = await this.deps.keyStore.availability();
    const endpoint = this.deps.endpoints.current();
    const live = this.deps.endpoints.of('live');
    const secretKey = stored.state === 'stored' ? stored.key : (live?.secretKey ?? null);
    return {
      store: settings.store,
      storeChanged: settings.storeChanged,
      toss: {
        mode: endpoint.mode,
        savedMode: settings.toss.mode,
        keysFromEnvironment: this.deps.keysFromEnvironment,
        clientKey:
          live !== null
            ? maskKey(live.clientKey)
            : settings.toss.clientKey === null
              ? null
              : maskKey(settings.toss.clientKey),
        secretKey: secretKey === null ? null : maskKey(secretKey),
        changed: settings.toss.changed,
        openWork: { live: this.deps.openWork('live'), training: this.deps.openWork('training') },
      },
      keyStorage: availability.available
        ? { protection: availability.protection, detail: availability.detail }
        : { protection: 'none', detail: availability.detail },
      discountLimits: settings.discountLimits,
      discountLimitsChanged: settings.discountLimitsChanged,
      restoreCouponOnRefund: settings.restoreCouponOnRefund,
      refundPolicyChanged: settings.refundPolicyChanged,
      receipt: settings.receipt,
      receiptChanged: settings.receiptChanged,
      mandatoryCashReceipt: settings.mandatoryCashReceipt,
      mandatoryCashReceiptChanged: settings.mandatoryCashReceiptChanged,
    };
  }

  async saveStore(store: StoreInfo, by: Manager): Promise<SettingsView> {
    await this.deps.settings.saveStore(store, { by: by.name, at: seoulIso(this.deps.now()) });
    this.deps.log.info('store information saved', { by: by.name });
    return this.view();
  }

  async saveDiscountLimits(limits: DiscountLimits, by: Manager): Promise<SettingsView> {
    await this.deps.settings.saveDiscountLimits(limits, { by: by.name, at: seoulIso(this.deps.now()) });
    this.deps.log.info('discount limits saved', { by: by.name, ...limits });
    return this.view();
  }

  async saveRefundPolicy(restoreCouponOnRefund: boolean, by: Manager): Promise<SettingsView> {
    await this.deps.settings.saveRefundPolicy(restoreCouponOnRefund, { by: by.name, at: seoulIso(this.deps.now()) });
    this.deps.log.info('refund policy saved', { by: by.name, restoreCouponOnRefund });
    return this.view();
  }

  async saveMandatoryCashReceipt(mandatoryCashReceipt: boolean, by: Manager): Promise<SettingsView> {
    await this.deps.settings.saveMandatoryCashReceipt(mandatoryCashReceipt, {
      by: by.name,
      at: seoulIso(this.deps.now()),
    });
    this.deps.log.info('mandatory cash receipt saved', { by: by.name, mandatoryCashReceipt });
    return this.view();
  }

  async saveReceipt(receipt: ReceiptSettings, by: Manager): Promise<SettingsView> {
    await this.deps.settings.saveReceipt(receipt, { by: by.name, at: seoulIso(this.deps.now()) });
    this.deps.log.info('receipt printing saved', {
      by: by.name,
      paperWidth: receipt.paperWidth,
      silent: receipt.silent,
    });
    return this.view();
  }

  /**
   * Keeps a key pair only once it is right in form and Toss accepts the secret (a read that
   * must answer "not found", not "unauthorised"). In live mode the new keys take over at once.
   */
  async saveTossKeys(
    input: { clientKey: string; secretKey: string; acceptUnencrypted: boolean },
    by: Manager,
  ): Promise<SettingsView> {
    const problem = keyPairProblem(input.clientKey, input.secretKey);
    if (problem === 'NOT_API_INDIVIDUAL')
      throw new PosError(
        'INVALID_INPUT',
        'use an API-individual key pair: test_ck_/test_sk_ or live_ck_/live_sk_ (widget keys gck/gsk do not open the payment window)',
      );
    if (problem === 'MIXED_TEST_AND_LIVE')
      throw new PosError(
        'INVALID_INPUT',
        'the client key and the secret key must both be test keys or both be live keys',
      );
    this.deps.endpoints.remember(input.secretKey);
    const live = this.deps.modes.live(input);
    await this.deps.keyStore.protectionFor({ acceptWeakProtection: input.acceptUnencrypted });
    await this.checkWithToss(live);
    await this.deps.keyStore.save(input.secretKey, { acceptWeakProtection: input.acceptUnencrypted });
    await this.deps.settings.setTossKeys(input.clientKey, { by: by.name, at: seoulIso(this.deps.now()) });
    // Live work is settled with these from now on, whichever mode the register shows.
    this.deps.endpoints.setLive(live);
    this.deps.log.info('Toss keys saved', { by: by.name, kind: input.secretKey.slice(0, 5) });
    return this.view();
  }

  /**
   * Training ↔ live, never while a payment is under way at the register; the saved mode is used
   * at the next start too. Work still open in the mode left behind (a confirm, a refund, a
   * 현금영수증) does not hold the switch back: each mode's books settle their own work with their own
   * Toss, whatever the register shows, and the view says how much is still open.
   */
  async setMode(mode: PaymentMode, by: Manager): Promise<SettingsView> {
    const from = this.deps.endpoints.mode();
    if (this.deps.paying()) throw new PosError('PAYMENT_IN_FLIGHT', 'a payment is under way');
    if (mode === 'live') {
      // Otherwise the register would open live on the first-start screen, for whoever stands at it.
      if (!this.deps.hasLiveManager()) throw new PosError('LIVE_NEEDS_MANAGER', 'only the training manager exists');
      const stored = await this.deps.keyStore.read();
      if (stored.state === 'locked') throw new PosError('KEYRING_LOCKED', stored.reason, { retryable: true });
      const clientKey = this.deps.settings.current.toss.clientKey;
      if (stored.state === 'stored' && clientKey !== null)
        this.deps.endpoints.setLive(this.deps.modes.live({ clientKey, secretKey: stored.key }));
      if (this.deps.endpoints.of('live') === null)
        throw new PosError('LIVE_KEYS_MISSING', 'no saved key pair to pay with');
    }
    // Saved first: a switch the disk refuses leaves the register in the mode it says it is in.
    await this.deps.settings.setTossMode(mode, { by: by.name, at: seoulIso(this.deps.now()) });
    this.deps.endpoints.setMode(mode);
    await this.deps.switched(from, mode);
    this.deps.log.info('payment mode switched', {
      from,
      mode,
      by: by.name,
      openWork: { live: this.deps.openWork('live'), training: this.deps.openWork('training') },
    });
    return this.view();
  }

  private async checkWithToss(endpoint: TossEndpoint): Promise<void> {
    const client = new TossClient({
      endpoint: () => endpoint,
      fetch: this.deps.fetch,
      timeoutMs: this.deps.tossTimeoutMs,
    });
    try {
      await client.getPaymentByOrderId(`keycheck-${randomBytes(8).toString('hex')}`);
    } catch (error) {
      if (error instanceof TossApiError && error.status === 404) return;
      if (error instanceof TossApiError && (error.status === 401 || error.status === 403))
        throw new PosError('TOSS_KEY_REJECTED', `Toss refused the key (${error.code})`);
      if (error instanceof TossUnreachableError)
        throw new PosError('TOSS_UNREACHABLE', 'could not check the key with Toss; nothing was saved', {
          retryable: true,
        });
      throw new PosError(
        'TOSS_KEY_REJECTED',
        `unexpected answer while checking the key (${error instanceof TossApiError ? error.code : 'unknown'})`,
      );
    }
  }
}
