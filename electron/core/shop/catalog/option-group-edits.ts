import type {
  Catalog,
  MenuOption,
  OptionGroup,
  OptionGroupDraft,
  PriceChange,
} from '../../../../shared/domain/catalog';
import { idFrom } from './catalog-ids';
import { catalogConflict } from './option-rules';

/** When and by whom a price was set: what a price history entry records besides the price. */
export type PriceStamp = Omit<PriceChange, 'price'>;

/**
 * Writes a manager's group draft into `catalog` (an editable copy) and returns the group. New
 * groups and options get readable ids from their English names, option ids unique across every
 * group; an option's price change is appended to its history. Options are retired, never
 * removed: a draft must list every option the group has.
 */
export function applyGroupDraft(catalog: Catalog, draft: OptionGroupDraft, stamp: PriceStamp): OptionGroup {
  const existing = draft.id === undefined ? undefined : catalog.optionGroups.find((g) => g.id === draft.id);
  if (draft.id !== undefined && !existing) throw catalogConflict('no-group', `no option group ${draft.id}`);
  const unlisted = new Map((existing?.options ?? []).map((option) => [option.id, option]));
  const taken = new Set(catalog.optionGroups.flatMap((g) => g.options.map((option) => option.id)));
  const listed = new Set<string>();
  const options = draft.options.map(({ id, name, price }): MenuOption => {
    if (id === undefined) {
      const made = idFrom(name.en, taken);
      taken.add(made);
      return { id: made, name, price, soldOut: false, retired: false, priceHistory: [{ price, ...stamp }] };
    }
    if (listed.has(id)) throw catalogConflict('option-twice', `${id} listed twice`);
    listed.add(id);
    const before = unlisted.get(id);
    if (!before) throw catalogConflict('not-in-group', `${id} is not an option of ${draft.id ?? 'a new group'}`);
    unlisted.delete(id);
    const priceHistory = before.price === price ? before.priceHistory : [...before.priceHistory, { price, ...stamp }];
    return { ...before, name, price, priceHistory };
  });
  const [dropped] = unlisted.values();
  if (dropped) {
    throw catalogConflict('option-removed', `${dropped.id} left out of ${draft.id}`, {
      option: dropped.name.ko,
      optionEn: dropped.name.en,
    });
  }
  const group: OptionGroup = {
    id: existing?.id ?? idFrom(draft.name.en, new Set(catalog.optionGroups.map((g) => g.id))),
    name: draft.name,
    min: draft.min,
    max: draft.max,
    options,
    defaults: options.filter((_, i) => draft.options[i]?.isDefault).map((option) => option.id),
    retired: existing?.retired ?? false,
  };
  if (existing) Object.assign(existing, group);
  else catalog.optionGroups.push(group);
  return group;
}

export function groupNamed(catalog: Catalog, groupId: string): OptionGroup {
  const group = catalog.optionGroups.find((g) => g.id === groupId);
  if (!group) throw catalogConflict('no-group', `no option group ${groupId}`);
  return group;
}

/** The group holding `optionId` (option ids are unique across the catalog) and the option. */
export function optionNamed(catalog: Catalog, optionId: string): { group: OptionGroup; option: MenuOption } {
  for (const group of catalog.optionGroups) {
    const option = group.options.find((o) => o.id === optionId);
    if (option) return { group, option };
  }
  throw catalogConflict('no-option', `no option ${optionId}`);
}
