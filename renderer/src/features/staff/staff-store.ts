import { create } from 'zustand';
import type { PosErrorData } from '../../../../shared/domain/errors';
import type { StaffStatus } from '../../../../shared/domain/staff';
import type { ChannelInput, ChannelOutput, ChannelsFor } from '../../../../shared/ipc/contract';
import { call, toPosError } from '../../lib/ipc';

interface StaffState {
  /** Main's word on setup, the manager session and any lockout; null until first asked. */
  status: StaffStatus | null;
}

interface StaffActions {
  refresh(): Promise<StaffStatus | null>;
  setupOwner(name: string, pin: string): Promise<PosErrorData | null>;
  useTrainingManager(): Promise<PosErrorData | null>;
  unlock(pin: string): Promise<PosErrorData | null>;
  lock(): Promise<void>;
  /** Signs in at the till with a PIN, or by a picked name (`staffId`) where the owner allows it. */
  signIn(who: { pin: string } | { staffId: string }): Promise<PosErrorData | null>;
  signOut(): Promise<void>;
}

const initialStaffState: StaffState = { status: null };

let expiryTimer: ReturnType<typeof setTimeout> | null = null;

export const useStaff = create<StaffState & StaffActions>()((set, get) => {
  /** Keeps main's answer, and asks again the moment the session would lock itself. */
  function adopt(status: StaffStatus): StaffStatus {
    if (expiryTimer !== null) clearTimeout(expiryTimer);
    expiryTimer = null;
    if (status.session !== null) {
      const wait = Math.max(0, Date.parse(status.session.expiresAt) - Date.now()) + 1_000;
      expiryTimer = setTimeout(() => void get().refresh(), wait);
    }
    set({ status });
    return status;
  }

  async function attempt(run: () => Promise<StaffStatus>): Promise<PosErrorData | null> {
    try {
      adopt(await run());
      return null;
    } catch (error) {
      await get().refresh();
      return toPosError(error);
    }
  }

  return {
    ...initialStaffState,
    async refresh() {
      try {
        return adopt(await call('staff:status', {}));
      } catch {
        return null;
      }
    },
    setupOwner: (name, pin) => attempt(() => call('staff:setup-owner', { name, pin })),
    useTrainingManager: () => attempt(() => call('staff:use-training-manager', {})),
    unlock: (pin) => attempt(() => call('staff:unlock', { pin })),
    async lock() {
      await attempt(() => call('staff:lock', {}));
    },
    signIn: (who) => attempt(() => call('staff:sign-in', who)),
    async signOut() {
      await attempt(() => call('staff:sign-out', {}));
    },
  };
});

/** Who is signed in at the till, or null (the sign-in screen shows). */
export function selectTillName(state: StaffState): string | null {
  return state.status?.signedIn?.name ?? null;
}

export function selectManagerName(state: StaffState): string | null {
  return state.status?.session?.managerName ?? null;
}

/**
 * A call on a manager channel: main checks the session, whatever this page believes. Each
 * answer refreshes the session (main extended it, or it had locked itself).
 */
export async function callAsManager<C extends ChannelsFor<'manager'>>(
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  try {
    return await call(channel, input);
  } finally {
    void useStaff.getState().refresh();
  }
}
