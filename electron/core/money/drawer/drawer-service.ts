import {
  countTotal,
  takingsOf,
  type DrawerCount,
  type DrawerMovement,
  type DrawerShift,
  type DrawerShiftView,
  type DrawerView,
} from '../../../../shared/domain/drawer';
import { PosError } from '../../../../shared/domain/errors';
import type { Won } from '../../../../shared/domain/money';
import { seoulIso } from '../../../../shared/domain/time';
import type { DayCalendar } from '../../orders/days/day-calendar';
import type { OrderBook } from '../../orders/order-book';
import { KeyedMutex } from '../../platform/disk/keyed-mutex';
import type { Logger } from '../../platform/log/logger';
import { cashInSpan } from './drawer-cash';
import type { DrawerJournal } from './drawer-journal';
import { shiftView } from '../../../../shared/domain/drawer-takings';

export interface DrawerDeps {
  journal: DrawerJournal;
  orders: OrderBook;
  calendar: DayCalendar;
  now: () => Date;
  log: Logger;
  /** Told once a shift's new state is on disk (the live drawer's outbox to the shared store). */
  kept?: () => void;
}

/**
 * The cash drawer (시재): shifts, each opened with a counted float, with cash paid in and out
 * during it, and closed with a count against what the drawer should hold by the order books.
 * One shift is open at a time; a shift closed by one cashier is followed by the next one's.
 * Cash is taken with no shift open too (the register says the drawer is closed): a sale is
 * never refused for it, and no shift counts it.
 */
export class DrawerService {
  private readonly turns = new KeyedMutex();
  /** The open shift, read back from the newest day's journal at the first call. */
  private current: Promise<DrawerShift | null> | null = null;

  constructor(private readonly deps: DrawerDeps) {}

  private openShift(): Promise<DrawerShift | null> {
    if (this.current === null) {
      const reading = this.deps.journal.latestDay().then(async (day) => {
        if (day === null) return null;
        return (await this.deps.journal.shiftsOf(day)).find((shift) => shift.close === null) ?? null;
      });
      // A journal that could not be read is read again at the next call, not answered from memory.
      reading.catch(() => {
        if (this.current === reading) this.current = null;
      });
      this.current = reading;
    }
    return this.current;
  }

  /** The shift's figures now (until this instant) or as its close kept them. */
  private async viewOf(shift: DrawerShift): Promise<DrawerShiftView> {
    const takings =
      shift.close?.takings ??
      takingsOf(
        shift.floatTotal,
        shift.movements,
        await cashInSpan(this.deps.orders, { from: shift.openedAt, until: seoulIso(this.deps.now()) }),
      );
    return shiftView(shift, takings);
  }

  /** The shifts opened in a business day, each with its figures: what the X and Z reports show. */
  async shiftsOfDay(day: string): Promise<DrawerShiftView[]> {
    return Promise.all((await this.deps.journal.shiftsOf(day)).map((shift) => this.viewOf(shift)));
  }

  async view(): Promise<DrawerView> {
    const open = await this.openShift();
    const today = await this.deps.calendar.businessDayAt(this.deps.now());
    return { open: open === null ? null : await this.viewOf(open), today: await this.shiftsOfDay(today) };
  }

  /** Opens a shift with the float as counted; refused while one is open. */
  open(float: DrawerCount, by: string | null): Promise<DrawerView> {
    return this.change(async () => {
      if ((await this.openShift()) !== null)
        throw new PosError('DRAWER_ALREADY_OPEN', 'a drawer shift is already open');
      const at = this.deps.now();
      const day = await this.deps.calendar.businessDayAt(at);
      const shift: DrawerShift = {
        shiftId: `${day}-${(await this.deps.journal.shiftsOf(day)).length + 1}`,
        openedAt: seoulIso(at),
        openedBy: by,
        float,
        floatTotal: countTotal(float),
        movements: [],
        close: null,
      };
      await this.keep(shift);
      this.deps.log.info('drawer opened', { shiftId: shift.shiftId, float: shift.floatTotal, by });
    });
  }

  /**
   * Cash paid in or out of the open shift with its reason. A paid-out is refused above what the
   * drawer should hold by now: money the books say is not there cannot be handed out, and
   * recording it anyway would only hide a shortage until the count.
   */
  move(kind: DrawerMovement['kind'], amount: Won, reason: string, by: string | null): Promise<DrawerView> {
    return this.change(async () => {
      const shift = await this.openShift();
      if (shift === null) throw new PosError('DRAWER_NOT_OPEN', 'no drawer shift is open');
      if (kind === 'out') {
        const holds = (await this.viewOf(shift)).takings.expected;
        if (amount > holds)
          throw new PosError('DRAWER_SHORT_FOR_PAID_OUT', `${amount} is more than the drawer holds (${holds})`, {
            details: { holds: Math.max(0, holds) },
          });
      }
      const movement: DrawerMovement = { kind, amount, reason, at: seoulIso(this.deps.now()), by };
      await this.keep({ ...shift, movements: [...shift.movements, movement] });
      this.deps.log.info('drawer cash moved', { shiftId: shift.shiftId, kind, amount, by });
    });
  }

  /** Closes the open shift with the count: its figures are kept as they stand at this instant. */
  close(counted: DrawerCount, by: string | null): Promise<DrawerView> {
    return this.change(async () => {
      const shift = await this.openShift();
      if (shift === null) throw new PosError('DRAWER_NOT_OPEN', 'no drawer shift is open');
      const { takings } = await this.viewOf(shift);
      const countedTotal = countTotal(counted);
      const overShort = countedTotal - takings.expected;
      await this.keep({
        ...shift,
        close: { at: seoulIso(this.deps.now()), by, counted, countedTotal, takings, overShort },
      });
      this.deps.log.info('drawer closed', { shiftId: shift.shiftId, expected: takings.expected, countedTotal, by });
    });
  }

  /** One change at a time, then the view after it. */
  private async change(task: () => Promise<void>): Promise<DrawerView> {
    await this.turns.run('drawer', task);
    return this.view();
  }

  /** Keeps the shift on disk first; only then is it the open shift (or, closed, no longer). */
  private async keep(shift: DrawerShift): Promise<void> {
    await this.deps.journal.save(shift);
    this.deps.kept?.();
    this.current = Promise.resolve(shift.close === null ? shift : null);
  }
}
