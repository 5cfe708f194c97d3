import type { z } from 'zod';

type Checked = { success: true; data: unknown } | { success: false; error: z.ZodError };

/**
 * The last answer each channel's output schema passed, by identity: the same frozen answer given
 * again (a mart's catalog, 50,000 products, until it or its stock changes) is not checked again.
 * Any other object, even an equal one, is checked; only a frozen answer is remembered, since
 * whoever freezes one shares it and never changes it (its records are replaced, not edited).
 */
export class CheckedAnswers {
  private readonly last = new Map<string, { answer: object; data: unknown }>();

  check(channel: string, schema: z.ZodType, answer: unknown): Checked {
    const last = this.last.get(channel);
    if (last !== undefined && last.answer === answer) return { success: true, data: last.data };
    const checked = schema.safeParse(answer);
    if (checked.success && typeof answer === 'object' && answer !== null && Object.isFrozen(answer))
      this.last.set(channel, { answer, data: checked.data });
    else this.last.delete(channel);
    return checked;
  }
}
