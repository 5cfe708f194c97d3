import { formatWon } from '../../../shared/domain/money';
import { optionsText } from '../../../shared/domain/option-text';
// Its own files, not the feature's index: the customer's page needs none of the register's side.
import { callingStrings } from '../features/calling/calling-strings';
import './customer.css';
import { NumberBoard } from './NumberBoard';
import { useCustomerView } from './use-customer-view';
import { useReadyChime } from './use-ready-chime';

/**
 * The customer's screen: what is rung up, the total, "please pay" while the window is open, and
 * thanks with the number to listen for; beside it the number board (preparing, ready). It can
 * only read; nothing here changes the sale.
 */
export function CustomerScreen() {
  const view = useCustomerView();
  useReadyChime(view);
  if (view === null) return <main className="customer" data-testid="customer-screen" data-stage="loading" />;
  const board = view.board.preparing.length + view.board.ready.length > 0;
  return (
    <main
      className={board ? 'customer customer-with-board' : 'customer'}
      data-testid="customer-screen"
      data-stage={view.stage}
    >
      <div className="customer-sale">
        {view.training && <p className="customer-training">교육 모드 · Training</p>}
        {view.stage === 'idle' && (
          <h1 className="customer-welcome">
            어서 오세요 <span>Welcome</span>
          </h1>
        )}
        {(view.stage === 'ringing' || view.stage === 'paying') && (
          <>
            {view.stage === 'paying' && (
              <h1 className="customer-pay" data-testid="customer-pay">
                결제해 주세요 <span>Please pay on the card screen</span>
              </h1>
            )}
            {view.stage === 'ringing' && <h1 className="visually-hidden">주문 내역 · Your order</h1>}
            {view.memo !== null && (
              <p className="customer-memo" data-testid="customer-memo">
                메모 <small>Note</small> <span>{view.memo}</span>
              </p>
            )}
            <ul className="customer-lines" data-testid="customer-lines">
              {view.lines.map((line, index) => (
                // The same product twice (other options, another memo) is two lines.
                <li key={index}>
                  <span>
                    {line.name.ko} <small>{line.name.en}</small>
                    {line.options.length > 0 && (
                      <span className="customer-options" data-testid="customer-line-options">
                        {optionsText(line.options.map((o) => ({ name: o.name.ko, count: o.count })))}{' '}
                        <small>{optionsText(line.options.map((o) => ({ name: o.name.en, count: o.count })))}</small>
                      </span>
                    )}
                    {line.memo !== null && (
                      <span className="customer-line-memo" data-testid="customer-line-memo">
                        {line.memo}
                      </span>
                    )}
                  </span>
                  <span>× {line.quantity}</span>
                  <strong>{formatWon(line.lineTotal)}</strong>
                </li>
              ))}
            </ul>
            {view.discount > 0 && (
              <p className="customer-discount" data-testid="customer-discount">
                할인 <small>Discount</small> <strong>−{formatWon(view.discount)}</strong>
              </p>
            )}
            <p className="customer-total" data-testid="customer-total">
              합계 <strong>{formatWon(view.total)}</strong>
            </p>
          </>
        )}
        {view.stage === 'paid' && (
          <section className="customer-thanks" data-testid="customer-thanks">
            <h1>
              감사합니다 <span>Thank you</span>
            </h1>
            {view.callNumber !== null && (
              <p className="customer-call">
                대기번호 <strong data-testid="customer-call-number">{view.callNumber}</strong>
              </p>
            )}
          </section>
        )}
      </div>
      {board && <NumberBoard board={view.board} texts={callingStrings[view.locale]} />}
    </main>
  );
}
