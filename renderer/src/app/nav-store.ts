import { create } from 'zustand';
import { selectPaymentInFlight, useCheckout } from '../features/checkout';
import { useStaff } from '../features/staff';
import { useSession } from '../session/session-store';

export type Screen = 'register' | 'drawer' | 'catalog' | 'coupons' | 'history' | 'day-close' | 'settings';

/** Screens only a manager may open (main refuses their channels without a manager session anyway). */
export const MANAGER_SCREENS: ReadonlySet<Screen> = new Set<Screen>([
  'catalog',
  'coupons',
  'history',
  'day-close',
  'settings',
]);

interface NavState {
  screen: Screen;
  /** A manager screen asked for, waiting for the PIN. */
  awaitingPin: Screen | null;
  /** Why the last move was refused. */
  refused: 'payment-in-flight' | null;
}

interface NavActions {
  go(screen: Screen): void;
  /** The PIN was right: go where the manager was going. */
  unlocked(): void;
  cancelPin(): void;
  /** The manager session ended (Lock, or idle): leave the manager screens. */
  sessionEnded(): void;
}

const initialNavState: NavState = { screen: 'register', awaitingPin: null, refused: null };

/**
 * Which screen is shown. It refuses to leave the register while a payment is in flight (the
 * window is open, or its outcome unknown), and sends a manager screen through the PIN first.
 */
export const useNav = create<NavState & NavActions>()((set, get) => {
  function show(screen: Screen): void {
    set({ screen, awaitingPin: null, refused: null });
    if (screen === 'register') void useSession.getState().reloadCatalog();
  }
  return {
    ...initialNavState,
    go(screen) {
      const { screen: current } = get();
      if (screen === current) return;
      if (current === 'register' && selectPaymentInFlight(useCheckout.getState())) {
        set({ refused: 'payment-in-flight' });
        return;
      }
      if (MANAGER_SCREENS.has(screen) && useStaff.getState().status?.session == null) {
        set({ awaitingPin: screen, refused: null });
        return;
      }
      show(screen);
    },
    unlocked() {
      const target = get().awaitingPin;
      if (target !== null) show(target);
    },
    cancelPin() {
      set({ awaitingPin: null });
    },
    sessionEnded() {
      if (MANAGER_SCREENS.has(get().screen)) show('register');
    },
  };
});
