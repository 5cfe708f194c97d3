import type { CouponDefinitionDraft, IssuedCoupon } from '../../../shared/domain/coupons';
import type { PosHarness } from './pos';

/** A shop whose owner (PIN 482913) is unlocked, so the coupon channels answer. */
export async function asManager(h: PosHarness): Promise<void> {
  const status = await h.ok('staff:status', {});
  if (status.ownerNeeded) await h.ok('staff:setup-owner', { name: '김토스', pin: '482913' });
  else if (status.session === null) await h.ok('staff:unlock', { pin: '482913' });
}

export const WHOLE_ORDER = { categoryIds: [], productIds: [] };

/** Defines a coupon and issues `count` codes for it, valid from/until the Seoul dates given. */
export async function issueCoupons(
  h: PosHarness,
  draft: Partial<CouponDefinitionDraft> = {},
  options: { count?: number; validFrom?: string; validUntil?: string } = {},
): Promise<string[]> {
  await asManager(h);
  const definition = await h.ok('coupons:define', {
    name: draft.name ?? '오픈 기념 1,000원',
    benefit: draft.benefit ?? { type: 'fixed', amount: 1_000 },
    minOrderAmount: draft.minOrderAmount ?? 0,
    scope: draft.scope ?? WHOLE_ORDER,
  });
  const count = options.count ?? 1;
  await h.ok('coupons:issue', {
    definitionId: definition.id,
    count,
    validFrom: options.validFrom ?? '2020-01-01',
    validUntil: options.validUntil ?? '2099-12-31',
  });
  const page = await h.ok('coupons:list', { definitionId: definition.id, offset: 0, limit: 200 });
  return page.rows.map((row) => row.code);
}

/** One coupon as the manager's list shows it. */
export async function couponRow(h: PosHarness, code: string): Promise<IssuedCoupon> {
  await asManager(h);
  const page = await h.ok('coupons:list', { search: code, offset: 0, limit: 1 });
  const row = page.rows[0];
  if (!row) throw new Error(`no coupon ${code}`);
  return row;
}
