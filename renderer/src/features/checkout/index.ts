export { CashDialog } from './CashDialog';
export { useCashTexts } from './cash-strings';
export { CheckoutProblem } from './CheckoutProblem';
export { describeProblem } from './describe-problem';
export { PayButton } from './PayButton';
export {
  initialCheckoutState,
  saleRequest,
  selectCartLocked,
  selectIsBusy,
  selectPaymentInFlight,
  useCheckout,
  type CashTender,
  type Sale,
} from './checkout-store';
export type { Phase } from './phase';
export { usePhaseText } from './checkout-strings';
export { useCheckoutChimes } from './use-checkout-chimes';
