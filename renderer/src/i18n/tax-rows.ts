import { formatWon } from '../../../shared/domain/money';
import type { TaxSplit } from '../../../shared/domain/tax-split';
import type { Locale } from '../../../shared/i18n/error-messages';

const words = {
  ko: { supply: '공급가액', taxableSupply: '과세 공급가액', vat: '부가세', taxFree: '면세 물품가액' },
  en: { supply: 'Supply amount', taxableSupply: 'Taxable supply', vat: 'VAT', taxFree: 'Tax-free goods' },
} as const;

export interface TaxRow {
  key: 'supply' | 'vat' | 'taxFree';
  label: string;
  value: string;
}

/**
 * The tax lines of a receipt, an order's detail or a refund: 공급가액 and 부가세 for an all-taxable
 * sale (as before 면세 existed), and 과세 공급가액, 부가세 and 면세 물품가액 once any of it was 면세.
 */
export function taxRows(split: TaxSplit, locale: Locale): TaxRow[] {
  const text = words[locale];
  const won = (amount: number) => formatWon(amount, locale);
  if (split.taxFree === 0)
    return [
      { key: 'supply', label: text.supply, value: won(split.taxable) },
      { key: 'vat', label: text.vat, value: won(split.vat) },
    ];
  return [
    { key: 'supply', label: text.taxableSupply, value: won(split.taxable) },
    { key: 'vat', label: text.vat, value: won(split.vat) },
    { key: 'taxFree', label: text.taxFree, value: won(split.taxFree) },
  ];
}

/** An order's split as it was stored (old orders: all taxable). */
export function orderSplit(order: {
  supplyAmount: number;
  vatAmount: number;
  taxFreeAmount?: number | undefined;
}): TaxSplit {
  return { taxable: order.supplyAmount, vat: order.vatAmount, taxFree: order.taxFreeAmount ?? 0 };
}
