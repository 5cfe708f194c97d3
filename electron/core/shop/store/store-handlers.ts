import type { SharedStoreStatus } from '../../../../shared/domain/shared-store';
import { seoulIso } from '../../../../shared/domain/time';
import type { storeChannels } from '../../../../shared/ipc/channels/store';
import type { DomainHandlers } from '../../../../shared/ipc/handlers';
import { maskPostgresUrl } from '../../platform/postgres/postgres-url';
import type { SettingsFile } from '../settings/settings-file';
import { newRegisterIdentity, registerIdentity } from './register-identity';
import { checkSharedStore } from './shared-store-check';

/** The running link to the shared store (the composition owns it): what it does now, and switching it. */
export interface SharedStoreControl {
  status(): SharedStoreStatus;
  /** POS_STORE_URL, which wins over the saved setting. */
  fromEnvironment: string | null;
  /** Starts (or stops, with null) replicating to this store; it was checked already. */
  use(url: string | null): Promise<void>;
}

/** The shared store's settings (a manager's) and its status (the register's badge). */
export function storeHandlers(deps: {
  settings: SettingsFile;
  store: SharedStoreControl;
  now: () => Date;
}): DomainHandlers<typeof storeChannels> {
  const { settings, store } = deps;
  const view = () => {
    const saved = settings.sharedStore();
    const url = store.fromEnvironment ?? saved.url;
    return {
      register: settings.register().identity,
      registerChanged: settings.register().changed,
      callNumbersFrom: settings.callNumbersFrom(),
      url: url === null ? null : maskPostgresUrl(url),
      fromEnvironment: store.fromEnvironment !== null,
      changed: saved.changed,
      status: store.status(),
    };
  };
  return {
    'store:status': async () => store.status(),
    'store:settings': async () => view(),
    'store:save-register-name': async ({ name, callNumbersFrom }, { manager }) => {
      const { id } = await registerIdentity(settings);
      const changed = { by: manager.name, at: seoulIso(deps.now()) };
      await settings.saveRegister({ id, name }, changed);
      if (callNumbersFrom !== undefined) await settings.saveCallNumbersFrom(callNumbersFrom, changed);
      return view();
    },
    'store:save-url': async ({ url }, { manager }) => {
      // Checked with the identity it would keep, and nothing (not even a new identity) saved before it passes.
      const identity = settings.register().identity ?? newRegisterIdentity();
      if (url !== null) await checkSharedStore(url, identity);
      if (settings.register().identity === null) await settings.saveRegister(identity, null);
      await settings.saveSharedStore(url, { by: manager.name, at: seoulIso(deps.now()) });
      if (store.fromEnvironment === null) await store.use(url);
      return view();
    },
  };
}
