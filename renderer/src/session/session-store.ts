import { create } from 'zustand';
import type { Catalog } from '../../../shared/domain/catalog';
import type { PosErrorData } from '../../../shared/domain/errors';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { useLocaleStore } from '../i18n/locale-store';
import { useSounds } from '../lib/sounds';
import { call, toPosError } from '../lib/ipc';

export type AppInfo = ChannelOutput<'app:info'>;

/** What the app needs from main before a sale can start. */
export type Boot =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; info: AppInfo; catalog: Catalog }
  | { status: 'failed'; error: PosErrorData };

interface SessionState {
  boot: Boot;
}

interface SessionActions {
  load(): Promise<void>;
  /** Asks main for the catalog again (a manager may have changed prices). */
  reloadCatalog(): Promise<void>;
  /** Asks main for the app's info again (the first start has just named the shop). */
  reloadInfo(): Promise<void>;
}

export const initialSessionState: SessionState = { boot: { status: 'idle' } };

export const useSession = create<SessionState & SessionActions>()((set, get) => ({
  ...initialSessionState,
  async load() {
    // React's StrictMode runs effects twice; one load at a time, and never after success.
    const { status } = get().boot;
    if (status === 'loading' || status === 'ready') return;
    set({ boot: { status: 'loading' } });
    try {
      const [info, catalog, preferences] = await Promise.all([
        call('app:info', {}),
        call('catalog:list', {}),
        call('preferences:get', {}),
      ]);
      useLocaleStore.getState().adopt(preferences.locale);
      useSounds.getState().adopt(preferences.sounds);
      set({ boot: { status: 'ready', info, catalog } });
    } catch (error) {
      set({ boot: { status: 'failed', error: toPosError(error) } });
    }
  },
  async reloadCatalog() {
    const { boot } = get();
    if (boot.status !== 'ready') return;
    try {
      const catalog = await call('catalog:list', {});
      set({ boot: { ...boot, catalog } });
    } catch {
      // The register keeps the catalog it has; main prices every order from its own anyway.
    }
  },
  async reloadInfo() {
    const { boot } = get();
    if (boot.status !== 'ready') return;
    try {
      const info = await call('app:info', {});
      const now = get().boot;
      if (now.status === 'ready') set({ boot: { ...now, info } });
    } catch {
      // The header keeps what it shows; the next start reads the name again.
    }
  },
}));

export function selectInfo(state: SessionState): AppInfo | null {
  return state.boot.status === 'ready' ? state.boot.info : null;
}

export function selectCatalog(state: SessionState): Catalog | null {
  return state.boot.status === 'ready' ? state.boot.catalog : null;
}
