import { useState } from 'react';
import { CallListDialog } from './CallListDialog';
import { useCallingStrings } from './calling-strings';
import { CALL_LIST_KEY } from './call-key';
import { useCallKey } from './use-call-key';
import './calling.css';

/** "호출" beside the register's search, with F5: the list of numbers being prepared, to call one ready. */
export function CallControls() {
  const text = useCallingStrings();
  const [open, setOpen] = useState(false);
  useCallKey(() => setOpen(true));
  return (
    <div className="call-controls">
      <button
        type="button"
        className="button button-plain button-small"
        data-testid="call-open"
        aria-keyshortcuts={CALL_LIST_KEY}
        title={CALL_LIST_KEY}
        onClick={() => setOpen(true)}
      >
        {text.callListButton}
      </button>
      {open && <CallListDialog onClose={() => setOpen(false)} />}
    </div>
  );
}
