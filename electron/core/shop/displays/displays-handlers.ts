import {
  customerDisplayOf,
  describeDisplays,
  type CustomerScreenChoice,
  type CustomerScreenPick,
} from '../../../../shared/domain/customer-screen';
import { PosError } from '../../../../shared/domain/errors';
import type { Manager } from '../../../../shared/domain/staff';
import { seoulIso } from '../../../../shared/domain/time';
import type { CustomerScreenView } from '../../../../shared/domain/customer-screen-view';
import type { displaysChannels } from '../../../../shared/ipc/channels/displays';
import type { DomainHandlers } from '../../../../shared/ipc/handlers';
import type { SettingsFile } from '../settings/settings-file';
import type { Monitors } from './monitors';

/**
 * The customer-screen setting: kept in settings.json and passed to the shell's monitors, which
 * place the customer window. Without monitors (the browser host) the setting is kept but the
 * customer screen is the /customer.html page, wherever it is opened.
 */
export function displaysHandlers(deps: {
  settings: SettingsFile;
  monitors: Monitors | null;
  now: () => Date;
}): DomainHandlers<typeof displaysChannels> {
  const { settings, monitors } = deps;
  const connected = () => {
    const now = monitors?.connected() ?? { displays: [], primaryId: -1 };
    return { ...now, described: describeDisplays(now.displays, now.primaryId) };
  };
  const view = (): CustomerScreenView => {
    const { choice, changed } = settings.customerScreen();
    const { displays, described, primaryId } = connected();
    // In the shell's own order, as the customer window picks it.
    const showing = monitors === null ? null : customerDisplayOf(displays, primaryId, choice);
    return {
      placing: monitors === null ? 'browser' : 'shell',
      displays: described,
      choice,
      changed,
      showingOn: showing?.id ?? null,
      chosenMissing: choice.kind === 'display' && !described.some((display) => display.id === choice.displayId),
    };
  };
  const chosen = (pick: CustomerScreenPick): CustomerScreenChoice => {
    if (pick.kind !== 'display') return pick;
    const display = connected().described.find((candidate) => candidate.id === pick.displayId);
    if (display === undefined)
      throw new PosError('DISPLAY_NOT_CONNECTED', `display ${pick.displayId} is not connected`);
    const { id: displayId, ...label } = display;
    return { kind: 'display', displayId, label };
  };
  const save = async (pick: CustomerScreenPick, manager: Manager): Promise<CustomerScreenView> => {
    const choice = chosen(pick);
    await settings.saveCustomerScreen(choice, { by: manager.name, at: seoulIso(deps.now()) });
    monitors?.use(choice);
    return view();
  };
  return {
    'displays:list': async () => view(),
    'displays:save-customer-screen': (input, { manager }) => save(input, manager),
  };
}
