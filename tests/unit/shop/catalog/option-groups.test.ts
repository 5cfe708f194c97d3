import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type OptionGroup, type OptionGroupDraft } from '../../../../shared/domain/catalog';
import type { ChannelInput } from '../../../../shared/ipc/contract';
import { describeError } from '../../../../shared/i18n/error-messages';
import { storedCatalog } from '../../../../electron/core/shop/catalog/catalog-store';
import { diskIo } from '../../../../electron/core/platform/disk/file-io';
import { withCore, type PosHarness } from '../../helpers/pos';

async function managerCore() {
  const h = await withCore();
  await h.ok('staff:setup-owner', { name: '김토스', pin: '482913' });
  return h;
}

async function groupOf(h: PosHarness, groupId: string) {
  const group = (await h.ok('catalog:manage', {})).optionGroups.find((g) => g.id === groupId);
  if (!group) throw new Error(`the demo café has no group ${groupId}`);
  return group;
}

/** A stored group as the editor sends it back unchanged: every option, each default marked. */
function draftOf(group: OptionGroup): OptionGroupDraft {
  return {
    id: group.id,
    name: group.name,
    min: group.min,
    max: group.max,
    options: group.options.map(({ id, name, price }) => ({ id, name, price, isDefault: group.defaults.includes(id) })),
  };
}

/** The demo group as the editor would send it back, changed by `change`. */
async function editedGroup(h: PosHarness, groupId: string, change: (draft: OptionGroupDraft) => void) {
  const draft = draftOf(await groupOf(h, groupId));
  change(draft);
  return draft;
}

const americano = (options: Array<{ optionId: string; count: number }> = []) => ({
  lines: [{ productId: 'americano', quantity: 1, options }],
});

const catalogFile = (h: PosHarness) => readFile(join(h.dataDir, 'catalog.json'), 'utf8');

