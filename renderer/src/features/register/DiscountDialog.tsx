import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { OptionGroup, Product } from '../../../../shared/domain/catalog';
import { optionsText } from '../../../../shared/domain/option-text';
import type { ManualDiscount } from '../../../../shared/domain/coupons';
import { needsManagerApproval } from '../../../../shared/domain/discount-approval';
import type { PosErrorData } from '../../../../shared/domain/errors';
import { useLocale } from '../../i18n/use-strings';
import { useAction } from '../../lib/use-action';
import { Dialog } from '../../ui/Dialog';
import { FormError } from '../../ui/FormError';
import { TextField } from '../../ui/TextField';
import { applyDiscount } from './apply-discount';
import { cartView, useCart } from './cart-store';
import { useDiscountStrings } from './discount-strings';

const WHOLE_ORDER = '';

/** The discount as typed, or what is wrong with it before main is asked. */
function typedDiscount(form: {
  target: string;
  kind: ManualDiscount['kind'];
  value: string;
  reason: string;
}): ManualDiscount | 'value' | 'reason' {
  const value = Number(form.value);
  if (!/^\d{1,9}$/.test(form.value.trim()) || value < 1 || (form.kind === 'percent' && value > 100)) return 'value';
  if (form.reason.trim() === '') return 'reason';
  return {
    kind: form.kind,
    value,
    lineKey: form.target === WHOLE_ORDER ? null : form.target,
    reason: form.reason.trim(),
  };
}

/** The cart's discount whose approval main no longer takes (used, expired, another cart), and main's words for why. */
export interface ApproveAgain {
  discount: ManualDiscount;
  why: PosErrorData;
}

/**
 * A cashier's discount off one line or the whole order, with a reason. Main prices it; above the
 * shop's limit main asks for a manager, whose PIN approves it right here. `again` opens it on a
 * discount to approve anew, the PIN asked at once.
 */
export function DiscountDialog({
  products,
  groups,
  again,
  onClose,
}: {
  products: ReadonlyMap<string, Product>;
  groups: ReadonlyMap<string, OptionGroup>;
  again: ApproveAgain | null;
  onClose: () => void;
}) {
  const text = useDiscountStrings();
  const locale = useLocale();
  const lines = useCart((state) => state.lines);
  const [target, setTarget] = useState(again?.discount.lineKey ?? WHOLE_ORDER);
  const [kind, setKind] = useState<ManualDiscount['kind']>(again?.discount.kind ?? 'percent');
  const [value, setValue] = useState(again === null ? '' : String(again.discount.value));
  const [reason, setReason] = useState(again?.discount.reason ?? '');
  const [pin, setPin] = useState('');
  const [needsManager, setNeedsManager] = useState(again !== null);
  const { busy, run } = useAction();
  const [invalid, setInvalid] = useState<'value' | 'reason' | null>(null);
  // Not the action's error: it opens with `again.why`, and stays shown while the next try is checked.
  const [refused, setRefused] = useState<PosErrorData | null>(again?.why ?? null);
  const form = useRef<HTMLFormElement>(null);

  // Asked again, the manager's PIN is what is missing: it takes the focus the dialog gave its first field.
  useEffect(() => {
    const field = again === null ? null : form.current?.elements.namedItem('pin');
    if (field instanceof HTMLInputElement) field.focus();
  }, [again]);

  function submit(event: FormEvent): void {
    event.preventDefault();
    if (busy) return;
    const discount = typedDiscount({ target, kind, value, reason });
    if (typeof discount === 'string') return setInvalid(discount);
    setInvalid(null);
    run(
      () => applyDiscount(discount, needsManager ? pin : null),
      onClose,
      (problem) => {
        if (needsManagerApproval(problem.code)) setNeedsManager(true);
        setRefused(problem);
        setPin('');
      },
    );
  }

  return (
    <Dialog title={text.discountTitle} onCancel={onClose} testId="discount-dialog">
      <form ref={form} className="dialog-form discount-form" onSubmit={submit}>
        <div className="field">
          <label htmlFor="discount-target">{text.discountTarget}</label>
          <select
            id="discount-target"
            data-testid="discount-target"
            value={target}
            onChange={(event) => setTarget(event.target.value)}
          >
            <option value={WHOLE_ORDER}>{text.wholeOrder}</option>
            {cartView(lines, products, groups).lines.map((line) => {
              // Two lattes apart by their options (or memo) are told apart here too.
              const options = optionsText(line.options.map((o) => ({ name: o.name[locale], count: o.count })));
              const extras = [options, line.memo ?? ''].filter((part) => part !== '').join(' · ');
              const name = line.product.name[locale];
              return (
                <option key={line.key} value={line.key}>
                  {text.line(extras === '' ? name : `${name} (${extras})`)}
                </option>
              );
            })}
          </select>
        </div>
        <div className="discount-amount">
          <fieldset className="discount-kind">
            <legend>{text.kind}</legend>
            {(['percent', 'fixed'] as const).map((option) => (
              <label key={option} className="discount-kind-option">
                <input
                  type="radio"
                  name="discount-kind"
                  value={option}
                  checked={kind === option}
                  data-testid={`discount-kind-${option}`}
                  onChange={() => setKind(option)}
                />
                {option === 'percent' ? text.kindPercent : text.kindFixed}
              </label>
            ))}
          </fieldset>
          <TextField
            label={text.value}
            value={value}
            onChange={setValue}
            inputMode="numeric"
            maxLength={9}
            hint={kind === 'percent' ? text.valuePercentHint : text.valueFixedHint}
            error={invalid === 'value' ? text.valueInvalid : null}
            data-testid="discount-value"
            autoFocus={again === null}
          />
        </div>
        <TextField
          label={text.reason}
          value={reason}
          onChange={setReason}
          maxLength={100}
          hint={text.reasonHint}
          error={invalid === 'reason' ? text.reasonRequired : null}
          data-testid="discount-reason"
        />
        <div className="discount-reasons">
          {text.reasons.map((preset) => (
            <button key={preset} type="button" className="chip" onClick={() => setReason(preset)}>
              {preset}
            </button>
          ))}
        </div>
        {needsManager && (
          <TextField
            label={text.approvalPin}
            value={pin}
            onChange={setPin}
            type="password"
            inputMode="numeric"
            maxLength={8}
            name="pin"
            data-testid="discount-pin"
            autoFocus
          />
        )}
        <FormError error={refused} testId="discount-error" />
        <div className="dialog-actions">
          <button type="button" className="button button-plain" onClick={onClose}>
            {text.cancel}
          </button>
          <button
            type="submit"
            className="button button-primary"
            data-testid="discount-apply"
            disabled={busy || (needsManager && pin === '')}
            aria-busy={busy}
          >
            {busy ? text.checking : needsManager ? text.approve : text.apply}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
