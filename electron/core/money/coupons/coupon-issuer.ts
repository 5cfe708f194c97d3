import { randomBytes } from 'node:crypto';
import { CODE_LENGTH, codeFromBytes } from '../../../../shared/domain/coupon-code';
import {
  MAX_ISSUED_COUPONS,
  type CouponBatch,
  type CouponDefinition,
  type CouponDefinitionDraft,
  type CouponIssueRequest,
} from '../../../../shared/domain/coupons';
import { PosError } from '../../../../shared/domain/errors';
import { seoulInstant, seoulIso } from '../../../../shared/domain/time';
import type { Logger } from '../../platform/log/logger';
import type { Manager } from '../../../../shared/domain/staff';
import type { CouponBook } from './coupon-book';
import type { SharedCoupons } from './shared-coupons';

const BOOK = 'book';

/** `count` codes none of which is in `taken` or repeated: crypto random, 11 bytes a code. */
export function newCodes(
  count: number,
  taken: (code: string) => boolean,
  random: (size: number) => Uint8Array = randomBytes,
): string[] {
  const codes = new Set<string>();
  while (codes.size < count) {
    const bytes = random((count - codes.size) * (CODE_LENGTH - 1));
    for (let at = 0; at + CODE_LENGTH - 1 <= bytes.length; at += CODE_LENGTH - 1) {
      const code = codeFromBytes(bytes.subarray(at, at + CODE_LENGTH - 1));
      if (!taken(code)) codes.add(code);
    }
  }
  return [...codes];
}

/** The manager's side of coupons: defining one, and issuing codes for it with a validity window. */
export class CouponIssuer {
  constructor(
    private readonly book: CouponBook,
    private readonly deps: {
      now: () => Date;
      log: Logger;
      /** The shop's shared store, when the live books are on one: what is issued here is the shop's. */
      shared?: () => SharedCoupons | null;
    },
  ) {}

  define(draft: CouponDefinitionDraft, by: Manager): Promise<CouponDefinition> {
    if (draft.benefit.type === 'percent' && draft.benefit.percent > 100)
      throw new PosError('INVALID_INPUT', 'a percent is at most 100');
    return this.book.locks.run(BOOK, async () => {
      const definition: CouponDefinition = {
        ...draft,
        id: `cdef-${randomBytes(6).toString('hex')}`,
        createdAt: seoulIso(this.deps.now()),
        createdBy: by.name,
      };
      await this.book.addDefinition(definition);
      this.deps.log.info('coupon defined', { definitionId: definition.id, by: by.name });
      return structuredClone(definition);
    });
  }

  /** Issues `count` new codes valid from `validFrom` until (excluding) `validUntil`, Seoul time. */
  issue(request: CouponIssueRequest, by: Manager): Promise<{ batch: CouponBatch; codes: string[] }> {
    const validFrom = seoulInstant(request.validFrom, 'start');
    const validUntil = seoulInstant(request.validUntil, 'end');
    if (validFrom === null || validUntil === null)
      throw new PosError('COUPON_WINDOW_INVALID', 'not a real date', { details: { reason: 'not-a-date' } });
    if (Date.parse(validUntil) <= Date.parse(validFrom))
      throw new PosError('COUPON_WINDOW_INVALID', 'the window ends before it starts', {
        details: { reason: 'ends-first' },
      });
    if (Date.parse(validUntil) <= this.deps.now().getTime())
      throw new PosError('COUPON_WINDOW_INVALID', 'the window is already over', { details: { reason: 'over' } });
    return this.book.locks.run(BOOK, async () => {
      const definition = this.book.definition(request.definitionId);
      if (!definition) throw new PosError('INVALID_INPUT', `no coupon definition ${request.definitionId}`);
      if (this.book.size + request.count > MAX_ISSUED_COUPONS)
        throw new PosError('INVALID_INPUT', `the book holds at most ${MAX_ISSUED_COUPONS} coupons`);
      const batch: CouponBatch = {
        id: `cbat-${randomBytes(6).toString('hex')}`,
        definitionId: request.definitionId,
        count: request.count,
        validFrom,
        validUntil,
        issuedAt: seoulIso(this.deps.now()),
        issuedBy: by.name,
      };
      const codes = newCodes(request.count, (code) => this.book.has(code));
      // The shop's first (refused while it is offline), so no register holds a code the others cannot see.
      await this.deps.shared?.()?.publish(definition, batch, codes);
      await this.book.addBatch(batch, codes);
      this.deps.log.info('coupons issued', { batchId: batch.id, count: codes.length, by: by.name });
      return { batch, codes };
    });
  }

  void(code: string, by: Manager) {
    return this.book.locks.run(code, async () => {
      const entry = this.book.entry(code);
      if (!entry) throw new PosError('COUPON_UNKNOWN', `no coupon ${code}`);
      if (entry.record.used)
        throw new PosError('COUPON_USED', 'a used coupon cannot be voided', {
          details: { usedAt: entry.record.used.at, orderId: entry.record.used.orderId },
        });
      if (entry.record.voided) return entry;
      // An open order may be paid with this discount any moment: it is voided once that sale is settled.
      if (entry.reservation)
        throw new PosError('COUPON_RESERVED', 'an open order holds the coupon', {
          details: { orderId: entry.reservation.orderId },
        });
      // Refused when another register holds or used it.
      await this.deps.shared?.()?.void(code);
      const record = await this.book.write({ ...entry.record, voided: { by: by.name, at: seoulIso(this.deps.now()) } });
      this.deps.log.info('coupon voided', { code, by: by.name });
      return { ...entry, record };
    });
  }
}
