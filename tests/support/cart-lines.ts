import type { CartLine } from '../../shared/domain/cart-line';

/** The café order: an iced large latte with two extra shots (5,000 + 500 + 2 × 500 = 6,500 won). */
export function icedLargeLatte(memo: string | null = null, quantity = 1): CartLine {
  return {
    productId: 'cafe-latte',
    quantity,
    options: [
      { optionId: 'ice', count: 1 },
      { optionId: 'size-l', count: 1 },
      { optionId: 'shot', count: 2 },
    ],
    memo,
  };
}
