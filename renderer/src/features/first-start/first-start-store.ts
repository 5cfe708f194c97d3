import { create } from 'zustand';
import type { PosErrorData } from '../../../../shared/domain/errors';
import { toPosError } from '../../lib/ipc';
import { useSession } from '../../session/session-store';
import type { StoreDraft } from '../settings';
import { callAsManager, useStaff } from '../staff';

/** The first start's steps, in order: the shop, its owner, the catalog, then Toss keys or training. */
export const FIRST_START_STEPS = ['shop', 'owner', 'catalog', 'toss'] as const;
export type FirstStartStep = (typeof FIRST_START_STEPS)[number];

interface FirstStartState {
  /** The flow was begun on this page and not finished: it stays on screen after the owner exists. */
  running: boolean;
  step: FirstStartStep;
  /** The shop's details, kept until the owner's session can save them (a manager change). */
  shop: StoreDraft | null;
  error: PosErrorData | null;
  busy: boolean;
}

interface FirstStartActions {
  begin(): void;
  /** The details are checked; saved at once if the owner exists already, else after the owner step. */
  shopEntered(shop: StoreDraft): Promise<void>;
  ownerCreated(): Promise<void>;
  chooseCatalog(start: 'empty' | 'demo'): Promise<void>;
  back(): void;
  /** The register opens with what the flow made: the shop's name and the chosen catalog. */
  finish(): Promise<void>;
}

const initial: FirstStartState = { running: false, step: 'shop', shop: null, error: null, busy: false };

export const useFirstStart = create<FirstStartState & FirstStartActions>()((set, get) => {
  async function attempt(work: () => Promise<unknown>, next: FirstStartStep, failedAt: FirstStartStep): Promise<void> {
    set({ busy: true, error: null });
    try {
      await work();
      set({ step: next, busy: false });
    } catch (error) {
      set({ step: failedAt, busy: false, error: toPosError(error) });
    }
  }

  async function saveShop(): Promise<void> {
    const { shop } = get();
    if (shop !== null) await callAsManager('settings:save-store', shop);
  }

  return {
    ...initial,
    begin() {
      if (!get().running) set({ ...initial, running: true });
    },
    async shopEntered(shop) {
      set({ shop });
      const ownerExists = useStaff.getState().status?.ownerNeeded === false;
      if (ownerExists) await attempt(saveShop, 'catalog', 'shop');
      else set({ step: 'owner', error: null });
    },
    // The owner's session is open now: the shop's details are saved with it.
    ownerCreated: () => attempt(saveShop, 'catalog', 'shop'),
    chooseCatalog: (start) =>
      attempt(
        async () => {
          if (await callAsManager('setup:catalog-open', {})) await callAsManager('setup:catalog', { start });
        },
        'toss',
        'catalog',
      ),
    back() {
      const at = FIRST_START_STEPS.indexOf(get().step);
      // The owner, once made, is not made again: back from the catalog goes to the shop's details.
      const ownerExists = useStaff.getState().status?.ownerNeeded === false;
      const to = FIRST_START_STEPS[at - (ownerExists && at === 2 ? 2 : 1)];
      if (to !== undefined) set({ step: to, error: null });
    },
    async finish() {
      // One after the other: each keeps the rest of what the session holds as it finds it.
      await useSession.getState().reloadInfo();
      await useSession.getState().reloadCatalog();
      set(initial);
    },
  };
});
