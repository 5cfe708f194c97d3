import type { CustomerScreenChoice, ShellDisplay } from '../../../../shared/domain/customer-screen';

/**
 * What a shell with monitors offers the core (Electron's `screen` and the customer window). The
 * core keeps the manager's choice and tells the shell; the browser host has none.
 */
export interface Monitors {
  /** The displays connected now, and which one is the primary (the cashier's). */
  connected(): { displays: ShellDisplay[]; primaryId: number };
  /** The manager's choice: told once at start, and again after each change. */
  use(choice: CustomerScreenChoice): void;
}
