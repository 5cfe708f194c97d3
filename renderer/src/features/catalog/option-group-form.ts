import { optionGroupDraftSchema, type OptionGroup, type OptionGroupDraft } from '../../../../shared/domain/catalog';
import { parseWholeNumber } from '../../lib/whole-number';
import type { CatalogStrings } from './catalog-strings';

/** One option as typed; `retired` is shown, not sent (retiring is its own action). */
export interface OptionRowForm {
  /** Absent for an option added in this dialog. */
  id?: string;
  ko: string;
  en: string;
  price: string;
  isDefault: boolean;
  retired: boolean;
}

/** The option group dialog as typed. */
export interface GroupForm {
  ko: string;
  en: string;
  min: string;
  max: string;
  options: OptionRowForm[];
}

export type GroupField = 'name' | 'bounds' | 'options' | 'defaults';

export type GroupReading = { value: OptionGroupDraft } | { problems: Partial<Record<GroupField, string>> };

export const blankOption: OptionRowForm = { ko: '', en: '', price: '0', isDefault: false, retired: false };

export function groupFormOf(group: OptionGroup | null): GroupForm {
  if (group === null) return { ko: '', en: '', min: '0', max: '1', options: [{ ...blankOption }] };
  return {
    ko: group.name.ko,
    en: group.name.en,
    min: String(group.min),
    max: String(group.max),
    options: group.options.map((option) => ({
      id: option.id,
      ko: option.name.ko,
      en: option.name.en,
      price: String(option.price),
      isDefault: group.defaults.includes(option.id),
      retired: option.retired,
    })),
  };
}

/** A row added here and left empty is no option at all. */
const untouched = (row: OptionRowForm) =>
  row.id === undefined && row.ko.trim() === '' && row.en.trim() === '' && ['', '0'].includes(row.price.trim());

/**
 * The draft to send, or what is wrong next to each part, checked with main's schema and the
 * rules of defaults (main checks all of it again and says why it refused).
 */
export function readGroupForm(form: GroupForm, id: string | undefined, text: CatalogStrings): GroupReading {
  const draft: OptionGroupDraft = {
    ...(id === undefined ? {} : { id }),
    name: { ko: form.ko.trim(), en: form.en.trim() },
    min: parseWholeNumber(form.min),
    max: parseWholeNumber(form.max),
    options: form.options
      .filter((row) => !untouched(row))
      .map((row) => ({
        ...(row.id === undefined ? {} : { id: row.id }),
        name: { ko: row.ko.trim(), en: row.en.trim() },
        price: parseWholeNumber(row.price),
        isDefault: row.isDefault && !row.retired,
      })),
  };
  const problems: Partial<Record<GroupField, string>> = {};
  const parsed = optionGroupDraftSchema.safeParse(draft);
  for (const issue of parsed.error?.issues ?? []) {
    const [head] = issue.path;
    if (head === 'name') problems.name = text.nameRequired;
    else if (head === 'min' || head === 'max') problems.bounds = text.boundsInvalid;
    else if (head === 'options') problems.options = text.optionInvalid;
  }
  if (problems.bounds === undefined && draft.min > draft.max) problems.bounds = text.boundsInvalid;
  if (problems.bounds === undefined) {
    const defaults = draft.options.filter((option) => option.isDefault).length;
    if (defaults > draft.max) problems.defaults = text.defaultsTooMany(draft.max);
    else if (draft.min > 0 && defaults < draft.min) problems.defaults = text.defaultsTooFew(draft.min);
  }
  return Object.keys(problems).length > 0 || !parsed.success ? { problems } : { value: parsed.data };
}
