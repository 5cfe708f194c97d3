import type { Migration } from '../../platform/postgres/migrator';
import { registersAndJournalLines } from './schema/001-registers-and-journal-lines';
import { orders } from './schema/002-orders';
import { coupons } from './schema/003-coupons';
import { orderLookups } from './schema/004-order-lookups';
import { orderChanges } from './schema/005-order-changes';
import { shopChanges } from './schema/006-shop-changes';
import { drawersAndDayCloses } from './schema/007-drawers-and-day-closes';

/**
 * The shared store's schema, version by version. SQL kept in TypeScript modules (one a version,
 * named `NNN-what.ts`) rather than `.sql` files, so it travels inside the bundle and through tsx and
 * Playwright's loader alike. A new version is a new file at the end; a released one never changes.
 */
export const SHARED_STORE_MIGRATIONS: readonly Migration[] = [
  registersAndJournalLines,
  orders,
  coupons,
  orderLookups,
  orderChanges,
  shopChanges,
  drawersAndDayCloses,
];