describe('option groups (manager)', () => {
  it('adds a group whose options get readable ids unique across every group; a product then asks for it, in the order given', async () => {
    const h = await managerCore();
    const group = await h.ok('catalog:save-option-group', {
      name: { ko: '우유', en: 'Milk' },
      min: 1,
      max: 1,
      options: [
        { name: { ko: '일반 우유', en: 'Whole milk' }, price: 0, isDefault: true },
        { name: { ko: '오트 우유', en: 'Oat milk' }, price: 600, isDefault: false },
        // "Hot" is the demo temperature's option already.
        { name: { ko: '뜨거운 우유', en: 'Hot' }, price: 0, isDefault: false },
      ],
    });
    expect(group).toMatchObject({ id: 'milk', defaults: ['whole-milk'], retired: false });
    expect(group.options.map((o) => o.id)).toEqual(['whole-milk', 'oat-milk', 'hot-2']);
    expect(group.options[1]).toMatchObject({
      price: 600,
      soldOut: false,
      retired: false,
      priceHistory: [expect.objectContaining({ price: 600, by: '김토스' })],
    });

    const latte = (await h.ok('catalog:manage', {})).products.find((p) => p.id === 'cafe-latte');
    if (!latte) throw new Error('demo catalog changed');
    const saved = await h.ok('catalog:save-product', {
      id: latte.id,
      categoryId: latte.categoryId,
      name: latte.name,
      price: latte.price,
      barcode: latte.barcode,
      optionGroupIds: ['milk', 'temperature', 'size'],
    });
    expect(saved.optionGroupIds).toEqual(['milk', 'temperature', 'size']);
    // Saving the product without naming groups keeps the ones it has.
    const { id, categoryId, name, price, barcode } = saved;
    expect((await h.ok('catalog:save-product', { id, categoryId, name, price, barcode })).optionGroupIds).toEqual([
      'milk',
      'temperature',
      'size',
    ]);

    const quote = await h.ok('sale:quote', {
      lines: [{ productId: 'cafe-latte', quantity: 2, options: [{ optionId: 'oat-milk', count: 1 }] }],
    });
    expect(quote.lines[0]).toMatchObject({ unitPrice: 5_600, lineTotal: 11_200 });
    expect(quote.lines[0]?.options.map((o) => o.optionId)).toEqual(['oat-milk', 'hot', 'size-r']);
    // The shot group it no longer asks for is refused.
    expect(
      await h.fail('sale:quote', {
        lines: [{ productId: 'cafe-latte', quantity: 1, options: [{ optionId: 'shot', count: 1 }] }],
      }),
    ).toMatchObject({ code: 'OPTION_INVALID', details: { reason: 'not-offered' } });
  });

  it('keeps an option’s price history with the manager’s name; a stored order keeps what it was sold at, a new one gets the new price', async () => {
    const h = await managerCore();
    const large = [{ optionId: 'size-l', count: 1 }];
    const before = await h.ok('sale:create', americano(large));
    expect(before.amount).toBe(5_000);

    const saved = await h.ok(
      'catalog:save-option-group',
      await editedGroup(h, 'size', (draft) => {
        const option = draft.options.find((o) => o.id === 'size-l');
        if (option) option.price = 700;
      }),
    );
    expect(saved.options.find((o) => o.id === 'size-l')).toMatchObject({
      price: 700,
      priceHistory: [expect.objectContaining({ price: 700, by: '김토스' })],
    });
    // Regular's price did not change: nothing is added to its history.
    expect(saved.options.find((o) => o.id === 'size-r')?.priceHistory).toEqual([]);

    const after = await h.ok('sale:create', americano(large));
    expect(after.amount).toBe(5_200);
    expect(await h.ok('sale:get', { orderId: after.orderId })).toMatchObject({
      lines: [{ unitPrice: 5_200, options: expect.arrayContaining([expect.objectContaining({ unitPrice: 700 })]) }],
    });
    expect(await h.ok('sale:get', { orderId: before.orderId })).toMatchObject({
      amount: 5_000,
      lines: [
        {
          unitPrice: 5_000,
          options: [
            { optionId: 'hot', unitPrice: 0, count: 1 },
            { optionId: 'size-l', name: '라지', unitPrice: 500, count: 1 },
          ],
        },
      ],
    });
  });

  it('a sold-out option is refused with its reason until it is back; the rest of the menu sells on', async () => {
    const h = await managerCore();
    const vanilla = [{ optionId: 'vanilla-syrup', count: 1 }];
    const group = await h.ok('catalog:set-option-sold-out', { optionId: 'vanilla-syrup', soldOut: true });
    expect(group.id).toBe('syrup');
    const refused = await h.fail('sale:quote', americano(vanilla));
    expect(refused).toMatchObject({ code: 'OPTION_INVALID', details: { reason: 'sold-out', option: '바닐라 시럽' } });
    expect(describeError(refused, 'ko')).toBe('아메리카노의 옵션 바닐라 시럽은 품절입니다.');
    expect(await h.fail('sale:create', americano(vanilla))).toMatchObject({ code: 'OPTION_INVALID' });
    expect((await h.ok('sale:quote', americano([{ optionId: 'hazelnut-syrup', count: 1 }]))).amount).toBe(4_800);

    await h.ok('catalog:set-option-sold-out', { optionId: 'vanilla-syrup', soldOut: false });
    expect((await h.ok('sale:quote', americano(vanilla))).amount).toBe(4_800);
  });

  it('a retired option is no longer offered; a retired group is no longer asked, and asked again once back', async () => {
    const h = await managerCore();
    await h.ok('catalog:retire-option', { optionId: 'hazelnut-syrup', retired: true });
    expect(await h.fail('sale:quote', americano([{ optionId: 'hazelnut-syrup', count: 1 }]))).toMatchObject({
      code: 'OPTION_INVALID',
      details: { reason: 'not-offered', option: '헤이즐넛 시럽' },
    });
    await h.ok('catalog:retire-option', { optionId: 'hazelnut-syrup', retired: false });
    expect((await h.ok('sale:quote', americano([{ optionId: 'hazelnut-syrup', count: 1 }]))).amount).toBe(4_800);

    // Size is a required group: retired, a plain americano comes without one, and a size pick is refused.
    const retired = await h.ok('catalog:retire-option-group', { groupId: 'size', retired: true });
    expect(retired.retired).toBe(true);
    expect((await h.ok('catalog:list', {})).optionGroups.map((g) => g.id)).not.toContain('size');
    const plain = await h.ok('sale:quote', americano());
    expect(plain.lines[0]?.options.map((o) => o.optionId)).toEqual(['hot']);
    expect(await h.fail('sale:quote', americano([{ optionId: 'size-l', count: 1 }]))).toMatchObject({
      code: 'OPTION_INVALID',
      details: { reason: 'not-offered' },
    });
    // The product still names it: brought back, it is asked for again.
    expect((await h.ok('catalog:manage', {})).products.find((p) => p.id === 'americano')?.optionGroupIds).toContain(
      'size',
    );
    await h.ok('catalog:retire-option-group', { groupId: 'size', retired: false });
    expect((await h.ok('sale:quote', americano([{ optionId: 'size-l', count: 1 }]))).amount).toBe(5_000);
    expect((await h.ok('sale:quote', americano())).lines[0]?.options.map((o) => o.optionId)).toEqual(['hot', 'size-r']);
  });

  type Refusal = [string, (h: PosHarness) => Promise<ChannelInput<'catalog:save-option-group'>>, object];
  const refusals: Refusal[] = [
    [
      'a minimum over the maximum',
      (h) =>
        editedGroup(h, 'syrup', (d) => {
          d.min = 3;
          d.max = 2;
        }),
      { reason: 'min-over-max', group: '시럽', min: 3, max: 2 },
    ],
    [
      'a required group without a default (the register could not add the usual)',
      (h) =>
        editedGroup(h, 'temperature', (d) => {
          for (const option of d.options) option.isDefault = false;
        }),
      { reason: 'defaults-below-min', group: '온도', min: 1 },
    ],
    [
      'more defaults than the group’s maximum',
      (h) =>
        editedGroup(h, 'size', (d) => {
          for (const option of d.options) option.isDefault = true;
        }),
      { reason: 'defaults-over-max', group: '사이즈', max: 1 },
    ],
    [
      'an option left out (options are retired, not deleted)',
      (h) =>
        editedGroup(h, 'syrup', (d) => {
          d.options = d.options.filter((o) => o.id !== 'hazelnut-syrup');
        }),
      { reason: 'option-removed', option: '헤이즐넛 시럽' },
    ],
    [
      'another group’s option taken into this one',
      (h) =>
        editedGroup(h, 'syrup', (d) => {
          d.options.push({ id: 'shot', name: { ko: '샷', en: 'Shot' }, price: 500, isDefault: false });
        }),
      { reason: 'not-in-group' },
    ],
    [
      'the same option twice',
      (h) =>
        editedGroup(h, 'syrup', (d) => {
          const [first] = d.options;
          if (first) d.options.push(first);
        }),
      { reason: 'option-twice' },
    ],
    [
      'a group that does not exist',
      async () => ({
        id: 'toppings',
        name: { ko: '토핑', en: 'Toppings' },
        min: 0,
        max: 1,
        options: [{ name: { ko: '크림', en: 'Cream' }, price: 500, isDefault: false }],
      }),
      { reason: 'no-group' },
    ],
  ];

  it.each(refusals)('refuses %s, in words, and writes nothing', async (_label, draftOf, details) => {
    const h = await managerCore();
    const draft = await draftOf(h);
    const before = await catalogFile(h);
    const error = await h.fail('catalog:save-option-group', draft);
    expect(error).toMatchObject({ code: 'CATALOG_CONFLICT', details });
    if (!['not-in-group', 'option-twice', 'no-group'].includes((details as { reason: string }).reason)) {
      expect(describeError(error, 'ko')).not.toBe(describeError({ code: 'CATALOG_CONFLICT' }, 'ko'));
      expect(describeError(error, 'en')).not.toBe(describeError({ code: 'CATALOG_CONFLICT' }, 'en'));
    }
    expect(await catalogFile(h)).toBe(before);
  });

  it('refuses retiring an option that is a default, a product naming a group twice or one that does not exist, and unknown ids; nothing is written', async () => {
    const h = await managerCore();
    const before = await catalogFile(h);
    const retiring = await h.fail('catalog:retire-option', { optionId: 'hot', retired: true });
    expect(retiring).toMatchObject({
      code: 'CATALOG_CONFLICT',
      details: { reason: 'default-retired', option: 'HOT', group: '온도' },
    });
    expect(describeError(retiring, 'ko')).toBe(
      'HOT는 온도의 기본 선택이라 판매 종료할 수 없습니다. 먼저 다른 옵션을 기본 선택으로 정해 주세요.',
    );
    expect(describeError(retiring, 'en')).toBe(
      'Hot is a default choice of Temperature, so it cannot be retired. Make another the default first.',
    );
    const product = {
      id: 'americano',
      categoryId: 'coffee',
      name: { ko: '아메리카노', en: 'Americano' },
      price: 4_500,
      barcode: '8801234000017',
    };
    expect(
      await h.fail('catalog:save-product', { ...product, optionGroupIds: ['temperature', 'toppings'] }),
    ).toMatchObject({ code: 'CATALOG_CONFLICT', details: { reason: 'unknown-group', group: 'toppings' } });
    expect(
      await h.fail('catalog:save-product', { ...product, optionGroupIds: ['size', 'temperature', 'size'] }),
    ).toMatchObject({ code: 'CATALOG_CONFLICT', details: { reason: 'group-twice' } });
    expect(
      await h.fail('catalog:save-product', {
        categoryId: 'coffee',
        name: { ko: '새 커피', en: 'New coffee' },
        price: 4_000,
        barcode: null,
        optionGroupIds: ['toppings'],
      }),
    ).toMatchObject({ code: 'CATALOG_CONFLICT', details: { reason: 'unknown-group' } });
    expect(await h.fail('catalog:set-option-sold-out', { optionId: 'whipped-cream', soldOut: true })).toMatchObject({
      code: 'CATALOG_CONFLICT',
      details: { reason: 'no-option' },
    });
    expect(await h.fail('catalog:retire-option-group', { groupId: 'toppings', retired: true })).toMatchObject({
      code: 'CATALOG_CONFLICT',
      details: { reason: 'no-group' },
    });
    expect(
      await h.fail('catalog:save-option-group', {
        name: { ko: '시럽', en: 'Syrup' },
        min: 0,
        max: 1,
        options: [{ name: { ko: '꿀', en: 'Honey' }, price: -100, isDefault: false }],
      }),
    ).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await catalogFile(h)).toBe(before);

    // With another default chosen first, the old one may be retired.
    await h.ok(
      'catalog:save-option-group',
      await editedGroup(h, 'temperature', (d) => {
        for (const option of d.options) option.isDefault = option.id === 'ice';
      }),
    );
    await h.ok('catalog:retire-option', { optionId: 'hot', retired: true });
    expect((await h.ok('sale:quote', americano())).lines[0]?.options.map((o) => o.name)).toEqual(['ICE', '레귤러']);
  });

  it('is written to catalog.json and read back the same after a restart', async () => {
    const h = await managerCore();
    await h.ok('catalog:set-option-sold-out', { optionId: 'vanilla-syrup', soldOut: true });
    await h.ok(
      'catalog:save-option-group',
      await editedGroup(h, 'extra-shot', (d) => {
        d.max = 2;
        d.options.push({ name: { ko: '디카페인 샷', en: 'Decaf shot' }, price: 800, isDefault: false });
      }),
    );
    const onDisk = await storedCatalog(h.dataDir, diskIo);
    expect(onDisk?.optionGroups.find((g) => g.id === 'extra-shot')).toMatchObject({
      max: 2,
      options: [{ id: 'shot' }, { id: 'decaf-shot', price: 800 }],
    });
    await h.close();
    const again = await withCore({ dataDir: h.dataDir });
    expect(await again.ok('catalog:list', {})).toEqual(onDisk);
    expect(await again.fail('sale:quote', americano([{ optionId: 'shot', count: 3 }]))).toMatchObject({
      code: 'OPTION_INVALID',
      details: { reason: 'too-many', max: 2 },
    });
  });
});
