import type { discountChannels } from '../../../../shared/ipc/channels/discount';
import type { DomainHandlers } from '../../../../shared/ipc/handlers';
import type { CatalogFile } from '../../shop/catalog/catalog-file';
import { priceCart } from '../../shop/catalog/pricing';
import type { RegisterDraftFile } from '../../shop/register/register-draft-file';
import type { StaffService } from '../../shop/staff/staff-service';
import type { DiscountApprovals } from './discount-approvals';

export function discountHandlers(deps: {
  approvals: DiscountApprovals;
  catalog: CatalogFile;
  drafts: RegisterDraftFile;
  staff: StaffService;
}): DomainHandlers<typeof discountChannels> {
  const { approvals, catalog, drafts, staff } = deps;
  return {
    'discount:approve': async (input) => {
      // For the cart main keeps for the register, priced now, never one the page names; read
      // before the PIN, so an empty cart costs the manager no attempt.
      const cart = priceCart(catalog, drafts.current().lines).lines;
      return approvals.grant(input.discount, cart, await staff.approve(input.pin));
    },
  };
}
