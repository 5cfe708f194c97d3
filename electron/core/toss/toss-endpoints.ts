import { PosError } from '../../../shared/domain/errors';

export type PaymentMode = 'training' | 'live';

/** One Toss with its keys: the real one (live) or the training simulator. */
export interface TossEndpoint {
  mode: PaymentMode;
  clientKey: string;
  secretKey: string;
  apiBase: string;
  sdkSrc: string;
}

/**
 * Both Tosses the app knows, and which one the register takes payments with now. Work is always
 * settled with the Toss of the mode it was made in (`of`), whatever the register shows: the live
 * endpoint stays here while the register trains, so a live confirm left open is still asked of the
 * real Toss. Every secret ever used in this run stays on the scrub list.
 */
export class TossEndpoints {
  private live: TossEndpoint | null;
  private register: PaymentMode;
  private readonly secrets: string[] = [];

  constructor(
    private readonly training: TossEndpoint,
    options: { live: TossEndpoint | null; mode: PaymentMode },
  ) {
    this.live = options.live;
    this.register = options.mode;
    this.remember(training.secretKey);
    if (options.live) this.remember(options.live.secretKey);
    this.setMode(options.mode);
  }

  /** The mode the register takes payments in now. */
  mode(): PaymentMode {
    return this.register;
  }

  /** The Toss the register pays with now (its SDK, its client key, its CSP). */
  current(): TossEndpoint {
    return this.of(this.register) ?? this.training;
  }

  /** That mode's Toss; null for live while no live key pair is known. */
  of(mode: PaymentMode): TossEndpoint | null {
    return mode === 'training' ? this.training : this.live;
  }

  /** A live key pair saved (or read) while the app runs: used at once by everything live, in either mode. */
  setLive(endpoint: TossEndpoint): void {
    this.live = endpoint;
    this.remember(endpoint.secretKey);
  }

  setMode(mode: PaymentMode): void {
    if (mode === 'live' && this.live === null) throw new PosError('LIVE_KEYS_MISSING', 'no live key pair to pay with');
    this.register = mode;
  }

  /** A secret the app holds without using it yet (one being checked, say): scrubbed from now on. */
  remember(secret: string): void {
    if (!this.secrets.includes(secret)) this.secrets.push(secret);
  }

  /** Every secret to scrub from logs. */
  knownSecrets(): readonly string[] {
    return this.secrets;
  }
}
