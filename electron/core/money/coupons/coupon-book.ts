import { join } from 'node:path';
import {
  couponRecordSchema,
  couponsFileSchema,
  couponState,
  type CouponBatch,
  type CouponDefinition,
  type CouponRecord,
  type CouponsFile,
  type IssuedCoupon,
  type Reservation,
} from '../../../../shared/domain/coupons';
import type { FileIo } from '../../platform/disk/file-io';
import { JsonDocument } from '../../platform/disk/json-document';
import { KeyedJournal } from '../../platform/disk/keyed-journal';
import { KeyedMutex } from '../../platform/disk/keyed-mutex';

/** A coupon with the batch and definition it was issued under, and the open order holding it. */
export interface CouponEntry {
  record: CouponRecord;
  batch: CouponBatch;
  definition: CouponDefinition;
  reservation: Reservation | undefined;
}

/**
 * The shop's coupons. Definitions and issue batches are small and live in lowdb
 * (`coupons.json`); issued codes live in an append-only journal (`coupons/issued.jsonl`), so
 * using or voiding one coupon appends one line and never rewrites the book. Which open order
 * holds a coupon is kept here in memory only: that order's own journal line is the durable
 * record, and start-up reads it back (CouponRedemption.restore).
 */
export class CouponBook {
  private readonly reservations = new Map<string, Reservation>();
  /** One writer per code, and one for the book itself (definitions, issuing). */
  readonly locks = new KeyedMutex();

  private constructor(
    private readonly doc: JsonDocument<CouponsFile>,
    private readonly journal: KeyedJournal<CouponRecord>,
  ) {}

  static async open(dataDir: string, io: FileIo): Promise<CouponBook> {
    const doc = await JsonDocument.open(
      join(dataDir, 'coupons.json'),
      couponsFileSchema,
      { definitions: [], batches: [] },
      io,
    );
    const journal = await KeyedJournal.open(
      join(dataDir, 'coupons', 'issued.jsonl'),
      io,
      couponRecordSchema,
      (record) => record.code,
    );
    return new CouponBook(doc, journal);
  }

  definitions(): CouponDefinition[] {
    return structuredClone(this.doc.data.definitions);
  }

  definition(id: string): CouponDefinition | undefined {
    return this.doc.data.definitions.find((d) => d.id === id);
  }

  batches(): readonly CouponBatch[] {
    return this.doc.data.batches;
  }

  /** The coupon with this code, if it was issued (its batch on record: a crash mid-issue leaves codes of no batch, and those are no coupons). */
  entry(code: string): CouponEntry | undefined {
    const record = this.journal.get(code);
    if (!record) return undefined;
    const batch = this.doc.data.batches.find((b) => b.id === record.batchId);
    const definition = batch && this.definition(batch.definitionId);
    return batch && definition ? { record, batch, definition, reservation: this.reservations.get(code) } : undefined;
  }

  has(code: string): boolean {
    return this.journal.has(code);
  }

  /** Every issued coupon, in issue order. */
  *entries(): Generator<CouponEntry> {
    const batches = new Map(this.doc.data.batches.map((b) => [b.id, b]));
    const definitions = new Map(this.doc.data.definitions.map((d) => [d.id, d]));
    for (const record of this.journal.all()) {
      const batch = batches.get(record.batchId);
      const definition = batch && definitions.get(batch.definitionId);
      if (batch && definition) yield { record, batch, definition, reservation: this.reservations.get(record.code) };
    }
  }

  /** Coupons held by an open order right now. */
  reserved(): Array<[string, Reservation]> {
    return [...this.reservations];
  }

  reserve(code: string, reservation: Reservation): void {
    this.reservations.set(code, reservation);
  }

  /** Frees the coupon if this order holds it. */
  release(code: string, orderId: string): void {
    if (this.reservations.get(code)?.orderId === orderId) this.reservations.delete(code);
  }

  get size(): number {
    return this.journal.size;
  }

  addDefinition(definition: CouponDefinition): Promise<void> {
    return this.doc.update((draft) => {
      draft.definitions.push(definition);
    });
  }

  /**
   * Issues a batch: the codes first, in one append, then the batch that makes them coupons. A
   * crash between the two leaves codes of no batch, which are never offered as coupons.
   */
  /** Lets go of the issued codes' journal (the app is quitting). */
  close(): Promise<void> {
    return this.journal.close();
  }

  async addBatch(batch: CouponBatch, codes: readonly string[]): Promise<void> {
    await this.journal.append(...codes.map((code) => ({ code, batchId: batch.id })));
    await this.doc.update((draft) => {
      draft.batches.push(batch);
    });
  }

  /**
   * Takes into this book one coupon another register issued (the shop's shared store has it): its
   * definition and batch as they were made there, then its code, so this register can hold and use
   * it and record what it did with it.
   */
  async adopt(definition: CouponDefinition, batch: CouponBatch, code: string): Promise<void> {
    if (this.has(code)) return;
    const knownDefinition = this.definition(definition.id) !== undefined;
    const knownBatch = this.doc.data.batches.some((b) => b.id === batch.id);
    await this.journal.append({ code, batchId: batch.id });
    if (knownDefinition && knownBatch) return;
    await this.doc.update((draft) => {
      if (!knownDefinition) draft.definitions.push(definition);
      if (!knownBatch) draft.batches.push(batch);
    });
  }

  /** Records a coupon's new state (one appended line); memory changes only once it is on disk. */
  async write(record: CouponRecord): Promise<CouponRecord> {
    const [stored] = await this.journal.append(record);
    if (!stored) throw new Error('nothing was written');
    return stored.record;
  }
}

/** A coupon as the screens and errors describe it. */
export function issuedCoupon({ record, batch, definition, reservation }: CouponEntry, now: Date): IssuedCoupon {
  return {
    code: record.code,
    definitionId: definition.id,
    name: definition.name,
    batchId: batch.id,
    validFrom: batch.validFrom,
    validUntil: batch.validUntil,
    isValid: !record.voided && !record.used,
    isUsed: record.used !== undefined,
    usedAt: record.used?.at ?? null,
    orderId: record.used?.orderId ?? null,
    reservedBy: record.used || record.voided ? null : (reservation?.orderId ?? null),
    voidedAt: record.voided?.at ?? null,
    state: couponState(record, batch, reservation, now),
  };
}
