import type { CallBoard } from '../../../shared/domain/call-board';
import type { CallingTexts } from '../features/calling/calling-strings';

/**
 * The numbers customers listen for: those being made, and those ready to collect (the newest
 * first and highlighted). The newest ready number is also said to screen readers.
 */
export function NumberBoard({ board, texts }: { board: CallBoard; texts: CallingTexts }) {
  const newest = board.ready[0];
  return (
    <aside className="number-board" data-testid="number-board" aria-labelledby="number-board-title">
      <h2 id="number-board-title" className="visually-hidden">
        {texts.boardTitle}
      </h2>
      <section className="number-board-column" aria-labelledby="board-preparing">
        <h3 id="board-preparing">{texts.preparing}</h3>
        <ul data-testid="board-preparing">
          {board.preparing.map((entry) => (
            <li key={entry.orderId}>{entry.callNumber}</li>
          ))}
        </ul>
      </section>
      <section className="number-board-column number-board-ready" aria-labelledby="board-ready">
        <h3 id="board-ready">{texts.ready}</h3>
        <ul data-testid="board-ready">
          {board.ready.map((entry) => (
            <li key={entry.orderId} className={entry === newest ? 'number-board-newest' : undefined}>
              {entry.callNumber}
            </li>
          ))}
        </ul>
      </section>
      <p className="visually-hidden" role="status">
        {newest === undefined ? '' : texts.nowReady(newest.callNumber)}
      </p>
    </aside>
  );
}
