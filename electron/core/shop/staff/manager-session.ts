import type { Manager, ManagerSession } from '../../../../shared/domain/staff';
import { seoulIso } from '../../../../shared/domain/time';

/** A manager session locks itself after this long without a manager action. */
export const MANAGER_IDLE_MS = 2 * 60 * 1000;

/**
 * The one manager session of this register, held in main: the renderer can show it, never open
 * it. Idle time is measured from the last manager action; each one extends it.
 */
export class ManagerSessionSlot {
  private open: { manager: Manager; lastUsed: number } | null = null;

  constructor(
    private readonly now: () => Date,
    /** Asked on every use: a manager deactivated, or the training manager once live, loses the session at once. */
    private readonly stillManager: (manager: Manager) => boolean = () => true,
  ) {}

  start(manager: Manager): void {
    this.open = { manager, lastUsed: this.now().getTime() };
  }

  end(): void {
    this.open = null;
  }

  /** The manager whose session is open, or null (never opened, locked, or idle too long). */
  current(): Manager | null {
    if (this.open === null) return null;
    if (this.now().getTime() - this.open.lastUsed > MANAGER_IDLE_MS || !this.stillManager(this.open.manager))
      this.open = null;
    return this.open?.manager ?? null;
  }

  /** A manager action happened: the idle clock starts again. */
  touch(): void {
    if (this.current() !== null && this.open !== null) this.open.lastUsed = this.now().getTime();
  }

  view(): ManagerSession | null {
    const manager = this.current();
    if (manager === null || this.open === null) return null;
    return {
      managerId: manager.id,
      managerName: manager.name,
      trainingOnly: manager.trainingOnly,
      expiresAt: seoulIso(new Date(this.open.lastUsed + MANAGER_IDLE_MS)),
    };
  }
}
