import { useCouponsStrings } from './coupons-strings';

interface PagerProps {
  offset: number;
  /** Rows on this page. */
  shown: number;
  total: number;
  pageSize: number;
  onOffset: (offset: number) => void;
}

/** "51–100 / 230" with the buttons to the pages either side. */
export function Pager({ offset, shown, total, pageSize, onOffset }: PagerProps) {
  const text = useCouponsStrings();
  return (
    <nav className="pager" aria-label={text.pager}>
      <span data-testid="coupon-range" aria-live="polite">
        {text.range(shown === 0 ? 0 : offset + 1, offset + shown, total)}
      </span>
      <button
        type="button"
        className="button button-plain button-small"
        disabled={offset === 0}
        onClick={() => onOffset(Math.max(0, offset - pageSize))}
        data-testid="coupon-page-previous"
      >
        {text.previous}
      </button>
      <button
        type="button"
        className="button button-plain button-small"
        disabled={offset + shown >= total}
        onClick={() => onOffset(offset + pageSize)}
        data-testid="coupon-page-next"
      >
        {text.next}
      </button>
    </nav>
  );
}
