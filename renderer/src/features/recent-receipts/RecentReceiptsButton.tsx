import { useState } from 'react';
import { RecentReceiptsDialog } from './RecentReceiptsDialog';
import { useRecentReceiptsStrings } from './recent-receipts-strings';
import { useRecentReceiptsKey } from './use-recent-receipts-key';
import './recent-receipts.css';

/** "영수증 재출력" beside the register's search, with F1: the business day's receipts, printed again without a manager. */
export function RecentReceiptsButton() {
  const text = useRecentReceiptsStrings();
  const [open, setOpen] = useState(false);
  useRecentReceiptsKey(() => setOpen(true));
  return (
    <>
      <button
        type="button"
        className="button button-plain button-small recent-receipts-open"
        data-testid="recent-receipts-open"
        aria-keyshortcuts="F1"
        title="F1"
        onClick={() => setOpen(true)}
      >
        {text.button}
      </button>
      {open && <RecentReceiptsDialog onClose={() => setOpen(false)} />}
    </>
  );
}
