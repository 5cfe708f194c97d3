import type { drawerChannels } from '../../../../shared/ipc/channels/drawer';
import type { CashierCall, DomainHandlers } from '../../../../shared/ipc/handlers';
import type { DrawerService } from './drawer-service';

/** Who did a drawer action: the person signed in at the till (the drawer channels refuse anyone else). */
export function drawerActor(call: CashierCall): string | null {
  return call.cashier?.name ?? null;
}

export function drawerHandlers(drawer: DrawerService): DomainHandlers<typeof drawerChannels> {
  return {
    'drawer:view': () => drawer.view(),
    'drawer:open': ({ float }, call) => drawer.open(float, drawerActor(call)),
    'drawer:move': ({ kind, amount, reason }, call) => drawer.move(kind, amount, reason, drawerActor(call)),
    'drawer:close': ({ counted }, call) => drawer.close(counted, drawerActor(call)),
  };
}
