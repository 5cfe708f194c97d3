import { z } from 'zod';

type Checked = { success: true; data: unknown } | { success: false; error: z.ZodError };

interface Passed {
  answer: object;
  data: unknown;
}

const frozenObject = (value: unknown): value is object =>
  typeof value === 'object' && value !== null && Object.isFrozen(value);

const frozenList = (value: unknown): value is readonly unknown[] => Array.isArray(value) && Object.isFrozen(value);

/** No check of its own beyond its fields' or elements' (a refine, a length limit): what it holds can be checked piece by piece. */
const piecewise = (schema: z.ZodType): boolean => (schema._zod.def.checks ?? []).length === 0;

/**
 * The last answer each channel's output schema passed, by identity: the same frozen answer given
 * again (a mart's catalog, 50,000 products, until it or its stock changes) is not checked again.
 * Any other object, even an equal one, is checked; only a frozen answer is remembered, since
 * whoever freezes one shares it and never changes it (its records are replaced, not edited).
 * A new frozen answer made from the last one (a sale changed what is left of a few products) is
 * checked only where it differs: a field it shares is not checked again, nor a record of a frozen
 * list that the last answer's same frozen list held (the same record: by that rule, not edited).
 */
export class CheckedAnswers {
  private readonly last = new Map<string, Passed>();

  check(channel: string, schema: z.ZodType, answer: unknown): Checked {
    const last = this.last.get(channel);
    if (last !== undefined && last.answer === answer) return { success: true, data: last.data };
    const checked = (last !== undefined && this.changesOnly(schema, answer, last)) || schema.safeParse(answer);
    if (checked.success && frozenObject(answer)) this.last.set(channel, { answer, data: checked.data });
    else this.last.delete(channel);
    return checked;
  }

  /** `answer` checked against `schema` where it differs from the last answer; null when that cannot be told apart from a whole check. */
  private changesOnly(schema: z.ZodType, answer: unknown, last: Passed): Checked | null {
    if (!(schema instanceof z.ZodObject) || !piecewise(schema) || !frozenObject(answer)) return null;
    const shape = schema.shape as Record<string, z.ZodType>;
    const fields = answer as Record<string, unknown>;
    const before = last.answer as Record<string, unknown>;
    const passed = last.data as Record<string, unknown>;
    // A field the contract does not name: the whole check says which.
    if (Object.keys(fields).some((key) => !(key in shape))) return null;
    const data: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(shape)) {
      const value = fields[key];
      let checked: unknown;
      // The same value, if it cannot have been changed since (an object must be frozen).
      if (value === before[key] && key in passed && (typeof value !== 'object' || frozenObject(value)))
        checked = passed[key];
      else if (field instanceof z.ZodArray && piecewise(field) && frozenList(value) && frozenList(before[key])) {
        checked = this.changedRecords(field.element as z.ZodType, value, before[key] as unknown[], passed[key]);
        if (checked === null) return null;
      } else {
        const one = field.safeParse(value);
        if (!one.success) return null;
        checked = one.data;
      }
      if (checked !== undefined || key in fields) data[key] = checked;
    }
    return { success: true, data };
  }

  /**
   * A list's records checked, each one the last answer's list held taken as it passed then; null
   * when one fails. Records in the same places (a stock change) are matched by place, others by identity.
   */
  private changedRecords(
    element: z.ZodType,
    records: readonly unknown[],
    before: readonly unknown[],
    passed: unknown,
  ): unknown[] | null {
    if (!Array.isArray(passed) || passed.length !== before.length) return null;
    let known: Map<unknown, unknown> | null = null;
    const passedAs = (record: unknown, i: number): unknown => {
      if (records.length === before.length) return before[i] === record ? passed[i] : undefined;
      known ??= new Map(before.map((was, k) => [was, passed[k]]));
      return known.get(record);
    };
    const data: unknown[] = [];
    for (const [i, record] of records.entries()) {
      const taken = typeof record === 'object' && record !== null ? passedAs(record, i) : undefined;
      if (taken !== undefined) {
        data.push(taken);
        continue;
      }
      const one = element.safeParse(record);
      if (!one.success) return null;
      data.push(one.data);
    }
    return data;
  }
}
