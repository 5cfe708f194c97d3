import { create } from 'zustand';
import type { PosErrorData } from '../../../../shared/domain/errors';
import type { HeldSummary, ResumeChanges } from '../../../../shared/domain/held';
import { call, IpcError, toPosError } from '../../lib/ipc';
import { useSession } from '../../session/session-store';
import { useCheckout } from '../checkout';
import { draftInMain, useCart } from '../register';

interface HeldState {
  /** The carts waiting, newest first, as main last listed them. */
  carts: readonly HeldSummary[];
  loaded: boolean;
  /** Why main could not list them. */
  problem: PosErrorData | null;
}

export const useHeld = create<HeldState>()(() => ({ carts: [], loaded: false, problem: null }));

export async function refreshHeld(): Promise<void> {
  try {
    useHeld.setState({ carts: await call('held:list', {}), loaded: true, problem: null });
  } catch (error) {
    useHeld.setState({ loaded: true, problem: toPosError(error) });
  }
}

/** Main acts on its own copy of the register: it must hold the cart as the cashier sees it first. */
async function registerInMain(): Promise<void> {
  if (!(await draftInMain()))
    throw new IpcError({ code: 'INTERNAL', message: 'the register could not be kept in main', retryable: true });
}

/** Holds the register's cart (main takes its own copy), with an optional name or table; the register starts afresh. */
export async function holdCart(label: string): Promise<void> {
  await registerInMain();
  const typed = label.trim();
  const held = await call('held:hold', typed === '' ? {} : { label: typed });
  useCheckout.getState().reset();
  useCart.getState().clear();
  useHeld.setState(({ carts }) => ({ carts: [held, ...carts] }));
}

/** Puts a held cart back on the empty register as main priced it again; answers what changed. */
export async function resumeCart(id: string): Promise<ResumeChanges> {
  await registerInMain();
  const { draft, changes } = await call('held:resume', { id });
  // Main priced it from the catalog as it is now: the register shows the same prices.
  await useSession.getState().reloadCatalog();
  useCheckout.getState().reset();
  useCart.getState().restore(draft);
  useHeld.setState(({ carts }) => ({ carts: carts.filter((cart) => cart.id !== id) }));
  return changes;
}

export async function discardCart(id: string): Promise<void> {
  useHeld.setState({ carts: await call('held:discard', { id }) });
}

/** Whether resuming changed anything the cashier should be told. */
export function somethingChanged(changes: ResumeChanges): boolean {
  return (
    changes.repriced.length > 0 || changes.dropped.length > 0 || changes.coupon !== null || changes.discount !== null
  );
}
