import type { RegisterDraft } from '../../../shared/domain/register';
import type { Dispatch } from './ipc/dispatcher';

export interface UpdateGateDeps {
  /** Whether the shop wants updates at all (Settings). */
  enabled: () => boolean;
  /** A call that moves money (a confirm, a cash sale, a refund) is being answered now. */
  paying: () => boolean;
  /** Confirms, refunds and 현금영수증 cancels whose outcome Toss still owes, in either books. */
  openWork: () => number;
  /** The register as the cashier left it, in the mode it shows. */
  draft: () => RegisterDraft;
}

/** Why an update may not install now (null: it may). */
export type UpdateHold = 'updates-off' | 'paying' | 'open-work' | 'mid-sale' | null;

/**
 * A sale is under way at the register: something rung up, a payment window or an approval
 * whose outcome is not in yet. A paid sale whose receipt is still showing is over.
 */
function midSale(draft: RegisterDraft): boolean {
  if (draft.stage === 'paid') return false;
  return draft.stage === 'paying' || draft.pending !== null || draft.approval !== null || draft.lines.length > 0;
}

/**
 * Whether a downloaded update may be installed now, restarting the app: never mid-sale. A quit
 * installs it too, but a quit already waits for the calls under way and leaves the draft and the
 * open work on disk for the next start; an install the app starts itself (after the day close)
 * must find the counter idle.
 */
export class UpdateGate {
  private readonly dayClosedListeners: (() => void)[] = [];

  constructor(private readonly deps: UpdateGateDeps) {}

  enabled(): boolean {
    return this.deps.enabled();
  }

  hold(): UpdateHold {
    if (!this.deps.enabled()) return 'updates-off';
    if (this.deps.paying()) return 'paying';
    if (this.deps.openWork() > 0) return 'open-work';
    if (midSale(this.deps.draft())) return 'mid-sale';
    return null;
  }

  mayInstall(): boolean {
    return this.hold() === null;
  }

  /** Told after each day close main answered ok. */
  onDayClosed(listener: () => void): void {
    this.dayClosedListeners.push(listener);
  }

  /** The dispatcher, noticing each successful `day:close` as it is answered. */
  follow(dispatch: Dispatch): Dispatch {
    return async (channel, input) => {
      const result = await dispatch(channel, input);
      if (channel === 'day:close' && result.ok) for (const listener of this.dayClosedListeners) listener();
      return result;
    };
  }
}
