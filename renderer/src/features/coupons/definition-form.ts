import { couponDefinitionDraftSchema, type CouponDefinitionDraft } from '../../../../shared/domain/coupons';
import { parseWholeNumber } from '../../lib/whole-number';
import type { CouponsStrings } from './coupons-strings';
import type { FormReading } from './use-checked-submit';

/** The "new coupon" form as typed. */
export interface DefinitionForm {
  name: string;
  benefitType: 'fixed' | 'percent';
  amount: string;
  percent: string;
  maxDiscount: string;
  minOrderAmount: string;
  /** Whole order, or the categories and products picked. */
  scopeMode: 'whole' | 'pick';
  categoryIds: string[];
  productIds: string[];
}

export type DefinitionField = 'name' | 'amount' | 'percent' | 'maxDiscount' | 'minOrderAmount' | 'scope';

export const emptyDefinitionForm: DefinitionForm = {
  name: '',
  benefitType: 'fixed',
  amount: '',
  percent: '',
  maxDiscount: '',
  minOrderAmount: '0',
  scopeMode: 'whole',
  categoryIds: [],
  productIds: [],
};

function draftOf(form: DefinitionForm): CouponDefinitionDraft {
  return {
    name: form.name,
    benefit:
      form.benefitType === 'fixed'
        ? { type: 'fixed', amount: parseWholeNumber(form.amount) }
        : { type: 'percent', percent: parseWholeNumber(form.percent), maxDiscount: parseWholeNumber(form.maxDiscount) },
    minOrderAmount: parseWholeNumber(form.minOrderAmount),
    scope:
      form.scopeMode === 'whole'
        ? { categoryIds: [], productIds: [] }
        : { categoryIds: form.categoryIds, productIds: form.productIds },
  };
}

/**
 * The draft to send, or what is wrong per field, checked with the schema main uses (main checks
 * again; this only says it sooner and next to the field).
 */
export function readDefinitionForm(
  form: DefinitionForm,
  text: CouponsStrings,
): FormReading<CouponDefinitionDraft, DefinitionField> {
  const problems: Partial<Record<DefinitionField, string>> = {};
  // Both lists empty means the whole order to main: picking nothing is a slip, not a choice.
  if (form.scopeMode === 'pick' && form.categoryIds.length === 0 && form.productIds.length === 0)
    problems.scope = text.scopeRequired;
  const parsed = couponDefinitionDraftSchema.safeParse(draftOf(form));
  if (parsed.success && problems.scope === undefined) return { value: parsed.data };
  for (const issue of parsed.error?.issues ?? []) {
    const [head, field] = issue.path;
    if (head === 'name') problems.name = text.nameRequired;
    else if (head === 'minOrderAmount') problems.minOrderAmount = text.minimumInvalid;
    else if (field === 'percent') problems.percent = text.percentInvalid;
    else if (field === 'amount' || field === 'maxDiscount') problems[field] = text.amountInvalid;
  }
  return { problems };
}
