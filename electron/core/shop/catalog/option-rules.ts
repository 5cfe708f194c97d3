import type { Catalog, OptionGroup, Product } from '../../../../shared/domain/catalog';
import { PosError, type PosErrorDetails } from '../../../../shared/domain/errors';

/**
 * What a manager's option edit would break, as `CATALOG_CONFLICT` with the reason the screen
 * puts in words; names come in both languages (`group` and `groupEn`, …) for either screen.
 */
export function catalogConflict(reason: string, message: string, details: PosErrorDetails = {}): PosError {
  return new PosError('CATALOG_CONFLICT', message, { details: { reason, ...details } });
}

/**
 * One group's own rules. A required group (min ≥ 1) must preselect enough defaults to meet its
 * minimum: a scanned barcode, a tile added without the picker, "same again" and a resumed held
 * cart all price a product with nothing picked, and Enter alone must add the usual. So such a
 * group without defaults is refused here rather than left for the picker to insist on.
 */
export function checkOptionGroup(group: OptionGroup): void {
  const named = { group: group.name.ko, groupEn: group.name.en };
  if (group.min > group.max) {
    throw catalogConflict('min-over-max', `${group.id}: min ${group.min} over max ${group.max}`, {
      ...named,
      min: group.min,
      max: group.max,
    });
  }
  for (const id of group.defaults) {
    const option = group.options.find((o) => o.id === id);
    if (!option) throw catalogConflict('default-unknown', `${group.id}: default ${id} is none of its options`, named);
    if (option.retired) {
      throw catalogConflict('default-retired', `${group.id}: default ${id} is retired`, {
        ...named,
        option: option.name.ko,
        optionEn: option.name.en,
      });
    }
  }
  if (group.defaults.length > group.max) {
    throw catalogConflict('defaults-over-max', `${group.id}: ${group.defaults.length} defaults over max ${group.max}`, {
      ...named,
      max: group.max,
    });
  }
  if (group.min > 0 && group.defaults.length < group.min) {
    throw catalogConflict(
      'defaults-below-min',
      `${group.id}: ${group.defaults.length} defaults under min ${group.min}`,
      {
        ...named,
        min: group.min,
      },
    );
  }
}

/** A product asks only for groups the catalog has (retired ones included: bringing one back asks again), each once. */
export function checkProductGroups(product: Product, catalog: Catalog): void {
  const seen = new Set<string>();
  for (const groupId of product.optionGroupIds) {
    if (seen.has(groupId)) {
      throw catalogConflict('group-twice', `${product.id} names ${groupId} twice`, {
        product: product.name.ko,
        productEn: product.name.en,
      });
    }
    seen.add(groupId);
    if (!catalog.optionGroups.some((g) => g.id === groupId)) {
      throw catalogConflict('unknown-group', `${product.id} names no group ${groupId}`, {
        product: product.name.ko,
        productEn: product.name.en,
        group: groupId,
      });
    }
  }
}

/** Every option rule over the whole catalog: run on the edited copy before it is written. */
export function checkOptions(catalog: Catalog): void {
  const owners = new Map<string, string>();
  for (const group of catalog.optionGroups) {
    checkOptionGroup(group);
    for (const option of group.options) {
      const owner = owners.get(option.id);
      // Picks name an option by id alone, so two groups may never share one.
      if (owner !== undefined) {
        throw catalogConflict('option-id-taken', `option ${option.id} is in ${owner} and ${group.id}`, {
          option: option.id,
        });
      }
      owners.set(option.id, group.id);
    }
  }
  for (const product of catalog.products) checkProductGroups(product, catalog);
}
