import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { catalogSchema, type Catalog, type Product } from '../../../../shared/domain/catalog';
import { CheckedAnswers } from '../../../../electron/core/app/ipc/checked-answers';
import { martCatalog } from '../../../support/mart-catalog';

/** A list answer whose records count how often they are checked. */
function counting() {
  let checks = 0;
  const record = z.strictObject({ id: z.string(), left: z.number().int() }).refine(() => {
    checks += 1;
    return true;
  });
  return { schema: z.strictObject({ name: z.string(), items: z.array(record) }), checks: () => checks };
}

const frozenList = (n: number) =>
  Object.freeze(Array.from({ length: n }, (_, i) => Object.freeze({ id: `p${i}`, left: i })));

describe('an answer made from the last one is checked only where it differs', () => {
  it('one record replaced in a frozen list of 1,000: that record is checked, and the answer is what a whole check gives', () => {
    const { schema, checks } = counting();
    const answers = new CheckedAnswers();
    const items = frozenList(1_000);
    const first = Object.freeze({ name: 'shop', items });
    expect(answers.check('list', schema, first)).toMatchObject({ success: true });
    expect(checks()).toBe(1_000);

    const changed = [...items];
    changed[500] = Object.freeze({ id: 'p500', left: 499 });
    const second = Object.freeze({ name: 'shop', items: Object.freeze(changed) });
    const checked = answers.check('list', schema, second);
    expect(checks()).toBe(1_001);
    expect(checked).toEqual({ success: true, data: schema.parse(second) });
    // Counted again by the whole check just above.
    expect(checks()).toBe(2_001);

    // A record added in front: the others have moved, and are known by identity.
    const third = Object.freeze({
      name: 'shop',
      items: Object.freeze([Object.freeze({ id: 'new', left: 1 }), ...changed]),
    });
    expect(answers.check('list', schema, third)).toEqual({ success: true, data: schema.parse(third) });
    expect(checks()).toBe(2_001 + 1 + 1_001);
  });

  it('a changed record that breaks the contract, or a field it does not name, is refused as a whole check refuses it', () => {
    const { schema } = counting();
    const answers = new CheckedAnswers();
    const items = frozenList(10);
    answers.check('list', schema, Object.freeze({ name: 'shop', items }));
    const broken = [...items];
    broken[3] = Object.freeze({ id: 'p3', left: 2.5 });
    const refused = answers.check('list', schema, Object.freeze({ name: 'shop', items: Object.freeze(broken) }));
    expect(refused.success).toBe(false);
    if (!refused.success) expect(refused.error.issues[0]?.path).toEqual(['items', 3, 'left']);

    answers.check('list', schema, Object.freeze({ name: 'shop', items }));
    const extra = [...items];
    extra[1] = Object.freeze({ id: 'p1', left: 1, secretKey: 'test_sk_x' });
    expect(answers.check('list', schema, Object.freeze({ name: 'shop', items: Object.freeze(extra) })).success).toBe(
      false,
    );
    answers.check('list', schema, Object.freeze({ name: 'shop', items }));
    expect(answers.check('list', schema, Object.freeze({ name: 'shop', items, secretKey: 'test_sk_x' })).success).toBe(
      false,
    );
  });

  it('a list that is not frozen may have changed in place: it is checked again every time', () => {
    const { schema } = counting();
    const answers = new CheckedAnswers();
    const items: Array<{ id: string; left: number }> = [...frozenList(5)];
    answers.check('list', schema, Object.freeze({ name: 'shop', items }));
    items[2] = { id: 'p2', left: 99 };
    expect(answers.check('list', schema, Object.freeze({ name: 'shop', items }))).toMatchObject({
      success: true,
      data: { items: expect.arrayContaining([{ id: 'p2', left: 99 }]) },
    });
    items[2] = { id: 'p2', left: 1.5 };
    expect(answers.check('list', schema, Object.freeze({ name: 'shop', items })).success).toBe(false);
  });

  it('a mart’s catalog after a sale of counted products: the answer equals a whole check of it', () => {
    const catalog = martCatalog(2_000, 20);
    const frozen = (products: Product[]): Catalog => {
      Object.freeze(products);
      return Object.freeze({ ...catalog, products });
    };
    const answers = new CheckedAnswers();
    // As the catalog file shares them: the arrays frozen, the records not (a record is replaced, never edited).
    const products = catalog.products.map((p) => ({ ...p }));
    answers.check('catalog:list', catalogSchema, frozen(products));
    const sold = [...products];
    sold[7] = { ...products[7]!, stock: { count: 5, at: '2026-12-01T09:00:00+09:00' }, stockLeft: 4 };
    const after = frozen(sold);
    expect(answers.check('catalog:list', catalogSchema, after)).toEqual({
      success: true,
      data: catalogSchema.parse(after),
    });
  });
});
