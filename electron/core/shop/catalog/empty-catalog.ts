import { catalogSchema, type Catalog } from '../../../../shared/domain/catalog';

/**
 * A new shop's own catalog before its first product: one category, so the first product has
 * somewhere to go (the owner renames it or adds others on the catalog screen).
 */
export const emptyCatalog: Catalog = catalogSchema.parse({
  categories: [{ id: 'menu', name: { ko: '메뉴', en: 'Menu' } }],
  products: [],
  optionGroups: [],
});
