import { useState, type FormEvent } from 'react';
import type { OptionGroup } from '../../../../shared/domain/catalog';
import { Dialog } from '../../ui/Dialog';
import { FormError } from '../../ui/FormError';
import { TextField } from '../../ui/TextField';
import { useCatalogStrings } from './catalog-strings';
import { blankOption, groupFormOf, readGroupForm, type GroupField, type GroupForm } from './option-group-form';
import { useSaveOptionGroup } from './use-catalog-edits';
import './catalog.css';

interface OptionGroupDialogProps {
  /** null: a new group. */
  group: OptionGroup | null;
  onSaved: () => void;
  onCancel: () => void;
}

/** Adds or edits an option group: its names, how many a line picks, its options, their prices and defaults. */
export function OptionGroupDialog({ group, onSaved, onCancel }: OptionGroupDialogProps) {
  const text = useCatalogStrings();
  const [form, setForm] = useState<GroupForm>(() => groupFormOf(group));
  const [problems, setProblems] = useState<Partial<Record<GroupField, string>>>({});
  const { error, busy, save: send } = useSaveOptionGroup(onSaved);

  const change = (patch: Partial<GroupForm>) => setForm((previous) => ({ ...previous, ...patch }));
  const changeRow = (index: number, patch: Partial<GroupForm['options'][number]>) =>
    setForm((previous) => ({
      ...previous,
      options: previous.options.map((row, i) => (i === index ? { ...row, ...patch } : row)),
    }));

  function save(event: FormEvent): void {
    event.preventDefault();
    if (busy) return;
    const reading = readGroupForm(form, group?.id, text);
    if ('problems' in reading) {
      setProblems(reading.problems);
      return;
    }
    setProblems({});
    send(reading.value);
  }

  return (
    <Dialog
      title={group === null ? text.addOptionGroup : text.editOptionGroup}
      onCancel={onCancel}
      testId="option-group-dialog"
      wide
    >
      <form onSubmit={save} className="dialog-form" noValidate aria-busy={busy}>
        <div className="catalog-pair">
          <TextField
            label={text.nameKo}
            value={form.ko}
            onChange={(ko) => change({ ko })}
            maxLength={100}
            error={problems.name ?? null}
            data-testid="option-group-name-ko"
            autoFocus
          />
          <TextField
            label={text.nameEn}
            value={form.en}
            onChange={(en) => change({ en })}
            maxLength={100}
            data-testid="option-group-name-en"
          />
        </div>
        <div className="catalog-pair">
          <TextField
            label={text.minCount}
            value={form.min}
            onChange={(min) => change({ min })}
            inputMode="numeric"
            maxLength={1}
            error={problems.bounds ?? null}
            hint={text.boundsHint}
            data-testid="option-group-min"
          />
          <TextField
            label={text.maxCount}
            value={form.max}
            onChange={(max) => change({ max })}
            inputMode="numeric"
            maxLength={1}
            data-testid="option-group-max"
          />
        </div>
        <fieldset className="option-rows">
          <legend>{text.optionsLegend}</legend>
          <div className="option-row option-row-head" aria-hidden="true">
            <span>{text.nameKo}</span>
            <span>{text.nameEn}</span>
            <span>{text.optionPrice}</span>
            <span>{text.isDefault}</span>
            <span />
          </div>
          {form.options.map((row, index) => {
            const key = row.id ?? `new-${index}`;
            const label = `${text.optionRow(index + 1)}:`;
            return (
              <div key={key} className="option-row" data-testid={`option-row-${key}`}>
                <input
                  aria-label={`${label} ${text.nameKo}`}
                  value={row.ko}
                  onChange={(event) => changeRow(index, { ko: event.target.value })}
                  maxLength={100}
                  autoComplete="off"
                  data-testid={`option-name-ko-${key}`}
                />
                <input
                  aria-label={`${label} ${text.nameEn}`}
                  value={row.en}
                  onChange={(event) => changeRow(index, { en: event.target.value })}
                  maxLength={100}
                  autoComplete="off"
                  data-testid={`option-name-en-${key}`}
                />
                <input
                  aria-label={`${label} ${text.optionPrice}`}
                  value={row.price}
                  onChange={(event) => changeRow(index, { price: event.target.value })}
                  inputMode="numeric"
                  maxLength={11}
                  autoComplete="off"
                  className="num"
                  data-testid={`option-price-${key}`}
                />
                <label className="checkbox option-default">
                  <input
                    type="checkbox"
                    checked={row.isDefault && !row.retired}
                    disabled={row.retired}
                    onChange={(event) => changeRow(index, { isDefault: event.target.checked })}
                    aria-label={`${label} ${text.isDefault}`}
                    data-testid={`option-default-${key}`}
                  />
                </label>
                {row.retired ? (
                  <span className="tag">{text.retired}</span>
                ) : row.id === undefined ? (
                  <button
                    type="button"
                    className="button button-plain button-small"
                    aria-label={text.removeNewOption(index + 1)}
                    onClick={() => change({ options: form.options.filter((_, i) => i !== index) })}
                  >
                    ×
                  </button>
                ) : (
                  <span />
                )}
              </div>
            );
          })}
          <div className="form-actions">
            <button
              type="button"
              className="button button-secondary button-small"
              data-testid="option-add"
              onClick={() => change({ options: [...form.options, { ...blankOption }] })}
            >
              {text.addOption}
            </button>
          </div>
          {problems.options && (
            <p className="field-error" role="alert">
              {problems.options}
            </p>
          )}
          {problems.defaults && (
            <p className="field-error" role="alert" data-testid="option-defaults-problem">
              {problems.defaults}
            </p>
          )}
          <p className="field-hint">{text.defaultsHint}</p>
          <p className="field-hint">
            {text.optionPriceRule} {text.optionsKept}
          </p>
        </fieldset>
        <FormError error={error} testId="option-group-error" withDetail />
        <div className="dialog-actions">
          <button type="button" className="button button-plain" onClick={onCancel}>
            {text.cancel}
          </button>
          <button type="submit" className="button button-primary" data-testid="option-group-save" disabled={busy}>
            {text.save}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
