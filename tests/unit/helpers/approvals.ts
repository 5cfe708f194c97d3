import { emptyDraft } from '../../../shared/domain/register';
import type { ManualDiscount } from '../../../shared/domain/coupons';
import type { PosHarness } from './pos';

export type CartLines = Array<{ productId: string; quantity: number }>;

/** The owner of `withCore` shops (set up, then locked: approving is not unlocking). */
export const OWNER_PIN = '482913';

export async function ownerSetUp(h: PosHarness): Promise<void> {
  await h.ok('staff:setup-owner', { name: '김토스', pin: OWNER_PIN });
  await h.ok('staff:lock', {});
}

/**
 * A manager approves a discount for the cart on the register: the register keeps its cart in
 * main (as the page does on every change), then the manager types the PIN.
 */
export async function approveOnRegister(
  h: PosHarness,
  lines: CartLines,
  discount: Omit<ManualDiscount, 'approvalId'>,
  pin = OWNER_PIN,
): Promise<ManualDiscount> {
  await h.ok('register:save-draft', { ...emptyDraft, lines });
  const { approvalId } = await h.ok('discount:approve', { pin, discount });
  return { ...discount, approvalId };
}
