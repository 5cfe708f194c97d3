import { create } from 'zustand';
import type { DrawerCount, DrawerView } from '../../../../shared/domain/drawer';
import type { PosErrorData } from '../../../../shared/domain/errors';
import { call, toPosError } from '../../lib/ipc';

interface DrawerState {
  /** The drawer as main last answered; null until the first answer. */
  view: DrawerView | null;
  /** Why the last reading failed. */
  error: PosErrorData | null;
}

/** The drawer as main keeps it: the register's badge and the drawer screen show the same answer. */
export const useDrawer = create<DrawerState>()(() => ({ view: null, error: null }));

function answered(view: DrawerView): DrawerView {
  useDrawer.setState({ view, error: null });
  return view;
}

export async function refreshDrawer(): Promise<void> {
  try {
    answered(await call('drawer:view', {}));
  } catch (error) {
    useDrawer.setState({ error: toPosError(error) });
  }
}

export async function openDrawer(float: DrawerCount): Promise<DrawerView> {
  return answered(await call('drawer:open', { float }));
}

export async function moveCash(kind: 'in' | 'out', amount: number, reason: string): Promise<DrawerView> {
  return answered(await call('drawer:move', { kind, amount, reason }));
}

export async function closeDrawer(counted: DrawerCount): Promise<DrawerView> {
  return answered(await call('drawer:close', { counted }));
}
