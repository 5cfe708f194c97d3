import type { MenuOption, OptionGroup, Product } from '../../../../shared/domain/catalog';
import { canonicalPicks, type OptionPick } from '../../../../shared/domain/cart-line';
import { lineTotal, sumWon, type Won } from '../../../../shared/domain/money';

/** One option as the picker offers it: its group, and the key that picks it ('1'…'9', '0' for the 10th), if any. */
export interface PickerOption {
  groupId: string;
  option: MenuOption;
  key: string | null;
}

/** A product's options being chosen: its open groups in the product's order, and how many of each option. */
export interface PickerState {
  product: Product;
  groups: readonly OptionGroup[];
  counts: Readonly<Record<string, number>>;
}

/** The groups the register asks for when `product` is rung up: in its order, each with its options still offered. */
export function groupsOf(product: Product, groups: ReadonlyMap<string, OptionGroup>): OptionGroup[] {
  return product.optionGroupIds.flatMap((id) => {
    const group = groups.get(id);
    const options = group?.options.filter((option) => !option.retired) ?? [];
    return group === undefined || group.retired || options.length === 0 ? [] : [{ ...group, options }];
  });
}

/** Whether ringing up `product` asks for its options first (a product without groups is added at once). */
export function needsPicker(product: Product, groups: ReadonlyMap<string, OptionGroup>): boolean {
  return groupsOf(product, groups).length > 0;
}

function total(state: Pick<PickerState, 'counts'>, group: OptionGroup): number {
  return group.options.reduce((sum, option) => sum + (state.counts[option.id] ?? 0), 0);
}

/** The picker as it opens: each group's defaults preselected (those on sale), so Enter alone adds the usual. */
export function openPicker(product: Product, groups: ReadonlyMap<string, OptionGroup>): PickerState {
  const open = groupsOf(product, groups);
  const counts: Record<string, number> = {};
  for (const group of open) {
    const defaults = group.defaults.filter((id) => group.options.some((option) => option.id === id && !option.soldOut));
    for (const id of defaults.slice(0, group.max)) counts[id] = (counts[id] ?? 0) + 1;
  }
  return { product, groups: open, counts };
}

/** Every option in the picker, numbered in order across its groups: the number keys 1–9, then 0. */
export function pickerOptions(state: Pick<PickerState, 'groups'>): PickerOption[] {
  const all = state.groups.flatMap((group) => group.options.map((option) => ({ groupId: group.id, option })));
  return all.map((entry, index) => ({ ...entry, key: index < 9 ? String(index + 1) : index === 9 ? '0' : null }));
}

function groupOf(state: PickerState, optionId: string): { group: OptionGroup; option: MenuOption } | null {
  for (const group of state.groups) {
    const option = group.options.find((candidate) => candidate.id === optionId);
    if (option) return { group, option };
  }
  return null;
}

function withCount(state: PickerState, optionId: string, count: number): PickerState {
  const counts = { ...state.counts };
  if (count > 0) counts[optionId] = count;
  else delete counts[optionId];
  return { ...state, counts };
}

/**
 * One tap (or number key) on an option. In a group of one choice it switches the choice (and,
 * where the group may be left empty, a second tap clears it); in a counted group ("샷 추가"
 * 0–3) each tap adds one, up to the group's maximum. A sold-out option is not taken.
 */
export function pick(state: PickerState, optionId: string): PickerState {
  const found = groupOf(state, optionId);
  if (found === null || found.option.soldOut) return state;
  const { group } = found;
  const count = state.counts[optionId] ?? 0;
  if (group.max === 1) {
    if (count > 0) return group.min === 0 ? withCount(state, optionId, 0) : state;
    const cleared = group.options.reduce((next, option) => withCount(next, option.id, 0), state);
    return withCount(cleared, optionId, 1);
  }
  return total(state, group) < group.max ? withCount(state, optionId, count + 1) : state;
}

/** Takes one of an option away (Shift with its number, or its − button). */
export function unpick(state: PickerState, optionId: string): PickerState {
  const count = state.counts[optionId] ?? 0;
  return count === 0 ? state : withCount(state, optionId, count - 1);
}

/** A number key pressed in the picker ('1'…'9', '0'); with Shift it takes one away. */
export function pressKey(state: PickerState, key: string, takeAway: boolean): PickerState {
  const target = pickerOptions(state).find((entry) => entry.key === key);
  if (target === undefined) return state;
  return takeAway ? unpick(state, target.option.id) : pick(state, target.option.id);
}

/** The first group picked below its minimum (Enter is refused until it is not), or null. */
export function shortGroup(state: PickerState): OptionGroup | null {
  return state.groups.find((group) => total(state, group) < group.min) ?? null;
}

/** What the line is rung up with: every option picked, defaults included, so the cart's line key is main's. */
export function picksOf(state: PickerState): OptionPick[] {
  return canonicalPicks(Object.entries(state.counts).map(([optionId, count]) => ({ optionId, count })));
}

/** The options picked, in the picker's order, with how many of each. */
export function pickedOptions(state: PickerState): Array<{ option: MenuOption; count: number }> {
  return pickerOptions(state).flatMap(({ option }) => {
    const count = state.counts[option.id] ?? 0;
    return count > 0 ? [{ option, count }] : [];
  });
}

/** One unit with the options picked, as the catalog prices it now (main prices the order). */
export function unitPriceOf(state: PickerState): Won {
  return sumWon([
    state.product.price,
    ...pickedOptions(state).map(({ option, count }) => lineTotal(option.price, count)),
  ]);
}
