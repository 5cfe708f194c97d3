import type { heldChannels } from '../../../../shared/ipc/channels/held';
import type { DomainHandlers } from '../../../../shared/ipc/handlers';
import type { HeldCarts } from './held-carts';

export function heldHandlers(held: HeldCarts): DomainHandlers<typeof heldChannels> {
  return {
    'held:hold': async ({ label }) => held.hold(label),
    'held:list': async () => held.list(),
    'held:resume': async ({ id }) => held.resume(id),
    'held:discard': async ({ id }) => held.discard(id),
  };
}
