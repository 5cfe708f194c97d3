import { describe, expect, it } from 'vitest';
import { lineKeyOf } from '../../../shared/domain/cart-line';
import { optionGroupSchema, type OptionGroup, type Product } from '../../../shared/domain/catalog';
import { priceCart } from '../../../electron/core/shop/catalog/pricing';
import { demoCatalog } from '../../../electron/core/shop/catalog/demo-catalog';
import {
  needsPicker,
  openPicker,
  pick,
  pickerOptions,
  picksOf,
  pressKey,
  shortGroup,
  unitPriceOf,
  unpick,
  type PickerState,
} from '../../../renderer/src/features/register/option-picker';

const groups = new Map(demoCatalog.optionGroups.map((group) => [group.id, group]));
const product = (id: string): Product => {
  const found = demoCatalog.products.find((p) => p.id === id);
  if (!found) throw new Error(`no ${id} in the demo café`);
  return found;
};
const latte = () => openPicker(product('cafe-latte'), groups);
/** Number keys pressed one after the other, "+" before a key meaning Shift with it. */
const press = (state: PickerState, ...keys: string[]) =>
  keys.reduce((next, key) => pressKey(next, key.replace('+', ''), key.startsWith('+')), state);

describe('the option picker', () => {
  it('opens only for products with option groups, and preselects each group’s defaults: Enter alone adds the usual', () => {
    expect(needsPicker(product('cafe-latte'), groups)).toBe(true);
    expect(needsPicker(product('croissant'), groups)).toBe(false);
    const state = latte();
    expect(state.groups.map((group) => group.id)).toEqual(['temperature', 'size', 'extra-shot', 'syrup']);
    expect(picksOf(state)).toEqual([
      { optionId: 'hot', count: 1 },
      { optionId: 'size-r', count: 1 },
    ]);
    expect(shortGroup(state)).toBeNull();
    expect(unitPriceOf(state)).toBe(5_000);
  });

  it('numbers the options 1–9 across its groups in order, then 0 for the 10th', () => {
    expect(pickerOptions(latte()).map(({ option, key }) => `${key}:${option.id}`)).toEqual([
      '1:hot',
      '2:ice',
      '3:size-r',
      '4:size-l',
      '5:shot',
      '6:vanilla-syrup',
      '7:hazelnut-syrup',
    ]);
    const many: OptionGroup = optionGroupSchema.parse({
      id: 'toppings',
      name: { ko: '토핑', en: 'Toppings' },
      min: 0,
      max: 9,
      options: Array.from({ length: 11 }, (_, i) => ({
        id: `t${i + 1}`,
        name: { ko: `t${i + 1}`, en: `t${i + 1}` },
        price: 100,
      })),
    });
    const bowl = { ...product('croissant'), optionGroupIds: ['toppings'] };
    const keys = pickerOptions(openPicker(bowl, new Map([['toppings', many]]))).map(({ key }) => key);
    expect(keys).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', null]);
  });

  it('an iced large latte with two extra shots by keys: 2 switches to ICE, 4 to large, 5 twice adds two shots — 6,500원', () => {
    const state = press(latte(), '2', '4', '5', '5');
    expect(picksOf(state)).toEqual([
      { optionId: 'ice', count: 1 },
      { optionId: 'shot', count: 2 },
      { optionId: 'size-l', count: 1 },
    ]);
    expect(unitPriceOf(state)).toBe(5_000 + 500 + 2 * 500);
    // The key the register rings it up under is the one main gives the line it sells.
    const sold = priceCart({ product: (id) => product(id), optionGroup: (id) => groups.get(id) }, [
      { productId: 'cafe-latte', quantity: 1, options: picksOf(state) },
    ]);
    expect(sold.amount).toBe(6_500);
    expect(lineKeyOf({ productId: 'cafe-latte', options: picksOf(state), memo: null })).toBe(lineKeyOf(sold.lines[0]!));
  });

  it('a counted group takes one more per press up to its maximum, Shift takes one away, never below none', () => {
    const three = press(latte(), '5', '5', '5', '5');
    expect(three.counts['shot']).toBe(3);
    expect(press(three, '+5').counts['shot']).toBe(2);
    expect(press(latte(), '+5', '+5').counts['shot']).toBeUndefined();
    // Two syrups at most, of either kind.
    const syrups = press(latte(), '6', '7', '6');
    expect([syrups.counts['vanilla-syrup'], syrups.counts['hazelnut-syrup']]).toEqual([1, 1]);
    expect(unpick(syrups, 'vanilla-syrup').counts['vanilla-syrup']).toBeUndefined();
  });

  it('a required one-of group switches and never empties by a second tap; a group it may leave empty clears', () => {
    const state = latte();
    expect(pick(state, 'hot')).toBe(state);
    expect(pick(pick(state, 'ice'), 'hot').counts).toEqual({ hot: 1, 'size-r': 1 });
    const optional: OptionGroup = optionGroupSchema.parse({
      id: 'lid',
      name: { ko: '뚜껑', en: 'Lid' },
      min: 0,
      max: 1,
      options: [
        { id: 'lid-on', name: { ko: '덮기', en: 'On' }, price: 0 },
        { id: 'lid-off', name: { ko: '빼기', en: 'Off' }, price: 0 },
      ],
    });
    const cup = openPicker({ ...product('croissant'), optionGroupIds: ['lid'] }, new Map([['lid', optional]]));
    expect(pick(pick(cup, 'lid-on'), 'lid-on').counts).toEqual({});
    expect(pick(pick(cup, 'lid-on'), 'lid-off').counts).toEqual({ 'lid-off': 1 });
  });

  it('refuses Enter while a required group is below its minimum, naming the group', () => {
    const noTemperature = press(latte(), '+1');
    expect(shortGroup(noTemperature)?.id).toBe('temperature');
    expect(shortGroup(press(noTemperature, '2'))).toBeNull();
  });

  it('a sold-out option is shown but never taken, and a sold-out default is not preselected', () => {
    const soldOutIce = new Map(groups);
    const temperature = groups.get('temperature')!;
    soldOutIce.set('temperature', {
      ...temperature,
      options: temperature.options.map((o) => ({ ...o, soldOut: true })),
    });
    const state = openPicker(product('cafe-latte'), soldOutIce);
    expect(pickerOptions(state).map(({ option }) => option.id)).toContain('ice');
    expect(press(state, '2').counts['ice']).toBeUndefined();
    expect(state.counts['hot']).toBeUndefined();
    expect(shortGroup(state)?.id).toBe('temperature');
  });

  it('leaves out retired groups and options, and groups the catalog no longer has', () => {
    const retired = new Map(groups);
    retired.set('syrup', { ...groups.get('syrup')!, retired: true });
    const size = groups.get('size')!;
    retired.set('size', { ...size, options: size.options.map((o) => ({ ...o, retired: o.id === 'size-l' })) });
    retired.delete('extra-shot');
    const state = openPicker(product('cafe-latte'), retired);
    expect(pickerOptions(state).map(({ option }) => option.id)).toEqual(['hot', 'ice', 'size-r']);
  });
});
