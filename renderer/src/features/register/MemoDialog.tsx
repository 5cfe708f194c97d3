import { useState, type FormEvent } from 'react';
import type { Product } from '../../../../shared/domain/catalog';
import { lineKeyOf, memoSchema } from '../../../../shared/domain/cart-line';
import { useLocale } from '../../i18n/use-strings';
import { Dialog } from '../../ui/Dialog';
import { TextField } from '../../ui/TextField';
import { useCart } from './cart-store';
import { useOptionStrings } from './option-strings';

interface MemoDialogProps {
  title: string;
  placeholder: string;
  memo: string | null;
  /** The memo as typed (trimmed), or null to clear it. */
  onSave: (memo: string | null) => void;
  onClose: () => void;
}

/** A one-line note the cashier types: Enter keeps it, an empty field clears it, Esc leaves it as it was. */
function MemoDialog({ title, placeholder, memo, onSave, onClose }: MemoDialogProps) {
  const text = useOptionStrings();
  const [value, setValue] = useState(memo ?? '');
  const [invalid, setInvalid] = useState(false);

  function submit(event: FormEvent): void {
    event.preventDefault();
    if (value.trim() === '') return onSave(null);
    const parsed = memoSchema.safeParse(value);
    if (!parsed.success) return setInvalid(true);
    onSave(parsed.data);
  }

  return (
    <Dialog title={title} onCancel={onClose} testId="memo-dialog">
      <form className="dialog-form" onSubmit={submit}>
        <TextField
          label={text.memoLabel}
          value={value}
          onChange={(next) => {
            setValue(next);
            setInvalid(false);
          }}
          placeholder={placeholder}
          maxLength={60}
          hint={text.memoHint}
          error={invalid ? text.memoInvalid : null}
          data-testid="memo-input"
          autoFocus
        />
        <div className="dialog-actions">
          {memo !== null && (
            <button type="button" className="button button-plain" onClick={() => onSave(null)} data-testid="memo-clear">
              {text.clearMemo}
            </button>
          )}
          <button type="button" className="button button-plain" onClick={onClose}>
            {text.cancel}
          </button>
          <button type="submit" className="button button-primary" data-testid="memo-save">
            {text.saveMemo}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** The memo of the cart's selected line, or of the whole order. */
export function CartMemoDialog({
  target,
  products,
  onClose,
}: {
  target: 'line' | 'order';
  products: ReadonlyMap<string, Product>;
  onClose: () => void;
}) {
  const text = useOptionStrings();
  const locale = useLocale();
  // The line as the dialog opened on it: its key changes with its memo.
  const [line] = useState(() => {
    const { lines, selectedKey } = useCart.getState();
    return lines.find((candidate) => lineKeyOf(candidate) === selectedKey) ?? null;
  });
  const orderMemo = useCart((state) => state.memo);
  if (target === 'order')
    return (
      <MemoDialog
        title={text.orderMemoTitle}
        placeholder={text.orderMemoPlaceholder}
        memo={orderMemo}
        onSave={(memo) => {
          useCart.getState().setMemo(memo);
          onClose();
        }}
        onClose={onClose}
      />
    );
  if (line === null) return null;
  return (
    <MemoDialog
      title={text.lineMemoTitle(products.get(line.productId)?.name[locale] ?? line.productId)}
      placeholder={text.lineMemoPlaceholder}
      memo={line.memo}
      onSave={(memo) => {
        useCart.getState().setLineMemo(lineKeyOf(line), memo);
        onClose();
      }}
      onClose={onClose}
    />
  );
}
