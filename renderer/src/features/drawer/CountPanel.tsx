import { useState, type FormEvent } from 'react';
import type { DrawerCount, DrawerView } from '../../../../shared/domain/drawer';
import { useAction } from '../../lib/use-action';
import { FormError } from '../../ui/FormError';
import { blankCount, readCount, runningTotal } from './count-form';
import { CountForm } from './CountForm';
import { useDrawerTexts } from './drawer-strings';
import { signedWon, useOverShortText } from './ShiftFigures';
import { useLocale } from '../../i18n/use-strings';

interface CountPanelProps {
  /** `open`: the float of a new shift; `close`: the count against what the open shift expects. */
  purpose: 'open' | 'close';
  /** What the drawer should hold (closing only): the count is compared with it as it is typed. */
  expected?: number;
  submit: (count: DrawerCount) => Promise<DrawerView>;
  onCancel?: () => void;
}

/** Counting the drawer by note and coin, to open a shift with its float or to close it. */
export function CountPanel({ purpose, expected, submit, onCancel }: CountPanelProps) {
  const text = useDrawerTexts();
  const locale = useLocale();
  const overShortText = useOverShortText();
  const { busy, error, run } = useAction();
  const [texts, setTexts] = useState(blankCount);
  const [tried, setTried] = useState(false);
  const prefix = `drawer-${purpose}-count`;
  const heading = purpose === 'open' ? text.openHeading : text.closeHeading;
  const difference = expected === undefined ? null : runningTotal(texts) - expected;

  function onSubmit(event: FormEvent): void {
    event.preventDefault();
    setTried(true);
    const read = readCount(texts);
    if ('invalid' in read) {
      document.getElementById(`${prefix}-${read.invalid[0]}`)?.focus();
      return;
    }
    run(() => submit(read.count));
  }

  return (
    <form className="panel drawer-count-panel" onSubmit={onSubmit} aria-labelledby={`${prefix}-heading`} noValidate>
      <h2 id={`${prefix}-heading`}>{heading}</h2>
      <p className="field-hint">{purpose === 'open' ? text.openHint : text.closeHint}</p>
      <CountForm prefix={prefix} texts={texts} onChange={setTexts} showErrors={tried} disabled={busy} />
      {expected !== undefined && difference !== null && (
        <dl className="drawer-figures">
          <div className="drawer-figure">
            <dt>{text.expected}</dt>
            <dd>{signedWon(expected, locale)}</dd>
          </div>
          <div
            className={
              difference < 0 ? 'drawer-figure drawer-figure-total drawer-short' : 'drawer-figure drawer-figure-total'
            }
          >
            <dt>{text.overShort}</dt>
            <dd data-testid="drawer-close-over-short">{overShortText(difference)}</dd>
          </div>
        </dl>
      )}
      <FormError error={error} testId={`drawer-${purpose}-error`} />
      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={busy}
          aria-busy={busy}
          data-testid={`drawer-${purpose}-submit`}
        >
          {purpose === 'open' ? (busy ? text.opening : text.openButton) : busy ? text.closing : text.closeButton}
        </button>
        {onCancel !== undefined && (
          <button type="button" className="button button-plain" onClick={onCancel} disabled={busy}>
            {text.cancel}
          </button>
        )}
      </div>
    </form>
  );
}
