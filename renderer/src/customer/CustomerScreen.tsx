import { formatWon } from '../../../shared/domain/money';
import './customer.css';
import { useCustomerView } from './use-customer-view';

/**
 * The customer's screen: what is rung up, the total, "please pay" while the window is open, and
 * thanks with the number to listen for. It can only read; nothing here changes the sale.
 */
export function CustomerScreen() {
  const view = useCustomerView();
  if (view === null) return <main className="customer" data-testid="customer-screen" data-stage="loading" />;
  return (
    <main className="customer" data-testid="customer-screen" data-stage={view.stage}>
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
          <ul className="customer-lines" data-testid="customer-lines">
            {view.lines.map((line) => (
              <li key={line.name.ko}>
                <span>
                  {line.name.ko} <small>{line.name.en}</small>
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
    </main>
  );
}
